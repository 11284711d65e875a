"""Users of a workshop and their roles (API.md §2)."""
import pytest

from support.helpers import (MISSING_ID, USER_LIST_FIELDS, assert_error, auth, create_user,
                             describe, details_of, eventually_error, find_user, json_of,
                             list_users, login, login_ok, register, relogin, unique_email,
                             unique_password)


def _new_user_body(role="MECHANIC", **extra):
    return {"name": "Novo Usuário", "email": unique_email(role.lower()),
            "password": unique_password(), "role": role, **extra}


def _patch(client, actor, user_id, body, prefix=""):
    return client.patch(f"{prefix}/users/{user_id}", json=body, headers=actor.headers)


# --------------------------------------------------------------------------- listing

@pytest.mark.parametrize("prefix", ["", "/api"])
def test_owner_lists_the_team(client, team, prefix):
    owner = team["OWNER"]
    resp = client.get(f"{prefix}/users", headers=owner.headers)
    users = json_of(resp, 200)
    assert isinstance(users, list)
    for role, member in team.items():
        row = find_user(users, member.id)
        assert row is not None, f"{role} missing from GET /users"
        assert USER_LIST_FIELDS <= set(row), f"user row lacks {USER_LIST_FIELDS - set(row)}"
        assert row["role"] == role
        assert row["email"].lower() == member.email.lower()
        assert row["tenant_id"] == owner.tenant_id
        assert row["plan"] == "BASIC"
        assert row["is_active"] is True
    for row in users:
        assert row["tenant_id"] == owner.tenant_id
        assert not {"password", "password_hash", "hash"} & set(row), "no password material in listings"


def test_created_users_log_in_with_their_role_and_tenant(team):
    owner = team["OWNER"]
    for role in ("MANAGER", "ATTENDANT", "MECHANIC"):
        member = team[role]
        assert member.user["role"] == role
        assert member.user["tenant_id"] == owner.tenant_id
        assert member.user["tenant_name"] == owner.user["tenant_name"]
        assert member.user["plan"] == "BASIC"


def test_manager_can_list_but_not_create(client, team):
    users = list_users(client, team["MANAGER"])
    assert find_user(users, team["OWNER"].id) is not None
    resp = client.post("/users", json=_new_user_body(), headers=team["MANAGER"].headers)
    assert_error(resp, 403, "forbidden")


@pytest.mark.parametrize("role", ["ATTENDANT", "MECHANIC"])
def test_staff_cannot_list_or_create_users(client, team, role):
    member = team[role]
    assert_error(client.get("/users", headers=member.headers), 403, "forbidden")
    assert_error(client.post("/users", json=_new_user_body(), headers=member.headers), 403, "forbidden")


def test_users_require_a_token(client):
    assert_error(client.get("/users"), 401, "unauthorized")
    assert_error(client.post("/users", json=_new_user_body()), 401, "unauthorized")


# --------------------------------------------------------------------------- creating

@pytest.mark.parametrize("role", ["OWNER", "MANAGER", "ATTENDANT", "MECHANIC"])
def test_owner_creates_each_role(client, owner, role):
    member = create_user(client, owner, role)
    assert member.user["role"] == role
    assert member.tenant_id == owner.tenant_id
    row = find_user(list_users(client, owner), member.id)
    assert row is not None and row["role"] == role and row["is_active"] is True


@pytest.mark.parametrize("role", ["ADMIN", "SUPERUSER", "", None, 3])
def test_create_user_rejects_unknown_role(client, owner, role):
    resp = client.post("/users", json=_new_user_body() | {"role": role}, headers=owner.headers)
    err = assert_error(resp, 422, "validation_error")
    if details_of(err):
        assert "role" in details_of(err), describe(resp)


def test_create_user_without_role(client, owner):
    body = _new_user_body()
    del body["role"]
    err = assert_error(client.post("/users", json=body, headers=owner.headers), 422, "validation_error")
    if details_of(err):
        assert "role" in details_of(err)


