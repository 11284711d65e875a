"""Staff `/teamcrm/staff` (API.md §5): list with the `active` filter, detail, the
caller's own record, create and update; a staff member may be linked to a login of
the workshop (`user_id`) and carries a commission rule that only the managers see."""
import pytest

from support.helpers import MISSING_ID, assert_error, create_user, json_of, register, unique_name
from support.team import STAFF_FIELDS, Crm, new_workshop, tclient  # noqa: F401
from support.workshop import assert_validation, iso_utc, parallel, total_count


@pytest.fixture(scope="module")
def crm(tclient):
    return new_workshop(tclient, "Oficina Staff")


def test_create_answers_the_whole_row_and_reads_it_back(crm):
    mechanic = create_user(crm.client, crm.account, "MECHANIC", name="Carlos Mendes")
    body = {"name": "  Carlos Mendes  ", "role": "Mecânico chefe", "phone": "(11) 99123-0001",
            "email": "Carlos@Oficina.com.br", "user_id": mechanic.id,
            "labor_commission_percent": 10.5, "parts_commission_percent": "2.25"}
    created = json_of(crm.post("/staff", body), 201)
    assert set(created) == STAFF_FIELDS
    assert created["name"] == "Carlos Mendes"
    assert created["role"] == "Mecânico chefe"
    assert created["phone"] == "11991230001"
    assert created["email"] == "carlos@oficina.com.br"
    assert created["user_id"] == mechanic.id
    assert created["user_name"] == "Carlos Mendes"
    assert created["user_email"] == mechanic.email.lower()
    assert created["is_active"] is True
    assert created["labor_commission_percent"] == 10.5
    assert created["parts_commission_percent"] == 2.25
    assert created["can"] == {"edit": True}
    iso_utc(created["created_at"])
    iso_utc(created["updated_at"])
    assert crm.one(f"/staff/{created['id']}") == created


def test_defaults_of_a_bare_record(crm):
    s = json_of(crm.post("/staff", {"name": "Diego"}), 201)
    assert (s["role"], s["phone"], s["email"], s["user_id"], s["user_name"]) == (None,) * 5
    assert s["is_active"] is True
    assert s["labor_commission_percent"] == 0
    assert s["parts_commission_percent"] == 0


def test_patch_changes_only_what_it_names_and_null_clears(crm):
    s = crm.staff(phone="11988887777", email="a@b.com.br", labor_commission_percent=8)
    changed = json_of(crm.patch(f"/staff/{s['id']}", {"role": "Auxiliar", "phone": None}), 200)
    assert changed["role"] == "Auxiliar"
    assert changed["phone"] is None
    assert changed["email"] == "a@b.com.br"
    assert changed["labor_commission_percent"] == 8
    assert changed["name"] == s["name"]
    off = json_of(crm.patch(f"/staff/{s['id']}", {"is_active": False}), 200)
    assert off["is_active"] is False
    assert crm.one(f"/staff/{s['id']}")["is_active"] is False


def test_active_filter(tclient):
    crm = new_workshop(tclient, "Oficina Ativos")
    on = crm.staff(name="Ana Ativa")
    off = crm.staff(name="Bruno Inativo")
    json_of(crm.patch(f"/staff/{off['id']}", {"is_active": False}), 200)
    assert [s["id"] for s in crm.list("/staff", active=1)] == [on["id"]]
    assert [s["id"] for s in crm.list("/staff", active="true")] == [on["id"]]
    assert [s["id"] for s in crm.list("/staff", active=0)] == [off["id"]]
    # No filter (or `all`): everyone, the active first.
    assert [s["id"] for s in crm.list("/staff")] == [on["id"], off["id"]]
    assert [s["id"] for s in crm.list("/staff", active="all")] == [on["id"], off["id"]]
    resp = crm.get("/staff")
    assert total_count(resp) == 2
    assert_error(crm.get("/staff", params={"active": "talvez"}), 400, "bad_request")


def test_list_is_ordered_by_name_and_paginated(tclient):
    crm = new_workshop(tclient, "Oficina Ordem")
    for name in ("Zeca", "ana", "Márcio", "Bia"):
        crm.staff(name=name)
    assert [s["name"] for s in crm.list("/staff")] == ["ana", "Bia", "Márcio", "Zeca"]
    resp = crm.get("/staff", params={"limit": 2, "offset": 1})
    assert [s["name"] for s in json_of(resp, 200)] == ["Bia", "Márcio"]
    assert total_count(resp) == 4


