"""Service orders: /management/os — create, read, edit, list (API.md §3).
Items are in test_workshop_items.py, status moves in test_workshop_status.py."""
import datetime as dt

import pytest

from support.helpers import MISSING_ID, assert_error, json_of, register, unique_name, workshop_today
from support.workshop import (BASE_IDS, Shop, assert_validation, bases, cents, check_order_totals, ids,
                              iso_utc, same_id, total_count)
from support.workshop import wclient, shop  # noqa: F401  (module-scoped fixtures)

LIST_FIELDS = {"id", "number", "status", "customer_id", "customer_name", "motorcycle_id", "motorcycle_plate",
               "motorcycle_model", "description", "total_parts", "total_labor", "discount", "total_amount",
               "created_at", "scheduled_date", "closed_at"}
ALIASES = {"customer": "customer_name", "plate": "motorcycle_plate", "bike_model": "motorcycle_model"}
DETAIL_FIELDS = (LIST_FIELDS | {"km_at_entry", "items", "history"})


@pytest.fixture
def bike(shop):
    customer = shop.customer()
    return shop.moto(customer["id"], km_current=10000)


def _today():
    return workshop_today()


# --------------------------------------------------------------------------- create and read

@pytest.mark.parametrize("base", range(4), ids=BASE_IDS)
def test_create_and_read_under_every_prefix(shop, bike, base):
    s = shop.under(bases(shop.account)[base])
    resp = s.post("/os", {"customer_id": bike["customer_id"], "motorcycle_id": bike["id"],
                          "description": "Barulho na suspensão", "scheduled_date": "2030-01-15",
                          "km_at_entry": 10500})
    created = json_of(resp, 201)
    assert {"id", "number", "status"} <= set(created)
    assert created["status"] == "OPEN"
    assert isinstance(created["number"], int) and created["number"] >= 1
    order = s.get_order(created["id"])
    assert DETAIL_FIELDS <= set(order), f"order detail lacks {DETAIL_FIELDS - set(order)}"
    assert order["id"] == created["id"] and order["number"] == created["number"]
    assert order["status"] == "OPEN"
    assert same_id(order["customer_id"], bike["customer_id"])
    assert same_id(order["motorcycle_id"], bike["id"])
    assert order["motorcycle_plate"] == bike["plate"]
    assert order["motorcycle_model"] == bike["model"]
    assert order["description"] == "Barulho na suspensão"
    assert order["scheduled_date"] == "2030-01-15"
    assert order["km_at_entry"] == 10500
    assert order["items"] == []
    for key in ("total_parts", "total_labor", "discount", "total_amount"):
        assert cents(order[key]) == 0
    assert order["closed_at"] is None
    iso_utc(order["created_at"])
    assert len(order["history"]) == 1
    entry = order["history"][0]
    assert entry["status"] == "OPEN"
    iso_utc(entry["at"])
    assert same_id(entry["user_id"], shop.user_id)


def test_customer_name_in_order(shop):
    customer = shop.customer(name="Ana Beatriz Souza")
    order = shop.order(customer["id"])
    assert order["customer_name"] == "Ana Beatriz Souza"


def test_numbers_count_per_tenant(server, wclient):
    first = Shop(wclient, register(wclient, unique_name("Oficina Numeros A")))
    second = Shop(wclient, register(wclient, unique_name("Oficina Numeros B")))
    customer = first.customer()
    moto = first.moto(customer["id"])
    numbers = [json_of(first.post("/os", {"customer_id": customer["id"], "motorcycle_id": moto["id"]}), 201)["number"]
               for _ in range(3)]
    assert numbers == [1, 2, 3]
    assert second.order()["number"] == 1
    assert first.order(customer["id"], moto["id"])["number"] == 4
    assert second.order()["number"] == 2


def test_km_at_entry_raises_the_bikes_km(shop, bike):
    shop.order(bike["customer_id"], bike["id"], km_at_entry=12000)
    assert shop.one(f"/motos/{bike['id']}")["km_current"] == 12000
    shop.order(bike["customer_id"], bike["id"], km_at_entry=11000)  # lower: the bike keeps its km
    assert shop.one(f"/motos/{bike['id']}")["km_current"] == 12000


@pytest.mark.parametrize("drop", ["customer_id", "motorcycle_id"])
def test_customer_and_motorcycle_are_required(shop, bike, drop):
    body = {"customer_id": bike["customer_id"], "motorcycle_id": bike["id"]}
    body.pop(drop)
    assert_validation(shop.post("/os", body), drop)
    body[drop] = None
    assert_validation(shop.post("/os", body), drop)


