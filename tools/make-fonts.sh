#!/bin/sh
# Builds the pinned fonts in fonts/ from Debian's font packages (fonts-noto-cjk,
# fonts-noto-core, fonts-ocr-b) with fontTools (python3-fonttools). Re-runnable; the output
# is byte-for-byte the same on every run, so goldens stay valid.
#
#   tools/make-fonts.sh            # writes fonts/*.otf, fonts/*.ttf, checks fonts/SHA256SUMS
#   tools/make-fonts.sh --update   # ... and rewrites fonts/SHA256SUMS
#
# A checksum mismatch means the Debian fonts (or fontTools) changed: the golden images that
# show text may change too, so review them before committing new fonts.
#
# Overridable: PYTHON (a python3 with fontTools), NOTO_CJK_DIR, NOTO_DIR, OCRB_DIR.
set -eu

update=no
case "${1:-}" in
  --update) update=yes ;;
  "") ;;
  *) echo "usage: $0 [--update]" >&2; exit 2 ;;
esac

root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/fonts"
python=${PYTHON:-/usr/bin/python3}
noto_cjk=${NOTO_CJK_DIR:-/usr/share/fonts/opentype/noto}
noto=${NOTO_DIR:-/usr/share/fonts/truetype/noto}
ocrb=${OCRB_DIR:-/usr/share/fonts/opentype/ocr-b}

# fontTools keeps head.modified from the source unless asked to recalculate it; should any
# step stamp the time anyway, it stamps this fixed one (2023-12-01, the 2023 card's launch).
export SOURCE_DATE_EPOCH=1701388800

"$python" -c 'import fontTools' 2>/dev/null || {
  echo "make-fonts: $python has no fontTools (apt-get install python3-fonttools)" >&2
  exit 1
}
for f in "$noto_cjk/NotoSansCJK-Regular.ttc" "$noto_cjk/NotoSansCJK-Bold.ttc" \
         "$noto/NotoSans-Regular.ttf" "$noto/NotoSans-Bold.ttf" "$ocrb/OCRB.otf" \
         "$root/data/tgscc-8105.txt"; do
  [ -r "$f" ] || { echo "make-fonts: missing $f" >&2; exit 1; }
done

subset() {
  "$python" -m fontTools.subset "$@" \
    --layout-features='*' --name-IDs='*' --name-languages='*' --notdef-outline
}

# Han: the 8,105 characters of the Table of General Standard Chinese Characters plus
# Latin-1, Latin Extended-A, General Punctuation, CJK Symbols and Punctuation, the katakana
# middle dot (used between transliterated name parts) and half/fullwidth forms.
# Face 2 of the collection is the Simplified Chinese (SC) one.
cjk_unicodes='U+0020-007E,U+00A0-00FF,U+0100-017F,U+2000-206F,U+3000-303F,U+30FB,U+FF00-FFEF'
for weight in Regular Bold; do
  subset "$noto_cjk/NotoSansCJK-$weight.ttc" --font-number=2 \
    --text-file="$root/data/tgscc-8105.txt" --unicodes="$cjk_unicodes" \
    --output-file="$out/NotoSansSC-$weight.otf.tmp"
  mv "$out/NotoSansSC-$weight.otf.tmp" "$out/NotoSansSC-$weight.otf"
done

# Latin: every Latin block Noto Sans has (Vietnamese needs Latin Extended Additional), the
# combining diacritics, spacing modifiers, punctuation, currency and letterlike symbols.
latin_unicodes='U+0020-007E,U+00A0-036F,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2100-214F'
latin_unicodes="$latin_unicodes,U+2C60-2C7F,U+A720-A7FF,U+AB30-AB6F,U+FB00-FB06,U+FFFD"
for weight in Regular Bold; do
  subset "$noto/NotoSans-$weight.ttf" --unicodes="$latin_unicodes" \
    --output-file="$out/NotoSans-$weight.ttf.tmp"
  mv "$out/NotoSans-$weight.ttf.tmp" "$out/NotoSans-$weight.ttf"
done

# OCR-B for the MRZ, as TrueType outlines (see tools/otf_to_ttf.py for why).
"$python" "$root/tools/otf_to_ttf.py" "$ocrb/OCRB.otf" "$out/OCRB.ttf.tmp"
mv "$out/OCRB.ttf.tmp" "$out/OCRB.ttf"

cd "$out"
sums=$(sha256sum NotoSansSC-Regular.otf NotoSansSC-Bold.otf NotoSans-Regular.ttf \
  NotoSans-Bold.ttf OCRB.ttf)
if [ "$update" = yes ] || [ ! -e SHA256SUMS ]; then
  printf '%s\n' "$sums" > SHA256SUMS
  echo "make-fonts: wrote fonts/SHA256SUMS"
elif printf '%s\n' "$sums" | cmp -s - SHA256SUMS; then
  echo "make-fonts: fonts match fonts/SHA256SUMS"
else
  echo "make-fonts: fonts differ from fonts/SHA256SUMS (new Debian fonts or fontTools?)." >&2
  echo "  Review the golden images, then run $0 --update (or git checkout fonts/)." >&2
  exit 1
fi
