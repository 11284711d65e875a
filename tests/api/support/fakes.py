"""The provider fakes of tests/fakes/, started on 127.0.0.1 for a test process, and a
small client for their control endpoints (tests/fakes/README.md)."""
from __future__ import annotations

import subprocess
import time
import uuid
from pathlib import Path
from typing import Optional

import httpx

from .server import HOST, REPO_ROOT, free_port, run_dir

FAKES_DIR = REPO_ROOT / "tests" / "fakes"
PROVIDERS = ("whatsapp", "evolution", "telegram")


class Fake:
    def __init__(self, provider: str, proc: subprocess.Popen, port: int, log_path: Path):
        self.provider = provider
        self.proc = proc
        self.port = port
        self.log_path = log_path
        self.http = httpx.Client(base_url=self.url, timeout=30)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def control(self, method: str, path: str, **kw) -> dict:
        resp = self.http.request(method, "/_fake/" + path, **kw)
        assert resp.status_code == 200, f"fake {self.provider} {path}: {resp.status_code} {resp.text}"
        return resp.json()

    def account(self, **fields) -> str:
        return self.control("POST", "accounts", json=fields)["account"]

    def behave(self, account: str, mode: str, times: Optional[int] = None, **extra) -> None:
        self.control("POST", "behaviour", json={"account": account, "mode": mode, "times": times,
                                                **extra})

    def sent(self, account: str) -> list:
        return self.control("GET", "sent", params={"account": account})["messages"]

    def count(self, account: str) -> int:
        return len(self.sent(account))

    def deliver(self, account: str, **spec) -> dict:
        return self.control("POST", "deliver", json={"account": account, **spec})

    def webhook(self, account: str) -> dict:
        return self.control("GET", "webhook", params={"account": account})

    def stop(self) -> None:
        self.http.close()
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def start(provider: str) -> Fake:
    port = free_port()
    log_path = run_dir() / f"fake-{provider}-{port}.log"
    log = open(log_path, "wb")
    proc = subprocess.Popen(["/usr/bin/python3", str(FAKES_DIR / "run.py"), provider, HOST,
                             str(port)], stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, cwd=REPO_ROOT)
    fake = Fake(provider, proc, port, log_path)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            fake.http.get("/_fake/sent", params={"account": "-"})
            return fake
        except httpx.HTTPError:
            time.sleep(0.05)
    fake.stop()
    raise RuntimeError(f"fake {provider} did not start; log {log_path}")


def token() -> str:
    return uuid.uuid4().hex
