"""HTTP contract of `cardface serve`: the CLI's bytes, and every bad input refused by name."""
import base64
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cardface_server import CARDFACE, ROOT, Server, multipart, request  # noqa: E402

SAMPLE = os.path.join(ROOT, "samples", "zhengjian-yangben.json")
PHOTO = os.path.join(ROOT, "samples", "photos", "s00.png")


def record():
    with open(SAMPLE) as f:
        return json.load(f)


def photo_bytes():
    with open(PHOTO, "rb") as f:
        return f.read()


def cli_render(*args):
    """The CLI's output files for the specimen: {file name: bytes}."""
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([CARDFACE, "render", SAMPLE, "--out", out, *args], check=True,
                       stdout=subprocess.DEVNULL)
        files = {}
        for name in os.listdir(out):
            with open(os.path.join(out, name), "rb") as f:
                files[name] = f.read()
        return files


def problems(body):
    return json.loads(body)["problems"]


class Api(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.token_dir = tempfile.TemporaryDirectory()
        cls.server = Server("-j", "2", "--max-body", "1", "-q").start()
        cls.url = cls.server.url

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)
        cls.token_dir.cleanup()

    def render(self, **fields):
        body = {"record": record(), "photo_base64": base64.b64encode(photo_bytes()).decode()}
        body.update(fields)
        return request(self.url + "/v1/render", body)

    def refused(self, status, reply, pointer, message_part):
        code, headers, body = reply
        self.assertEqual(code, status, body)
        self.assertEqual(headers["Content-Type"], "application/json")
        found = problems(body)
        self.assertIn(pointer, [p["pointer"] for p in found], found)
        p = next(p for p in found if p["pointer"] == pointer)
        self.assertIn(message_part, p["message"])
        return found

    # -- the CLI's bytes ---------------------------------------------------------------------

    def test_png_equals_cli(self):
        cli = cli_render("--dpi", "300")
        for side in ("front", "back"):
            code, headers, body = self.render(sides=side, dpi=300)
            self.assertEqual(code, 200)
            self.assertEqual(headers["Content-Type"], "image/png")
            self.assertEqual(body, cli[f"zhengjian-yangben-{side}.png"], side)

    def test_both_png_faces_come_zipped(self):
        cli = cli_render("--dpi", "300")
        code, headers, body = self.render(dpi=300)
        self.assertEqual((code, headers["Content-Type"]), (200, "application/zip"))
        z = zipfile.ZipFile(io.BytesIO(body))
        self.assertEqual(z.namelist(), ["front.png", "back.png"])
        self.assertEqual(z.read("front.png"), cli["zhengjian-yangben-front.png"])
        self.assertEqual(z.read("back.png"), cli["zhengjian-yangben-back.png"])

    def test_multipart_photo_equals_cli(self):
        cli = cli_render("--dpi", "300", "--side", "front")
        body, ctype = multipart([
            ("request", None, "application/json",
             json.dumps({"record": record(), "sides": "front", "dpi": 300}).encode()),
            ("photo", "s00.png", "image/png", photo_bytes())])
        code, _, png = request(self.url + "/v1/render", body, headers={"Content-Type": ctype})
        self.assertEqual(code, 200)
        self.assertEqual(png, cli["zhengjian-yangben-front.png"])

    def test_pdf_equals_cli(self):
        cli = cli_render("--format", "pdf")
        code, headers, body = self.render(format="pdf")
        self.assertEqual((code, headers["Content-Type"]), (200, "application/pdf"))
        self.assertEqual(body, cli["zhengjian-yangben.pdf"])

    def test_svg_equals_cli(self):
        cli = cli_render("--format", "svg", "--side", "back")
        code, headers, body = self.render(format="svg", sides="back")
        self.assertEqual((code, headers["Content-Type"]), (200, "image/svg+xml"))
        self.assertEqual(body, cli["zhengjian-yangben-back.svg"])

    def test_panels_equal_cli(self):
        cli = cli_render("--panels", "--side", "front")
        code, headers, body = self.render(format="panels", sides="front")
        self.assertEqual((code, headers["Content-Type"]), (200, "application/zip"))
        z = zipfile.ZipFile(io.BytesIO(body))
        self.assertEqual(z.namelist(), ["front-color.png", "front-k.png", "front-uv.png",
                                        "front-overlay.png"])
        for name in z.namelist():
            self.assertEqual(z.read(name), cli["zhengjian-yangben-" + name], name)

    # -- bad input ---------------------------------------------------------------------------

    def test_malformed_json(self):
        # A number out of range (1e400) is malformed JSON too, never the reader's own text.
        self.refused(400, request(self.url + "/v1/render", b'{"dpi": 1e400}', method="POST"), "",
                     "malformed JSON: a number out of range")
        reply = request(self.url + "/v1/render", b'{"record": {"surname": "A"', method="POST")
        self.refused(400, reply, "", "malformed JSON at byte")

    def test_unknown_request_field(self):
        self.refused(400, self.render(colour="red"), "/colour", "unknown field")

    def test_unknown_record_field_named_as_the_cli_names_it(self):
        r = record()
        r["surnme"] = r.pop("surname")
        found = self.refused(422, self.render(record=r), "/record/surnme", "unknown field")
        self.assertIn('did you mean "surname"', found[0]["message"])

    def test_bad_value_names_the_field_never_the_value(self):
        r = record()
        r["id_number"] = "931586198001010029"
        code, _, body = self.render(record=r)
        self.assertEqual(code, 422)
        self.assertIn("/record/id_number", [p["pointer"] for p in problems(body)])
        self.assertNotIn(b"931586198001010029", body)

    def test_wrong_type_and_range(self):
        found = self.refused(400, self.render(dpi="600", format="tiff"), "/dpi", "integer")
        self.assertIn("/format", [p["pointer"] for p in found])

    def test_bad_photo(self):
        reply = self.render(photo_base64=base64.b64encode(b"GIF89a not a photo").decode())
        self.refused(422, reply, "/photo_base64", "not a PNG or JPEG")

    def test_truncated_photo(self):
        reply = self.render(photo_base64=base64.b64encode(photo_bytes()[:200]).decode())
        self.refused(422, reply, "/photo_base64", "")

    def test_oversized_photo_refused_from_its_header(self):
        png = bytearray(photo_bytes())
        png[16:24] = (50000).to_bytes(4, "big") + (50000).to_bytes(4, "big")
        reply = self.render(photo_base64=base64.b64encode(bytes(png)).decode())
        self.refused(422, reply, "/photo_base64", "image too large")

    def test_photo_path_in_record_is_not_opened(self):
        body = {"record": dict(record(), photo="/etc/passwd")}
        self.refused(422, request(self.url + "/v1/render", body), "/record/photo",
                     "opens no file a request names")

    def test_path_in_template_name(self):
        for name in ("../templates/fprc-2023", "/etc", "fprc-2023/../fprc-2017", ".."):
            self.refused(400, self.render(template=name), "/template", "not given as a path")

    def test_unknown_template(self):
        self.refused(422, self.render(template="nosuch"), "/template", "unknown template")

    def test_body_over_the_limit(self):
        reply = request(self.url + "/v1/render", b"{" + b" " * (1024 * 1024 + 10) + b"}")
        self.refused(413, reply, "body", "over this server's limit of 1 MB")

    def test_seal_signing_needs_the_server_key(self):
        self.refused(422, self.render(seal={"sign": True}), "/seal/sign", "no seal key")

    def test_template_json_fault_at_its_path(self):
        code, _, tmpl = request(self.url + "/v1/templates/fprc-2023")
        self.assertEqual(code, 200)
        t = json.loads(tmpl)
        t["sides"]["front"]["elements"][0]["kind"] = "hologram"
        found = self.refused(422, self.render(template="fprc-2023", template_json=t),
                             "/template_json/sides/front/elements/0/kind", "")
        self.assertTrue(found[0]["where"].startswith("template.json:/sides/front/elements/0"))

    def test_unknown_route(self):
        self.refused(404, request(self.url + "/v1/nosuch"), "path", "no such route")

    # -- the rest of the API -----------------------------------------------------------------

    def test_mrz(self):
        code, _, body = request(self.url + "/v1/mrz", {"record": record()})
        self.assertEqual(code, 200)
        cli = subprocess.run([CARDFACE, "mrz", SAMPLE], capture_output=True, text=True, check=True)
        self.assertEqual(json.loads(body)["lines"], cli.stdout.split())
        # The Doc 9303 Part 5 specimen checks clean; a changed check digit is named.
        good = ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6",
                "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"]
        code, _, body = request(self.url + "/v1/mrz", {"check": good})
        self.assertEqual(json.loads(body), {"valid": True, "problems": []})
        bad = [good[0], "7408123F1204159UTO<<<<<<<<<<<6", good[2]]
        code, _, body = request(self.url + "/v1/mrz", {"check": bad})
        self.assertFalse(json.loads(body)["valid"])
        self.assertIn("line 2, position 7", json.loads(body)["problems"][0])

    def lint(self, **fields):
        code, _, body = request(self.url + "/v1/lint", fields)
        return code, json.loads(body)

    def test_lint(self):
        photo = base64.b64encode(photo_bytes()).decode()
        # The bundled specimen lints clean for its sample holder, and its static parts too
        # (docs/lint.md); the CLI says the same.
        code, clean = self.lint(record=record(), photo_base64=photo)
        self.assertEqual(code, 200, clean)
        self.assertEqual((clean["findings"], clean["errors"], clean["warnings"]), ([], 0, 0))
        cli = subprocess.run([CARDFACE, "lint", "fprc-2023", SAMPLE], capture_output=True)
        self.assertEqual(cli.returncode, 0, cli.stderr)
        code, static = self.lint(template="fprc-2023")
        self.assertEqual(code, 200, static)
        self.assertEqual(static["findings"], [])
        # A planted fault in an edited template: the five stars moved off the card.
        _, _, text = request(self.url + "/v1/templates/fprc-2023")
        edited = json.loads(text)
        stars = edited["sides"]["front"]["elements"][5]
        self.assertEqual(stars["id"], "stars")
        stars["x"] = 120
        code, found = self.lint(template="fprc-2023", template_json=edited, record=record(),
                                photo_base64=photo, sides="front")
        self.assertEqual(code, 200, found)
        off = [f for f in found["findings"] if f["element"] == "stars"]
        self.assertEqual([(f["side"], f["rule"], f["severity"]) for f in off],
                         [("front", "outside-trim", "error")], found)
        self.assertEqual(found["errors"], 1, found)
        self.assertEqual(len(off[0]["area_mm"]), 4)
        self.assertNotIn("ZHENGJIAN", json.dumps(found))  # findings name elements, not holders
        # Without a record the template must be named (a record would name its card type).
        self.refused(400, request(self.url + "/v1/lint", {}), "/template", "required")

    def test_types(self):
        code, _, body = request(self.url + "/v1/types")
        self.assertEqual(code, 200, body)
        types = {t["name"]: t for t in json.loads(body)["types"]}
        self.assertLessEqual({"fprc-2017", "fprc-2023", "td1"}, set(types))
        self.assertEqual(types["fprc-2023"]["source"], "fprc-2023.json")
        self.assertIn("id_number", types["fprc-2023"]["fields"])
        cli = subprocess.run([CARDFACE, "types", "fprc-2023"], capture_output=True, text=True,
                             check=True)
        self.assertEqual(types["fprc-2023"]["fields"], cli.stdout)

    def test_verify_specimen_seal(self):
        _, _, back = self.render(sides="back", dpi=600)
        code, _, body = request(self.url + "/v1/verify", back,
                                headers={"Content-Type": "image/png"})
        self.assertEqual(code, 200, body)
        v = json.loads(body)
        self.assertEqual(v["status"], "unsigned specimen")
        self.assertFalse(v["genuine"])
        self.assertEqual(v["fields"]["id_number"], "931586198001010028")

    def test_metrics_and_health(self):
        self.assertEqual(request(self.url + "/healthz")[0], 200)
        code, _, body = request(self.url + "/metrics")
        text = body.decode()
        self.assertEqual(code, 200)
        for name in ("cardface_requests_total", "cardface_request_seconds_bucket",
                     "cardface_in_flight", "cardface_layer_cache_hits_total"):
            self.assertIn(name, text)

    def test_openapi_lists_the_routes(self):
        code, _, body = request(self.url + "/v1/openapi.json")
        self.assertEqual(code, 200)
        doc = json.loads(body)
        for path in ("/v1/render", "/v1/mrz", "/v1/verify", "/v1/templates", "/healthz",
                     "/metrics"):
            self.assertIn(path, doc["paths"])

    def test_zz_no_files_left_and_no_descriptors_leaked(self):
        self.render(sides="front", dpi=100)
        self.assertEqual(self.server.leftovers(), [])
        fds = os.listdir(f"/proc/{self.server.pid}/fd")
        memfds = [f for f in fds
                  if "memfd" in os.readlink(f"/proc/{self.server.pid}/fd/{f}")]
        self.assertEqual(memfds, [])


