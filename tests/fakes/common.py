"""What the three provider fakes share: a threaded HTTP server, the accounts and their
behaviour (told by the tests through /_fake/…), the accepted messages per account."""
from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


class State:
    def __init__(self):
        self.lock = threading.Lock()
        self.accounts: dict[str, dict] = {}
        self.behaviour: dict[str, dict] = {}
        self.sent: dict[str, list] = {}
        self.extra: dict[str, dict] = {}  # per account: webhook registration, known chats, …

    def mode(self, account: str) -> dict:
        """The behaviour for this call (consumes one of `times`)."""
        with self.lock:
            b = self.behaviour.get(account)
            if not b or b.get("mode", "ok") == "ok":
                return {"mode": "ok"}
            if b.get("times") is not None:
                if b["times"] <= 0:
                    return {"mode": "ok"}
                b["times"] -= 1
            return dict(b)

    def accept(self, account: str, message: dict) -> None:
        with self.lock:
            self.sent.setdefault(account, []).append({**message, "at": time.time()})


def new_id(prefix: str) -> str:
    return prefix + uuid.uuid4().hex


def post_json(url: str, payload: bytes, headers: dict) -> tuple[int, str]:
    req = urllib.request.Request(url, data=payload, method="POST",
                                 headers={"Content-Type": "application/json", **headers})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, resp.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


class Handler(BaseHTTPRequestHandler):
    """Subclasses implement provider(method, path, query, body) and deliver(account, spec)."""
    state: State
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # quiet: the tests read the counts, not the log
        pass

    # --- plumbing
    def _body(self) -> bytes:
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def reply(self, status: int, body, content_type="application/json") -> None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _dispatch(self, method: str) -> None:
        url = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        raw = self._body()
        if url.path.startswith("/_fake/"):
            return self.control(method, url.path[len("/_fake/"):], query, raw)
        return self.provider(method, url.path, query, raw)

    def do_GET(self):
        self._dispatch("GET")

    def do_POST(self):
        self._dispatch("POST")

    # --- the tests' side
    def control(self, method, path, query, raw):
        s = self.state
        body = json.loads(raw or b"{}")
        if method == "POST" and path == "accounts":
            key = self.account_key(body)
            with s.lock:
                s.accounts[key] = body
                s.sent.setdefault(key, [])
                s.extra.setdefault(key, {})
            return self.reply(200, {"account": key})
        if method == "POST" and path == "behaviour":
            with s.lock:
                s.behaviour[body["account"]] = body
            return self.reply(200, {"ok": True})
        if method == "GET" and path == "sent":
            with s.lock:
                messages = list(s.sent.get(query.get("account", ""), []))
            return self.reply(200, {"count": len(messages), "messages": messages})
        if method == "GET" and path == "webhook":
            with s.lock:
                return self.reply(200, s.extra.get(query.get("account", ""), {}).get("webhook") or {})
        if method == "POST" and path == "deliver":
            return self.reply(200, self.deliver(body["account"], body))
        return self.reply(404, {"error": "no such control endpoint"})

    def hold(self, b: dict) -> None:
        time.sleep(float(b.get("delay", 5)))

    def account_key(self, body: dict) -> str:  # pragma: no cover - per provider
        raise NotImplementedError

    def provider(self, method, path, query, raw):  # pragma: no cover - per provider
        raise NotImplementedError

    def deliver(self, account: str, spec: dict) -> dict:  # pragma: no cover - per provider
        raise NotImplementedError


def serve(handler_cls, host: str, port: int) -> None:
    handler_cls.state = State()
    server = ThreadingHTTPServer((host, port), handler_cls)
    server.daemon_threads = True
    server.serve_forever()
