"""Hostile and malformed input on every workshop route: always a 4xx in the one error
shape, never a 500 and never a change (API.md §1 Errors, Bodies, Money)."""
import pytest

from support.helpers import assert_error, assert_refusal, describe, json_of
from support.workshop import Shop, cents, check_order_totals
from support.workshop import wclient, shop  # noqa: F401  (module-scoped fixtures)

BIG = 2 ** 63
HUGE = 10 ** 30


@pytest.fixture(scope="module")
def rows(shop):
    customer = shop.customer()
    bike = shop.moto(customer["id"])
    part = shop.part(quantity_in_stock=10)
    order = shop.order(customer["id"], bike["id"])
    item = shop.labor_item(order["id"], "10.00")
    pitem = shop.part_item(order["id"], part["id"], quantity=1)
    return {"customer": customer["id"], "moto": bike["id"], "part": part["id"], "order": order["id"],
            "item": item["id"], "pitem": pitem["id"]}


WRITE_ROUTES = [
    ("POST", "/customers"), ("PATCH", "/customers/{customer}"),
    ("POST", "/motos"), ("PATCH", "/motos/{moto}"),
    ("POST", "/parts"), ("PATCH", "/parts/{part}"), ("POST", "/parts/{part}/stock-movement"),
    ("POST", "/os"), ("PATCH", "/os/{order}"), ("PATCH", "/os/{order}/status"),
    ("POST", "/os/{order}/items"), ("PATCH", "/os/{order}/items/{item}"),
]

NOT_OBJECTS = [b"[]", b'"texto"', b"42", b"null", b"{", b"", b"\xff\xfe", b'{"a":1}{"b":2}']


def _snapshot(shop, rows):
    order = shop.get_order(rows["order"])
    order.pop("_created", None)
    return (shop.one(f"/customers/{rows['customer']}"), shop.one(f"/motos/{rows['moto']}"),
            shop.one(f"/parts/{rows['part']}"), order)


@pytest.mark.parametrize("method,path", WRITE_ROUTES, ids=[f"{m} {p}" for m, p in WRITE_ROUTES])
def test_bodies_that_are_not_json_objects(shop, rows, method, path):
    before = _snapshot(shop, rows)
    url = shop.base + path.format(**rows)
    for raw in NOT_OBJECTS:
        resp = shop.client.request(method, url, content=raw,
                                   headers={**shop.headers, "Content-Type": "application/json"})
        assert_error(resp, 400, "bad_request")
    assert _snapshot(shop, rows) == before


WEIRD_VALUES = [None, True, [], {}, ["a"], {"x": 1}, BIG, -BIG, HUGE, 1e308, -1e308, "NaN", "Infinity",
                "1e400", "0x10", " 12 ", "\u0000", "a\u0000b", "x" * 5000, "😀" * 50, "' or 1=1 --",
                "12.345.678", "1,50"]


FIELDS = {
    ("POST", "/customers"): ["name", "phone", "email", "document", "notes"],
    ("POST", "/motos"): ["customer_id", "brand", "model", "plate", "year", "vin", "km_current"],
    ("POST", "/parts"): ["sku", "name", "unit_price", "cost_price", "quantity_in_stock", "min_stock", "location"],
    ("POST", "/parts/{part}/stock-movement"): ["movement_type", "quantity", "reason", "related_order_id"],
    ("POST", "/os"): ["customer_id", "motorcycle_id", "description", "scheduled_date", "km_at_entry"],
    ("PATCH", "/os/{order}"): ["description", "scheduled_date", "km_at_entry", "discount"],
    ("PATCH", "/os/{order}/status"): ["status"],
    ("POST", "/os/{order}/items"): ["item_type", "part_id", "description", "quantity", "unit_price"],
    ("PATCH", "/os/{order}/items/{pitem}"): ["description", "quantity", "unit_price"],
}


def _valid_body(shop, rows, key):
    from support.workshop import cpf, unique_plate, unique_sku
    return {
        ("POST", "/customers"): {"name": "Válido", "document": cpf()},
        ("POST", "/motos"): {"customer_id": rows["customer"], "plate": unique_plate()},
        ("POST", "/parts"): {"sku": unique_sku(), "name": "Válida", "unit_price": "1.00"},
        ("POST", "/parts/{part}/stock-movement"): {"movement_type": "in", "quantity": 1},
        ("POST", "/os"): {"customer_id": rows["customer"], "motorcycle_id": rows["moto"]},
        ("PATCH", "/os/{order}"): {"description": "ok"},
        ("PATCH", "/os/{order}/status"): {"status": "OPEN"},
        ("POST", "/os/{order}/items"): {"item_type": "labor", "description": "ok", "unit_price": "1.00"},
        ("PATCH", "/os/{order}/items/{pitem}"): {"quantity": 1},
    }[key]


CASES = [(m, p, f) for (m, p), fields in FIELDS.items() for f in fields]


