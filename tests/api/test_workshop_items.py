"""Items of a service order and the stock and totals that follow them:
/management/os/{id}/items[/{item_id}] (API.md §3)."""
import pytest

from support.helpers import MISSING_ID, assert_error, json_of
from support.workshop import (BASE_IDS, Shop, assert_validation, bases, cents, check_order_totals,
                              movement_sum, same_id, to_cents)
from support.workshop import wclient, shop  # noqa: F401  (module-scoped fixtures)

ITEM_FIELDS = {"id", "item_type", "part_id", "description", "quantity", "unit_price", "total"}
POST_FIELDS = {"id", "item_type", "description", "quantity", "unit_price", "total", "order_totals"}


@pytest.fixture
def order(shop):
    return shop.order()


def _item(order_detail, item_id):
    found = [i for i in order_detail["items"] if str(i["id"]) == str(item_id)]
    assert len(found) == 1, f"item {item_id} not in {order_detail['items']!r}"
    return found[0]


# --------------------------------------------------------------------------- add

@pytest.mark.parametrize("base", range(4), ids=BASE_IDS)
def test_part_item_defaults_under_every_prefix(shop, base):
    s = shop.under(bases(shop.account)[base])
    order = s.order()
    part = s.part(unit_price="35.90", quantity_in_stock=10)
    resp = s.add_item(order["id"], {"item_type": "part", "part_id": part["id"]})
    item = json_of(resp, 201)
    assert POST_FIELDS <= set(item), f"item answer lacks {POST_FIELDS - set(item)}"
    assert item["item_type"] == "part"
    assert item["quantity"] == 1, "quantity defaults to 1"
    assert cents(item["unit_price"]) == 3590, "unit_price defaults to the part's price"
    assert cents(item["total"]) == 3590
    totals = item["order_totals"]
    assert cents(totals["total_parts"]) == 3590
    assert cents(totals["total_labor"]) == 0
    assert cents(totals["total_amount"]) == 3590
    assert s.stock(part["id"]) == 9
    detail = s.get_order(order["id"])
    row = _item(detail, item["id"])
    assert ITEM_FIELDS <= set(row), f"order item lacks {ITEM_FIELDS - set(row)}"
    assert same_id(row["part_id"], part["id"])
    check_order_totals(detail)


def test_part_item_with_quantity_and_price(shop, order):
    part = shop.part(unit_price="35.90", quantity_in_stock=10)
    item = shop.part_item(order["id"], part["id"], quantity=3, unit_price="30.00", description="Pastilha")
    assert item["quantity"] == 3
    assert cents(item["unit_price"]) == 3000
    assert cents(item["total"]) == 9000
    assert item["description"] == "Pastilha"
    assert shop.stock(part["id"]) == 7
    moves = shop.movements(part["id"])
    assert moves[0]["movement_type"] == "out" and moves[0]["quantity"] == 3
    assert same_id(moves[0]["related_order_id"], order["id"])
    assert movement_sum(moves) == 7


def test_labor_item(shop, order):
    resp = shop.add_item(order["id"], {"item_type": "labor", "description": "Regulagem de válvulas",
                                       "unit_price": 150.75})
    item = json_of(resp, 201)
    assert item["item_type"] == "labor"
    assert item["quantity"] == 1
    assert cents(item["unit_price"]) == 15075 and item["unit_price"] == 150.75
    assert cents(item["total"]) == 15075
    assert cents(item["order_totals"]["total_labor"]) == 15075
    assert cents(item["order_totals"]["total_amount"]) == 15075
    row = _item(shop.get_order(order["id"]), item["id"])
    assert row["part_id"] is None
    assert row["description"] == "Regulagem de válvulas"


def test_labor_requires_unit_price(shop, order):
    assert_validation(shop.add_item(order["id"], {"item_type": "labor", "description": "Sem preço"}), "unit_price")
    assert shop.get_order(order["id"])["items"] == []


@pytest.mark.parametrize("price,expected", [("150.75", 15075), (150.75, 15075), (80, 8000), ("0.10", 10),
                                            ("0", 0), ("1000000000", 100_000_000_000)],
                         ids=["string", "number", "integer", "ten-cents", "zero", "max"])
def test_money_inputs(shop, order, price, expected):
    item = shop.labor_item(order["id"], price)
    assert cents(item["unit_price"]) == expected


