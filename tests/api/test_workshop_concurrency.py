"""Concurrency against the real server: stock never oversold, movements always add up to
the stock, order numbers without gaps or repeats, totals always the sum of the items
(API.md §3 invariants). Each thread talks over its own connection."""
import random
from collections import Counter

import pytest

from support.helpers import describe, error_code, json_of, register, unique_name
from support.workshop import (Shop, cents, check_order_totals, cpf, movement_sum, parallel, plate_pair,
                              stored_document, unique_sku)
from support.workshop import wclient  # noqa: F401  (module-scoped client fixture)

WORKERS = 50


@pytest.fixture(scope="module")
def shop(server, wclient):
    return Shop(wclient, register(wclient, unique_name("Oficina Concorrência")))


def _outcomes(responses):
    return Counter((r.status_code, error_code(r)) for r in responses)


def _unexpected(responses, allowed):
    bad = [r for r in responses if (r.status_code, error_code(r)) not in allowed]
    return "\n".join(describe(r) for r in bad[:5])


def test_parallel_part_items_never_oversell(server, shop):
    part = shop.part(unit_price="12.34", quantity_in_stock=20)
    orders = [shop.order() for _ in range(4)]
    headers = shop.headers

    def add(order_id):
        return lambda c: c.post(f"/management/os/{order_id}/items",
                                json={"item_type": "part", "part_id": part["id"], "quantity": 1}, headers=headers)

    calls = [add(orders[i % 4]["id"]) for i in range(200)]
    results = parallel(server.url, calls, workers=WORKERS)
    outcome = _outcomes(results)
    allowed = {(201, None), (422, "insufficient_stock")}
    assert set(outcome) <= allowed, f"unexpected answers {outcome}:\n{_unexpected(results, allowed)}"
    assert outcome[(201, None)] == 20, outcome
    assert outcome[(422, "insufficient_stock")] == 180, outcome

    assert shop.stock(part["id"]) == 0
    moves = shop.movements(part["id"])
    assert sum(m["quantity"] for m in moves if m["movement_type"] == "in") == 20
    assert sum(m["quantity"] for m in moves if m["movement_type"] == "out") == 20
    assert movement_sum(moves) == 0

    created = {str(json_of(r, 201)["id"]) for r in results if r.status_code == 201}
    on_orders = []
    for order in orders:
        detail = shop.get_order(order["id"])
        check_order_totals(detail)
        assert cents(detail["total_parts"]) == 1234 * len(detail["items"])
        on_orders += [str(i["id"]) for i in detail["items"]]
    assert sorted(on_orders) == sorted(created), "exactly the accepted items are on the orders"


def test_parallel_stock_outs_never_oversell(server, shop):
    part = shop.part(quantity_in_stock=20)
    headers = shop.headers
    call = lambda c: c.post(f"/management/parts/{part['id']}/stock-movement",  # noqa: E731
                            json={"movement_type": "out", "quantity": 1, "reason": "corrida"}, headers=headers)
    results = parallel(server.url, [call] * 60, workers=WORKERS)
    outcome = _outcomes(results)
    allowed = {(200, None), (422, "insufficient_stock")}
    assert set(outcome) <= allowed, f"unexpected answers {outcome}:\n{_unexpected(results, allowed)}"
    assert outcome[(200, None)] == 20 and outcome[(422, "insufficient_stock")] == 40, outcome
    stocks = sorted(r.json()["stock"] for r in results if r.status_code == 200)
    assert stocks == list(range(20)), "each accepted out saw its own stock count"
    assert shop.stock(part["id"]) == 0
    assert movement_sum(shop.movements(part["id"])) == 0


def test_parallel_mixed_movements_add_up(server, shop):
    part = shop.part(quantity_in_stock=50)
    headers = shop.headers
    rng = random.Random(7)
    plan = [("in" if rng.random() < 0.4 else "out", rng.randint(1, 5)) for _ in range(120)]

    def move(kind, qty):
        return lambda c: c.post(f"/management/parts/{part['id']}/stock-movement",
                                json={"movement_type": kind, "quantity": qty}, headers=headers)

    results = parallel(server.url, [move(k, q) for k, q in plan], workers=WORKERS)
    allowed = {(200, None), (422, "insufficient_stock")}
    assert set(_outcomes(results)) <= allowed, _unexpected(results, allowed)
    expected = 50 + sum((q if k == "in" else -q) for (k, q), r in zip(plan, results) if r.status_code == 200)
    stock = shop.stock(part["id"])
    assert stock == expected >= 0
    assert movement_sum(shop.movements(part["id"])) == stock


