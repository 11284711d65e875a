"""Registration, login, tokens, refresh rotation, logout (API.md §2)."""
import statistics
import time

import pytest

from support import tokens
from support.helpers import (PREFIXES, USER_FIELDS, assert_error, auth, describe,
                             details_of, eventually_error, json_of, login, login_ok,
                             register, relogin, unique_email, unique_name, unique_password)

DAY = 24 * 3600


# --------------------------------------------------------------------------- register

@pytest.mark.parametrize("prefix", PREFIXES)
def test_register_creates_workshop_and_owner(client, prefix):
    tenant = unique_name()
    email = unique_email()
    acct = register(client, tenant, name="Maria Dona", email=email, prefix=prefix)
    user = acct.user
    assert USER_FIELDS <= set(user), f"user lacks {USER_FIELDS - set(user)}"
    assert user["name"] == "Maria Dona"
    assert user["email"].lower() == email.lower()
    assert user["tenant_name"] == tenant
    assert user["plan"] == "BASIC"
    assert user["role"] == "OWNER"
    assert isinstance(user["tenant_id"], int)
    assert "password" not in user and "password_hash" not in user


def test_register_default_tenant_name(client):
    acct = register(client)  # no tenant_name
    assert acct.user["tenant_name"] == "Nova Oficina"


def test_each_registration_is_its_own_tenant(client):
    a, b = register(client), register(client)
    assert a.tenant_id != b.tenant_id


UNIQUE = object()  # replaced by a fresh e-mail at run time
STRONG = "Senha-forte-123"


@pytest.mark.parametrize("field,body", [
    ("name", {"email": UNIQUE, "password": STRONG}),
    ("name", {"name": "", "email": UNIQUE, "password": STRONG}),
    ("email", {"name": "Fulano", "password": STRONG}),
    ("email", {"name": "Fulano", "email": "nao-e-email", "password": STRONG}),
    ("email", {"name": "Fulano", "email": "fulano@", "password": STRONG}),
    ("password", {"name": "Fulano", "email": UNIQUE}),
    ("password", {"name": "Fulano", "email": UNIQUE, "password": "1234567"}),
], ids=["name-missing", "name-empty", "email-missing", "email-invalid", "email-no-domain",
        "password-missing", "password-7-chars"])
def test_register_validation(client, field, body):
    body = {k: (unique_email() if v is UNIQUE else v) for k, v in body.items()}
    resp = client.post("/auth/register", json=body)
    err = assert_error(resp, 422, "validation_error")
    assert field in details_of(err), f"details should name {field!r}: {describe(resp)}"


def test_register_validation_reports_every_missing_field(client):
    err = assert_error(client.post("/auth/register", json={}), 422, "validation_error")
    assert {"name", "email", "password"} <= set(details_of(err))


def test_register_password_of_eight_chars_is_enough(client):
    register(client, password="senha123")


def test_register_email_taken_case_insensitive(client):
    acct = register(client)
    local, domain = acct.email.split("@")
    for email in (acct.email, local.upper() + "@" + domain.upper()):
        resp = client.post("/auth/register", json={
            "name": "Outro", "email": email, "password": unique_password()})
        assert_error(resp, 409, "conflict")


# --------------------------------------------------------------------------- login

@pytest.mark.parametrize("prefix", PREFIXES)
def test_login_answers_tokens_and_user(client, prefix):
    acct = register(client, unique_name())
    session = login_ok(client, acct.email, acct.password, prefix=prefix)
    assert USER_FIELDS <= set(session.user)
    for key in USER_FIELDS:
        assert session.user[key] == acct.user[key], key
    assert session.access_token != acct.access_token
    json_of(client.get("/auth/me", headers=session.headers), 200)


def _without_trace(resp):
    text = resp.text
    trace = resp.headers.get("x-trace-id")
    return text.replace(trace, "<trace>") if trace else text


def test_unknown_email_and_wrong_password_answer_alike(client):
    acct = register(client)
    wrong = login(client, acct.email, "senha-errada-123")
    unknown = login(client, unique_email(), "senha-errada-123")
    assert_error(wrong, 401, "invalid_credentials")
    assert_error(unknown, 401, "invalid_credentials")
    assert _without_trace(wrong) == _without_trace(unknown)
    assert wrong.headers.get("content-type") == unknown.headers.get("content-type")


