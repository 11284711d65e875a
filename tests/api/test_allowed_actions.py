"""The server decides (API.md §1 "Allowed actions"): reads say what the caller may do
next, so clients never copy the state machine or the role table."""
import datetime

import pytest

from support.helpers import auth, json_of, workshop_today
from support.workshop import other_shop, shop, wclient  # noqa: F401 (fixtures)

ACTIONS = {"manage_users", "read_users", "read_workshop", "write_customers",
           "deactivate_customers", "manage_parts", "write_orders", "write_order_items",
           "change_order_status", "cancel_reopen_orders", "finance", "manage_staff",
           "work_tasks", "set_prices", "see_costs"}

# What each role may, of the actions the web app shows or hides (API.md §2).
EXPECTED_CAN = {
    "OWNER": ACTIONS,
    "MANAGER": ACTIONS - {"manage_users"},
    "ATTENDANT": {"read_workshop", "write_customers", "write_orders", "write_order_items",
                  "change_order_status", "work_tasks", "set_prices"},
    "MECHANIC": {"read_workshop", "write_order_items", "change_order_status", "work_tasks"},
}

# Moves by role from each status: the state machine of API.md §3 filtered by the role table.
ALL_MOVES = {
    "OPEN": ["IN_PROGRESS", "WAITING_PARTS", "COMPLETED", "CANCELLED"],
    "IN_PROGRESS": ["WAITING_PARTS", "COMPLETED", "CANCELLED"],
    "WAITING_PARTS": ["IN_PROGRESS", "COMPLETED", "CANCELLED"],
    "COMPLETED": ["IN_PROGRESS"],
    "CANCELLED": [],
}
FRONT_MOVES = {
    "OPEN": ["IN_PROGRESS", "WAITING_PARTS", "COMPLETED"],
    "IN_PROGRESS": ["WAITING_PARTS", "COMPLETED"],
    "WAITING_PARTS": ["IN_PROGRESS", "COMPLETED"],
    "COMPLETED": [],
    "CANCELLED": [],
}
PATHS = {"OPEN": [], "IN_PROGRESS": ["IN_PROGRESS"], "WAITING_PARTS": ["WAITING_PARTS"],
         "COMPLETED": ["COMPLETED"], "CANCELLED": ["CANCELLED"]}


@pytest.mark.parametrize("role", ["OWNER", "MANAGER", "ATTENDANT", "MECHANIC"])
def test_me_carries_the_roles_capabilities(client, team, role):
    for path in ("/auth/me", "/me"):
        me = json_of(client.get(path, headers=auth(team[role].access_token)), 200)
        assert set(me["can"]) == ACTIONS
        assert {a for a, ok in me["can"].items() if ok} == EXPECTED_CAN[role]


def test_login_answer_carries_capabilities(team):
    assert team["MECHANIC"].user["can"]["manage_parts"] is False
    assert team["OWNER"].user["can"]["manage_users"] is True


@pytest.mark.parametrize("status", list(PATHS))
@pytest.mark.parametrize("role", ["OWNER", "MANAGER", "ATTENDANT", "MECHANIC"])
def test_order_reads_carry_allowed_transitions_and_can(shop, team, status, role):
    order = shop.order()
    shop.move_to(order["id"], *PATHS[status])
    reader = shop.as_(team[role])
    detail = reader.get_order(order["id"])
    listed = [o for o in reader.list("/os", customer_id=order["customer_id"])
              if o["id"] == order["id"]]
    assert len(listed) == 1
    moves = ALL_MOVES if role in ("OWNER", "MANAGER") else FRONT_MOVES
    closed = status in ("COMPLETED", "CANCELLED")
    expected_can = {
        "edit": not closed and role != "MECHANIC",
        "edit_items": not closed,
        "edit_prices": not closed and role != "MECHANIC",
        "discount": not closed and role != "MECHANIC",
        "cancel": role in ("OWNER", "MANAGER") and not closed,
        "reopen": role in ("OWNER", "MANAGER") and status == "COMPLETED",
        # A completed order's mechanic may still be corrected (commissions follow him).
        "assign_mechanic": role != "MECHANIC" and status != "CANCELLED",
        "assign_item_staff": not closed and role != "MECHANIC",
    }
    for read in (detail, listed[0]):
        assert read["allowed_transitions"] == moves[status]
        assert read["can"] == expected_can


def test_every_offered_transition_is_accepted(shop, team):
    # What the read offers, the server takes: a mechanic walks the order to COMPLETED.
    mech = shop.as_(team["MECHANIC"])
    order = shop.order()
    for target in ("IN_PROGRESS", "WAITING_PARTS", "IN_PROGRESS", "COMPLETED"):
        assert target in mech.get_order(order["id"])["allowed_transitions"]
        json_of(mech.set_status(order["id"], target), 200)
    done = mech.get_order(order["id"])
    assert done["status"] == "COMPLETED"
    assert done["allowed_transitions"] == []


@pytest.mark.parametrize("role", ["OWNER", "MANAGER", "ATTENDANT", "MECHANIC"])
def test_rows_carry_can(shop, team, role):
    customer = shop.customer()
    moto = shop.moto(customer["id"])
    part = shop.part(cost_price="12.50")
    reader = shop.as_(team[role])
    front = role != "MECHANIC"
    managers = role in ("OWNER", "MANAGER")
    for row in (reader.one(f"/customers/{customer['id']}"), reader.one(f"/motos/{moto['id']}")):
        assert row["can"] == {"edit": front, "deactivate": managers}
    got = reader.one(f"/parts/{part['id']}")
    assert got["can"] == {"edit": managers, "move_stock": managers, "deactivate": managers}
    # Cost prices are the OWNER's and MANAGER's only (API.md §3).
    assert got["cost_price"] == (12.5 if managers else None)


def test_orders_filter_by_scheduled_date(shop):
    day = (workshop_today() + datetime.timedelta(days=3)).isoformat()
    other_day = (workshop_today() + datetime.timedelta(days=4)).isoformat()
    on_day = shop.order(scheduled_date=day)
    shop.order(scheduled_date=other_day)
    rows = shop.list("/os", scheduled_date=day, customer_id=on_day["customer_id"])
    assert [r["id"] for r in rows] == [on_day["id"]]
    assert all(r["scheduled_date"] == day for r in shop.list("/os", scheduled_date=day))


def test_scheduled_date_filter_rejects_a_bad_date(shop):
    from support.helpers import assert_error
    assert_error(shop.get("/os", params={"scheduled_date": "2026-02-30"}), 400, "bad_request")