@pytest.mark.parametrize("body,field", [
    ({}, "name"),
    ({"name": "   "}, "name"),
    ({"name": "x" * 121}, "name"),
    ({"name": "Ana", "role": "x" * 61}, "role"),
    ({"name": "Ana", "phone": "123"}, "phone"),
    ({"name": "Ana", "email": "sem-arroba"}, "email"),
    ({"name": "Ana", "user_id": "abc"}, "user_id"),
    ({"name": "Ana", "user_id": 0}, "user_id"),
    ({"name": "Ana", "user_id": MISSING_ID}, "user_id"),
    ({"name": "Ana", "labor_commission_percent": 100.01}, "labor_commission_percent"),
    ({"name": "Ana", "labor_commission_percent": -1}, "labor_commission_percent"),
    ({"name": "Ana", "parts_commission_percent": "10.555"}, "parts_commission_percent"),
    ({"name": "Ana", "parts_commission_percent": "dez"}, "parts_commission_percent"),
    ({"name": "Ana", "is_active": "sim"}, "is_active"),
])
def test_bad_input_is_422_naming_the_field(crm, body, field):
    before = total_count(crm.get("/staff"))
    assert_validation(crm.post("/staff", body), field)
    assert total_count(crm.get("/staff")) == before


def test_percentages_take_two_decimals_up_to_100(crm):
    s = crm.staff(labor_commission_percent=100, parts_commission_percent="0.01")
    assert (s["labor_commission_percent"], s["parts_commission_percent"]) == (100, 0.01)


def test_a_login_links_to_one_staff_member(tclient):
    crm = new_workshop(tclient, "Oficina Login")
    user = create_user(tclient, crm.account, "MECHANIC", do_login=False)
    first = crm.staff(user_id=user.id)
    err = assert_error(crm.post("/staff", {"name": "Outro", "user_id": user.id}), 409, "conflict")
    assert "user_id" in err["details"]
    other = crm.staff()
    assert_error(crm.patch(f"/staff/{other['id']}", {"user_id": user.id}), 409, "conflict")
    # Unlinking frees the login.
    json_of(crm.patch(f"/staff/{first['id']}", {"user_id": None}), 200)
    assert json_of(crm.patch(f"/staff/{other['id']}", {"user_id": user.id}), 200)["user_id"] == user.id


def test_me_is_the_callers_own_record(tclient):
    crm = new_workshop(tclient, "Oficina Eu")
    mechanic = create_user(tclient, crm.account, "MECHANIC")
    assert_error(crm.as_(mechanic).get("/staff/me"), 404, "not_found")
    mine = crm.staff(name="Rafael", user_id=mechanic.id, labor_commission_percent=8.5)
    me = crm.as_(mechanic).one("/staff/me")
    assert me["id"] == mine["id"]
    assert me["name"] == "Rafael"
    # A colleague's commission is the managers' business, his own included.
    assert me["labor_commission_percent"] is None
    assert me["can"] == {"edit": False}
    assert_error(crm.get("/staff/me"), 404, "not_found")  # the owner has no record


@pytest.mark.parametrize("role,sees", [("OWNER", True), ("MANAGER", True), ("ATTENDANT", False),
                                       ("MECHANIC", False)])
def test_commission_rules_and_login_emails_are_shown_to_the_managers_only(tclient, role, sees):
    crm = new_workshop(tclient, "Oficina Regras")
    login = create_user(tclient, crm.account, "MECHANIC", do_login=False)
    s = crm.staff(labor_commission_percent=12, parts_commission_percent=3, user_id=login.id)
    reader = crm if role == "OWNER" else crm.as_(create_user(tclient, crm.account, role))
    for row in (reader.one(f"/staff/{s['id']}"), reader.list("/staff")[0]):
        if sees:
            assert (row["labor_commission_percent"], row["parts_commission_percent"]) == (12, 3)
            assert row["user_email"] == login.email
        else:
            assert (row["labor_commission_percent"], row["parts_commission_percent"]) == (None, None)
            assert row["user_email"] is None
        assert (row["user_id"], row["user_name"]) == (login.id, login.user["name"])
        assert row["can"] == {"edit": sees}


def test_missing_and_malformed_ids(crm):
    assert_error(crm.get(f"/staff/{MISSING_ID}"), 404, "not_found")
    assert_error(crm.patch(f"/staff/{MISSING_ID}", {"name": "X"}), 404, "not_found")
    assert_error(crm.get("/staff/abc"), 404, "not_found")


def test_body_must_be_a_json_object(crm):
    assert_error(crm.client.post("/teamcrm/staff", content=b"nope",
                                 headers={**crm.headers, "Content-Type": "application/json"}),
                 400, "bad_request")
    assert_error(crm.post("/staff", [1, 2]), 400, "bad_request")


def test_parallel_links_of_one_login_leave_exactly_one(server, tclient):
    crm = new_workshop(tclient, "Oficina Corrida")
    user = create_user(tclient, crm.account, "MECHANIC", do_login=False)
    rows = [crm.staff(name=f"Pessoa {i}") for i in range(12)]
    calls = [lambda c, r=r: c.patch(f"/teamcrm/staff/{r['id']}", json={"user_id": user.id},
                                    headers=crm.headers) for r in rows]
    answers = parallel(server.url, calls, workers=12)
    assert sorted(r.status_code for r in answers) == [200] + [409] * 11
    for r in answers:
        if r.status_code == 409:
            assert_error(r, 409, "conflict")
    linked = [s for s in crm.list("/staff") if s["user_id"] == user.id]
    assert len(linked) == 1
