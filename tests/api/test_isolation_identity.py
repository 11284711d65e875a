"""Two workshops: neither sees nor touches the other's users; a tenant named in
the path or body must be the token's (API.md §1 Tenant)."""
import pytest

from support.helpers import (MISSING_ID, PREFIXES, assert_error, create_user, find_user, json_of,
                             list_users, login_ok, register, unique_email, unique_name,
                             unique_password)


@pytest.fixture(scope="module")
def tenants(server, session_client):
    client = session_client
    a_owner = register(client, unique_name("Oficina A"))
    b_owner = register(client, unique_name("Oficina B"))
    return {
        "a": {"owner": a_owner, "mechanic": create_user(client, a_owner, "MECHANIC")},
        "b": {"owner": b_owner, "mechanic": create_user(client, b_owner, "MECHANIC")},
    }


def test_tenants_differ(tenants):
    assert tenants["a"]["owner"].tenant_id != tenants["b"]["owner"].tenant_id


@pytest.mark.parametrize("side,other", [("a", "b"), ("b", "a")])
def test_user_list_shows_only_own_tenant(client, tenants, side, other):
    mine = list_users(client, tenants[side]["owner"])
    assert mine, "a workshop sees at least its owner"
    own_tenant = tenants[side]["owner"].tenant_id
    assert all(row["tenant_id"] == own_tenant for row in mine)
    foreign_ids = {str(acct.id) for acct in tenants[other].values()}
    foreign_emails = {acct.email.lower() for acct in tenants[other].values()}
    assert not foreign_ids & {str(row["id"]) for row in mine}
    assert not foreign_emails & {row["email"].lower() for row in mine}


@pytest.mark.parametrize("target", ["owner", "mechanic"])
@pytest.mark.parametrize("body", [{"name": "Invadido"}, {"is_active": False}, {"role": "MECHANIC"},
                                  {"password": "Senha-invasora-1"}],
                         ids=["name", "is_active", "role", "password"])
def test_patch_other_tenants_user_is_not_found(client, tenants, target, body):
    victim = tenants["b"][target]
    resp = client.patch(f"/users/{victim.id}", json=body, headers=tenants["a"]["owner"].headers)
    assert_error(resp, 404, "not_found")
    row = find_user(list_users(client, tenants["b"]["owner"]), victim.id)
    assert row is not None and row["is_active"] is True
    assert row["name"] == victim.user["name"]
    assert row["role"] == victim.user["role"]


def test_other_tenants_user_untouched_after_probes(client, tenants):
    victim = tenants["b"]["mechanic"]
    json_of(client.get("/auth/me", headers=victim.headers), 200)
    login_ok(client, victim.email, victim.password)


def test_not_found_for_other_tenant_looks_like_missing_id(client, tenants):
    actor = tenants["a"]["owner"]
    foreign = client.patch(f"/users/{tenants['b']['owner'].id}", json={"name": "x"}, headers=actor.headers)
    missing = client.patch(f"/users/{MISSING_ID}", json={"name": "x"}, headers=actor.headers)
    assert_error(foreign, 404, "not_found")
    assert_error(missing, 404, "not_found")
    assert foreign.json()["error"]["message"] == missing.json()["error"]["message"]


# --------------------------------------------------------------------------- tenant in the path

@pytest.mark.parametrize("prefix", PREFIXES)
def test_path_tenant_mismatch(client, tenants, prefix):
    a, b = tenants["a"]["owner"], tenants["b"]["owner"]
    resp = client.get(f"{prefix}/management/{b.tenant_id}/customers", headers=a.headers)
    assert_error(resp, 403, "tenant_mismatch")


@pytest.mark.parametrize("prefix", PREFIXES)
def test_path_tenant_that_does_not_exist(client, tenants, prefix):
    a = tenants["a"]["owner"]
    resp = client.get(f"{prefix}/management/{MISSING_ID}/customers", headers=a.headers)
    assert_error(resp, 403, "tenant_mismatch")


@pytest.mark.parametrize("prefix", PREFIXES)
def test_path_own_tenant_allowed(client, tenants, prefix):
    a = tenants["a"]["owner"]
    resp = client.get(f"{prefix}/management/{a.tenant_id}/customers", headers=a.headers)
    assert isinstance(json_of(resp, 200), list)


def test_path_tenant_mismatch_for_any_role(client, tenants):
    mech, b = tenants["a"]["mechanic"], tenants["b"]["owner"]
    resp = client.get(f"/management/{b.tenant_id}/customers", headers=mech.headers)
    assert_error(resp, 403, "tenant_mismatch")


# --------------------------------------------------------------------------- tenant in the body

def test_body_tenant_mismatch_creates_nothing(client, tenants):
    a, b = tenants["a"]["owner"], tenants["b"]["owner"]
    email = unique_email("intruso")
    body = {"name": "Intruso", "email": email, "password": unique_password(), "role": "OWNER",
            "tenant_id": b.tenant_id}
    assert_error(client.post("/users", json=body, headers=a.headers), 403, "tenant_mismatch")
    for owner in (a, b):
        assert all(row["email"].lower() != email for row in list_users(client, owner))


def test_body_own_tenant_allowed(client, tenants):
    a = tenants["a"]["owner"]
    email = unique_email("mesmo")
    body = {"name": "Da Casa", "email": email, "password": unique_password(), "role": "ATTENDANT",
            "tenant_id": a.tenant_id}
    json_of(client.post("/users", json=body, headers=a.headers), 201)
    rows = [row for row in list_users(client, a) if row["email"].lower() == email]
    assert len(rows) == 1 and rows[0]["tenant_id"] == a.tenant_id


def test_body_tenant_mismatch_on_patch(client, tenants):
    a, b = tenants["a"]["owner"], tenants["b"]["owner"]
    target = tenants["a"]["mechanic"]
    resp = client.patch(f"/users/{target.id}", json={"name": "Mudado", "tenant_id": b.tenant_id},
                        headers=a.headers)
    assert_error(resp, 403, "tenant_mismatch")
    assert find_user(list_users(client, a), target.id)["name"] == target.user["name"]


def test_me_is_always_the_tokens_tenant(client, tenants):
    for side in ("a", "b"):
        for acct in tenants[side].values():
            me = json_of(client.get("/me", headers=acct.headers), 200)
            assert me["tenant_id"] == tenants[side]["owner"].tenant_id
