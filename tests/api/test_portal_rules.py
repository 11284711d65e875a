"""Quotes: bad input, expired links, the plan gate, roles and the per-address limit
(API.md §7)."""
import secrets

import pytest

from support import server as srv
from support.helpers import MISSING_ID, assert_error, create_user, json_of, random_loopback, register, unique_name
from support.portal import Quoting, cli, premium, psql_app_db, refresh, set_plan
from support.portal import pclient, quoting  # noqa: F401  (module-scoped fixtures)
from support.workshop import Shop, assert_validation


# --------------------------------------------------------------------------- sending

@pytest.mark.parametrize("days", [0, 61, -1, "x", 1.5, True])
def test_validity_is_1_to_60_days(quoting, days):
    order = quoting.order_with_three_items()
    assert_validation(quoting.send(order["id"], {"expires_in_days": days}), "expires_in_days")
    assert quoting.shop.get_order(order["id"])["approval"] is None, "nothing was sent"


def test_message_is_at_most_1000_characters(quoting):
    order = quoting.order_with_three_items()
    assert_validation(quoting.send(order["id"], {"message": "x" * 1001}), "message")
    assert quoting.sent(order["id"], {"message": "x" * 1000})["version"] == 1


def test_an_order_without_items_or_closed_cannot_be_quoted(quoting):
    s = quoting.shop
    empty = s.order()
    assert_validation(quoting.send(empty["id"]), "items")
    done = s.order()
    s.labor_item(done["id"])
    s.move_to(done["id"], "COMPLETED")
    assert_error(quoting.send(done["id"]), 409, "conflict")
    assert_error(quoting.send(MISSING_ID), 404, "not_found")
    assert s.get_order(done["id"])["approval"] is None


def test_the_body_must_be_json(quoting):
    order = quoting.order_with_three_items()
    resp = quoting.client.post(f"/management/os/{order['id']}/quote", content=b"{",
                               headers={**quoting.shop.headers, "Content-Type": "application/json"})
    assert_error(resp, 400, "bad_request")


# --------------------------------------------------------------------------- deciding

def test_a_decision_needs_items_a_name_and_the_terms(quoting):
    q = quoting
    order = q.order_with_three_items()
    token = q.sent(order["id"])["token"]
    post = lambda body: q.client.post(f"/api/portal/{token}/decision", json=body)  # noqa: E731
    ok = {"approved_item_ids": [q.item_a["id"]], "name": "Maria", "accept_terms": True}
    assert_validation(post({**ok, "accept_terms": False}), "accept_terms")
    assert_validation(post({k: v for k, v in ok.items() if k != "accept_terms"}), "accept_terms")
    assert_validation(post({**ok, "name": ""}), "name")
    assert_validation(post({**ok, "name": "M"}), "name")
    assert_validation(post({k: v for k, v in ok.items() if k != "name"}), "name")
    assert_validation(post({**ok, "approved_item_ids": "1,2"}), "approved_item_ids")
    assert_validation(post({**ok, "approved_item_ids": ["x"]}), "approved_item_ids")
    assert_validation(post({**ok, "approved_item_ids": [0]}), "approved_item_ids")
    assert_validation(post({k: v for k, v in ok.items() if k != "approved_item_ids"}),
                      "approved_item_ids")
    # An item of another order is not one of this quote's.
    other = q.order_with_three_items()
    assert_validation(post({**ok, "approved_item_ids": [other["items"][0]["id"]]}),
                      "approved_item_ids")
    assert_error(q.client.post(f"/api/portal/{token}/decision", content=b"nope",
                               headers={"Content-Type": "application/json"}), 400, "bad_request")
    # Nothing changed: still pending, every item on the order.
    after = q.shop.get_order(order["id"])
    assert after["approval"]["state"] == "PENDING" and len(after["items"]) == 3
    assert json_of(post(ok), 200) == {"state": "PARTIALLY_APPROVED"}


def test_unknown_and_malformed_links_are_404(quoting):
    for token in (secrets.token_urlsafe(32), "abc", "A" * 44, "A" * 42 + "="):
        assert_error(quoting.view(token), 404, "not_found")
        assert_error(quoting.decide(token, []), 404, "not_found")


def test_an_expired_link_says_so(quoting):
    q, s = quoting, quoting.shop
    order = q.order_with_three_items()
    sent = q.sent(order["id"], {"expires_in_days": 1})
    psql_app_db("update quotes set expires_at = now() - interval '1 minute' "
                f"where tenant_id = {s.tenant_id} and order_id = {order['id']}")
    err = assert_error(q.view(sent["token"]), 404, "not_found")
    assert "expirou" in err["message"] and (err.get("details") or {}).get("token") == "expired"
    assert_error(q.decide(sent["token"], []), 404, "not_found")
    assert s.get_order(order["id"])["approval"]["state"] == "EXPIRED"
    assert len(s.get_order(order["id"])["items"]) == 3
    renewed = q.sent(order["id"])
    assert json_of(q.view(renewed["token"]), 200)["quote"]["state"] == "PENDING"


