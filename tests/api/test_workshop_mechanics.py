"""Mechanics on orders: an order's mechanic (`assigned_staff_id`, with
`assigned_staff_name` in reads), set on `POST`/`PATCH /management/os` (null
unassigns), in the order's `changes`; the list filters by `assigned_staff_id` and
`mine=1` ("minhas OS": the caller's staff record); a labor item names who did it
(`staff_id`)."""
import pytest

from support.helpers import MISSING_ID, assert_error, create_user, json_of
from support.team import Crm, new_workshop, tclient  # noqa: F401
from support.workshop import assert_validation, parallel, total_count


@pytest.fixture(scope="module")
def w(tclient):
    crm = new_workshop(tclient, "Oficina Mecânicos")
    mechanic = create_user(tclient, crm.account, "MECHANIC", name="Carlos Login")
    loose = create_user(tclient, crm.account, "MECHANIC", name="Sem ficha")
    carlos = crm.staff(name="Carlos Mendes", user_id=mechanic.id)
    rafael = crm.staff(name="Rafael Teixeira")
    return {"crm": crm, "shop": crm.shop, "mechanic": crm.as_(mechanic), "loose": crm.as_(loose),
            "carlos": carlos, "rafael": rafael}


def test_assign_reassign_and_unassign_are_on_record(w):
    shop, carlos, rafael = w["shop"], w["carlos"], w["rafael"]
    order = shop.order()
    assert (order["assigned_staff_id"], order["assigned_staff_name"]) == (None, None)
    detail = json_of(shop.patch(f"/os/{order['id']}", {"assigned_staff_id": carlos["id"]}), 200)
    assert (detail["assigned_staff_id"], detail["assigned_staff_name"]) == (carlos["id"],
                                                                           "Carlos Mendes")
    json_of(shop.patch(f"/os/{order['id']}", {"assigned_staff_id": rafael["id"]}), 200)
    # The same mechanic again is no change.
    json_of(shop.patch(f"/os/{order['id']}", {"assigned_staff_id": rafael["id"]}), 200)
    cleared = json_of(shop.patch(f"/os/{order['id']}", {"assigned_staff_id": None}), 200)
    assert (cleared["assigned_staff_id"], cleared["assigned_staff_name"]) == (None, None)
    changes = [c for c in shop.get_order(order["id"])["changes"] if c["kind"] == "mechanic"]
    assert [(c["from_staff_id"], c["to_staff_id"]) for c in changes] == [
        (None, carlos["id"]), (carlos["id"], rafael["id"]), (rafael["id"], None)]
    assert [(c["from_staff_name"], c["to_staff_name"]) for c in changes] == [
        (None, "Carlos Mendes"), ("Carlos Mendes", "Rafael Teixeira"), ("Rafael Teixeira", None)]
    for c in changes:
        assert (c["from"], c["to"], c["item_id"]) == (None, None, None)
        assert c["user_id"] == shop.account.id
        assert c["user_name"] == shop.account.user["name"]


def test_price_changes_carry_no_staff(w):
    shop = w["shop"]
    order = shop.order()
    shop.labor_item(order["id"], "100.00")
    json_of(shop.patch(f"/os/{order['id']}", {"discount": "10.00"}), 200)
    (change,) = shop.get_order(order["id"])["changes"]
    assert change["kind"] == "discount"
    assert (change["from_staff_id"], change["to_staff_id"]) == (None, None)
    assert (change["from_staff_name"], change["to_staff_name"]) == (None, None)


def test_assign_at_creation(w):
    shop = w["shop"]
    customer = shop.customer()
    bike = shop.moto(customer["id"])
    created = json_of(shop.post("/os", {"customer_id": customer["id"], "motorcycle_id": bike["id"],
                                        "assigned_staff_id": w["rafael"]["id"]}), 201)
    order = shop.get_order(created["id"])
    assert order["assigned_staff_name"] == "Rafael Teixeira"
    assert [(c["kind"], c["from_staff_id"], c["to_staff_id"]) for c in order["changes"]] == [
        ("mechanic", None, w["rafael"]["id"])]
    listed = shop.list("/os", customer_id=customer["id"])
    assert [(o["assigned_staff_id"], o["assigned_staff_name"]) for o in listed] == [
        (w["rafael"]["id"], "Rafael Teixeira")]


