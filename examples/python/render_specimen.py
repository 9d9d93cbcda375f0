"""Renders a card's front face at 600 dpi to a PNG with the cardface Python module.

    PYTHONPATH=PREFIX/lib/python3/dist-packages python3 render_specimen.py DATA.json OUT.png
"""
import json
import pathlib
import sys

import cardface

data, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
record = json.loads(data.read_text(encoding="utf-8"))
try:
    png = cardface.Renderer("fprc-2023").render_png(
        record, side="front", dpi=600, base_dir=data.parent
    )
except cardface.Error as e:
    sys.exit(f"render_specimen: {e.field}: {e.message}")
out.write_bytes(png)