@pytest.mark.parametrize("field,value", [("name", ""), ("email", "nao-e-email"), ("password", "1234567")])
def test_create_user_validation(client, owner, field, value):
    body = _new_user_body() | {field: value}
    err = assert_error(client.post("/users", json=body, headers=owner.headers), 422, "validation_error")
    assert field in details_of(err)


def test_create_user_email_taken_anywhere(client, owner):
    other_workshop = register(client)
    for email in (owner.email, owner.email.upper(), other_workshop.email):
        resp = client.post("/users", json=_new_user_body() | {"email": email}, headers=owner.headers)
        assert_error(resp, 409, "conflict")


def test_new_user_password_is_not_echoed(client, owner):
    body = _new_user_body()
    resp = client.post("/users", json=body, headers=owner.headers)
    data = json_of(resp, 201)
    assert body["password"] not in resp.text
    if isinstance(data, dict):
        assert not {"password", "password_hash"} & set(data)


# --------------------------------------------------------------------------- editing

def test_owner_renames_a_user(client, owner):
    mech = create_user(client, owner, "MECHANIC", do_login=False)
    resp = _patch(client, owner, mech.id, {"name": "Zé da Oficina"})
    json_of(resp, 200)
    assert find_user(list_users(client, owner), mech.id)["name"] == "Zé da Oficina"


@pytest.mark.parametrize("role", ["MANAGER", "ATTENDANT", "MECHANIC"])
def test_user_renames_self(client, owner, role):
    member = create_user(client, owner, role)
    json_of(_patch(client, member, member.id, {"name": "Nome Novo"}), 200)
    me = json_of(client.get("/auth/me", headers=member.headers), 200)
    assert me["name"] == "Nome Novo"


def test_user_changes_own_password(client, owner):
    member = create_user(client, owner, "MECHANIC")
    new_password = unique_password()
    json_of(_patch(client, member, member.id, {"password": new_password}), 200)
    login_ok(client, member.email, new_password)
    assert_error(login(client, member.email, member.password), 401, "invalid_credentials")


def test_owner_sets_a_users_password(client, owner):
    member = create_user(client, owner, "ATTENDANT", do_login=False)
    new_password = unique_password()
    json_of(_patch(client, owner, member.id, {"password": new_password}), 200)
    login_ok(client, member.email, new_password)


def test_patch_password_too_short(client, owner):
    member = create_user(client, owner, "MECHANIC")
    err = assert_error(_patch(client, member, member.id, {"password": "1234567"}), 422, "validation_error")
    assert "password" in details_of(err)


@pytest.mark.parametrize("role", ["MANAGER", "ATTENDANT", "MECHANIC"])
@pytest.mark.parametrize("body", [{"role": "OWNER"}, {"is_active": False}], ids=["role", "is_active"])
def test_non_owner_cannot_change_own_role_or_status(client, team, role, body):
    member = team[role]
    assert_error(_patch(client, member, member.id, body), 403, "forbidden")
    me = json_of(client.get("/auth/me", headers=member.headers), 200)
    assert me["role"] == role


@pytest.mark.parametrize("role", ["MANAGER", "ATTENDANT", "MECHANIC"])
def test_non_owner_cannot_edit_someone_else(client, team, role):
    member = team[role]
    target = team["MECHANIC"] if role != "MECHANIC" else team["ATTENDANT"]
    for body in ({"name": "Invasor"}, {"password": unique_password()}, {"role": "OWNER"}):
        assert_error(_patch(client, member, target.id, body), 403, "forbidden")


def test_patch_invalid_role(client, owner):
    member = create_user(client, owner, "MECHANIC", do_login=False)
    assert_error(_patch(client, owner, member.id, {"role": "ADMIN"}), 422, "validation_error")


@pytest.mark.parametrize("prefix", ["", "/api"])
def test_patch_unknown_user(client, owner, prefix):
    assert_error(_patch(client, owner, MISSING_ID, {"name": "Ninguém"}, prefix), 404, "not_found")


def test_patch_ignores_id_in_body(client, owner):
    member = create_user(client, owner, "MECHANIC", do_login=False)
    resp = _patch(client, owner, member.id, {"name": "Com Id", "id": MISSING_ID})
    json_of(resp, 200)
    row = find_user(list_users(client, owner), member.id)
    assert row is not None and row["name"] == "Com Id"


