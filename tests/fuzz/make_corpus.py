#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora (tests/fuzz/corpus/<target>/) and the reproducers of
issue #15 (tests/fuzz/regress/<target>/, run once each by tools/fuzz, not mutated: some are
larger than the fuzzing length). Deterministic; rerun after changing it and commit the files.
The two small JPEGs beside it were written with libjpeg (8 x 8 baseline, 16 x 16 progressive)."""
import json, os, shutil, struct, zlib

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))


def put(kind, target, name, data):
    d = os.path.join(here, kind, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


for kind in ("corpus", "regress"):
    shutil.rmtree(os.path.join(here, kind), ignore_errors=True)

specimen = {"type": "fprc-2023", "surname": "ZHENGJIAN", "given_names": "YANGBEN",
            "name_zh": "证件样本", "sex": "F", "date_of_birth": "1980-01-01", "nationality": "PAK",
            "id_number": "931586198001010028", "valid_from": "2023-08-08",
            "valid_until": "2033-08-07", "photo": "p.png"}
line = json.dumps(specimen, ensure_ascii=False)

# record
put("corpus", "record", "specimen.json", line)
put("corpus", "record", "td1.json", json.dumps({"type": "td1", "surname": "ERIKSSON", "given_names": "ANNA MARIA"}))
put("regress", "record", "number-1e400.json", line.replace('"F"', '1e400'))
put("regress", "record", "type-1e400.json", '{"type": 1e400}')
put("regress", "record", "integer-huge.json", '{"type": "fprc-2023", "surname": 123456789012345678901234567890}')
put("regress", "record", "surname-100k.json", line.replace("ZHENGJIAN", "Z" * 100_000))
put("regress", "record", "invalid-utf8.json", b'{"type": "fprc-2023", "surname": "\xff\xfe"}')
put("regress", "record", "deep-10000.json", "[" * 10_000 + "]" * 10_000)
put("regress", "record", "truncated.json", line[:40])

# batch lines
put("corpus", "batch_jsonl", "two.jsonl", line + "\n\n" + line.replace("ZHENGJIAN", "LI") + "\n")
put("regress", "batch_jsonl", "number-1e400.jsonl", line + "\n" + line.replace('"F"', "1e400") + "\n")
put("regress", "batch_jsonl", "bad-lines.jsonl", "{\n" + "[1e400]\n" + "\xff\n" + line + "\n")
header = ",".join(specimen.keys())
row = ",".join(f'"{v}"' if "," in v else v for v in specimen.values())
put("corpus", "batch_csv", "two.csv", header + "\r\n" + row + "\r\n" + row.replace("ZHENGJIAN", "LI") + "\n")
put("corpus", "batch_csv", "quoted.csv", 'type,surname,given_names\nfprc-2023,"LI ""X""","A\nB"\n')
put("regress", "batch_csv", "cell-100k.csv", header + "\n" + row.replace("ZHENGJIAN", "Z" * 100_000) + "\n")
put("regress", "batch_csv", "unterminated-quote.csv", header + '\n"' + "x\n" * 1000)
put("regress", "batch_csv", "no-header.csv", "")

# MRZ (ICAO Doc 9303 part 5's TD1 example)
put("corpus", "mrz_check", "icao-example.txt",
    "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<\n")
put("corpus", "mrz_check", "short.txt", "I<UTO\n\n")

# images


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width, height, idat, colour=6, depth=8):
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, 0))
            + chunk(b"IDAT", idat) + chunk(b"IEND", b""))


put("corpus", "image", "2x2.png", png(2, 2, zlib.compress(b"\0" + b"\xff\0\0\xff" * 2 + b"\0" + b"\0\0\xff\x80" * 2)))
put("corpus", "image", "4x1-grey1.png", png(4, 1, zlib.compress(b"\0\xa0"), colour=0, depth=1))
with open(os.path.join(here, "seed-8x8.jpg"), "rb") as f:
    jpeg = f.read()
with open(os.path.join(here, "seed-16x16-progressive.jpg"), "rb") as f:
    progressive = f.read()
put("corpus", "image", "8x8.jpg", jpeg)
put("corpus", "image", "16x16-progressive.jpg", progressive)
bomb = png(20000, 20000, zlib.compress(b""))
put("regress", "image", f"claims-20000x20000-{len(bomb)}-bytes.png", bomb)


