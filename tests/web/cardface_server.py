"""Starts `cardface serve` on a free loopback port for a test, and stops it."""
import json
import os
import re
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CARDFACE = os.environ.get("CARDFACE", os.path.join(ROOT, "build", "cardface"))


class Server:
    """`with Server(args) as s:` -- s.url, s.pid, s.log(); killed (and waited for) on exit."""

    def __init__(self, *args, env=None, port=0):
        self.args = list(args)
        self.listen = f"127.0.0.1:{port}"
        self.env = env
        self.scratch = tempfile.TemporaryDirectory(prefix="cardface-serve-test-")
        # The server's working and temporary directories: both must stay empty.
        self.cwd = os.path.join(self.scratch.name, "cwd")
        self.tmp = os.path.join(self.scratch.name, "tmp")
        os.mkdir(self.cwd)
        os.mkdir(self.tmp)
        self.stderr_path = os.path.join(self.scratch.name, "stderr")

    def start(self, timeout=20):
        # The layer folder by default ($XDG_CACHE_HOME/cardface): the test's own, never ~/.cache.
        env = dict(os.environ, TMPDIR=self.tmp,
                   XDG_CACHE_HOME=os.path.join(self.scratch.name, "xdg-cache"), **(self.env or {}))
        self.stderr = open(self.stderr_path, "w")
        self.proc = subprocess.Popen([CARDFACE, "serve", "--listen", self.listen] + self.args,
                                     cwd=self.cwd, env=env, stdout=subprocess.DEVNULL,
                                     stderr=self.stderr)
        self.pid = self.proc.pid
        deadline = time.time() + timeout
        while time.time() < deadline:
            m = re.search(r"listening on http://127\.0\.0\.1:(\d+)", self.log())
            if m:
                self.port = int(m.group(1))
                self.url = f"http://127.0.0.1:{self.port}"
                return self
            if self.proc.poll() is not None:
                raise RuntimeError("cardface serve exited: " + self.log())
            time.sleep(0.05)
        self.stop()
        raise RuntimeError("cardface serve did not start: " + self.log())

    def log(self):
        with open(self.stderr_path) as f:
            return f.read()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.stderr.close()

    def leftovers(self):
        """Files the server left in its working or temporary directory."""
        return sorted(os.listdir(self.cwd) + os.listdir(self.tmp))

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        self.scratch.cleanup()


def request(url, body=None, method=None, headers=None, timeout=120):
    """(status, headers, bytes) -- HTTP errors are answers too."""
    data = body if body is None or isinstance(body, bytes) else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    if data is not None and "Content-Type" not in (headers or {}):
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def multipart(parts):
    """parts: [(name, filename, content_type, bytes)] -> (body, content type header)."""
    boundary = "cardface-test-boundary-7d1c"
    out = b""
    for name, filename, ctype, data in parts:
        out += f"--{boundary}\r\n".encode()
        disp = f'Content-Disposition: form-data; name="{name}"'
        if filename:
            disp += f'; filename="{filename}"'
        out += (disp + f"\r\nContent-Type: {ctype}\r\n\r\n").encode() + data + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return out, f"multipart/form-data; boundary={boundary}"