def test_the_mechanic_must_be_active_staff_of_the_workshop(w):
    shop = w["shop"]
    gone = w["crm"].staff(name="Saiu")
    json_of(w["crm"].patch(f"/staff/{gone['id']}", {"is_active": False}), 200)
    order = shop.order()
    for value, problem in ((MISSING_ID, "membro da equipe não encontrado"),
                           (gone["id"], "membro da equipe inativo")):
        err = assert_validation(shop.patch(f"/os/{order['id']}", {"assigned_staff_id": value}),
                                "assigned_staff_id")
        assert err["details"]["assigned_staff_id"] == problem
    assert_validation(shop.patch(f"/os/{order['id']}", {"assigned_staff_id": "carlos"}),
                      "assigned_staff_id")
    customer = shop.customer()
    bike = shop.moto(customer["id"])
    assert_validation(shop.post("/os", {"customer_id": customer["id"], "motorcycle_id": bike["id"],
                                        "assigned_staff_id": gone["id"]}), "assigned_staff_id")
    assert shop.list("/os", customer_id=customer["id"]) == []
    detail = shop.get_order(order["id"])
    assert detail["assigned_staff_id"] is None
    assert detail["changes"] == []


def test_a_completed_orders_mechanic_may_be_corrected_a_cancelled_ones_not(w):
    shop = w["shop"]
    done = shop.order()
    shop.move_to(done["id"], "COMPLETED")
    fixed = json_of(shop.patch(f"/os/{done['id']}", {"assigned_staff_id": w["carlos"]["id"]}), 200)
    assert fixed["assigned_staff_id"] == w["carlos"]["id"]
    # Nothing else of a completed order changes, with the mechanic or without.
    assert_error(shop.patch(f"/os/{done['id']}", {"assigned_staff_id": w["rafael"]["id"],
                                                 "description": "Outra"}), 409, "conflict")
    assert_error(shop.patch(f"/os/{done['id']}", {}), 409, "conflict")
    assert shop.get_order(done["id"])["assigned_staff_id"] == w["carlos"]["id"]
    cancelled = shop.order()
    shop.move_to(cancelled["id"], "CANCELLED")
    assert_error(shop.patch(f"/os/{cancelled['id']}", {"assigned_staff_id": w["carlos"]["id"]}),
                 409, "conflict")
    assert shop.get_order(cancelled["id"])["assigned_staff_id"] is None


def test_list_by_mechanic_and_mine(tclient):
    crm = new_workshop(tclient, "Oficina Minhas OS")
    login = create_user(tclient, crm.account, "MECHANIC")
    carlos = crm.staff(name="Carlos", user_id=login.id)
    rafael = crm.staff(name="Rafael")
    shop = crm.shop
    mine = [shop.order() for _ in range(3)]
    theirs = shop.order()
    shop.order()  # nobody's
    for o in mine:
        json_of(shop.patch(f"/os/{o['id']}", {"assigned_staff_id": carlos["id"]}), 200)
    json_of(shop.patch(f"/os/{theirs['id']}", {"assigned_staff_id": rafael["id"]}), 200)
    newest_first = [o["id"] for o in reversed(mine)]
    resp = shop.get("/os", params={"assigned_staff_id": carlos["id"]})
    assert [o["id"] for o in json_of(resp, 200)] == newest_first
    assert total_count(resp) == 3
    assert [o["id"] for o in shop.list("/os", assigned_staff_id=rafael["id"])] == [theirs["id"]]
    me = crm.as_(login).shop
    resp = me.get("/os", params={"mine": 1})
    assert [o["id"] for o in json_of(resp, 200)] == newest_first
    assert total_count(resp) == 3
    assert [o["id"] for o in me.list("/os", mine=1, status="OPEN", limit=2)] == newest_first[:2]
    # Nobody's staff record: nothing is "mine" (not everything).
    resp = shop.get("/os", params={"mine": 1})
    assert json_of(resp, 200) == []
    assert total_count(resp) == 0
    assert len(shop.list("/os", mine=0)) == 5
    assert_error(shop.get("/os", params={"mine": "x"}), 400, "bad_request")
    assert_error(shop.get("/os", params={"assigned_staff_id": "x"}), 400, "bad_request")


def test_search_with_the_mechanic_filter(w):
    shop = w["shop"]
    order = shop.order(description="Barulho estranho no motor zqxw")
    json_of(shop.patch(f"/os/{order['id']}", {"assigned_staff_id": w["rafael"]["id"]}), 200)
    found = shop.list("/os", q="zqxw", assigned_staff_id=w["rafael"]["id"])
    assert [(o["id"], o["assigned_staff_name"]) for o in found] == [(order["id"], "Rafael Teixeira")]
    assert shop.list("/os", q="zqxw", assigned_staff_id=w["carlos"]["id"]) == []


# --------------------------------------------------------------------------- labor lines

