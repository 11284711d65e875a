"""Reads answered from the event loop (performance issue): a signed-in GET of a
read route goes out on the server's own non-blocking database connections, with
the same answers, the same isolation, and a second try when such a connection
breaks under it."""
import re
import subprocess

from support.helpers import assert_error, json_of, register
from support.server import require_env

READS = "http_event_loop_reads_total"


def _reads(client) -> int:
    text = json_of_text(client.get("/metrics"))
    m = re.search(rf'^{READS}\{{[^}}]*\}} ([0-9.e+]+)$', text, re.M)
    return int(float(m.group(1))) if m else 0


def json_of_text(resp) -> str:
    assert resp.status_code == 200, resp.text[:200]
    return resp.text


def _order(client, account) -> dict:
    h = account.headers
    customer = json_of(client.post("/management/customers", json={"name": "Cliente Loop"},
                                   headers=h), 201)
    moto = json_of(client.post("/management/motos", json={
        "customer_id": customer["id"], "brand": "Honda", "model": "CG 160",
        "plate": "LOP1A23"}, headers=h), 201)
    return json_of(client.post("/management/os", json={
        "customer_id": customer["id"], "motorcycle_id": moto["id"],
        "description": "Troca de óleo"}, headers=h), 201)


def _kill_readers(pid: int) -> int:
    out = subprocess.run(
        ["psql", require_env("TEST_DATABASE_ADMIN_URL"), "-XAtc",
         "select count(pg_terminate_backend(pid)) from pg_stat_activity "
         f"where application_name = 'motogestor-reader-{pid}'"],
        check=True, capture_output=True, text=True)
    return int(out.stdout.strip())


def test_reads_go_out_on_the_event_loop_and_answer_as_before(server_factory):
    server = server_factory("loop-reads", env={"REVOCATION_CACHE_SECONDS": "60"})
    with server.client() as c:
        a = register(c)
        order = _order(c, a)
        path = f"/management/os/{order['id']}"
        first = json_of(c.get(path, headers=a.headers), 200)  # the session is asked on a worker
        before = _reads(c)
        for _ in range(5):
            assert json_of(c.get(path, headers=a.headers), 200) == first
        assert _reads(c) == before + 5
        listed = json_of(c.get("/management/os", headers=a.headers), 200)
        assert [o["id"] for o in listed] == [order["id"]]
        assert _reads(c) == before + 6


def test_another_workshop_gets_404_from_the_event_loop_too(server_factory):
    server = server_factory("loop-isolation", env={"REVOCATION_CACHE_SECONDS": "60"})
    with server.client() as c:
        a, b = register(c), register(c)
        order = _order(c, a)
        json_of(c.get("/management/os", headers=b.headers), 200)  # b's session, asked once
        before = _reads(c)
        assert_error(c.get(f"/management/os/{order['id']}", headers=b.headers), 404, "not_found")
        assert json_of(c.get("/management/os", headers=b.headers), 200) == []
        assert json_of(c.get("/management/customers", headers=b.headers), 200) == []
        assert _reads(c) == before + 3


def test_a_reader_connection_killed_under_it_is_made_again_and_the_read_answered(server_factory):
    server = server_factory("loop-kill", env={"REVOCATION_CACHE_SECONDS": "60", "ASYNC_READERS": "1"})
    with server.client() as c:
        a = register(c)
        order = _order(c, a)
        path = f"/management/os/{order['id']}"
        json_of(c.get(path, headers=a.headers), 200)
        json_of(c.get(path, headers=a.headers), 200)  # the reader's connection is open now
        assert _kill_readers(server.pid) == 1
        before = _reads(c)
        assert json_of(c.get(path, headers=a.headers), 200)["id"] == order["id"]
        assert _reads(c) == before + 1
        assert _kill_readers(server.pid) == 1  # made again


def test_with_no_readers_every_read_runs_on_a_worker(server_factory):
    server = server_factory("loop-off", env={"REVOCATION_CACHE_SECONDS": "60", "ASYNC_READERS": "-1"})
    with server.client() as c:
        a = register(c)
        order = _order(c, a)
        for _ in range(3):
            json_of(c.get(f"/management/os/{order['id']}", headers=a.headers), 200)
        assert _reads(c) == 0
        assert _kill_readers(server.pid) == 0
