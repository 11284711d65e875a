"""Graceful shutdown (ARCHITECTURE.md §2 http): on SIGTERM the server stops
accepting, finishes what is in flight and exits 0 within SHUTDOWN_GRACE_SECONDS.

Logins are the slow requests (Argon2id). They are written on raw sockets that
have already been served once (so accepted) before the signal: "in flight" is
a fact, not a race with the accept loop."""
import math
import signal
import socket
import threading
import time

import httpx
import pytest

from support import rawhttp
from support.helpers import json_of, login_ok, register

GRACE = 8


def _start(server_factory, name):
    # Room for every login the tests keep in flight in the hashing lane's queue.
    return server_factory(name, env={"SHUTDOWN_GRACE_SECONDS": str(GRACE), "HEAVY_QUEUE": "100"})


def _read_all(socks):
    """Read one response per socket concurrently; [(response|None, raw, error, finished_at)]."""
    results = [None] * len(socks)

    def worker(i, sock):
        resp, raw, error = rawhttp.read_response(sock, timeout=GRACE + 10)
        results[i] = (resp, raw, error, time.monotonic())

    threads = [threading.Thread(target=worker, args=(i, s), daemon=True) for i, s in enumerate(socks)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(GRACE + 15)
    return results


def _refused(host, port):
    try:
        with socket.create_connection((host, port), timeout=2):
            return False
    except OSError:
        return True


def test_in_flight_requests_complete_on_sigterm(server_factory):
    server = _start(server_factory, "shutdown")
    with server.client() as c:
        acct = register(c)
        t0 = time.perf_counter()
        login_ok(c, acct.email, acct.password)
        one_login = max(time.perf_counter() - t0, 0.005)
    # enough logins to keep two cores busy for ~1 s: most are still running at the signal
    count = max(6, min(40, math.ceil(2.0 / one_login)))
    request = rawhttp.json_request("POST", "/auth/login", server.host, server.port,
                                   {"email": acct.email, "password": acct.password})
    health = rawhttp.build_request("GET", "/health", server.host, server.port, keep_alive=True)
    socks = [rawhttp.connect(server.host, server.port) for _ in range(count)]
    try:
        # One quick request per connection first: each connection is then surely
        # accepted and being served, so nothing below races the accept loop.
        for sock in socks:
            sock.sendall(health)
        for sock in socks:
            resp, _, error = rawhttp.read_response(sock, timeout=10)
            assert resp is not None and resp.status == 200, f"warm-up /health failed: {error!r}"
        for sock in socks:
            sock.sendall(request)
        time.sleep(0.2)  # let the server read them and start hashing
        signalled_at = time.monotonic()
        server.signal(signal.SIGTERM)
        results = _read_all(socks)
    finally:
        for sock in socks:
            sock.close()

    code = server.wait_exit(GRACE + 5)
    exited_after = time.monotonic() - signalled_at
    problems = []
    for i, result in enumerate(results):
        if result is None:
            problems.append(f"#{i}: reader did not finish")
            continue
        resp, raw, error, _ = result
        if resp is None or not resp.complete:
            problems.append(f"#{i}: incomplete answer ({error!r}) {raw[:120]!r}")
        elif resp.status != 200:
            problems.append(f"#{i}: status {resp.status} {resp.body[:200]!r}")
        elif "access_token" not in resp.json():
            problems.append(f"#{i}: no access_token in {resp.body[:200]!r}")
    assert not problems, f"{len(problems)} of {count} in-flight logins failed:\n" + "\n".join(problems)
    late = sum(1 for r in results if r and r[3] > signalled_at)
    assert late > 0, ("every login finished before SIGTERM: the test proved nothing "
                      f"(one login took {one_login * 1000:.1f} ms, sent {count})")
    assert code is not None, f"still running {GRACE + 5} s after SIGTERM"
    assert code == 0, f"exit code {code} after SIGTERM"
    assert exited_after <= GRACE, f"exited {exited_after:.1f} s after SIGTERM (grace {GRACE} s)"
    assert _refused(server.host, server.port), "the port still accepts connections after exit"


def test_idle_keep_alive_connection_does_not_hold_shutdown(server_factory):
    server = _start(server_factory, "shutdown-idle")
    sock = rawhttp.connect(server.host, server.port)
    try:
        sock.sendall(rawhttp.build_request("GET", "/health", server.host, server.port, keep_alive=True))
        resp, _, error = rawhttp.read_response(sock, timeout=5)
        assert resp is not None and resp.status == 200, error
        signalled_at = time.monotonic()
        server.signal(signal.SIGTERM)
        code = server.wait_exit(GRACE + 5)
        waited = time.monotonic() - signalled_at
    finally:
        sock.close()
    assert code == 0, f"exit code {code}"
    assert waited < min(GRACE, 5), f"an idle keep-alive connection held shutdown for {waited:.1f} s"


def test_new_connections_refused_after_sigterm(server_factory):
    server = _start(server_factory, "shutdown-refuse")
    with server.client() as c:
        json_of(c.get("/health"), 200)
    server.signal(signal.SIGTERM)
    assert server.wait_exit(GRACE + 5) == 0
    assert _refused(server.host, server.port)
    with pytest.raises(httpx.TransportError):
        with server.client(timeout=2) as c:
            c.get("/health")


def test_requests_sent_just_before_sigterm_are_answered(server_factory):
    """Connections the server has not even accepted yet when the signal comes: the
    kernel took them, their request is there, they get an answer."""
    server = _start(server_factory, "shutdown-backlog")
    request = rawhttp.build_request("GET", "/health", server.host, server.port)
    socks = [rawhttp.connect(server.host, server.port) for _ in range(30)]
    try:
        for sock in socks:
            sock.sendall(request)
        server.signal(signal.SIGTERM)  # no pause: most are still in the accept queue
        results = _read_all(socks)
    finally:
        for sock in socks:
            sock.close()
    problems = [f"#{i}: {r[2]!r} {r[1][:80]!r}" for i, r in enumerate(results)
                if r is None or r[0] is None or not r[0].complete or r[0].status != 200]
    assert not problems, f"{len(problems)} of 30 got no answer:\n" + "\n".join(problems)
    assert server.wait_exit(GRACE + 5) == 0


def test_a_request_whose_body_is_still_arriving_gets_its_answer(server_factory):
    server = _start(server_factory, "shutdown-body")
    with server.client() as c:
        acct = register(c)
    body = ('{"email": "%s", "password": "%s"}' % (acct.email, acct.password)).encode()
    head = rawhttp.build_request("POST", "/auth/login", server.host, server.port,
                                 headers={"Content-Type": "application/json"},
                                 content_length=len(body))
    sock = rawhttp.connect(server.host, server.port)
    try:
        sock.sendall(head + body[:10])
        time.sleep(0.2)  # the server has read the head and waits for the rest
        server.signal(signal.SIGTERM)
        time.sleep(0.3)
        sock.sendall(body[10:])
        resp, raw, error = rawhttp.read_response(sock, timeout=GRACE + 5)
    finally:
        sock.close()
    assert resp is not None and resp.complete, f"no answer: {error!r} {raw[:120]!r}"
    assert resp.status == 200 and "access_token" in resp.json()
    assert resp.headers.get("connection", "").lower() == "close"
    assert server.wait_exit(GRACE + 5) == 0
