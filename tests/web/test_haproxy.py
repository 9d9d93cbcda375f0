"""Scale-out: examples/serve/haproxy.cfg in front of two instances on loopback. Both serve
(round robin), the bytes are the same whichever answers, and with one killed the other
carries on."""
import base64
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cardface_server import ROOT, Server, request  # noqa: E402

HAPROXY = shutil.which("haproxy") or "/usr/sbin/haproxy"
CONFIG = os.path.join(ROOT, "examples", "serve", "haproxy.cfg")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def renders_served(server):
    _, _, body = request(server.url + "/metrics")
    m = re.search(r'cardface_requests_total\{route="POST /v1/render",status="200"\} (\d+)',
                  body.decode())
    return int(m.group(1)) if m else 0


@unittest.skipUnless(os.path.exists(HAPROXY), "haproxy is not installed (tools/setup.sh)")
class HaproxyTest(unittest.TestCase):
    def test_two_instances_behind_haproxy(self):
        with open(os.path.join(ROOT, "samples", "zhengjian-yangben.json")) as f:
            record = json.load(f)
        with open(os.path.join(ROOT, "samples", "photos", "s00.png"), "rb") as f:
            photo = base64.b64encode(f.read()).decode()
        body = {"record": record, "photo_base64": photo, "sides": "front", "dpi": 150}
        with Server("-j", "1", "-q") as a, Server("-j", "1", "-q") as b, \
                tempfile.TemporaryDirectory() as d:
            front = free_port()
            with open(CONFIG) as f:
                config = f.read()
            config = config.replace("127.0.0.1:8080", f"127.0.0.1:{front}")
            config = config.replace("127.0.0.1:8081", f"127.0.0.1:{a.port}")
            config = config.replace("127.0.0.1:8082", f"127.0.0.1:{b.port}")
            cfg = os.path.join(d, "haproxy.cfg")
            with open(cfg, "w") as f:
                f.write(config)
            subprocess.run([HAPROXY, "-c", "-q", "-f", cfg], check=True)
            proxy = subprocess.Popen([HAPROXY, "-db", "-f", cfg], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
            try:
                url = f"http://127.0.0.1:{front}"
                deadline = time.time() + 15
                while time.time() < deadline:
                    try:
                        if request(url + "/healthz", timeout=2)[0] == 200:
                            break
                    except OSError:
                        pass
                    time.sleep(0.1)
                direct = request(a.url + "/v1/render", body)[2]
                before = (renders_served(a), renders_served(b))
                for _ in range(8):
                    status, _, png = request(url + "/v1/render", body)
                    self.assertEqual(status, 200)
                    self.assertEqual(png, direct)  # the same bytes whichever instance
                after = (renders_served(a), renders_served(b))
                self.assertGreater(after[0], before[0])
                self.assertGreater(after[1], before[1])
                self.assertEqual(after[0] - before[0] + after[1] - before[1], 8)

                # One instance gone: the other carries every request.
                b.proc.kill()
                b.proc.wait()
                for _ in range(4):
                    status, _, png = request(url + "/v1/render", body)
                    self.assertEqual(status, 200)
                    self.assertEqual(png, direct)
            finally:
                proxy.terminate()
                proxy.wait(10)


if __name__ == "__main__":
    unittest.main()
