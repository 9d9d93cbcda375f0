"""Bounded load on loopback: 16 and 64 clients rendering distinct cards; nothing but 200 and
503 (with Retry-After) under overload; peak RSS flat; kill -9 under load, and a restart on
the same port serves again. Every loop has a fixed count; the test stops by itself."""
import base64
import json
import os
import signal
import sys
import threading
import time
import unittest
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cardface_server import ROOT, Server, request  # noqa: E402

with open(os.path.join(ROOT, "samples", "zhengjian-yangben.json")) as f:
    RECORD = json.load(f)
with open(os.path.join(ROOT, "samples", "photos", "s00.png"), "rb") as f:
    PHOTO = base64.b64encode(f.read()).decode()
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def card(n):
    """A distinct holder for every n: the given names spell n in letters."""
    name = ""
    while True:
        name = LETTERS[n % 26] + name
        n //= 26
        if n == 0:
            break
    return dict(RECORD, given_names="YANGBEN " + name)


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class Load:
    """`clients` threads, each sending `per_client` renders; statuses counted."""

    def __init__(self, url, clients, per_client, first_card, dpi=300):
        self.url, self.clients, self.per_client = url, clients, per_client
        self.first_card, self.dpi = first_card, dpi
        self.statuses, self.failures, self.lock = {}, [], threading.Lock()
        self.missing_retry_after = 0

    def client(self, index):
        for j in range(self.per_client):
            n = self.first_card + index * self.per_client + j
            body = {"record": card(n), "photo_base64": PHOTO, "sides": "front", "dpi": self.dpi}
            try:
                status, headers, _ = request(self.url + "/v1/render", body, timeout=60)
            except (urllib.error.URLError, ConnectionError, OSError) as e:
                with self.lock:
                    self.failures.append(type(e).__name__)
                continue
            with self.lock:
                self.statuses[status] = self.statuses.get(status, 0) + 1
                if status == 503 and "Retry-After" not in headers:
                    self.missing_retry_after += 1
            if status == 503:
                time.sleep(0.05)

    def run(self):
        threads = [threading.Thread(target=self.client, args=(i,)) for i in range(self.clients)]
        start = time.time()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.seconds = time.time() - start
        return self


class LoadTest(unittest.TestCase):
    def test_load_rss_and_kill(self):
        with Server("-j", "2", "--queue", "4", "-q") as s:
            peaks = {}
            sampling = threading.Event()

            def sample(phase):
                while not sampling.is_set():
                    peaks[phase] = max(peaks.get(phase, 0), rss_kb(s.pid))
                    time.sleep(0.05)

            phases = [("warm-16", 16, 3), ("16", 16, 4), ("64", 64, 2), ("16-again", 16, 4)]
            first = 0
            for phase, clients, per in phases:
                sampling.clear()
                sampler = threading.Thread(target=sample, args=(phase,))
                sampler.start()
                load = Load(s.url, clients, per, first).run()
                sampling.set()
                sampler.join()
                first += clients * per
                ok = load.statuses.get(200, 0)
                print(f"load {phase}: {clients} clients, {clients * per} distinct cards in "
                      f"{load.seconds:.1f} s: statuses {load.statuses}, {ok / load.seconds:.1f} "
                      f"cards/s, peak RSS {peaks[phase] / 1024:.0f} MB")
                self.assertEqual(load.failures, [], phase)
                self.assertEqual(set(load.statuses) - {200, 503}, set(), phase)
                self.assertEqual(load.missing_retry_after, 0)
                self.assertGreater(ok, 0, phase)
                if clients == 64:
                    # 2 workers + 4 queued: 64 clients at once must overflow into 503s.
                    self.assertGreater(load.statuses.get(503, 0), 0)
            # Flat: more clients or more cards grow no memory past the warm level, as the
            # bounded queue means at most workers + queue requests are held at once.
            warm = peaks["warm-16"]
            for phase in ("16", "64", "16-again"):
                self.assertLess(peaks[phase], warm * 1.15 + 20 * 1024, (phase, peaks))

            # kill -9 under load, then a restart on the same port serves again.
            port = s.port
            load = Load(s.url, 8, 3, 10_000)
            runner = threading.Thread(target=load.run)
            runner.start()
            time.sleep(1.0)
            os.kill(s.pid, signal.SIGKILL)
            runner.join()
            s.proc.wait()
            self.assertEqual(set(load.statuses) - {200, 503}, set())
            with Server("-j", "2", "-q", port=port) as again:
                status, _, png = request(again.url + "/v1/render", {
                    "record": card(1), "photo_base64": PHOTO, "sides": "front", "dpi": 300})
                self.assertEqual(status, 200)
                self.assertEqual(png[:8], b"\x89PNG\r\n\x1a\n")
                self.assertEqual(again.leftovers(), [])
            self.assertEqual(s.leftovers(), [])


if __name__ == "__main__":
    unittest.main()
