"""Accounts and sessions that hold against an attacker (hardening issue, items 2, 4, 5):
lock-outs in PostgreSQL (across instances and restarts), a known browser or address
still gets in, the hard lock an OWNER lifts, a password change ends the other
sessions, a cap on live sessions and on registrations per address."""
import pytest

from support import server as srv
from support.helpers import (assert_error, auth, create_user, json_of, login, login_ok,
                             random_loopback, register, retry_after)

WRONG = "senha-errada-000"


def _fail(c, email, times):
    for _ in range(times):
        assert_error(login(c, email, WRONG), 401, "invalid_credentials")


@pytest.fixture(scope="module")
def strict(migrated):
    """Three failures lock an account for a minute; five in a row need an unlock."""
    server = srv.start_server("strict-logins", database_url=migrated["app"], env={
        "LOGIN_MAX_FAILURES_PER_ACCOUNT": "3", "LOGIN_LOCKOUT_SECONDS": "60",
        "LOGIN_HARD_LOCK_AFTER": "5", "MAX_SESSIONS_PER_USER": "3"})
    yield server
    server.stop()


def test_a_lock_holds_on_another_instance_and_after_a_restart(strict, server_factory, client):
    acct = register(client)
    with strict.client(source_address=random_loopback()) as attacker:
        _fail(attacker, acct.email, 3)
    other = server_factory("strict-twin", env={"LOGIN_MAX_FAILURES_PER_ACCOUNT": "3",
                                               "LOGIN_LOCKOUT_SECONDS": "60"})
    with other.client(source_address=random_loopback()) as stranger:
        resp = login(stranger, acct.email, acct.password)
        assert_error(resp, 429, "rate_limited")
        assert 50 <= retry_after(resp) <= 61
    other.stop()
    restarted = server_factory("strict-restarted", env={"LOGIN_MAX_FAILURES_PER_ACCOUNT": "3",
                                                        "LOGIN_LOCKOUT_SECONDS": "60"})
    with restarted.client(source_address=random_loopback()) as stranger:
        assert_error(login(stranger, acct.email, acct.password), 429, "rate_limited")


def test_the_owners_browser_gets_in_while_an_attacker_locks_the_account(strict, client):
    acct = register(client)
    with strict.client(source_address=random_loopback()) as browser:
        login_ok(browser, acct.email, acct.password)
        device = browser.cookies.get("mg_device")
    assert device and len(device) == 43, "a successful login leaves a long-lived device cookie"
    with strict.client(source_address=random_loopback()) as attacker:
        _fail(attacker, acct.email, 3)
        assert_error(login(attacker, acct.email, acct.password), 429, "rate_limited")
    # A new address without the cookie is a stranger, and waits …
    with strict.client(source_address=random_loopback()) as stranger:
        assert_error(login(stranger, acct.email, acct.password), 429, "rate_limited")
    # … but the same browser from a new address (a phone on the road) is known.
    with strict.client(source_address=random_loopback()) as phone:
        phone.cookies.set("mg_device", device)
        login_ok(phone, acct.email, acct.password)


def test_a_cookie_of_another_account_is_no_pass(strict, client):
    owner, victim = register(client), register(client)
    with strict.client(source_address=random_loopback()) as browser:
        login_ok(browser, owner.email, owner.password)
        device = browser.cookies.get("mg_device")
    with strict.client(source_address=random_loopback()) as attacker:
        attacker.cookies.set("mg_device", device)
        _fail(attacker, victim.email, 3)
        assert_error(login(attacker, victim.email, victim.password), 429, "rate_limited")


@pytest.fixture(scope="module")
def hard(migrated):
    """No short lock (100 failures allowed per window), the hard lock after five in a row."""
    server = srv.start_server("hard-lock", database_url=migrated["app"], env={
        "LOGIN_MAX_FAILURES_PER_ACCOUNT": "100", "LOGIN_HARD_LOCK_AFTER": "5"})
    yield server
    server.stop()


