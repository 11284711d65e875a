"""The demo workshop's quotes (POST /users/seed-demo): OS #11 approved whole, OS #12
approved in part (the declined labor left the order and waits on the motorcycle) and OS #15
waiting for the customer — made through the same sending and decision as the API's."""
import pytest

from support.helpers import login_ok
from support.workshop import Shop, cents


@pytest.fixture(scope="module")
def demo(server, session_client):
    assert session_client.post("/users/seed-demo").status_code == 201
    shop = Shop(session_client, login_ok(session_client, "demo@motogestor.com", "demo123"))
    by_number = {o["number"]: o for o in shop.list("/os", limit=500)}
    return shop, {n: shop.one(f"/os/{o['id']}") for n, o in by_number.items()}


def test_three_orders_have_quotes(demo):
    _, orders = demo
    states = {n: o["approval"]["state"] for n, o in orders.items() if o["approval"]}
    assert states == {11: "APPROVED", 12: "PARTIALLY_APPROVED", 15: "PENDING"}
    assert all(o["approval"]["version"] == 1 and o["approval"]["outdated"] is False
               for o in orders.values() if o["approval"])


def test_the_customers_decided_with_their_names(demo):
    _, orders = demo
    for number in (11, 12):
        approval = orders[number]["approval"]
        assert approval["decided_by_name"] == orders[number]["customer_name"]
        assert approval["decided_at"] >= approval["sent_at"]
    assert orders[15]["approval"]["decided_at"] is None


def test_the_declined_work_left_the_order_and_waits_on_the_motorcycle(demo):
    shop, orders = demo
    order = orders[12]
    assert [i["description"] for i in order["items"]] == ["Revisão completa"]
    assert cents(order["total_amount"]) == 15000
    moto = shop.one(f"/motos/{order['motorcycle_id']}")
    assert [(d["description"], d["order_number"], cents(d["total"]))
            for d in moto["declined_items"]] == [("Lubrificação da corrente", 12, 1500)]