def test_unknown_email_takes_about_as_long_as_wrong_password(client):
    acct = register(client)
    unknown_email = unique_email()
    wrong, unknown = [], []
    for _ in range(3):  # 3 failures per account stays below the default lockout (5)
        t0 = time.perf_counter()
        assert login(client, acct.email, "senha-errada-123").status_code == 401
        wrong.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        assert login(client, unknown_email, "senha-errada-123").status_code == 401
        unknown.append(time.perf_counter() - t0)
    w, u = statistics.median(wrong), statistics.median(unknown)
    assert u >= 0.3 * w, (f"unknown e-mail answers in {u * 1000:.1f} ms, wrong password in "
                          f"{w * 1000:.1f} ms: the timing tells which e-mails exist")


def test_login_does_not_take_other_tenants_password(client):
    a, b = register(client), register(client)
    assert_error(login(client, a.email, b.password), 401, "invalid_credentials")


# --------------------------------------------------------------------------- tokens

def test_token_claims(client):
    acct = register(client, unique_name())
    before = int(time.time())
    session = relogin(client, acct)
    access, refresh = tokens.decode(session.access_token), tokens.decode(session.refresh_token)
    for header, claims in (access[:2], refresh[:2]):
        assert header.get("alg") == "HS256"
        assert claims["sub"] == str(acct.id) and isinstance(claims["sub"], str)
        assert claims["tenant_id"] == acct.tenant_id and isinstance(claims["tenant_id"], int)
        assert claims["tenant_name"] == acct.user["tenant_name"]
        assert claims["plan"] == "BASIC"
        assert claims["role"] == "OWNER"
        assert isinstance(claims["jti"], str) and claims["jti"]
        assert isinstance(claims["sid"], int)
        assert isinstance(claims["iat"], int) and isinstance(claims["exp"], int)
        assert before - 5 <= claims["iat"] <= time.time() + 5
    a, r = access[1], refresh[1]
    assert a["type"] == "access" and r["type"] == "refresh"
    assert a["sid"] == r["sid"], "access and refresh of one login belong to one session"
    assert a["jti"] != r["jti"]
    assert abs((a["exp"] - a["iat"]) - 3600) <= 5, "access tokens live 1 h by default"
    assert abs((r["exp"] - r["iat"]) - 30 * DAY) <= 60, "refresh tokens live 30 days"
    other = relogin(client, acct)
    assert tokens.claims(other.access_token)["sid"] != a["sid"], "each login is its own session"


@pytest.mark.parametrize("configured,expected", [("60", 300), ("100000", 7200), ("900", 900)])
def test_access_token_ttl_is_configurable_and_clamped(server_factory, client, configured, expected):
    acct = register(client)
    custom = server_factory(f"ttl-{configured}", env={"ACCESS_TOKEN_TTL_SECONDS": configured})
    with custom.client() as c:
        session = login_ok(c, acct.email, acct.password)
    claims = tokens.claims(session.access_token)
    assert abs((claims["exp"] - claims["iat"]) - expected) <= 5


@pytest.mark.parametrize("path", ["/auth/me", "/me", "/api/auth/me", "/api/me"])
def test_me(client, path):
    acct = register(client, unique_name())
    resp = client.get(path, headers=acct.headers)
    me = json_of(resp, 200)
    assert USER_FIELDS <= set(me), describe(resp)
    for key in USER_FIELDS:
        assert me[key] == acct.user[key], key
    assert "password" not in me and "password_hash" not in me


def test_me_requires_a_token(client):
    assert_error(client.get("/auth/me"), 401, "unauthorized")
    assert_error(client.get("/me"), 401, "unauthorized")


# --------------------------------------------------------------------------- refresh

def _refresh(client, refresh_token, *, via="bearer", prefix=""):
    if via == "bearer":
        return client.post(f"{prefix}/auth/refresh", headers=auth(refresh_token))
    return client.post(f"{prefix}/auth/refresh", json={"refresh_token": refresh_token})