def token_file(d, mode):
    token = os.path.join(d, "token")
    with open(token, "w") as f:
        f.write("s3cret-token-0123456789\n")
    os.chmod(token, mode)
    return token


class Token(unittest.TestCase):
    def test_missing_and_wrong_token(self):
        with tempfile.TemporaryDirectory() as d:
            token = token_file(d, 0o600)
            with Server("--token-file", token, "-q") as s:
                code, headers, body = request(s.url + "/v1/templates")
                self.assertEqual(code, 401)
                self.assertEqual(problems(body)[0]["pointer"], "Authorization")
                self.assertEqual(headers["WWW-Authenticate"], "Bearer")
                bad = {"Authorization": "Bearer s3cret-token-012345678"}
                self.assertEqual(request(s.url + "/v1/templates", headers=bad)[0], 401)
                good = {"Authorization": "Bearer s3cret-token-0123456789"}
                self.assertEqual(request(s.url + "/v1/templates", headers=good)[0], 200)
                self.assertEqual(request(s.url + "/v1/render", {"record": {}})[0], 401)
                self.assertNotIn("s3cret", s.log())

    def test_token_file_open_to_others_is_refused(self):
        with tempfile.TemporaryDirectory() as d:
            token = token_file(d, 0o644)
            run = subprocess.run([CARDFACE, "serve", "--listen", "127.0.0.1:0", "--token-file",
                                  token], capture_output=True, text=True, timeout=20)
            self.assertEqual(run.returncode, 1)
            self.assertIn("chmod 600", run.stderr)


