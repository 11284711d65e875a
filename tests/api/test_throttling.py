"""Login throttling (ARCHITECTURE.md §4) on a server with low limits.

Per account: after PER_ACCOUNT failures for one e-mail, every attempt for it is
429 (even with the right password) until the backoff passes. Per address: after
PER_ADDRESS failures from one client address, accounts that never logged in
from there are refused; an account that did log in from there is not, and no
account is refused because of another's failures below that limit.

Every test speaks from its own loopback source address (127.x.y.z), so the
per-address counters of one test (or of the rest of the suite) never leak into
another, wherever the server keeps them. Accounts are registered through the
shared server from 127.0.0.1; registering is not a login.
"""
import time

import pytest

from support import server as srv
from support.helpers import (assert_error, describe, json_of, login, random_loopback, register,
                             retry_after, unique_email)

PER_ACCOUNT = 3
PER_ADDRESS = 10
LOCKOUT = 2
WRONG = "senha-errada-000"


@pytest.fixture(scope="module")
def throttled(migrated):
    server = srv.start_server("throttle", database_url=migrated["app"], env={
        "LOGIN_MAX_FAILURES_PER_ACCOUNT": str(PER_ACCOUNT),
        "LOGIN_MAX_FAILURES_PER_ADDRESS": str(PER_ADDRESS),
        "LOGIN_LOCKOUT_SECONDS": str(LOCKOUT),
    })
    yield server
    server.stop()


@pytest.fixture
def from_address(throttled):
    """A client of the throttled server bound to a fresh source address."""
    with throttled.client(source_address=random_loopback()) as c:
        yield c


def _sleep_out(resp):
    """Wait out a 429's Retry-After (bounded: the backoff base here is LOCKOUT seconds)."""
    seconds = retry_after(resp)
    assert seconds <= 4 * LOCKOUT, f"Retry-After {seconds}s is far beyond LOGIN_LOCKOUT_SECONDS={LOCKOUT}"
    time.sleep(max(seconds, 1) + 0.5)


def _fail(c, email, times):
    for attempt in range(1, times + 1):
        resp = login(c, email, WRONG)
        assert resp.status_code == 401, f"failure {attempt} of {times} for {email}: {describe(resp)}"
        assert_error(resp, 401, "invalid_credentials")


def test_account_locked_after_failures_then_released(client, from_address):
    acct = register(client)
    _fail(from_address, acct.email, PER_ACCOUNT)
    blocked = login(from_address, acct.email, acct.password)  # the right password
    assert_error(blocked, 429, "rate_limited")
    assert retry_after(blocked) >= 1
    _sleep_out(blocked)
    ok = login(from_address, acct.email, acct.password)
    body = json_of(ok, 200)
    assert body["user"]["email"].lower() == acct.email.lower()


def test_wrong_password_while_locked_is_also_429(client, from_address):
    acct = register(client)
    _fail(from_address, acct.email, PER_ACCOUNT)
    assert_error(login(from_address, acct.email, WRONG), 429, "rate_limited")


def test_unknown_email_is_throttled_like_a_real_one(from_address):
    """Locking must not reveal which e-mails exist."""
    email = unique_email("fantasma")
    _fail(from_address, email, PER_ACCOUNT)
    assert_error(login(from_address, email, WRONG), 429, "rate_limited")


def test_below_limits_nothing_is_refused(client, from_address):
    acct = register(client)
    _fail(from_address, acct.email, PER_ACCOUNT - 1)
    json_of(login(from_address, acct.email, acct.password), 200)


def test_other_account_at_same_address_not_refused(client, from_address):
    locked, bystander = register(client), register(client)
    _fail(from_address, locked.email, PER_ACCOUNT)
    assert_error(login(from_address, locked.email, locked.password), 429, "rate_limited")
    # the bystander never logged in from this address, and the address is below its limit
    json_of(login(from_address, bystander.email, bystander.password), 200)


def test_lock_is_per_account_not_per_connection(client, throttled):
    acct = register(client)
    address = random_loopback()
    with throttled.client(source_address=address) as c:
        _fail(c, acct.email, PER_ACCOUNT)
    with throttled.client(source_address=address) as fresh_connection:
        assert_error(login(fresh_connection, acct.email, acct.password), 429, "rate_limited")


def test_address_limit_spares_accounts_known_at_that_address(client, from_address):
    known, newcomer = register(client), register(client)
    # `known` has logged in from this address before the storm
    json_of(login(from_address, known.email, known.password), 200)
    # PER_ADDRESS failures from this address, spread so no single account is locked
    per_victim = PER_ACCOUNT - 1
    victims = [register(client) for _ in range(-(-PER_ADDRESS // per_victim))]
    remaining = PER_ADDRESS
    for victim in victims:
        n = min(per_victim, remaining)
        _fail(from_address, victim.email, n)
        remaining -= n
    assert remaining == 0
    # a newcomer at this address is refused, even with the right password …
    blocked = login(from_address, newcomer.email, newcomer.password)
    assert_error(blocked, 429, "rate_limited")
    # … the known account is not
    json_of(login(from_address, known.email, known.password), 200)
    # and once the backoff passes, the newcomer gets in
    _sleep_out(blocked)
    json_of(login(from_address, newcomer.email, newcomer.password), 200)


def test_address_limit_does_not_reach_other_addresses(client, throttled):
    storm_address, quiet_address = random_loopback(), random_loopback()
    newcomer = register(client)
    with throttled.client(source_address=storm_address) as storm:
        for i in range(PER_ADDRESS):
            assert login(storm, unique_email(f"ataque{i}"), WRONG).status_code == 401
        assert_error(login(storm, newcomer.email, newcomer.password), 429, "rate_limited")
    with throttled.client(source_address=quiet_address) as quiet:
        json_of(login(quiet, newcomer.email, newcomer.password), 200)