# --------------------------------------------------------------------------- plans and roles

def test_basic_plan_gets_plan_required_until_the_operator_upgrades(pclient):
    owner = register(pclient, unique_name("Oficina Básica"))
    q = Quoting(pclient, owner)
    s = q.shop
    order = s.order()
    s.labor_item(order["id"])
    err = assert_error(q.send(order["id"]), 403, "plan_required")
    assert "Premium" in err["message"]
    assert s.get_order(order["id"])["approval"] is None
    plan = json_of(pclient.get("/tenant/plan", headers=owner.headers), 200)
    assert plan["plan"] == "BASIC"
    quotes = next(f for f in plan["features"] if f["feature"] == "quotes")
    assert quotes["included"] is False and quotes["minimum_plan"] == "PREMIUM"
    assert [p["plan"] for p in plan["plans"]] == ["BASIC", "PREMIUM", "ENTERPRISE"]
    assert "quotes" in next(p for p in plan["plans"] if p["plan"] == "PREMIUM")["features"]

    done = cli("tenant", "plan", str(owner.tenant_id), "PREMIUM")
    assert done.returncode == 0, done.stderr
    assert "BASIC -> PREMIUM" in done.stdout
    # The gate reads the token: the old one still says BASIC.
    assert_error(q.send(order["id"]), 403, "plan_required")
    refresh(pclient, owner)
    assert json_of(q.send(order["id"]), 201)["version"] == 1
    plan = json_of(pclient.get("/tenant/plan", headers=owner.headers), 200)
    assert plan["plan"] == "PREMIUM"
    assert next(f for f in plan["features"] if f["feature"] == "quotes")["included"] is True

    set_plan(pclient, owner, "BASIC")
    assert_error(q.send(order["id"]), 403, "plan_required")


def test_roles(pclient):
    owner = premium(pclient)
    q = Quoting(pclient, owner)
    order = q.shop.order()
    q.shop.labor_item(order["id"])
    for role, status in (("MANAGER", 201), ("ATTENDANT", 201), ("MECHANIC", 403)):
        user = create_user(pclient, owner, role)
        resp = q.send(order["id"], account=user)
        if status == 201:
            json_of(resp, 201)
        else:
            assert_error(resp, 403, "forbidden")
    assert_error(pclient.post(f"/management/os/{order['id']}/quote", json={}), 401, "unauthorized")


# --------------------------------------------------------------------------- the CLI

def test_tenant_list_and_plan_by_owner_email(pclient):
    owner = register(pclient, unique_name("Oficina Lista"))
    listed = cli("tenant", "list")
    assert listed.returncode == 0, listed.stderr
    rows = [line.split("\t") for line in listed.stdout.splitlines()]
    assert rows[0] == ["id", "plan", "users", "created_at", "name", "owners"]
    mine = [r for r in rows[1:] if r[0] == str(owner.tenant_id)]
    assert len(mine) == 1
    assert mine[0][1] == "BASIC" and mine[0][2] == "1"
    assert mine[0][4] == owner.user["tenant_name"] and mine[0][5] == owner.email

    done = cli("tenant", "plan", owner.email.upper(), "pro")
    assert done.returncode == 0, done.stderr
    assert refresh(pclient, owner) and json_of(
        pclient.get("/me", headers=owner.headers), 200)["plan"] == "PREMIUM"

    assert cli("tenant", "plan", str(owner.tenant_id), "GOLD").returncode == 2
    assert cli("tenant", "plan", "2000000000", "PREMIUM").returncode == 1
    assert cli("tenant", "plan", "ninguem@example.com", "PREMIUM").returncode == 1
    # A MANAGER's e-mail is not an owner's.
    manager = create_user(pclient, owner, "MANAGER")
    assert cli("tenant", "plan", manager.email, "BASIC").returncode == 1


def test_the_application_role_cannot_change_plans(pclient):
    done = cli("tenant", "plan", "1", "ENTERPRISE", database_url=srv.require_env("TEST_DATABASE_URL"))
    assert done.returncode != 0 and "permission denied" in done.stderr.lower()


# --------------------------------------------------------------------------- the limit per address

def test_the_portal_is_limited_per_address(server_factory):
    server = server_factory("portal-limit", env={"PORTAL_RATE_LIMIT_PER_ADDRESS_PER_MINUTE": "5"})
    address = random_loopback()
    token = secrets.token_urlsafe(32)
    with server.client(source_address=address) as c:
        for _ in range(5):
            assert_error(c.get(f"/api/portal/{token}"), 404, "not_found")
        assert_error(c.get(f"/api/portal/{token}"), 429, "rate_limited")
        assert_error(c.post(f"/api/portal/{token}/decision", json={}), 429, "rate_limited")
    with server.client(source_address=random_loopback()) as other:
        assert_error(other.get(f"/api/portal/{token}"), 404, "not_found")