class Folders(unittest.TestCase):
    """Templates from a folder of the server's own: reloaded when changed on disk, saved
    back only with --allow-edit and only when they load."""

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.folder = os.path.join(self.dir.name, "templates")
        shutil.copytree(os.path.join(ROOT, "templates", "fprc-2023"),
                        os.path.join(self.folder, "fprc-2023"))
        self.file = os.path.join(self.folder, "fprc-2023", "template.json")

    def tearDown(self):
        self.dir.cleanup()

    def body(self):
        return {"record": record(), "photo_base64": base64.b64encode(photo_bytes()).decode(),
                "sides": "front", "dpi": 100}

    def test_changed_template_is_reloaded(self):
        with Server("--templates", self.folder, "-q") as s:
            code, _, before = request(s.url + "/v1/render", self.body())
            self.assertEqual(code, 200)
            with open(self.file) as f:
                t = json.load(f)
            t["sides"]["front"]["elements"][0]["x"] = 20  # the background moves
            with open(self.file, "w") as f:
                json.dump(t, f)
            time.sleep(0.6)  # the server looks at the disk at most twice a second
            code, _, after = request(s.url + "/v1/render", self.body())
            self.assertEqual(code, 200)
            self.assertTrue(after != before, "the change on disk made no difference")
            metrics = request(s.url + "/metrics")[2].decode()
            self.assertIn("cardface_template_reloads_total 1", metrics)
            # The bundled templates are not served from this folder.
            self.refused_template(s, "fprc-2017")

    def test_a_restarted_server_takes_the_layers_from_its_cache_folder(self):
        cache = os.path.join(self.dir.name, "layers")

        def render_and_count():
            with Server("--templates", self.folder, "--cache-dir", cache, "-q") as s:
                code, _, png = request(s.url + "/v1/render", self.body())
                self.assertEqual(code, 200)
                metrics = request(s.url + "/metrics")[2].decode()
                return png, {k: int(v) for k, v in re.findall(
                    r"^cardface_layer_(disk_reads|disk_writes|cache_misses)_total (\d+)$",
                    metrics, re.M)}

        cold, first = render_and_count()
        self.assertEqual((first["disk_reads"], first["cache_misses"] >= 1,
                          first["disk_writes"] == first["cache_misses"]), (0, True, True))
        self.assertTrue(any(name.endswith(".layer") for name in os.listdir(cache)))
        warm, second = render_and_count()
        self.assertEqual(warm, cold)
        self.assertEqual((second["disk_reads"], second["disk_writes"]),
                         (first["cache_misses"], 0))

    def refused_template(self, s, name):
        code, _, body = request(s.url + "/v1/render", dict(self.body(), template=name))
        self.assertEqual(code, 422)
        self.assertIn("unknown template", problems(body)[0]["message"])

    def test_save_only_with_allow_edit_and_only_what_loads(self):
        with open(self.file, "rb") as f:
            original = f.read()
        t = json.loads(original)
        t["sides"]["front"]["elements"][0]["fill"] = "#204060"
        edited = json.dumps(t, indent=2).encode()
        url = "/v1/templates/fprc-2023"
        with Server("--templates", self.folder, "-q") as s:
            code, _, body = request(s.url + url, edited, method="PUT")
            self.assertEqual(code, 403)
            self.assertIn("--allow-edit", problems(body)[0]["message"])
        with Server("--templates", self.folder, "--allow-edit", "-q") as s:
            broken = dict(t, size="large")
            code, _, body = request(s.url + url, json.dumps(broken).encode(), method="PUT")
            self.assertEqual(code, 422)
            self.assertEqual(problems(body)[0]["pointer"], "/size")
            with open(self.file, "rb") as f:
                self.assertEqual(f.read(), original)
            code, _, _ = request(s.url + url, edited, method="PUT")
            self.assertEqual(code, 200)
            with open(self.file, "rb") as f:
                self.assertEqual(f.read(), edited)
            self.assertEqual(sorted(os.listdir(os.path.dirname(self.file))),
                             sorted(os.listdir(os.path.join(ROOT, "templates", "fprc-2023"))))
            for name in ("..x", "%2E%2E"):
                code, _, _ = request(s.url + "/v1/templates/" + name, edited, method="PUT")
                self.assertEqual(code, 400, name)


class Limits(unittest.TestCase):
    def test_records_per_request_and_time_per_request(self):
        with Server("--max-records", "2", "--request-timeout", "0.2", "-q") as s:
            code, _, body = request(s.url + "/v1/mrz", {"records": [record()] * 3})
            self.assertEqual(code, 400)
            self.assertEqual(problems(body)[0]["pointer"], "/records")
            code, _, body = request(s.url + "/v1/mrz", {"records": [record(), {"type": 1}]})
            self.assertEqual(code, 200)
            results = json.loads(body)["results"]
            self.assertEqual(len(results[0]["lines"]), 3)
            self.assertEqual(results[1]["status"], 422)
            # A 1200 dpi render cannot finish in 0.2 s here: 503 with Retry-After.
            code, headers, body = request(s.url + "/v1/render", {
                "record": record(), "photo_base64": base64.b64encode(photo_bytes()).decode(),
                "dpi": 1200})
            self.assertEqual(code, 503)
            self.assertEqual(headers["Retry-After"], "1")
            self.assertIn("longer than", problems(body)[0]["message"])


if __name__ == "__main__":
    unittest.main()
