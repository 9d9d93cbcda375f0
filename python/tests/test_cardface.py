"""The Python module as an issuance back office uses it (run by ctest: library/python)."""
import json
import os
import pathlib
import subprocess
import threading

import numpy
import pytest
from PIL import Image

import cardface

SOURCE = pathlib.Path(os.environ["CARDFACE_SOURCE_DIR"])
SAMPLES = SOURCE / "samples"
SEAL_KEYS = SOURCE / "tests" / "data" / "seal"


def specimen():
    return json.loads((SAMPLES / "zhengjian-yangben.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def renderer():
    return cardface.Renderer("fprc-2023")


def test_version_is_the_package_version():
    assert cardface.version() == "0.2.0" == cardface.__version__


def test_png_equals_cardface_render(renderer, tmp_path):
    subprocess.run(
        [os.environ["CARDFACE_CLI"], "render", str(SAMPLES / "zhengjian-yangben.json"),
         "--side", "front", "--dpi", "300", "--out", str(tmp_path)],
        check=True, stdout=subprocess.DEVNULL)
    expected = (tmp_path / "zhengjian-yangben-front.png").read_bytes()
    png = renderer.render_png(specimen(), side="front", dpi=300, base_dir=SAMPLES)
    assert png == expected


def test_bitmap_is_a_buffer_numpy_and_pillow_take_without_copying(renderer):
    bitmap = renderer.render_bitmap(specimen(), side="front", dpi=300, base_dir=SAMPLES)
    assert (bitmap.width, bitmap.height, bitmap.dpi, bitmap.format) == (1011, 638, 300, "rgba")
    pixels = numpy.asarray(bitmap)
    assert pixels.shape == (638, 1011, 4) and pixels.dtype == numpy.uint8
    assert not pixels.flags.owndata and not pixels.flags.writeable  # a view of the C bitmap
    assert pixels[0, 0, 3] == 0  # outside the rounded corner
    assert pixels[319, 505, 3] == 255
    view = memoryview(bitmap)
    assert view.readonly and view.shape == (638, 1011, 4)
    image = Image.frombuffer("RGBA", (bitmap.width, bitmap.height), bitmap, "raw", "RGBA",
                             bitmap.stride, 1)
    assert image.getpixel((505, 319)) == tuple(int(v) for v in pixels[319, 505])
    # the pixels stay valid while a view holds them, after the Bitmap name is gone
    del bitmap
    assert int(pixels[319, 505, 3]) == 255


def test_png_decodes_to_the_bitmap(renderer, tmp_path):
    import io
    png = renderer.render_png(specimen(), side="back", dpi=300, base_dir=SAMPLES)
    bitmap = renderer.render_bitmap(specimen(), side="back", dpi=300, base_dir=SAMPLES)
    decoded = numpy.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))
    raw = numpy.asarray(bitmap)
    opaque = raw[..., 3] == 255
    assert numpy.array_equal(decoded[opaque], raw[opaque])


def test_a_bad_record_raises_a_data_error_naming_the_field(renderer):
    record = specimen()
    record["id_number"] = "931586198001010027"
    record["surname"] = "QUIXOTEVALUE"
    with pytest.raises(cardface.DataError) as info:
        renderer.render_png(record, base_dir=SAMPLES)
    assert info.value.field == "id_number"
    assert info.value.code == "data"
    assert "check character" in str(info.value)
    assert "931586198001010027" not in str(info.value) and "QUIXOTEVALUE" not in str(info.value)
    assert isinstance(info.value, ValueError)


def test_unknown_template_and_bad_arguments():
    with pytest.raises(cardface.TemplateError) as info:
        cardface.Renderer("no-such-template")
    assert info.value.field == "template"
    renderer = cardface.Renderer("fprc-2023")
    with pytest.raises(ValueError):
        renderer.render_png(specimen(), side="middle", base_dir=SAMPLES)
    with pytest.raises(cardface.DataError) as info:
        renderer.render_png(specimen(), dpi=10, base_dir=SAMPLES)
    assert info.value.field == "dpi"
    with pytest.raises(TypeError):
        renderer.render_png(42)
    with pytest.raises(cardface.FileError):
        cardface.Card.from_file("/nonexistent/card.json")


def test_mrz_pdf_svg(renderer):
    card = cardface.Card.from_file(SAMPLES / "zhengjian-yangben.json")
    assert renderer.mrz(card) == ["IRCHN931586198<0010100288<<<<<",
                                  "8001014F3308073PAK<<<<<<<<<<<2",
                                  "ZHENGJIAN<<YANGBEN<<<<<<<<<<<<"]
    assert renderer.render_pdf(card).startswith(b"%PDF-")
    assert b"<svg" in renderer.render_svg(card, side="back")


def test_seal_signed_then_verified(renderer):
    png = renderer.render_png(specimen(), side="back", base_dir=SAMPLES,
                              seal_key=SEAL_KEYS / "rfc6979-p256-key.pem")
    status, fields = cardface.verify_seal(png, key=SEAL_KEYS / "rfc6979-p256-public.pem",
                                          record=specimen(), base_dir=SAMPLES)
    assert status == "genuine"
    assert fields["id_number"] == "931586198001010028"
    status, _ = cardface.verify_seal(png, key=SEAL_KEYS / "other-p256-public.pem")
    assert status == "wrong key"


def test_threads_share_one_renderer(renderer):
    reference = renderer.render_png(specimen(), side="front", dpi=300, base_dir=SAMPLES)
    out = [None] * 4

    def work(i):
        out[i] = renderer.render_png(specimen(), side="front", dpi=300, base_dir=SAMPLES)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(png == reference for png in out)


def test_a_cache_folder_keeps_the_shared_layers_for_the_next_renderer(renderer, tmp_path):
    plain = renderer.render_png(specimen(), side="front", dpi=300, base_dir=SAMPLES)
    folder = tmp_path / "layers"  # made by the renderer
    first = cardface.Renderer("fprc-2023", cache_dir=folder)
    assert first.render_png(specimen(), side="front", dpi=300, base_dir=SAMPLES) == plain
    kept = {f.name: f.stat().st_ino for f in folder.glob("*.layer")}
    assert kept
    del first
    second = cardface.Renderer("fprc-2023", cache_dir=str(folder))
    assert second.render_png(specimen(), side="front", dpi=300, base_dir=SAMPLES) == plain
    # read, not drawn and written again (a file is written anew, then renamed over the old one)
    assert {f.name: f.stat().st_ino for f in folder.glob("*.layer")} == kept