@pytest.mark.parametrize("body,field", [
    ({"item_type": "labor", "unit_price": "10.005"}, "unit_price"),
    ({"item_type": "labor", "unit_price": 10.005}, "unit_price"),
    ({"item_type": "labor", "unit_price": -10}, "unit_price"),
    ({"item_type": "labor", "unit_price": "-0.01"}, "unit_price"),
    ({"item_type": "labor", "unit_price": "dez"}, "unit_price"),
    ({"item_type": "labor", "unit_price": "1000000000.01"}, "unit_price"),
    ({"item_type": "labor", "unit_price": 10, "quantity": 0}, "quantity"),
    ({"item_type": "labor", "unit_price": 10, "quantity": -1}, "quantity"),
    ({"item_type": "labor", "unit_price": 10, "quantity": "duas"}, "quantity"),
    ({"item_type": "service", "unit_price": 10}, "item_type"),
    ({"unit_price": 10}, "item_type"),
    ({"item_type": "part"}, "part_id"),
], ids=["price-3dec-str", "price-3dec-num", "price-neg", "price-neg-str", "price-text", "price-too-big",
        "qty-zero", "qty-neg", "qty-text", "type-unknown", "type-missing", "part-without-part_id"])
def test_add_validation(shop, order, body, field):
    assert_validation(shop.add_item(order["id"], {"description": "x", **body}), field)
    detail = shop.get_order(order["id"])
    assert detail["items"] == [] and cents(detail["total_amount"]) == 0


def test_part_price_validation_keeps_stock(shop, order):
    part = shop.part(quantity_in_stock=5)
    for price in ("1.999", -2):
        assert_validation(shop.add_item(order["id"], {"item_type": "part", "part_id": part["id"],
                                                      "unit_price": price}), "unit_price")
    assert shop.stock(part["id"]) == 5


def test_unknown_part(shop, order):
    resp = shop.add_item(order["id"], {"item_type": "part", "part_id": MISSING_ID})
    assert_validation(resp, "part_id")


def test_unknown_order(shop):
    assert_error(shop.add_item(MISSING_ID, {"item_type": "labor", "unit_price": 1, "description": "x"}),
                 404, "not_found")
    assert_error(shop.patch(f"/os/{MISSING_ID}/items/{MISSING_ID}", {"quantity": 2}), 404, "not_found")
    assert_error(shop.delete(f"/os/{MISSING_ID}/items/{MISSING_ID}"), 404, "not_found")


def test_unknown_item_or_item_of_another_order(shop, order):
    other = shop.order()
    foreign_item = shop.labor_item(other["id"], "10.00")
    assert_error(shop.patch(f"/os/{order['id']}/items/{MISSING_ID}", {"quantity": 2}), 404, "not_found")
    assert_error(shop.delete(f"/os/{order['id']}/items/{MISSING_ID}"), 404, "not_found")
    assert_error(shop.patch(f"/os/{order['id']}/items/{foreign_item['id']}", {"quantity": 2}), 404, "not_found")
    assert_error(shop.delete(f"/os/{order['id']}/items/{foreign_item['id']}"), 404, "not_found")
    assert _item(shop.get_order(other["id"]), foreign_item["id"])["quantity"] == 1


# --------------------------------------------------------------------------- stock follows items

def test_insufficient_stock_changes_nothing(shop, order):
    part = shop.part(quantity_in_stock=2)
    shop.labor_item(order["id"], "10.00")
    before = shop.get_order(order["id"])
    moves_before = shop.movements(part["id"])
    resp = shop.add_item(order["id"], {"item_type": "part", "part_id": part["id"], "quantity": 3})
    assert_error(resp, 422, "insufficient_stock")
    assert shop.stock(part["id"]) == 2
    assert shop.movements(part["id"]) == moves_before
    after = shop.get_order(order["id"])
    assert after["items"] == before["items"]
    assert cents(after["total_amount"]) == cents(before["total_amount"])


def test_patch_quantity_moves_the_difference(shop, order):
    part = shop.part(unit_price="12.50", quantity_in_stock=10)
    item = shop.part_item(order["id"], part["id"], quantity=2)
    assert shop.stock(part["id"]) == 8
    json_of(shop.patch(f"/os/{order['id']}/items/{item['id']}", {"quantity": 5}), 200)
    assert shop.stock(part["id"]) == 5
    json_of(shop.patch(f"/os/{order['id']}/items/{item['id']}", {"quantity": 1}), 200)
    assert shop.stock(part["id"]) == 9
    detail = shop.get_order(order["id"])
    assert _item(detail, item["id"])["quantity"] == 1
    assert cents(detail["total_parts"]) == 1250
    check_order_totals(detail)
    assert movement_sum(shop.movements(part["id"])) == 9


def test_patch_quantity_beyond_stock_changes_nothing(shop, order):
    part = shop.part(quantity_in_stock=4)
    item = shop.part_item(order["id"], part["id"], quantity=2)
    assert_error(shop.patch(f"/os/{order['id']}/items/{item['id']}", {"quantity": 7}), 422, "insufficient_stock")
    assert shop.stock(part["id"]) == 2
    assert _item(shop.get_order(order["id"]), item["id"])["quantity"] == 2
    json_of(shop.patch(f"/os/{order['id']}/items/{item['id']}", {"quantity": 4}), 200)  # exactly all
    assert shop.stock(part["id"]) == 0