def test_consecutive_failures_need_an_owners_unlock(hard, client):
    owner = register(client)
    manager = create_user(client, owner, "MANAGER")
    with hard.client(source_address=random_loopback()) as own_browser:
        login_ok(own_browser, manager.email, manager.password)
        device = own_browser.cookies.get("mg_device")
    with hard.client(source_address=random_loopback()) as attacker:
        _fail(attacker, manager.email, 5)
    with hard.client(source_address=random_loopback()) as stranger:
        err = assert_error(login(stranger, manager.email, manager.password), 429, "rate_limited")
        assert "proprietário" in err["message"], "the user is told an OWNER must unlock"
        listed = json_of(stranger.get("/users", headers=auth(owner.access_token)), 200)
        assert {u["email"]: u["login_locked"] for u in listed}[manager.email] is True
        # Only an OWNER unlocks, and only users of its workshop.
        assert_error(stranger.post(f"/users/{manager.id}/unlock", headers=auth(manager.access_token)),
                     403, "forbidden")
        other = register(client)
        assert_error(stranger.post(f"/users/{manager.id}/unlock", headers=auth(other.access_token)),
                     404, "not_found")
    # The manager's own browser still gets in.
    with hard.client(source_address=random_loopback()) as phone:
        phone.cookies.set("mg_device", device)
        login_ok(phone, manager.email, manager.password)
    with hard.client(source_address=random_loopback()) as stranger:
        json_of(stranger.post(f"/users/{manager.id}/unlock", headers=auth(owner.access_token)), 200)
        login_ok(stranger, manager.email, manager.password)
        listed = json_of(stranger.get("/users", headers=auth(owner.access_token)), 200)
        assert {u["email"]: u["login_locked"] for u in listed}[manager.email] is False


def test_a_user_keeps_at_most_the_newest_sessions(strict, client):
    acct = register(client)
    with strict.client(source_address=random_loopback()) as c:
        sessions = [login_ok(c, acct.email, acct.password) for _ in range(4)]
        assert_error(c.get("/auth/me", headers=auth(sessions[0].access_token)), 401, "token_revoked")
        assert_error(c.post("/auth/refresh", json={"refresh_token": sessions[0].refresh_token}),
                     401, "token_revoked")
        for s in sessions[1:]:
            json_of(c.get("/auth/me", headers=auth(s.access_token)), 200)


def test_a_password_change_ends_the_other_sessions(client):
    acct = register(client)
    here, elsewhere = login_ok(client, acct.email, acct.password), login_ok(client, acct.email, acct.password)
    json_of(client.patch(f"/users/{acct.id}", json={"password": "Nova-senha-forte-1"},
                         headers=auth(here.access_token)), 200)
    json_of(client.get("/auth/me", headers=auth(here.access_token)), 200)  # the one who changed it stays
    for token in (elsewhere.access_token, acct.access_token):
        assert_error(client.get("/auth/me", headers=auth(token)), 401, "token_revoked")
    assert_error(client.post("/auth/refresh", json={"refresh_token": elsewhere.refresh_token}),
                 401, "token_revoked")
    assert_error(login(client, acct.email, acct.password), 401, "invalid_credentials")
    login_ok(client, acct.email, "Nova-senha-forte-1")


def test_an_owners_reset_ends_every_session_of_the_user(client):
    owner = register(client)
    member = create_user(client, owner, "ATTENDANT")
    json_of(client.patch(f"/users/{member.id}", json={"password": "Redefinida-pelo-dono-1"},
                         headers=auth(owner.access_token)), 200)
    assert_error(client.get("/auth/me", headers=auth(member.access_token)), 401, "token_revoked")
    json_of(client.get("/auth/me", headers=auth(owner.access_token)), 200)


def test_registrations_per_address_are_limited(server_factory):
    server = server_factory("registration-limit", env={"REGISTRATION_LIMIT_PER_ADDRESS_PER_HOUR": "3"})
    address = random_loopback()
    with server.client(source_address=address) as c:
        for _ in range(3):
            register(c)
        resp = c.post("/auth/register", json={"name": "Quarta", "email": "quarta@example.com",
                                              "password": "Senha-forte-123"})
        assert_error(resp, 429, "rate_limited")
        assert retry_after(resp) > 3000
    with server.client(source_address=random_loopback()) as elsewhere:
        register(elsewhere)
