"""Hostile tokens (ARCHITECTURE.md §4): only HS256 signed with the server's
secret, of the right type, unexpired, of a live session, is accepted."""
import pytest

from support import tokens
from support.helpers import MISSING_ID, assert_error, auth, describe, json_of, relogin

ME = "/auth/me"


@pytest.fixture(scope="module")
def owner(team):
    return team["OWNER"]


@pytest.fixture(scope="module")
def mechanic(team):
    return team["MECHANIC"]


def _segments(token):
    return token.split(".")


# --------------------------------------------------------------------------- controls

def test_control_real_token_accepted(client, owner):
    json_of(client.get(ME, headers=owner.headers), 200)


def test_control_token_resigned_with_the_secret_is_accepted(client, owner):
    """Proves the forging below is faithful: same claims, our own HS256 signature."""
    forged = tokens.resign(owner.access_token)
    me = json_of(client.get(ME, headers=auth(forged)), 200)
    assert me["id"] == owner.id


# --------------------------------------------------------------------------- access tokens

def _alg_none(t):
    return tokens.unsigned(tokens.claims(t))


def _alg_none_keep_sig(t):
    head, body, sig = _segments(tokens.unsigned(tokens.claims(t)))
    return f"{head}.{body}.{_segments(t)[2]}"


ATTACKS = {
    "alg-none": _alg_none,
    "alg-None": lambda t: tokens.unsigned(tokens.claims(t), header={"alg": "None", "typ": "JWT"}),
    "alg-NONE": lambda t: tokens.unsigned(tokens.claims(t), header={"alg": "NONE", "typ": "JWT"}),
    "alg-none-original-signature": _alg_none_keep_sig,
    "no-alg-header": lambda t: tokens.resign(t, header={"typ": "JWT"}, sign_with="HS256"),
    "hs256-header-empty-signature": lambda t: ".".join(_segments(t)[:2]) + ".",
    "hs256-header-no-signature-segment": lambda t: ".".join(_segments(t)[:2]),
    "hs512-right-secret": lambda t: tokens.resign(t, alg="HS512"),
    "hs384-right-secret": lambda t: tokens.resign(t, alg="HS384"),
    "rs256-header-hmac-signature": lambda t: tokens.resign(t, header={"alg": "RS256", "typ": "JWT"},
                                                           sign_with="HS256"),
    "es256-header-hmac-signature": lambda t: tokens.resign(t, header={"alg": "ES256", "typ": "JWT"},
                                                           sign_with="HS256"),
    "bad-signature-other-secret": lambda t: tokens.resign(t, secret="x" * 40),
    "signature-of-another-token": lambda t: ".".join(_segments(tokens.resign(t, jti=tokens.new_jti()))[:2]
                                                     + [_segments(t)[2]]),
    "tampered-sub": lambda t: tokens.tamper_payload(t, sub=str(MISSING_ID)),
    "tampered-tenant": lambda t: tokens.tamper_payload(t, tenant_id=tokens.claims(t)["tenant_id"] + 1),
    "tampered-exp": lambda t: tokens.tamper_payload(t, exp=tokens.claims(t)["exp"] + 86400),
    "missing-exp": lambda t: tokens.resign(t, drop=("exp",)),
    "missing-type": lambda t: tokens.resign(t, drop=("type",)),
    "missing-jti": lambda t: tokens.resign(t, drop=("jti",)),
    "type-unknown": lambda t: tokens.resign(t, type="id"),
    "exp-not-a-number": lambda t: tokens.resign(t, exp="9999999999"),
    "header-not-json": lambda t: tokens.b64url_encode(b"{not json") + "." + ".".join(_segments(t)[1:]),
    "payload-not-json": lambda t: _segments(t)[0] + "." + tokens.b64url_encode(b"[1,2") + "." + _segments(t)[2],
    "garbage": lambda t: "garbage",
    "garbage-three-parts": lambda t: "a.b.c",
    "only-dots": lambda t: "..",
    "four-parts": lambda t: t + ".AAAA",
    "not-base64": lambda t: "%%%.%%%.%%%",
}


# A non-numeric exp may be read as "no exp" or as an exp in the past; both refuse.
CODES = {"exp-not-a-number": ("unauthorized", "token_expired")}


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_hostile_access_token_rejected(client, owner, attack):
    forged = ATTACKS[attack](owner.access_token)
    resp = client.get(ME, headers={"Authorization": f"Bearer {forged}"})
    assert_error(resp, 401, CODES.get(attack, "unauthorized"))


