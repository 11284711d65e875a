"""APP_ENV=production (ARCHITECTURE.md §1, §3, §4): refuses to start with a
weak secret or a superuser database role; demo routes do not exist."""
import secrets
import time
from urllib.parse import urlsplit, urlunsplit

import httpx
import pytest

from support import server as srv
from support.helpers import PREFIXES, assert_error, json_of, login_ok, register

# A secret as `openssl rand -hex 32` makes one (the suite's own is a placeholder).
STRONG = secrets.token_hex(32)
PROD = {"APP_ENV": "production", "JWT_SECRET_KEY": STRONG}


def _expect_refusal(server, timeout=15.0):
    """The process must exit non-zero without ever answering /health."""
    served = False
    deadline = time.monotonic() + timeout
    with httpx.Client(timeout=0.5) as probe:
        while server.alive() and time.monotonic() < deadline:
            try:
                if probe.get(server.url + "/health").status_code == 200:
                    served = True
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
    code = server.wait_exit(1)
    assert code is not None, f"still running {timeout:.0f} s later; it should refuse to start.\n{server.describe(30)}"
    assert code != 0, f"exited 0; a refusal must be a failure exit code.\n{server.describe(30)}"
    assert not served, "answered /health before giving up: it must refuse before serving"
    return code


def _superuser_url(urls):
    """The admin (superuser) role, on the application's database."""
    admin, app = urlsplit(urls["admin"]), urlsplit(urls["app"])
    return urlunsplit(admin._replace(path=app.path))


@pytest.mark.parametrize("secret", [
    None, "", "curta-demais", "x" * 31, "a" * 40, "changemechangemechangemechangeme",
    "your-secret-key-change-in-production", "0123456789abcdef" * 3, "Motogestor2026!Motogestor2026!xx"],
    ids=["missing", "empty", "12-bytes", "31-bytes", "40-a", "changeme", "placeholder", "pattern",
         "product-name"])
def test_refuses_weak_secret(server_factory, secret):
    server = server_factory("prod-weak-secret", env={**PROD, "JWT_SECRET_KEY": secret}, wait=False)
    _expect_refusal(server)
    assert "openssl rand -hex 32" in server.log_tail(20), "the refusal says how to make a good one"


def test_refuses_superuser_database_role(server_factory, migrated):
    server = server_factory("prod-superuser", env=PROD, database_url=_superuser_url(migrated), wait=False)
    _expect_refusal(server)


def test_refuses_superuser_even_on_its_own_database(server_factory, migrated):
    server = server_factory("prod-superuser-admin-db", env=PROD, database_url=migrated["admin"], wait=False)
    _expect_refusal(server)


@pytest.mark.parametrize("secret", [secrets.token_hex(16), secrets.token_urlsafe(32)],
                         ids=["32-hex", "base64url"])
def test_a_random_secret_of_32_bytes_is_enough(server_factory, secret):
    server = server_factory("prod-32", env={**PROD, "JWT_SECRET_KEY": secret})
    with server.client() as c:
        json_of(c.get("/health"), 200)


@pytest.fixture(scope="module")
def production(migrated):
    server = srv.start_server("production", database_url=migrated["app"], env=PROD)
    yield server
    server.stop()


def test_production_serves(production):
    with production.client() as c:
        body = json_of(c.get("/health"), 200)
        assert body["status"] == "ok"
        json_of(c.get("/ready"), 200)
        acct = register(c)
        login_ok(c, acct.email, acct.password)


@pytest.mark.parametrize("prefix", PREFIXES)
def test_seed_demo_absent_in_production(production, prefix):
    with production.client() as c:
        resp = c.post(f"{prefix}/users/seed-demo")
        assert_error(resp, 404, "not_found")


def test_production_errors_keep_the_shape(production):
    with production.client() as c:
        assert_error(c.get("/api/nope"), 404, "not_found")
        assert_error(c.get("/auth/me"), 401, "unauthorized")


@pytest.mark.parametrize("key", [None, "", "ab" * 31, "zz" * 32], ids=["missing", "empty", "short", "not-hex"])
def test_refuses_without_a_messaging_key(server_factory, key):
    """The messaging channels' credentials are sealed with MESSAGING_SECRET_KEY: production
    does not start without a proper one."""
    server = server_factory("prod-messaging-key", env={**PROD, "MESSAGING_SECRET_KEY": key},
                            wait=False)
    _expect_refusal(server)