def test_motorcycle_of_another_customer_is_refused(shop, bike):
    someone = shop.customer()
    resp = shop.post("/os", {"customer_id": someone["id"], "motorcycle_id": bike["id"]})
    assert_error(resp, 422, "validation_error")


def test_deactivated_motorcycle_or_customer_is_refused(shop):
    customer = shop.customer()
    gone_bike = shop.moto(customer["id"])
    json_of(shop.delete(f"/motos/{gone_bike['id']}"), 200)
    assert_error(shop.post("/os", {"customer_id": customer["id"], "motorcycle_id": gone_bike["id"]}),
                 422, "validation_error")
    bike = shop.moto(customer["id"])
    json_of(shop.delete(f"/customers/{customer['id']}"), 200)
    assert_error(shop.post("/os", {"customer_id": customer["id"], "motorcycle_id": bike["id"]}),
                 422, "validation_error")


@pytest.mark.parametrize("which", ["customer_id", "motorcycle_id"])
def test_unknown_customer_or_motorcycle(shop, bike, which):
    body = {"customer_id": bike["customer_id"], "motorcycle_id": bike["id"], which: MISSING_ID}
    err = assert_error(shop.post("/os", body), 422, "validation_error")
    assert which in err["details"]


@pytest.mark.parametrize("extra,field", [
    ({"scheduled_date": "15/01/2030"}, "scheduled_date"), ({"scheduled_date": "2030-02-30"}, "scheduled_date"),
    ({"km_at_entry": -1}, "km_at_entry"), ({"km_at_entry": "muito"}, "km_at_entry"),
], ids=["date-br", "date-invalid", "km-negative", "km-text"])
def test_create_validation(shop, bike, extra, field):
    body = {"customer_id": bike["customer_id"], "motorcycle_id": bike["id"], **extra}
    assert_validation(shop.post("/os", body), field)


def test_create_ignores_totals_status_and_number(shop, bike):
    order = shop.order(bike["customer_id"], bike["id"], status="COMPLETED", number=999999,
                       total_amount=500, total_parts=100, discount=5)
    assert order["status"] == "OPEN"
    assert order["number"] != 999999
    assert cents(order["total_amount"]) == 0 and cents(order["total_parts"]) == 0


def test_requires_authentication(shop):
    assert_error(shop.client.get("/management/os"), 401, "unauthorized")
    assert_error(shop.client.post("/management/os", json={}), 401, "unauthorized")


def test_unknown_id_is_not_found(shop):
    assert_error(shop.get(f"/os/{MISSING_ID}"), 404, "not_found")
    assert_error(shop.patch(f"/os/{MISSING_ID}", {"description": "x"}), 404, "not_found")


# --------------------------------------------------------------------------- edit

def test_patch_edits(shop, bike):
    order = shop.order(bike["customer_id"], bike["id"])
    shop.labor_item(order["id"], "200.00")
    resp = shop.patch(f"/os/{order['id']}", {"description": "Troca de kit relação", "scheduled_date": "2031-03-04",
                                             "km_at_entry": 10800, "discount": "15.50"})
    json_of(resp, 200)
    after = shop.get_order(order["id"])
    assert after["description"] == "Troca de kit relação"
    assert after["scheduled_date"] == "2031-03-04"
    assert after["km_at_entry"] == 10800
    assert cents(after["discount"]) == 1550
    assert cents(after["total_amount"]) == 18450
    check_order_totals(after)


def test_patch_ignores_totals(shop, bike):
    order = shop.order(bike["customer_id"], bike["id"])
    shop.labor_item(order["id"], "50.00")
    json_of(shop.patch(f"/os/{order['id']}", {"total_amount": 1, "total_labor": 2, "total_parts": 3,
                                              "description": "x"}), 200)
    after = shop.get_order(order["id"])
    assert cents(after["total_labor"]) == 5000 and cents(after["total_amount"]) == 5000


@pytest.mark.parametrize("body,field", [
    ({"discount": -1}, "discount"), ({"discount": "-0.50"}, "discount"), ({"discount": "1.005"}, "discount"),
    ({"discount": 2.999}, "discount"), ({"discount": "dez"}, "discount"),
    ({"scheduled_date": "2030-13-01"}, "scheduled_date"), ({"km_at_entry": -10}, "km_at_entry"),
], ids=["discount-neg", "discount-neg-str", "discount-3dec-str", "discount-3dec-num", "discount-text",
        "date", "km"])
def test_patch_validation(shop, bike, body, field):
    order = shop.order(bike["customer_id"], bike["id"])
    assert_validation(shop.patch(f"/os/{order['id']}", body), field)
    after = shop.get_order(order["id"])
    after.pop("_created", None)
    order.pop("_created", None)
    assert after == order


