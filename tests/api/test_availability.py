"""Availability under abuse (hardening issue, items 1 and 2): idle connections cannot
take the server down, and a login flood cannot starve the other work."""
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx

from support.helpers import auth, json_of, random_loopback, register


def _idle_connections(host, port, source, count):
    socks = []
    for _ in range(count):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.bind((source, 0))
        s.settimeout(5)
        s.connect((host, port))
        socks.append(s)
    return socks


def _closed_by_server(sock, timeout=3.0):
    """The server closed it at once (read gives EOF or a reset), sending nothing."""
    sock.settimeout(timeout)
    try:
        return sock.recv(1) == b""
    except ConnectionResetError:
        return True
    except socket.timeout:
        return False


def test_connections_past_the_cap_of_one_address_are_refused_and_others_served(server_factory):
    server = server_factory("conn-cap", env={"MAX_CONNECTIONS_PER_ADDRESS": "20"})
    hog = random_loopback()
    socks = _idle_connections(server.host, server.port, hog, 40)
    try:
        refused = [s for s in socks[20:] if _closed_by_server(s)]
        assert len(refused) == 20, f"{len(refused)} of the 20 over the cap were closed"
        # The 20 admitted ones are served.
        socks[0].sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        assert socks[0].recv(64).startswith(b"HTTP/1.1 200")
        # Another address is answered meanwhile.
        with server.client(source_address=random_loopback()) as other:
            json_of(other.get("/health"), 200)
    finally:
        for s in socks:
            s.close()
    # Closed ones free their place.
    more = _idle_connections(server.host, server.port, hog, 20)
    try:
        assert not any(_closed_by_server(s, timeout=0.3) for s in more)
    finally:
        for s in more:
            s.close()


def test_a_flood_of_idle_connections_leaves_the_server_answering(server_factory):
    # A file limit of 256: the cap derived from it keeps descriptors for the others.
    server = server_factory("conn-files", launcher=["prlimit", "--nofile=256:256"],
                            env={"MAX_CONNECTIONS_PER_ADDRESS": "1000"})
    flooders = [random_loopback() for _ in range(3)]
    socks = []
    try:
        for address in flooders:
            socks += _idle_connections(server.host, server.port, address, 150)
        with server.client(source_address=random_loopback(), timeout=5) as other:
            json_of(other.get("/health"), 200)
            acct = register(other)
            json_of(other.get("/auth/me", headers=auth(acct.access_token)), 200)
        assert "max_connections" in server.log_tail(400)
    finally:
        for s in socks:
            s.close()


def test_a_login_flood_gets_503_from_its_own_lane_while_reads_go_on(server_factory):
    # However many logins get through on a busy machine, none may end the reader's session.
    server = server_factory("login-flood", env={"HEAVY_THREADS": "1", "HEAVY_QUEUE": "2",
                                                "MAX_SESSIONS_PER_USER": "100"})
    with server.client() as c:
        acct = register(c)
    stop = threading.Event()
    read_codes = []

    def reader():
        with server.client(timeout=10) as r:
            while not stop.is_set():
                read_codes.append(r.get("/auth/me", headers=auth(acct.access_token)).status_code)

    def one_login(_):
        with httpx.Client(base_url=server.url, timeout=30) as l:
            return l.post("/auth/login", json={"email": acct.email, "password": acct.password})

    t = threading.Thread(target=reader)
    t.start()
    try:
        with ThreadPoolExecutor(max_workers=40) as pool:
            results = list(pool.map(one_login, range(40)))
    finally:
        stop.set()
        t.join()
    codes = [r.status_code for r in results]
    assert set(codes) == {200, 503}, codes
    busy = [r for r in results if r.status_code == 503]
    assert all(r.json()["error"]["code"] == "unavailable" and r.headers.get("retry-after") == "1"
               for r in busy)
    assert codes.count(200) >= 3, "the lane's thread and queue took their share"
    assert read_codes and set(read_codes) == {200}, "reads never waited for the hashing lane"