def patch_sof(data, width, height):
    i = 2
    while i < len(data):
        marker = data[i + 1]
        length = struct.unpack(">H", data[i + 2:i + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            return data[:i + 5] + struct.pack(">HH", height, width) + data[i + 9:]
        i += 2 + length
    raise SystemExit("no SOF")


put("regress", "image", f"claims-20000x20000-{len(jpeg)}-bytes.jpg", patch_sof(jpeg, 20000, 20000))
put("regress", "image", "claims-8000x8000.jpg", patch_sof(jpeg, 8000, 8000))
put("regress", "image", "progressive-claims-20000x20000.jpg", patch_sof(progressive, 20000, 20000))
# A zTXt chunk that inflates to 64 MB: libpng's chunk limit refuses it.
ztxt = chunk(b"zTXt", b"k\0\0" + zlib.compress(b"\0" * 64_000_000, 9))
ok = png(2, 2, zlib.compress(b"\0" + b"\xff" * 8 + b"\0" + b"\xff" * 8))
put("regress", "image", "ztxt-bomb.png", ok[:33] + ztxt + ok[33:])

# seal bytes: a header of the FPRC profile with nothing after it, and random-ish bytes
put("corpus", "seal_bytes", "header-only.bin", bytes([0xDC, 0x03]) + b"UTO" + bytes(10))
put("corpus", "seal_bytes", "empty.bin", b"")
put("corpus", "seal_image", "blank.bin", bytes([16, 16]) + bytes([255]) * 256)
put("corpus", "seal_image", "checker.bin", bytes([8, 8]) + bytes((255 if (x + y) % 2 else 0) for y in range(8) for x in range(8)))

# placeholders and date formats
for i, text in enumerate(["{surname} {given_names}", "{date_of_birth:%Y.%m.%d}", "{{literal}}",
                          "{name.en}", "{valid_from:%d %b %Y}-{valid_until:%e %B %y %%}", "{", "{date_of_birth:%Q}"]):
    put("corpus", "placeholder", f"{i}.txt", text)

# path data
for i, d in enumerate(["M 1 2 L 3 4 Z", "m1,2 h3 v4 c1 1 2 2 3 3 s1 1 2 2 q1 1 2 2 t3 3 z",
                       "M0 0 H 1e400", "M 1 2 L", "M.5.5l-1e-3-2e2"]):
    put("corpus", "path_data", f"{i}.txt", d)

# templates: the bundled icao-td1 (no images) and the reproducers
with open(os.path.join(root, "templates", "icao-td1", "template.json"), encoding="utf-8") as f:
    td1 = json.load(f)
put("corpus", "template", "icao-td1.json", json.dumps(td1))


def template(*elements):
    return json.dumps({"name": "hostile", "card_types": ["fprc-2023"],
                       "sides": {"front": {"elements": [dict(e, panel="color") for e in elements]}}})


put("corpus", "template", "rect.json", template({"kind": "rect", "x": 0, "y": 0, "width": 10, "height": 5, "fill": "#112233"}))
put("corpus", "template", "text.json", template({"kind": "text", "x": 1, "y": 5, "text": "{surname}", "size": 9, "max_width": 30, "min_size": 5}))
put("regress", "template", "size-1e400.json", template({"kind": "rect", "x": 0, "y": 0, "width": 1e400 if False else 1, "height": 5, "fill": "#112233"}).replace('"width": 1', '"width": 1e400'))
put("regress", "template", "rosette-max.json", template({"kind": "guilloche", "pattern": "rosette", "cx": 40, "cy": 25, "R": 20, "r": 3,
                                                          "curves": 100000, "samples": 100000, "turns": 100000, "stroke_width": 0.05}))
put("regress", "template", "wave-band-max.json", template({"kind": "guilloche", "pattern": "wave_band", "x": 0, "y": 0, "width": 85, "height": 50,
                                                            "wavelength": 5, "lines": 100000, "samples": 100000, "stroke_width": 0.05}))
put("regress", "template", "elements-5001.json", template(*([{"kind": "rect", "x": 0, "y": 0, "width": 1, "height": 1, "fill": "#000000"}] * 5001)))
put("regress", "template", "text-size-1e9.json", template({"kind": "text", "x": 1, "y": 5, "text": "X", "size": 1e9}))
put("regress", "template", "text-size-1e6.json", template({"kind": "text", "x": 1, "y": 5, "text": "X", "size": 1e6}))
put("regress", "template", "letter-spacing-1e300.json", template({"kind": "text", "x": 1, "y": 5, "text": "XY", "size": 9, "letter_spacing": 1e300}))
nested = {"kind": "rect", "x": 0, "y": 0, "width": 1, "height": 1, "fill": "#000000"}
for _ in range(40):
    nested = {"kind": "group", "children": [nested]}
put("regress", "template", "groups-40-deep.json", template(nested))
put("regress", "template", "microtext-1000-lines.json", template({"kind": "microtext", "x": 0, "y": 0, "width": 85, "height": 50, "lines": 1000,
                                                                  "text": "MICRO ", "cap_height": 0.1}))
put("regress", "template", "ghost-huge.json", template({"kind": "ghost", "x": 0, "y": 0, "width": 900, "height": 900, "dpi": 2400}))
put("regress", "template", "relief-soften-1e300.json", template({"kind": "relief", "x": 0, "y": 0, "width": 80, "height": 50, "soften": 1e300,
                                                                 "mask": {"d": "M 0 0 L 10 0 L 10 10 Z"}}))
