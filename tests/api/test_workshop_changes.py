"""Every price change is on record (API.md §3): an order's `changes` say who changed an
item's price or the discount, from what, to what; a mechanic may not change prices."""
from support.helpers import assert_error, json_of
from support.workshop import Shop, cents, shop, wclient  # noqa: F401 (fixtures)


def test_an_item_price_change_is_recorded_with_who_from_and_to(shop, team, wclient):
    order = shop.order()
    item = shop.labor_item(order["id"], "80.00", description="Regulagem de válvulas")
    attendant = Shop(wclient, team["ATTENDANT"])
    json_of(attendant.patch(f"/os/{order['id']}/items/{item['id']}", {"unit_price": "95.50"}), 200)
    # A change that keeps the price records nothing.
    json_of(attendant.patch(f"/os/{order['id']}/items/{item['id']}", {"quantity": 2}), 200)
    changes = shop.get_order(order["id"])["changes"]
    assert len(changes) == 1
    change = changes[0]
    assert change["kind"] == "item_price"
    assert change["item_id"] == item["id"]
    assert change["description"] == "Regulagem de válvulas"
    assert cents(change["from"]) == 8000 and cents(change["to"]) == 9550
    assert change["user_id"] == team["ATTENDANT"].id
    assert change["user_name"] == team["ATTENDANT"].user["name"]
    assert change["at"].endswith("Z")


def test_a_part_sold_off_the_catalog_price_and_a_discount_are_recorded(shop):
    part = shop.part(unit_price="50.00", quantity_in_stock=5, name="Pastilha dianteira")
    order = shop.order()
    shop.part_item(order["id"], part["id"], quantity=1)                      # catalog price: nothing
    off = shop.part_item(order["id"], part["id"], quantity=1, unit_price="45.00")
    json_of(shop.patch(f"/os/{order['id']}", {"discount": "10.00"}), 200)
    json_of(shop.patch(f"/os/{order['id']}", {"discount": "10.00"}), 200)  # same value: nothing
    changes = shop.get_order(order["id"])["changes"]
    assert [(c["kind"], c.get("item_id"), cents(c["from"]), cents(c["to"])) for c in changes] == [
        ("item_price", off["id"], 5000, 4500), ("discount", None, 0, 1000)]
    assert changes[0]["description"] == "Pastilha dianteira"


def test_a_mechanic_changes_quantities_never_prices(shop, team, wclient):
    order = shop.order()
    item = shop.labor_item(order["id"], "70.00")
    mech = Shop(wclient, team["MECHANIC"])
    assert_error(mech.patch(f"/os/{order['id']}/items/{item['id']}", {"unit_price": "0.01"}), 403, "forbidden")
    assert_error(mech.add_item(order["id"], {"item_type": "labor", "description": "Extra",
                                             "unit_price": "10.00"}), 403, "forbidden")
    json_of(mech.patch(f"/os/{order['id']}/items/{item['id']}", {"quantity": "1.5"}), 200)
    after = shop.get_order(order["id"])
    assert cents(after["items"][0]["unit_price"]) == 7000
    assert after["items"][0]["quantity"] == 1.5
    assert cents(after["total_labor"]) == 10500
    assert after["changes"] == []


def test_fractional_labor_hours_and_whole_parts(shop):
    order = shop.order()
    labor = json_of(shop.add_item(order["id"], {"item_type": "labor", "description": "Elétrica",
                                                "unit_price": "33.33", "quantity": "1.25"}), 201)
    assert labor["quantity"] == 1.25
    assert cents(labor["total"]) == 4166  # 41.6625 rounded half up to the cent
    part = shop.part(quantity_in_stock=5)
    err = assert_error(shop.add_item(order["id"], {"item_type": "part", "part_id": part["id"],
                                                   "quantity": 1.5}), 422, "validation_error")
    assert "quantity" in err["details"]
    assert shop.stock(part["id"]) == 5


def test_messages_name_fields_by_their_pt_br_labels(shop):
    order = shop.order()
    err = assert_error(shop.add_item(order["id"], {"item_type": "labor", "description": "Revisão",
                                                   "unit_price": "80.00", "quantity": "abc"}),
                       422, "validation_error")
    assert "quantity" in err["details"], "details keep the field's name for programs"
    assert err["message"].startswith("Dados inválidos: Quantidade "), err["message"]
    err = assert_error(shop.post("/customers", {"name": ""}), 422, "validation_error")
    assert err["message"] == "Dados inválidos: Nome obrigatório."