def test_patch_price_and_description(shop, order):
    part = shop.part(unit_price="20.00", quantity_in_stock=5)
    pitem = shop.part_item(order["id"], part["id"], quantity=2)
    litem = shop.labor_item(order["id"], "100.00")
    json_of(shop.patch(f"/os/{order['id']}/items/{pitem['id']}", {"unit_price": "18.25"}), 200)
    json_of(shop.patch(f"/os/{order['id']}/items/{litem['id']}", {"unit_price": 99.99, "quantity": 3,
                                                                   "description": "Retífica"}), 200)
    detail = shop.get_order(order["id"])
    assert cents(_item(detail, pitem["id"])["total"]) == 3650
    labor = _item(detail, litem["id"])
    assert labor["description"] == "Retífica" and cents(labor["total"]) == 29997
    assert cents(detail["total_amount"]) == 3650 + 29997
    assert shop.stock(part["id"]) == 3
    check_order_totals(detail)


@pytest.mark.parametrize("body,field", [({"quantity": 0}, "quantity"), ({"quantity": -1}, "quantity"),
                                        ({"unit_price": "1.001"}, "unit_price"), ({"unit_price": -1}, "unit_price")],
                         ids=["qty-zero", "qty-neg", "price-3dec", "price-neg"])
def test_patch_validation(shop, order, body, field):
    part = shop.part(quantity_in_stock=5)
    item = shop.part_item(order["id"], part["id"], quantity=2)
    before = shop.get_order(order["id"])
    assert_validation(shop.patch(f"/os/{order['id']}/items/{item['id']}", body), field)
    assert shop.get_order(order["id"])["items"] == before["items"]
    assert shop.stock(part["id"]) == 3


def test_delete_gives_the_stock_back(shop, order):
    part = shop.part(unit_price="10.00", quantity_in_stock=6)
    item = shop.part_item(order["id"], part["id"], quantity=4)
    labor = shop.labor_item(order["id"], "50.00")
    assert shop.stock(part["id"]) == 2
    json_of(shop.delete(f"/os/{order['id']}/items/{item['id']}"), 200)
    assert shop.stock(part["id"]) == 6
    detail = shop.get_order(order["id"])
    assert [str(i["id"]) for i in detail["items"]] == [str(labor["id"])]
    assert cents(detail["total_parts"]) == 0 and cents(detail["total_amount"]) == 5000
    assert movement_sum(shop.movements(part["id"])) == 6
    assert_error(shop.delete(f"/os/{order['id']}/items/{item['id']}"), 404, "not_found")
    assert shop.stock(part["id"]) == 6


def test_totals_are_the_sum_of_the_items_minus_discount(shop, order):
    part = shop.part(unit_price="35.90", quantity_in_stock=10)
    shop.part_item(order["id"], part["id"], quantity=2)           # 71.80
    shop.labor_item(order["id"], 150.75)                           # 150.75
    last = shop.labor_item(order["id"], "80.10", quantity=3)       # 240.30
    assert cents(last["order_totals"]["total_parts"]) == 7180
    assert cents(last["order_totals"]["total_labor"]) == 15075 + 24030
    assert cents(last["order_totals"]["total_amount"]) == 7180 + 15075 + 24030
    json_of(shop.patch(f"/os/{order['id']}", {"discount": "10.05"}), 200)
    detail = shop.get_order(order["id"])
    assert cents(detail["total_amount"]) == to_cents("452.80")
    assert detail["total_amount"] == 452.8
    check_order_totals(detail)
    # an item added after the discount keeps the discount in the total
    item = shop.labor_item(order["id"], "0.10")
    assert cents(item["order_totals"]["total_amount"]) == to_cents("452.90")


def test_discount_up_to_the_items_then_items_shrink(shop, order):
    first = shop.labor_item(order["id"], "20.00")
    shop.labor_item(order["id"], "30.00")
    json_of(shop.patch(f"/os/{order['id']}", {"discount": "50.00"}), 200)
    assert cents(shop.get_order(order["id"])["total_amount"]) == 0
    # Removing an item leaves the discount above the items: the total stays at zero.
    resp = shop.delete(f"/os/{order['id']}/items/{first['id']}")
    assert cents(json_of(resp, 200)["order_totals"]["total_amount"]) == 0
    check_order_totals(shop.get_order(order["id"]))