@pytest.mark.parametrize("final", ["COMPLETED", "CANCELLED"])
def test_closed_order_cannot_be_edited(shop, bike, final):
    """docs/openapi.json: a COMPLETED or CANCELLED order cannot be edited (409)."""
    order = shop.order(bike["customer_id"], bike["id"])
    shop.labor_item(order["id"], "100.00")
    shop.move_to(order["id"], final)
    assert_error(shop.patch(f"/os/{order['id']}", {"discount": 50}), 409, "conflict")
    assert_error(shop.patch(f"/os/{order['id']}", {"description": "depois"}), 409, "conflict")
    after = shop.get_order(order["id"])
    assert cents(after["discount"]) == 0 and after["description"] == order["description"]


def test_discount_larger_than_the_items_is_refused(shop, bike):
    order = shop.order(bike["customer_id"], bike["id"])
    shop.labor_item(order["id"], "30.00")
    err = assert_error(shop.patch(f"/os/{order['id']}", {"discount": 100}), 422, "validation_error")
    assert "discount" in (err.get("details") or {})
    after = shop.get_order(order["id"])
    assert cents(after["discount"]) == 0, "a refused change leaves the order as it was"
    assert cents(after["total_amount"]) == 3000
    json_of(shop.patch(f"/os/{order['id']}", {"discount": 30}), 200)
    assert cents(shop.get_order(order["id"])["total_amount"]) == 0


# --------------------------------------------------------------------------- roles

@pytest.mark.parametrize("role", ["OWNER", "MANAGER", "ATTENDANT"])
def test_roles_that_create_and_edit(team, wclient, bike, role):
    s = Shop(wclient, team[role])
    order = s.order(bike["customer_id"], bike["id"])
    json_of(s.patch(f"/os/{order['id']}", {"description": f"por {role}"}), 200)
    assert s.get_order(order["id"])["description"] == f"por {role}"
    assert same_id(order["history"][0]["user_id"], team[role].id)


def test_mechanic_cannot_create_or_edit(team, shop, wclient, bike):
    mech = Shop(wclient, team["MECHANIC"])
    assert_error(mech.post("/os", {"customer_id": bike["customer_id"], "motorcycle_id": bike["id"]}),
                 403, "forbidden")
    order = shop.order(bike["customer_id"], bike["id"])
    assert_error(mech.patch(f"/os/{order['id']}", {"description": "mecânico", "discount": 5}), 403, "forbidden")
    assert shop.get_order(order["id"])["description"] == order["description"]


@pytest.mark.parametrize("role", ["OWNER", "MANAGER", "ATTENDANT", "MECHANIC"])
def test_every_role_reads(team, shop, wclient, bike, role):
    order = shop.order(bike["customer_id"], bike["id"])
    s = Shop(wclient, team[role])
    assert s.get_order(order["id"])["number"] == order["number"]
    assert str(order["id"]) in ids(s.list("/os", motorcycle_id=bike["id"]))


# --------------------------------------------------------------------------- list

@pytest.fixture(scope="module")
def listing(server, wclient):
    """A fresh workshop with three orders: o1 (João Araújo, bike A), o2 (Pedro, bike B,
    IN_PROGRESS), o3 (João Araújo, bike A, CANCELLED) — created in that order."""
    s = Shop(wclient, register(wclient, unique_name("Oficina Lista OS")))
    joao = s.customer(name="João Araújo")
    pedro = s.customer(name="Pedro Lima")
    bike_a = s.moto(joao["id"], model="Titan 160")
    bike_b = s.moto(pedro["id"], model="Biz 125")
    o1 = s.order(joao["id"], bike_a["id"], description="Revisão 10 mil")
    o2 = s.order(pedro["id"], bike_b["id"], description="Troca de óleo")
    o3 = s.order(joao["id"], bike_a["id"], description="Freio")
    s.move_to(o2["id"], "IN_PROGRESS")
    s.move_to(o3["id"], "CANCELLED")
    return {"shop": s, "joao": joao, "pedro": pedro, "bike_a": bike_a, "bike_b": bike_b,
            "o1": o1, "o2": o2, "o3": o3}


def _ids(listing, *names):
    return [str(listing[n]["id"]) for n in names]