@pytest.mark.parametrize("method,path,field", CASES, ids=[f"{m} {p} {f}" for m, p, f in CASES])
def test_weird_field_values_never_break_the_server(shop, rows, method, path, field):
    """Each weird value alone in an otherwise valid body: the answer is a success or a
    clean 4xx, never a 5xx; money/quantity/id fields refuse non-numbers and absurd sizes."""
    url = shop.base + path.format(**rows)
    for value in WEIRD_VALUES:
        body = {**_valid_body(shop, rows, (method, path)), field: value}
        resp = shop.client.request(method, url, json=body, headers=shop.headers)
        assert resp.status_code < 500, f"{field}={value!r:.60}: {describe(resp)}"
        if resp.status_code >= 400:
            assert_refusal(resp)
        numeric = field in ("unit_price", "cost_price", "discount", "quantity", "quantity_in_stock", "min_stock",
                            "km_current", "km_at_entry", "year", "customer_id", "motorcycle_id", "part_id",
                            "related_order_id")
        absurd = isinstance(value, (list, dict)) or value in (BIG, -BIG, HUGE, 1e308, -1e308, "NaN", "Infinity",
                                                             "1e400", "0x10", "\u0000", "a\u0000b", "x" * 5000,
                                                             "1,50", "12.345.678")
        if numeric and absurd:
            assert_error(resp, 422, "validation_error")
    # whatever was accepted, the order's totals still add up and no stock went negative
    check_order_totals(shop.get_order(rows["order"]))
    assert shop.stock(rows["part"]) >= 0


@pytest.mark.parametrize("path", ["/customers/{}", "/motos/{}", "/parts/{}", "/os/{}", "/parts/{}/movements"])
@pytest.mark.parametrize("bad_id", ["abc", "0", "-1", "1.5", str(BIG), str(HUGE), "%00", "1%20OR%201=1"])
def test_malformed_ids_in_the_path(shop, path, bad_id):
    resp = shop.client.get(shop.base + path.format(bad_id), headers=shop.headers)
    if bad_id == "%00":  # a control character in the path is refused at the edge
        assert_error(resp, 400, "bad_request")
    else:  # no such row: a malformed id matches no route, a well-formed one no row
        assert_error(resp, 404, "not_found")


@pytest.mark.parametrize("bad_id", ["abc", "0", str(BIG), str(HUGE)])
def test_malformed_item_ids(shop, rows, bad_id):
    url = f"{shop.base}/os/{rows['order']}/items/{bad_id}"
    for resp in (shop.client.patch(url, json={"quantity": 2}, headers=shop.headers),
                 shop.client.delete(url, headers=shop.headers)):
        assert_error(resp, 404, "not_found")


@pytest.mark.parametrize("path", ["/customers", "/motos", "/parts", "/os"])
@pytest.mark.parametrize("params", [{"q": "\u0000"}, {"q": "x" * 5000}, {"q": "%_\\"}, {"limit": str(BIG)},
                                    {"offset": str(BIG)}, {"customer_id": str(HUGE)}, {"low_stock": "talvez"},
                                    {"from": "2026-01-01T25:00:00Z"}],
                         ids=["nul", "long", "like-chars", "limit-big", "offset-big", "id-huge", "low-stock",
                              "bad-hour"])
def test_weird_query_values(shop, path, params):
    resp = shop.client.get(shop.base + path, params=params, headers=shop.headers)
    (name, value), = params.items()
    # A filter a list does not have is ignored; one it has must parse (400 otherwise).
    ignored = ((name == "low_stock" and path != "/parts") or (name == "from" and path != "/os")
               or (name == "customer_id" and path not in ("/motos", "/os")))
    if ignored or (name == "q" and value == "%_\\"):
        json_of(resp, 200)
    else:
        assert_error(resp, 400, "bad_request")


def test_item_totals_over_the_money_limit(shop):
    """quantity × unit_price beyond 10^11 cents must be refused, not overflow."""
    order = shop.order()
    resp = shop.add_item(order["id"], {"item_type": "labor", "description": "caro", "unit_price": "1000000000.00",
                                       "quantity": 100_000})
    assert_error(resp, 422, "validation_error")
    # One maximal item fits; a second would take the order past the limit (API.md §3).
    maximal = {"item_type": "labor", "description": "max", "unit_price": "1000000000.00"}
    json_of(shop.add_item(order["id"], maximal), 201)
    for _ in range(2):
        assert_error(shop.add_item(order["id"], maximal), 422, "validation_error")
    detail = shop.get_order(order["id"])
    check_order_totals(detail)
    assert cents(detail["total_amount"]) == 100_000_000_000
    assert len(detail["items"]) == 1, "a refused item leaves the order as it was"


def test_discount_over_the_money_limit(shop):
    order = shop.order()
    assert_error(shop.patch(f"/os/{order['id']}", {"discount": "1000000000.01"}), 422, "validation_error")
    # The discount is at most the sum of the items (API.md §3): R$ 10 of labor takes R$ 10 off.
    shop.labor_item(order["id"], "10.00")
    json_of(shop.patch(f"/os/{order['id']}", {"discount": "10.00"}), 200)