# --------------------------------------------------------------------------- last owner

def test_last_owner_cannot_be_demoted_or_deactivated(client, owner):
    for body in ({"role": "MANAGER"}, {"is_active": False}):
        assert_error(_patch(client, owner, owner.id, body), 409, "conflict")
    json_of(client.get("/auth/me", headers=owner.headers), 200)
    assert find_user(list_users(client, owner), owner.id)["role"] == "OWNER"


def test_inactive_owner_does_not_count(client, owner):
    second = create_user(client, owner, "OWNER", do_login=False)
    json_of(_patch(client, owner, second.id, {"is_active": False}), 200)
    for body in ({"role": "MECHANIC"}, {"is_active": False}):
        assert_error(_patch(client, owner, owner.id, body), 409, "conflict")


def test_owner_demoted_while_another_owner_remains(client, owner):
    second = create_user(client, owner, "OWNER")
    assert second.user["role"] == "OWNER"
    # the first owner demotes the second: allowed, and the second must log in again
    json_of(_patch(client, owner, second.id, {"role": "MANAGER"}), 200)
    eventually_error(lambda: client.get("/auth/me", headers=second.headers), 401, "token_revoked")
    refreshed = client.post("/auth/refresh", headers=auth(second.refresh_token))
    assert_error(refreshed, 401, ("token_revoked", "unauthorized"))
    again = relogin(client, second)
    assert again.user["role"] == "MANAGER"
    # now the first is the last owner again
    assert_error(_patch(client, owner, owner.id, {"role": "MANAGER"}), 409, "conflict")


def test_owner_may_step_down_when_another_owner_exists(client, owner):
    second = create_user(client, owner, "OWNER")
    json_of(_patch(client, owner, owner.id, {"role": "MANAGER"}), 200)
    again = relogin(client, owner)
    assert again.user["role"] == "MANAGER"
    # and the remaining owner is protected
    assert_error(_patch(client, second, second.id, {"is_active": False}), 409, "conflict")


# --------------------------------------------------------------------------- role change / deactivation

def test_role_change_revokes_sessions_and_applies_at_next_login(client, owner):
    mech = create_user(client, owner, "MECHANIC")
    assert_error(client.get("/users", headers=mech.headers), 403, "forbidden")
    json_of(_patch(client, owner, mech.id, {"role": "MANAGER"}), 200)
    eventually_error(lambda: client.get("/auth/me", headers=mech.headers), 401, "token_revoked")
    promoted = relogin(client, mech)
    assert promoted.user["role"] == "MANAGER"
    json_of(client.get("/users", headers=promoted.headers), 200)


def test_deactivated_user_is_locked_out(client, owner):
    mech = create_user(client, owner, "MECHANIC")
    second_session = relogin(client, mech)
    json_of(_patch(client, owner, mech.id, {"is_active": False}), 200)
    row = find_user(list_users(client, owner), mech.id)
    assert row is not None and row["is_active"] is False
    for session in (mech, second_session):
        eventually_error(lambda: client.get("/auth/me", headers=session.headers), 401, "token_revoked")
        assert_error(client.post("/auth/refresh", headers=auth(session.refresh_token)), 401,
                     ("token_revoked", "unauthorized"))
    assert_error(login(client, mech.email, mech.password), 401, "invalid_credentials")


def test_reactivated_user_can_log_in_again(client, owner):
    mech = create_user(client, owner, "ATTENDANT", do_login=False)
    json_of(_patch(client, owner, mech.id, {"is_active": False}), 200)
    json_of(_patch(client, owner, mech.id, {"is_active": True}), 200)
    login_ok(client, mech.email, mech.password)


def test_renaming_does_not_revoke_sessions(client, owner):
    mech = create_user(client, owner, "MECHANIC")
    json_of(_patch(client, owner, mech.id, {"name": "Só o Nome"}), 200)
    json_of(client.get("/auth/me", headers=mech.headers), 200)
