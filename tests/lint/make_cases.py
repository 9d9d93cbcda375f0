#!/usr/bin/env python3
"""Writes tests/lint/broken/<case>/template.json: the clean template tests/lint/clean with one
fault planted in each, and expect.json naming the one finding lint must report. Run it again
after changing the clean template; the cases are checked in."""
import copy, json, os, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
clean = json.load(open(os.path.join(HERE, "clean", "template.json")))


def element(t, side, id_):
    for e in t["sides"][side]["elements"]:
        if e.get("id") == id_:
            return e
    raise KeyError(id_)


def add(t, side, e, before=None):
    elements = t["sides"][side]["elements"]
    if before is None:
        elements.append(e)
    else:
        i = [x.get("id") for x in elements].index(before)
        elements.insert(i, e)


def case(name, side, element_id, rule, plant, dpi=600):
    t = copy.deepcopy(clean)
    t["name"] = "broken-" + name
    plant(t)
    d = os.path.join(HERE, "broken", name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "template.json"), "w") as f:
        json.dump(t, f, indent=2, ensure_ascii=False)
        f.write("\n")
    with open(os.path.join(d, "expect.json"), "w") as f:
        json.dump({"side": side, "element": element_id, "rule": rule, "dpi": dpi}, f, indent=2)
        f.write("\n")


shutil.rmtree(os.path.join(HERE, "broken"), ignore_errors=True)

# 1. An element off the card.
case("element-off-card", "front", "star", "outside-trim",
     lambda t: element(t, "front", "star").update({"x": 86.0}))
# 2. A QR code half off the card.
case("barcode-off-card", "front", "qr", "barcode-quiet-zone",
     lambda t: element(t, "front", "qr").update({"x": 78.0}))
# 3. Text without max_width running off the card.
def long_label(t):
    e = element(t, "front", "label")
    e.pop("max_width")
    e.pop("min_size")
    e["x"], e["y"] = 40, 6.4
case("text-off-card", "front", "label", "text-overflow", long_label)
# 4. A date hidden under the QR code.
case("date-under-barcode", "front", "expiry", "overlap",
     lambda t: element(t, "front", "expiry").update({"x": 60.0, "y": 45.0}))
# 5. Two texts overlapping.
case("texts-overlap", "front", "name", "overlap",
     lambda t: element(t, "front", "label").update({"y": 13.0}))
# 6. Text inside the MRZ zone.
case("text-in-mrz-zone", "back", "authority", "mrz-clear-zone",
     lambda t: element(t, "back", "authority").update({"y": 40.0}))
# 7. The MRZ printed on a navy band.
case("mrz-on-navy", "back", "mrz", "mrz-contrast",
     lambda t: element(t, "back", "mrz-band").update({"fill": "#14213d"}))
# 8. The expiry date touching a microtext band.
case("date-on-microtext", "front", "expiry", "overlap",
     lambda t: element(t, "front", "expiry").update({"y": 32.6}))
# 9. Text cut by its clip.
case("text-clipped", "front", "name", "text-clipped",
     lambda t: element(t, "front", "name").update({"clip": "M 4 6 H 20 V 14 H 4 Z"}))
# 10. Wrapped text whose second line runs off the bottom of the card.
case("text-wraps-off-card", "front", "label", "text-overflow",
     lambda t: element(t, "front", "label").update({"y": 52.5, "max_width": 30, "wrap": True,
                                                    "max_lines": 2, "min_size": 6}))
# 11. Art painted over a barcode's quiet zone.
case("quiet-zone-intruded", "front", "qr", "barcode-quiet-zone",
     lambda t: add(t, "front", {"id": "rule", "kind": "line", "panel": "color", "x1": 64.4,
                                "y1": 38, "x2": 64.4, "y2": 50, "stroke": "#1f4e79",
                                "stroke_width": 0.3}))
# 12. A module below the printer's dot pitch at 300 dpi.
case("module-below-dot-pitch", "front", "qr", "barcode-module",
     lambda t: element(t, "front", "qr").update({"module": 0.07, "min_module": 0.07}), dpi=300)
# 13. A barcode that does not decode from the rendered face (a dark panel under light modules
#     is fine; a clip that cuts the symbol is not).
case("barcode-unreadable", "front", "qr", "barcode-decode",
     lambda t: element(t, "front", "qr").update({"clip": "M 60 36 H 70 V 50 H 60 Z"}))
# 14. Pale text on a pale band.
def pale(t):
    element(t, "front", "name").update({"color": "#d8dde6"})
case("text-low-contrast", "front", "name", "text-contrast", pale)
# 15. Microtext too small for the output resolution.
case("microtext-too-small", "front", "band", "microtext-resolution",
     lambda t: element(t, "front", "band").update({"cap_height": 0.12}))
# 16. A k element that is not black.
case("k-not-black", "front", "name", "k-not-black",
     lambda t: element(t, "front", "name").update({"panel": "k", "color": "#1f4e79"}))
# 17. A uv element over the MRZ.
case("uv-over-mrz", "back", "uv-mark", "uv-over-mrz",
     lambda t: element(t, "back", "uv-mark").update({"y": 38.0}))
