"""Raw-socket HTTP/1.1 for what a client library hides: knowing exactly when a
request has been written (graceful shutdown), sending a Content-Length without
its body (413), and checking that an answer arrived complete."""
from __future__ import annotations

import json
import socket
import time
from dataclasses import dataclass, field
from typing import Optional


@dataclass
class RawResponse:
    status: int
    reason: str
    headers: dict[str, str]          # lower-case names
    body: bytes
    complete: bool                   # framing (Content-Length / chunked) fully received
    raw: bytes = field(repr=False, default=b"")

    def json(self):
        return json.loads(self.body.decode("utf-8"))


def build_request(method: str, path: str, host: str, port: int, *, body: bytes = b"",
                  headers: Optional[dict[str, str]] = None, content_length: Optional[int] = None,
                  keep_alive: bool = False) -> bytes:
    hdrs = {"Host": f"{host}:{port}", "Connection": "keep-alive" if keep_alive else "close",
            "Accept": "application/json"}
    hdrs.update(headers or {})
    if body or content_length is not None or method in ("POST", "PUT", "PATCH"):
        hdrs["Content-Length"] = str(len(body) if content_length is None else content_length)
    head = f"{method} {path} HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in hdrs.items()) + "\r\n"
    return head.encode("latin-1") + body


def json_request(method: str, path: str, host: str, port: int, payload, *,
                 headers: Optional[dict[str, str]] = None, keep_alive: bool = False) -> bytes:
    body = json.dumps(payload).encode("utf-8")
    return build_request(method, path, host, port, body=body, keep_alive=keep_alive,
                         headers={"Content-Type": "application/json", **(headers or {})})


def connect(host: str, port: int, timeout: float = 10.0) -> socket.socket:
    sock = socket.create_connection((host, port), timeout=timeout)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def parse_response(data: bytes) -> Optional[RawResponse]:
    """Parse the first response in `data`; None if not even the head is there."""
    end = data.find(b"\r\n\r\n")
    if end < 0:
        return None
    head = data[:end].decode("latin-1").split("\r\n")
    parts = head[0].split(" ", 2)
    status = int(parts[1])
    reason = parts[2] if len(parts) > 2 else ""
    headers: dict[str, str] = {}
    for line in head[1:]:
        name, _, value = line.partition(":")
        key = name.strip().lower()
        headers[key] = f"{headers[key]}, {value.strip()}" if key in headers else value.strip()
    rest = data[end + 4:]
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body, complete = _dechunk(rest)
    elif "content-length" in headers:
        length = int(headers["content-length"])
        body, complete = rest[:length], len(rest) >= length
    else:  # delimited by close: complete only if the caller read to EOF
        body, complete = rest, True
    return RawResponse(status, reason, headers, body, complete, data)


def _dechunk(data: bytes) -> tuple[bytes, bool]:
    out, pos = bytearray(), 0
    while True:
        line_end = data.find(b"\r\n", pos)
        if line_end < 0:
            return bytes(out), False
        size = int(data[pos:line_end].split(b";")[0].strip() or b"0", 16)
        pos = line_end + 2
        if size == 0:
            return bytes(out), True
        if len(data) < pos + size + 2:
            out += data[pos:pos + size]
            return bytes(out), False
        out += data[pos:pos + size]
        pos += size + 2


def read_response(sock: socket.socket, timeout: float = 15.0) -> tuple[Optional[RawResponse], bytes, Optional[BaseException]]:
    """Read until one response is complete or the peer closes; (response, raw bytes, error)."""
    deadline = time.monotonic() + timeout
    data = b""
    error: Optional[BaseException] = None
    while True:
        parsed = parse_response(data)
        if parsed is not None and parsed.complete and (
                "content-length" in parsed.headers or "chunked" in parsed.headers.get("transfer-encoding", "")):
            return parsed, data, None
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            error = TimeoutError(f"no complete response within {timeout} s")
            break
        sock.settimeout(remaining)
        try:
            chunk = sock.recv(65536)
        except (socket.timeout, OSError) as exc:
            error = exc
            break
        if not chunk:
            break
        data += chunk
    parsed = parse_response(data)
    if parsed is not None and error is not None:
        parsed.complete = False if "content-length" not in parsed.headers else parsed.complete
    return parsed, data, error


def exchange(host: str, port: int, request: bytes, timeout: float = 15.0) -> RawResponse:
    with connect(host, port, timeout) as sock:
        sock.sendall(request)
        resp, data, error = read_response(sock, timeout)
    assert resp is not None, f"no HTTP response ({error!r}); got {data[:200]!r}"
    return resp