def test_parallel_order_creation_numbers_have_no_gaps(server, wclient):
    s = Shop(wclient, register(wclient, unique_name("Oficina Numeração")))
    customer = s.customer()
    moto = s.moto(customer["id"])
    headers = s.headers
    body = {"customer_id": customer["id"], "motorcycle_id": moto["id"], "description": "paralela"}
    call = lambda c: c.post("/management/os", json=body, headers=headers)  # noqa: E731
    results = parallel(server.url, [call] * 40, workers=40)
    bad = [describe(r) for r in results if r.status_code != 201]
    assert not bad, "every creation succeeds:\n" + "\n".join(bad[:5])
    numbers = sorted(r.json()["number"] for r in results)
    assert numbers == list(range(1, 41)), f"numbers 1..40 without gaps or repeats, got {numbers}"
    assert len({str(r.json()["id"]) for r in results}) == 40
    listed = s.list("/os", limit=500)
    assert sorted(o["number"] for o in listed) == list(range(1, 41))
    assert s.order(customer["id"], moto["id"])["number"] == 41


def test_parallel_labor_item_edits_keep_totals(server, shop):
    order = shop.order()
    items = [shop.labor_item(order["id"], "10.00") for _ in range(10)]
    headers = shop.headers
    rng = random.Random(11)
    sent = {str(i["id"]): [(1, 1000)] for i in items}
    calls = []
    for n in range(200):
        if n % 20 == 0:
            discount = f"{rng.randint(0, 5000) / 100:.2f}"
            calls.append(lambda c, d=discount: c.patch(f"/management/os/{order['id']}", json={"discount": d},
                                                       headers=headers))
            continue
        item = rng.choice(items)
        qty, price = rng.randint(1, 9), rng.randint(1, 99999)
        sent[str(item["id"])].append((qty, price))
        body = {"quantity": qty, "unit_price": f"{price // 100}.{price % 100:02d}"}
        calls.append(lambda c, i=item["id"], b=body: c.patch(f"/management/os/{order['id']}/items/{i}",
                                                             json=b, headers=headers))
    results = parallel(server.url, calls, workers=WORKERS)
    bad = [describe(r) for r in results if r.status_code != 200]
    assert not bad, "every edit succeeds:\n" + "\n".join(bad[:5])
    detail = shop.get_order(order["id"])
    check_order_totals(detail)
    for item in detail["items"]:
        pair = (item["quantity"], cents(item["unit_price"]))
        assert pair in sent[str(item["id"])], f"item {item['id']} ends with values nobody sent: {pair}"
    row = next(r for r in shop.list("/os") if str(r["id"]) == str(order["id"]))
    for key in ("total_parts", "total_labor", "discount", "total_amount"):
        assert cents(row[key]) == cents(detail[key]), f"list {key} differs from the detail"


def test_parallel_part_item_edits_keep_stock_and_totals(server, shop):
    part = shop.part(unit_price="7.77", quantity_in_stock=60)
    order = shop.order()
    items = [shop.part_item(order["id"], part["id"], quantity=1) for _ in range(10)]
    headers = shop.headers
    rng = random.Random(13)
    calls = []
    for n in range(150):
        if n % 10 == 0:
            calls.append(lambda c: c.post(f"/management/os/{order['id']}/items",
                                          json={"item_type": "part", "part_id": part["id"], "quantity": 2},
                                          headers=headers))
            continue
        item = rng.choice(items)
        body = {"quantity": rng.randint(1, 12)}
        calls.append(lambda c, i=item["id"], b=body: c.patch(f"/management/os/{order['id']}/items/{i}",
                                                             json=b, headers=headers))
    results = parallel(server.url, calls, workers=WORKERS)
    allowed = {(200, None), (201, None), (422, "insufficient_stock")}
    assert set(_outcomes(results)) <= allowed, _unexpected(results, allowed)
    detail = shop.get_order(order["id"])
    check_order_totals(detail)
    on_order = sum(i["quantity"] for i in detail["items"])
    stock = shop.stock(part["id"])
    assert stock >= 0
    assert stock + on_order == 60, f"stock {stock} + on the order {on_order} must stay 60"
    assert movement_sum(shop.movements(part["id"])) == stock


def test_parallel_cancel_returns_stock_once(server, shop):
    part = shop.part(quantity_in_stock=10)
    order = shop.order()
    shop.part_item(order["id"], part["id"], quantity=3)
    shop.part_item(order["id"], part["id"], quantity=2)
    assert shop.stock(part["id"]) == 5
    headers = shop.headers
    call = lambda c: c.patch(f"/management/os/{order['id']}/status", json={"status": "CANCELLED"},  # noqa: E731
                             headers=headers)
    results = parallel(server.url, [call] * 20, workers=20)
    outcome = _outcomes(results)
    allowed = {(200, None), (422, "invalid_transition")}
    assert set(outcome) <= allowed, f"{outcome}:\n{_unexpected(results, allowed)}"
    assert outcome[(200, None)] == 1, f"exactly one cancel wins: {outcome}"
    assert shop.stock(part["id"]) == 10
    assert movement_sum(shop.movements(part["id"])) == 10
    assert shop.get_order(order["id"])["status"] == "CANCELLED"