def test_a_labor_line_names_who_did_it(w):
    shop = w["shop"]
    order = shop.order()
    item = json_of(shop.add_item(order["id"], {"item_type": "labor", "description": "Regulagem",
                                                "unit_price": "40.00",
                                                "staff_id": w["rafael"]["id"]}), 201)
    assert (item["staff_id"], item["staff_name"]) == (w["rafael"]["id"], "Rafael Teixeira")
    changed = json_of(shop.patch(f"/os/{order['id']}/items/{item['id']}",
                                 {"staff_id": w["carlos"]["id"]}), 200)
    assert (changed["staff_id"], changed["staff_name"]) == (w["carlos"]["id"], "Carlos Mendes")
    (read,) = shop.get_order(order["id"])["items"]
    assert (read["staff_id"], read["staff_name"]) == (w["carlos"]["id"], "Carlos Mendes")
    cleared = json_of(shop.patch(f"/os/{order['id']}/items/{item['id']}", {"staff_id": None}), 200)
    assert (cleared["staff_id"], cleared["staff_name"]) == (None, None)
    # Quantity changes leave the doer alone.
    json_of(shop.patch(f"/os/{order['id']}/items/{item['id']}", {"staff_id": w["rafael"]["id"]}),
            200)
    again = json_of(shop.patch(f"/os/{order['id']}/items/{item['id']}", {"quantity": 2}), 200)
    assert again["staff_id"] == w["rafael"]["id"]


def test_a_part_line_names_nobody(w):
    shop = w["shop"]
    order = shop.order()
    part = shop.part(quantity_in_stock=5)
    assert_validation(shop.add_item(order["id"], {"item_type": "part", "part_id": part["id"],
                                                  "staff_id": w["carlos"]["id"]}), "staff_id")
    assert shop.stock(part["id"]) == 5
    item = shop.part_item(order["id"], part["id"])
    assert item["staff_id"] is None
    assert_validation(shop.patch(f"/os/{order['id']}/items/{item['id']}",
                                 {"staff_id": w["carlos"]["id"]}), "staff_id")


def test_a_labor_lines_doer_must_be_active_staff(w):
    shop = w["shop"]
    order = shop.order()
    assert_validation(shop.add_item(order["id"], {"item_type": "labor", "description": "X",
                                                  "unit_price": "10.00", "staff_id": MISSING_ID}),
                      "staff_id")
    assert shop.get_order(order["id"])["items"] == []


def test_a_mechanic_names_only_himself(w):
    order = w["shop"].order()
    me = w["mechanic"].shop
    # His labor lines are his by default …
    mine = json_of(me.add_item(order["id"], {"item_type": "labor", "description": "Troca"}), 201)
    assert mine["staff_id"] == w["carlos"]["id"]
    explicit = json_of(me.add_item(order["id"], {"item_type": "labor", "description": "Ajuste",
                                                 "staff_id": w["carlos"]["id"]}), 201)
    assert explicit["staff_id"] == w["carlos"]["id"]
    # … and never someone else's.
    assert_error(me.add_item(order["id"], {"item_type": "labor", "description": "Outro",
                                           "staff_id": w["rafael"]["id"]}), 403, "forbidden")
    assert_error(me.patch(f"/os/{order['id']}/items/{mine['id']}",
                          {"staff_id": w["rafael"]["id"]}), 403, "forbidden")
    assert_error(me.patch(f"/os/{order['id']}/items/{mine['id']}", {"staff_id": None}),
                 403, "forbidden")
    assert [i["staff_id"] for i in w["shop"].get_order(order["id"])["items"]] == [
        w["carlos"]["id"], w["carlos"]["id"]]
    # A mechanic without a staff record adds labor for nobody and names nobody.
    loose = w["loose"].shop
    assert json_of(loose.add_item(order["id"], {"item_type": "labor", "description": "Y"}),
                   201)["staff_id"] is None
    assert_error(loose.add_item(order["id"], {"item_type": "labor", "description": "Z",
                                              "staff_id": w["carlos"]["id"]}), 403, "forbidden")


def test_parallel_reassignments_leave_an_unbroken_record(server, tclient):
    crm = new_workshop(tclient, "Oficina Disputa")
    staff = [crm.staff(name=f"Mecânico {i}")["id"] for i in range(3)]
    order = crm.shop.order()
    targets = [staff[i % 3] for i in range(30)] + [None] * 6
    calls = [lambda c, s=s: c.patch(f"/management/os/{order['id']}",
                                    json={"assigned_staff_id": s}, headers=crm.headers)
             for s in targets]
    answers = parallel(server.url, calls, workers=20)
    assert [r.status_code for r in answers] == [200] * len(targets)
    detail = crm.shop.get_order(order["id"])
    changes = [c for c in detail["changes"] if c["kind"] == "mechanic"]
    assert changes, "at least one reassignment is on record"
    # Each change starts where the one before ended, and no change is a non-change.
    previous = None
    for c in changes:
        assert c["from_staff_id"] == previous
        assert c["to_staff_id"] != c["from_staff_id"]
        previous = c["to_staff_id"]
    assert detail["assigned_staff_id"] == previous
