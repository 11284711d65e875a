"""Fixtures for the black-box API tests.

Run from the repository root:
    scripts/with-test-db.sh /usr/bin/python3 -m pytest tests/api -q

The wrapper starts a throwaway PostgreSQL and exports TEST_DATABASE_*; the
session migrates it with the owner role and starts one `motogestor serve`
(the app role) that most tests share. Tests that need their own process
(throttling limits, shutdown, production mode) use `server_factory`.
Binary: $MOTOGESTOR_BIN, else build/release/server/motogestor.
Server logs: tests/artifacts/api/<run>/; a failing test shows their tails.
"""
from __future__ import annotations

import sys
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from support import fakes as provider_fakes  # noqa: E402
from support import server as srv  # noqa: E402
from support.helpers import Account, create_user, register, unique_name  # noqa: E402


# --------------------------------------------------------------------------- reporting

def pytest_report_header(config):
    return [f"motogestor binary: {srv.binary_path()}",
            f"server logs: {srv.ARTIFACTS_ROOT}/<run>/"]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    item._mg_first_server = len(srv.REGISTRY)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if not report.failed:
        return
    # the servers this test started, and those still running (shared, module-scoped)
    first = getattr(item, "_mg_first_server", len(srv.REGISTRY))
    shown = [s for i, s in enumerate(srv.REGISTRY) if i >= first or s.alive()]
    for server in shown:
        report.sections.append((f"server {server.name} log tail ({server.log_path})",
                                server.describe(lines=40)))


# --------------------------------------------------------------------------- session

@pytest.fixture(scope="session")
def database_urls() -> dict[str, str]:
    return {
        "app": srv.require_env("TEST_DATABASE_URL"),
        "owner": srv.require_env("TEST_DATABASE_OWNER_URL"),
        "admin": srv.require_env("TEST_DATABASE_ADMIN_URL"),
    }


@pytest.fixture(scope="session")
def migrated(database_urls) -> dict[str, str]:
    """`motogestor migrate up` as the owner role, once per session."""
    srv.require_binary()
    srv.migrate_up(database_urls["owner"])
    return database_urls


@pytest.fixture(scope="session")
def server(migrated) -> srv.Server:
    """The shared server: APP_ENV=test, default limits."""
    main = srv.start_server("main", database_url=migrated["app"], main=True)
    yield main
    main.stop()


@pytest.fixture(scope="session")
def session_client(server) -> httpx.Client:
    with server.client() as client:
        yield client


@pytest.fixture
def client(server, session_client) -> httpx.Client:
    if not server.alive():
        pytest.fail(f"the shared server died.\n{server.describe()}", pytrace=False)
    return session_client


@pytest.fixture
def server_factory(migrated):
    """start(name, env={...}, args=[...], database_url=None, wait=True) → Server.
    Every server it started is stopped (SIGTERM, wait, SIGKILL if stuck) afterwards."""
    started: list[srv.Server] = []

    def start(name: str, **kwargs) -> srv.Server:
        kwargs.setdefault("database_url", migrated["app"])
        server = srv.start_server(name, **kwargs)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop(timeout=10)


# --------------------------------------------------------------------------- accounts

@pytest.fixture
def owner(client) -> Account:
    """A fresh workshop (tenant) and its OWNER, logged in."""
    return register(client)


@pytest.fixture(scope="module")
def team(server, session_client) -> dict[str, Account]:
    """One workshop with a logged-in user of each role; shared by a module's
    read-only tests (tests that change users make their own)."""
    owner = register(session_client, unique_name("Oficina Equipe"))
    members = {"OWNER": owner}
    for role in ("MANAGER", "ATTENDANT", "MECHANIC"):
        members[role] = create_user(session_client, owner, role)
    return members


# --------------------------------------------------------------------------- messaging

@pytest.fixture(scope="session")
def fakes():
    """The WhatsApp, Evolution and Telegram fakes of tests/fakes/, on 127.0.0.1."""
    started = {p: provider_fakes.start(p) for p in provider_fakes.PROVIDERS}
    yield started
    for fake in started.values():
        fake.stop()


@pytest.fixture(scope="session")
def messaging_server(migrated, fakes):
    """A server whose messaging relay runs (fast retries, a small daily cap)."""
    from support.messaging import MESSAGING_ENV
    from support.messaging import PUBLIC_BASE_URL
    server = srv.start_server("messaging", database_url=migrated["app"],
                              env={**MESSAGING_ENV, "PUBLIC_BASE_URL": PUBLIC_BASE_URL})
    yield server
    server.stop()


@pytest.fixture
def mclient(messaging_server):
    if not messaging_server.alive():
        pytest.fail(f"the messaging server died.\n{messaging_server.describe()}", pytrace=False)
    with messaging_server.client() as client:
        yield client