def _pair(resp):
    body = json_of(resp, 200)
    assert isinstance(body.get("access_token"), str) and isinstance(body.get("refresh_token"), str), describe(resp)
    return body["access_token"], body["refresh_token"]


@pytest.mark.parametrize("via", ["bearer", "body"])
@pytest.mark.parametrize("prefix", PREFIXES)
def test_refresh_rotates_the_pair(client, via, prefix):
    acct = register(client)
    access2, refresh2 = _pair(_refresh(client, acct.refresh_token, via=via, prefix=prefix))
    assert refresh2 != acct.refresh_token and access2 != acct.access_token
    a2 = tokens.claims(access2)
    assert a2["type"] == "access" and tokens.claims(refresh2)["type"] == "refresh"
    assert a2["sid"] == tokens.claims(acct.access_token)["sid"], "rotation keeps the session"
    me = json_of(client.get("/auth/me", headers=auth(access2)), 200)
    assert me["id"] == acct.id
    # and the new refresh token rotates in turn
    _pair(_refresh(client, refresh2, via=via))


def test_refresh_reuse_revokes_the_whole_family(client):
    acct = register(client)
    access2, refresh2 = _pair(_refresh(client, acct.refresh_token))
    # the rotated (dead) token presented again …
    assert_error(_refresh(client, acct.refresh_token), 401, "token_revoked")
    # … kills the family: the newer refresh token is dead too …
    assert_error(_refresh(client, refresh2), 401, "token_revoked")
    assert_error(_refresh(client, refresh2, via="body"), 401, "token_revoked")
    # … and so are the session's access tokens.
    for token in (access2, acct.access_token):
        eventually_error(lambda: client.get("/auth/me", headers=auth(token)), 401, "token_revoked")


def test_refresh_reuse_leaves_other_sessions_alone(client):
    acct = register(client)
    other = relogin(client, acct)
    _pair(_refresh(client, acct.refresh_token))
    assert_error(_refresh(client, acct.refresh_token), 401, "token_revoked")
    json_of(client.get("/auth/me", headers=other.headers), 200)
    _pair(_refresh(client, other.refresh_token))


def test_refresh_without_token(client):
    assert_error(client.post("/auth/refresh"), 401, "unauthorized")
    assert_error(client.post("/auth/refresh", json={}), 401, "unauthorized")


# --------------------------------------------------------------------------- logout

@pytest.mark.parametrize("prefix", PREFIXES)
def test_logout_revokes_this_session(client, prefix):
    acct = register(client)
    other = relogin(client, acct)
    resp = client.post(f"{prefix}/auth/logout", headers=acct.headers)
    assert resp.status_code == 200, describe(resp)
    # immediately, in the same process
    assert_error(client.get("/auth/me", headers=acct.headers), 401, "token_revoked")
    assert_error(_refresh(client, acct.refresh_token), 401, ("token_revoked", "unauthorized"))
    # the user's other session lives on
    json_of(client.get("/auth/me", headers=other.headers), 200)
    _pair(_refresh(client, other.refresh_token))


def test_logout_requires_a_token(client):
    assert_error(client.post("/auth/logout"), 401, "unauthorized")


@pytest.mark.parametrize("prefix", PREFIXES)
def test_logout_all_revokes_every_session(client, prefix):
    acct = register(client)
    second = relogin(client, acct)
    third = relogin(client, acct)
    resp = client.post(f"{prefix}/auth/logout_all", headers=second.headers)
    assert resp.status_code == 200, describe(resp)
    for session in (acct, second, third):
        assert_error(client.get("/auth/me", headers=session.headers), 401, "token_revoked")
        assert_error(_refresh(client, session.refresh_token), 401, ("token_revoked", "unauthorized"))
    # a new login still works
    json_of(client.get("/auth/me", headers=relogin(client, acct).headers), 200)


def test_logout_all_leaves_other_users_alone(client):
    a = register(client)
    b = register(client)
    assert client.post("/auth/logout_all", headers=a.headers).status_code == 200
    json_of(client.get("/auth/me", headers=b.headers), 200)