def test_tampered_role_is_not_trusted(client, mechanic):
    # the genuine MECHANIC token is authenticated but not allowed …
    assert_error(client.get("/users", headers=mechanic.headers), 403, "forbidden")
    # … and rewriting its role (signature unchanged) makes it no token at all.
    forged = tokens.tamper_payload(mechanic.access_token, role="OWNER")
    assert_error(client.get("/users", headers=auth(forged)), 401, "unauthorized")
    assert_error(client.get(ME, headers=auth(forged)), 401, "unauthorized")


def test_alg_none_owner_claims_cannot_list_users(client, mechanic):
    forged = tokens.unsigned({**tokens.claims(mechanic.access_token), "role": "OWNER"})
    assert_error(client.get("/users", headers=auth(forged)), 401, "unauthorized")


def test_expired_token(client, owner):
    now = tokens.now()
    forged = tokens.resign(owner.access_token, iat=now - 4200, exp=now - 600)
    assert_error(client.get(ME, headers=auth(forged)), 401, "token_expired")


def test_refresh_token_is_not_an_access_token(client, owner):
    assert_error(client.get(ME, headers=auth(owner.refresh_token)), 401, "unauthorized")
    assert_error(client.get("/users", headers=auth(owner.refresh_token)), 401, "unauthorized")


@pytest.mark.parametrize("value", [
    "{token}", "Token {token}", "JWT {token}", "Basic dXNlcjpzZW5oYQ==", "Bearer", "",
    "Bearer  {token}x", "Bearer {token} {token}",
], ids=["no-scheme", "token-scheme", "jwt-scheme", "basic", "bearer-only", "empty",
        "bearer-mangled", "two-tokens"])
def test_malformed_authorization_header(client, owner, value):
    resp = client.get(ME, headers={"Authorization": value.format(token=owner.access_token)})
    assert_error(resp, 401, "unauthorized")


def test_no_authorization_header(client):
    assert_error(client.get(ME), 401, "unauthorized")
    assert_error(client.get("/users"), 401, "unauthorized")


def test_token_for_a_session_that_does_not_exist(client, owner):
    forged = tokens.resign(owner.access_token, sid=MISSING_ID, jti=tokens.new_jti())
    assert_error(client.get(ME, headers=auth(forged)), 401, ("token_revoked", "unauthorized"))


def test_rejections_leave_the_real_token_working(client, owner):
    json_of(client.get(ME, headers=owner.headers), 200)


# --------------------------------------------------------------------------- refresh endpoint

@pytest.fixture
def fresh_session(client, owner):
    """A session of its own, so a test may burn it."""
    return relogin(client, owner)


@pytest.mark.parametrize("via", ["bearer", "body"])
def test_access_token_is_not_a_refresh_token(client, fresh_session, via):
    token = fresh_session.access_token
    if via == "bearer":
        resp = client.post("/auth/refresh", headers=auth(token))
    else:
        resp = client.post("/auth/refresh", json={"refresh_token": token})
    assert_error(resp, 401, "unauthorized")


@pytest.mark.parametrize("attack", ["alg-none", "hs512-right-secret", "rs256-header-hmac-signature",
                                    "bad-signature-other-secret", "tampered-sub", "missing-exp",
                                    "garbage"])
def test_hostile_refresh_token_rejected(client, fresh_session, attack):
    forged = ATTACKS[attack](fresh_session.refresh_token)
    assert_error(client.post("/auth/refresh", headers=auth(forged)), 401, "unauthorized")
    assert_error(client.post("/auth/refresh", json={"refresh_token": forged}), 401, "unauthorized")


def test_expired_refresh_token(client, fresh_session):
    now = tokens.now()
    forged = tokens.resign(fresh_session.refresh_token, iat=now - 40 * 86400, exp=now - 600)
    assert_error(client.post("/auth/refresh", headers=auth(forged)), 401, "token_expired")


def test_refresh_session_survives_forgeries(client, fresh_session):
    """Forged refresh tokens are rejected before they can touch the real session."""
    for attack in ("alg-none", "bad-signature-other-secret", "hs512-right-secret"):
        forged = ATTACKS[attack](fresh_session.refresh_token)
        assert client.post("/auth/refresh", headers=auth(forged)).status_code == 401
    resp = client.post("/auth/refresh", headers=auth(fresh_session.refresh_token))
    assert resp.status_code == 200, describe(resp)
