"""List rows written straight to JSON text (performance issue): a row of
GET /management/os and of GET /management/customers is exactly its detail's members
minus the detail's own, for every role and every status — names, values and types
alike."""
import json

import pytest

from support.helpers import json_of
from support.workshop import Shop
from support.workshop import wclient, shop  # noqa: F401  (module-scoped fixtures)

ROLES = ["OWNER", "MANAGER", "ATTENDANT", "MECHANIC"]
ORDER_DETAIL_ONLY = {"km_at_entry", "items", "history", "changes", "approval"}


def _exact(value):
    """The value with its JSON types kept apart (1 and 1.0 and True differ)."""
    return json.dumps(value, sort_keys=True)


def _row(shop, path, row_id, **params):
    rows = [r for r in shop.list(path, **params) if r["id"] == row_id]
    assert len(rows) == 1, rows
    return rows[0]


@pytest.fixture(scope="module")
def order(team, shop):
    owner = shop
    mechanic = json_of(owner.client.post("/teamcrm/staff", headers=owner.headers,
                                         json={"name": "Rafael Torres", "role": "Mecânico"}), 201)
    customer = owner.customer(name="Cláudia \"Cacau\" Ávila", notes="linha 1\nlinha 2")
    bike = owner.moto(customer["id"])
    created = owner.order(customer["id"], bike["id"], description="Revisão — 10.000 km",
                          assigned_staff_id=mechanic["id"], km_at_entry=12345)
    part = owner.part(unit_price="89.90")
    owner.part_item(created["id"], part["id"], 2)
    owner.labor_item(created["id"], unit_price="120.00")
    json_of(owner.patch(f"/os/{created['id']}", {"discount": "10.05"}), 200)
    return {"id": created["id"], "customer": customer}


@pytest.mark.parametrize("status", ["OPEN", "IN_PROGRESS", "WAITING_PARTS", "COMPLETED"])
def test_an_order_row_is_its_detail_without_the_detail_only_members(team, shop, order, status):
    if shop.get_order(order["id"])["status"] != status:
        json_of(shop.set_status(order["id"], status), 200)
    for role in ROLES:
        s = shop.as_(team[role])
        detail = s.get_order(order["id"])
        assert detail["status"] == status
        row = _row(s, "/os", order["id"], customer_id=order["customer"]["id"])
        expected = {k: v for k, v in detail.items() if k not in ORDER_DETAIL_ONLY}
        assert _exact(row) == _exact(expected), role
    assert (row["total_parts"], row["total_labor"], row["discount"], row["total_amount"]) == (
        179.8, 120, 10.05, 289.75)


def test_a_customer_row_is_its_detail_without_the_motorcycles(team, shop, order):
    for role in ROLES:
        s = shop.as_(team[role])
        detail = json_of(s.get(f"/customers/{order['customer']['id']}"), 200)
        row = _row(s, "/customers", order["customer"]["id"], q="Cacau")
        expected = {k: v for k, v in detail.items() if k != "motorcycles"}
        assert _exact(row) == _exact(expected), role
        assert row["name"] == 'Cláudia "Cacau" Ávila' and row["notes"] == "linha 1\nlinha 2"