def test_list_rows_newest_first_with_fields_and_aliases(listing):
    s = listing["shop"]
    resp = s.get("/os")
    rows = json_of(resp, 200)
    assert isinstance(rows, list)
    assert ids(rows) == _ids(listing, "o3", "o2", "o1")
    assert total_count(resp) == 3
    assert [r["number"] for r in rows] == [3, 2, 1]
    for row in rows:
        assert LIST_FIELDS <= set(row), f"list row lacks {LIST_FIELDS - set(row)}"
        for alias, field in ALIASES.items():
            assert alias in row, f"list row lacks the alias {alias!r}"
            assert row[alias] == row[field]
        iso_utc(row["created_at"])
    by_id = {str(r["id"]): r for r in rows}
    o2 = by_id[str(listing["o2"]["id"])]
    assert o2["customer_name"] == "Pedro Lima" and o2["customer"] == "Pedro Lima"
    assert o2["motorcycle_plate"] == listing["bike_b"]["plate"] == o2["plate"]
    assert o2["motorcycle_model"] == "Biz 125" == o2["bike_model"]
    assert o2["status"] == "IN_PROGRESS"
    assert o2["description"] == "Troca de óleo"


@pytest.mark.parametrize("params,expected", [
    ({"status": "OPEN"}, ["o1"]), ({"status": "IN_PROGRESS"}, ["o2"]), ({"status": "CANCELLED"}, ["o3"]),
    ({"status": "COMPLETED"}, []),
    ({"customer_id": "joao"}, ["o3", "o1"]), ({"motorcycle_id": "bike_b"}, ["o2"]),
    ({"customer_id": "joao", "status": "OPEN"}, ["o1"]),
    ({"q": "joao"}, ["o3", "o1"]), ({"q": "ARAUJO"}, ["o3", "o1"]), ({"q": "João Araújo"}, ["o3", "o1"]),
    ({"q": "pedro"}, ["o2"]), ({"q": "nobody-at-all"}, []),
], ids=["open", "in-progress", "cancelled", "completed", "customer", "motorcycle", "customer+status",
        "q-joao", "q-ARAUJO", "q-accents", "q-pedro", "q-none"])
def test_list_filters(listing, params, expected):
    resolved = {k: (listing[v]["id"] if k in ("customer_id", "motorcycle_id") else v) for k, v in params.items()}
    resp = listing["shop"].get("/os", params=resolved)
    rows = json_of(resp, 200)
    assert ids(rows) == _ids(listing, *expected)
    assert total_count(resp) == len(expected)


@pytest.mark.parametrize("q,expected", [("oleo", ["o2"]), ("REVISÃO 10", ["o1"]), ("#2", ["o2"]), ("#3", ["o3"])],
                         ids=["description", "description-accents", "number-2", "number-3"])
def test_list_q_finds_description_and_number(listing, q, expected):
    """q also covers the order's description and its number (docs/openapi.json)."""
    rows = listing["shop"].list("/os", q=q)
    assert ids(rows) == _ids(listing, *expected)


def test_list_from_to_on_created_at(listing):
    s = listing["shop"]
    today = _today()
    all3 = _ids(listing, "o3", "o2", "o1")
    assert ids(s.list("/os", **{"from": today.isoformat()})) == all3
    assert ids(s.list("/os", to=today.isoformat())) == all3, "to is an inclusive date"
    assert ids(s.list("/os", **{"from": today.isoformat(), "to": today.isoformat()})) == all3
    assert ids(s.list("/os", **{"from": (today + dt.timedelta(days=1)).isoformat()})) == []
    assert ids(s.list("/os", to=(today - dt.timedelta(days=1)).isoformat())) == []


@pytest.mark.parametrize("params", [{"from": "ontem"}, {"to": "2024-13-01"}, {"customer_id": "abc"},
                                    {"motorcycle_id": "1x"}, {"status": "DONE"},
                                    {"limit": "dez"}, {"offset": "x"}, {"limit": 501}],
                         ids=["from", "to", "customer_id", "motorcycle_id", "status", "limit", "offset",
                              "limit-501"])
def test_list_bad_query_values(listing, params):
    assert_error(listing["shop"].get("/os", params=params), 400, "bad_request")


def test_list_limit_offset(listing):
    s = listing["shop"]
    resp = s.get("/os", params={"limit": 1})
    assert ids(json_of(resp, 200)) == _ids(listing, "o3")
    assert total_count(resp) == 3
    resp = s.get("/os", params={"limit": 1, "offset": 1})
    assert ids(json_of(resp, 200)) == _ids(listing, "o2")
    assert total_count(resp) == 3
    resp = s.get("/os", params={"limit": 500, "offset": 2})
    assert ids(json_of(resp, 200)) == _ids(listing, "o1")
    assert ids(s.list("/os", offset=3)) == []


def test_list_totals_match_detail(listing):
    s = listing["shop"]
    order = listing["o1"]
    s.labor_item(order["id"], "99.99", quantity=2)
    row = next(r for r in s.list("/os") if str(r["id"]) == str(order["id"]))
    detail = s.get_order(order["id"])
    for key in ("total_parts", "total_labor", "discount", "total_amount"):
        assert cents(row[key]) == cents(detail[key])
    assert cents(row["total_amount"]) == 19998