def test_many_small_amounts_add_up_exactly(shop, order):
    for _ in range(10):
        shop.labor_item(order["id"], "0.10")
    detail = shop.get_order(order["id"])
    assert cents(detail["total_labor"]) == 100
    assert detail["total_labor"] == 1


# --------------------------------------------------------------------------- locked orders

@pytest.mark.parametrize("final", ["COMPLETED", "CANCELLED"])
def test_items_of_a_closed_order_cannot_change(shop, order, final):
    part = shop.part(quantity_in_stock=10)
    pitem = shop.part_item(order["id"], part["id"], quantity=2)
    litem = shop.labor_item(order["id"], "10.00")
    shop.move_to(order["id"], final)
    stock_after_close = shop.stock(part["id"])
    before = shop.get_order(order["id"])
    assert_error(shop.add_item(order["id"], {"item_type": "labor", "unit_price": 1, "description": "x"}),
                 409, "conflict")
    assert_error(shop.add_item(order["id"], {"item_type": "part", "part_id": part["id"]}), 409, "conflict")
    assert_error(shop.patch(f"/os/{order['id']}/items/{pitem['id']}", {"quantity": 1}), 409, "conflict")
    assert_error(shop.patch(f"/os/{order['id']}/items/{litem['id']}", {"unit_price": 5}), 409, "conflict")
    assert_error(shop.delete(f"/os/{order['id']}/items/{pitem['id']}"), 409, "conflict")
    after = shop.get_order(order["id"])
    assert after["items"] == before["items"]
    assert after["total_amount"] == before["total_amount"]
    assert shop.stock(part["id"]) == stock_after_close


def test_cancel_returns_every_part_to_stock(shop, order):
    p1 = shop.part(quantity_in_stock=10)
    p2 = shop.part(quantity_in_stock=3)
    shop.part_item(order["id"], p1["id"], quantity=4)
    shop.part_item(order["id"], p1["id"], quantity=1)
    shop.part_item(order["id"], p2["id"], quantity=3)
    shop.labor_item(order["id"], "60.00")
    assert (shop.stock(p1["id"]), shop.stock(p2["id"])) == (5, 0)
    shop.move_to(order["id"], "IN_PROGRESS", "CANCELLED")
    assert (shop.stock(p1["id"]), shop.stock(p2["id"])) == (10, 3)
    assert movement_sum(shop.movements(p1["id"])) == 10
    assert movement_sum(shop.movements(p2["id"])) == 3


def test_completed_keeps_parts_out_of_stock(shop, order):
    part = shop.part(quantity_in_stock=5)
    shop.part_item(order["id"], part["id"], quantity=2)
    shop.move_to(order["id"], "COMPLETED")
    assert shop.stock(part["id"]) == 3


def test_reopened_order_accepts_items_again(shop, order):
    shop.labor_item(order["id"], "10.00")
    shop.move_to(order["id"], "COMPLETED", "IN_PROGRESS")
    item = shop.labor_item(order["id"], "5.00")
    assert cents(item["order_totals"]["total_amount"]) == 1500


# --------------------------------------------------------------------------- roles

@pytest.mark.parametrize("role", ["OWNER", "MANAGER", "ATTENDANT", "MECHANIC"])
def test_every_role_handles_items(team, shop, wclient, role):
    order = shop.order()
    part = shop.part(quantity_in_stock=5)
    s = Shop(wclient, team[role])
    pitem = s.part_item(order["id"], part["id"], quantity=2)
    # Prices are the front desk's (API.md §3): a mechanic's labor line has no price.
    litem = (s.labor_item(order["id"], None) if role == "MECHANIC"
             else s.labor_item(order["id"], "70.00"))
    json_of(s.patch(f"/os/{order['id']}/items/{pitem['id']}", {"quantity": 3}), 200)
    json_of(shop.patch(f"/os/{order['id']}/items/{litem['id']}", {"unit_price": "75.00"}), 200)
    assert shop.stock(part["id"]) == 2
    json_of(s.delete(f"/os/{order['id']}/items/{pitem['id']}"), 200)
    assert shop.stock(part["id"]) == 5
    detail = shop.get_order(order["id"])
    assert cents(detail["total_amount"]) == 7500
    check_order_totals(detail)


def test_part_item_needs_no_stock_permission(team, shop, wclient):
    """An attendant may not move stock by hand, but an item's stock follows it."""
    part = shop.part(quantity_in_stock=3)
    order = shop.order()
    att = Shop(wclient, team["ATTENDANT"])
    assert_error(att.move(part["id"], "out", 1), 403, "forbidden")
    att.part_item(order["id"], part["id"], quantity=1)
    assert shop.stock(part["id"]) == 2
    assert same_id(shop.movements(part["id"])[0]["user_id"], team["ATTENDANT"].id)