def test_items_racing_completion(server, shop):
    part = shop.part(quantity_in_stock=100, unit_price="5.00")
    order = shop.order()
    shop.part_item(order["id"], part["id"], quantity=1)
    headers = shop.headers
    add = lambda c: c.post(f"/management/os/{order['id']}/items",  # noqa: E731
                           json={"item_type": "part", "part_id": part["id"], "quantity": 1}, headers=headers)
    complete = lambda c: c.patch(f"/management/os/{order['id']}/status", json={"status": "COMPLETED"},  # noqa: E731
                                 headers=headers)
    calls = [add] * 30
    calls.insert(15, complete)
    results = parallel(server.url, calls, workers=31)
    assert results[15].status_code == 200, describe(results[15])
    adds = results[:15] + results[16:]
    allowed = {(201, None), (409, "conflict")}
    assert set(_outcomes(adds)) <= allowed, _unexpected(adds, allowed)
    accepted = {str(r.json()["id"]) for r in adds if r.status_code == 201}
    detail = shop.get_order(order["id"])
    assert detail["status"] == "COMPLETED"
    assert accepted <= {str(i["id"]) for i in detail["items"]}
    assert len(detail["items"]) == len(accepted) + 1
    check_order_totals(detail)
    assert shop.stock(part["id"]) == 100 - len(detail["items"])
    assert movement_sum(shop.movements(part["id"])) == shop.stock(part["id"])


# --------------------------------------------------------------------------- unique keys under races

def _one_winner(results, loser_status, loser_code):
    outcome = _outcomes(results)
    allowed = {(201, None), (loser_status, loser_code)}
    assert set(outcome) <= allowed, f"{outcome}:\n{_unexpected(results, allowed)}"
    assert outcome[(201, None)] == 1, f"exactly one wins: {outcome}"


def test_parallel_same_document_one_customer(server, shop):
    doc = cpf()
    headers = shop.headers
    variants = [doc, stored_document(doc)]
    calls = [lambda c, d=variants[n % 2]: c.post("/management/customers", json={"name": "Corrida", "document": d},
                                                 headers=headers) for n in range(20)]
    results = parallel(server.url, calls, workers=20)
    _one_winner(results, 409, "conflict")
    assert len(shop.list("/customers", q=stored_document(doc))) == 1


def test_parallel_same_sku_one_part(server, shop):
    sku = unique_sku("Corr")
    headers = shop.headers
    calls = [lambda c, s=(sku.lower() if n % 2 else sku): c.post("/management/parts",
                                                                 json={"sku": s, "name": "Corrida", "unit_price": 1},
                                                                 headers=headers) for n in range(20)]
    results = parallel(server.url, calls, workers=20)
    _one_winner(results, 409, "conflict")
    assert len(shop.list("/parts", q=sku)) == 1


def test_parallel_plate_twins_one_motorcycle(server, shop):
    old, mercosul = plate_pair()
    customer = shop.customer()
    headers = shop.headers
    spellings = [old, mercosul, f"{old[:3]}-{old[3:]}", old.lower()]
    calls = [lambda c, p=spellings[n % 4]: c.post("/management/motos", json={"customer_id": customer["id"], "plate": p},
                                                  headers=headers) for n in range(20)]
    results = parallel(server.url, calls, workers=20)
    _one_winner(results, 409, "conflict")
    assert len(shop.list("/motos", plate=old)) == 1


def test_parallel_delete_of_a_part_item_returns_stock_once(server, shop):
    part = shop.part(quantity_in_stock=10)
    order = shop.order()
    item = shop.part_item(order["id"], part["id"], quantity=4)
    headers = shop.headers
    call = lambda c: c.delete(f"/management/os/{order['id']}/items/{item['id']}", headers=headers)  # noqa: E731
    results = parallel(server.url, [call] * 20, workers=20)
    codes = Counter(r.status_code for r in results)
    assert codes == Counter({200: 1, 404: 19}), codes
    assert shop.stock(part["id"]) == 10
    assert movement_sum(shop.movements(part["id"])) == 10


def test_parallel_orders_of_two_tenants_number_independently(server, wclient):
    shops = [Shop(wclient, register(wclient, unique_name(f"Oficina Par {n}"))) for n in range(2)]
    calls = []
    for s in shops:
        customer = s.customer()
        moto = s.moto(customer["id"])
        body = {"customer_id": customer["id"], "motorcycle_id": moto["id"]}
        calls += [lambda c, b=body, h=s.headers: c.post("/management/os", json=b, headers=h)] * 20
    calls = calls[0::2] + calls[1::2]  # interleave the two tenants
    results = parallel(server.url, calls, workers=40)
    assert all(r.status_code == 201 for r in results), [describe(r) for r in results if r.status_code != 201][:3]
    for s in shops:
        assert sorted(o["number"] for o in s.list("/os")) == list(range(1, 21))


def test_parallel_completion_happens_once(server, shop):
    order = shop.order()
    shop.labor_item(order["id"], "10.00")
    headers = shop.headers
    call = lambda c: c.patch(f"/management/os/{order['id']}/status", json={"status": "COMPLETED"},  # noqa: E731
                             headers=headers)
    results = parallel(server.url, [call] * 20, workers=20)
    outcome = _outcomes(results)
    assert outcome[(200, None)] == 1 and outcome[(422, "invalid_transition")] == 19, outcome
    history = shop.get_order(order["id"])["history"]
    assert [h["status"] for h in history].count("COMPLETED") == 1
