#!/usr/bin/python3
"""Convert a CFF-flavoured OpenType font to TrueType (glyf) outlines.

Why: Cairo 1.16's PDF backend writes a broken font object for OCRB.otf (CFF), so the MRZ
vanishes from PDFs; the same outlines as quadratic TrueType glyphs embed correctly.
Cubic curves become quadratic splines within MAX_ERR font units (cu2qu). The output is
deterministic: head.modified is kept from the source font.

usage: otf_to_ttf.py IN.otf OUT.ttf
"""
import sys

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

MAX_ERR = 0.5  # font units (1/1000 em here): far below a printer dot at MRZ sizes


def convert(font):
    if font.sfntVersion != "OTTO" or "CFF " not in font:
        raise SystemExit("not a CFF-flavoured OpenType font")
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()

    glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = {}
    for name in glyph_order:
        tt_pen = TTGlyphPen(glyph_set)
        # PostScript outer contours run counter-clockwise, TrueType ones clockwise.
        glyph_set[name].draw(Cu2QuPen(tt_pen, MAX_ERR, reverse_direction=True))
        glyf.glyphs[name] = tt_pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)  # sets each glyph's bounding box

    hmtx = font["hmtx"]
    for name in glyph_order:
        advance, _ = hmtx.metrics[name]
        glyph = glyf.glyphs[name]
        hmtx.metrics[name] = (advance, glyph.xMin if glyph.numberOfContours else 0)

    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.numGlyphs = len(glyph_order)
    maxp.maxZones = 1
    # No hinting instructions; TTFont.save recomputes the point and contour maxima.
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements",
                  "maxComponentDepth"):
        setattr(maxp, field, 0)
    font["maxp"] = maxp

    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = glyph_order
    font.sfntVersion = "\x00\x01\x00\x00"


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    font = TTFont(sys.argv[1], recalcTimestamp=False)
    convert(font)
    font.save(sys.argv[2], reorderTables=True)


if __name__ == "__main__":
    main()
