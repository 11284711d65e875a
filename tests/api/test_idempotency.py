"""Idempotency keys (API.md §1 "Retries"): a create request repeated with the same
key and body runs once and answers the same; another body is 422; keys are per
tenant."""
import uuid

import pytest

from support.helpers import assert_error, json_of
from support.workshop import Shop, fast_client, other_shop, parallel, shop, wclient  # noqa: F401


def key() -> str:
    return "chave-" + uuid.uuid4().hex


def post(s: Shop, path: str, body: dict, idem: str):
    return s.client.post(s.base + path, json=body, headers={**s.headers, "Idempotency-Key": idem})


def test_a_repeat_gets_the_stored_answer_and_changes_nothing(shop):
    k = key()
    body = {"name": "Cliente Idempotente " + k}
    first = post(shop, "/customers", body, k)
    created = json_of(first, 201)
    again = post(shop, "/customers", body, k)
    assert again.status_code == 201
    assert again.json() == created
    assert again.headers.get("idempotent-replayed") == "true"
    assert "idempotent-replayed" not in first.headers
    rows = shop.list("/customers", q=k)
    assert [r["id"] for r in rows] == [created["id"]]


def test_the_same_key_with_another_body_is_refused(shop):
    k = key()
    json_of(post(shop, "/customers", {"name": "Primeiro " + k}, k), 201)
    err = assert_error(post(shop, "/customers", {"name": "Segundo " + k}, k), 422, "validation_error")
    assert "Idempotency-Key" in err["details"]
    assert shop.list("/customers", q="Segundo " + k) == []


def test_a_key_is_per_route_and_path(shop):
    order_a, order_b = shop.order(), shop.order()
    k = key()
    item = {"item_type": "labor", "description": "Regulagem", "unit_price": "40.00"}
    json_of(post(shop, f"/os/{order_a['id']}/items", item, k), 201)
    # The same key and body on another order is another request: 422, nothing added.
    assert_error(post(shop, f"/os/{order_b['id']}/items", item, k), 422, "validation_error")
    assert shop.get_order(order_b["id"])["items"] == []


def test_keys_are_per_tenant(shop, other_shop):
    k = key()
    mine = json_of(post(shop, "/customers", {"name": "Da oficina A " + k}, k), 201)
    theirs = json_of(post(other_shop, "/customers", {"name": "Da oficina A " + k}, k), 201)
    assert theirs["id"] != mine["id"], "another tenant's key never returns its answer"
    assert [r["id"] for r in other_shop.list("/customers", q=k)] == [theirs["id"]]


def test_a_refusal_is_stored_too(shop):
    part = shop.part(quantity_in_stock=1)
    k = key()
    body = {"movement_type": "out", "quantity": 2}
    first = post(shop, f"/parts/{part['id']}/stock-movement", body, k)
    assert_error(first, 422, "insufficient_stock")
    json_of(shop.move(part["id"], "in", 5), 200)
    again = post(shop, f"/parts/{part['id']}/stock-movement", body, k)
    assert again.status_code == 422
    assert again.json() == first.json(), "the repeat answers what the first answered"
    assert shop.stock(part["id"]) == 6


@pytest.mark.parametrize("bad", ["x" * 256, "tab\there", "acentuação"], ids=["long", "tab", "utf8"])
def test_a_malformed_key_is_a_bad_request(shop, bad):
    name = "Chave ruim " + uuid.uuid4().hex
    resp = shop.client.post(shop.base + "/customers", json={"name": name},
                            headers={**shop.headers, "Idempotency-Key": bad.encode("utf-8")})
    assert_error(resp, 400, "bad_request")
    assert shop.list("/customers", q=name) == []


def test_fifty_parallel_repeats_make_one_order(server, shop):
    customer = shop.customer()
    moto = shop.moto(customer["id"])
    k = key()
    body = {"customer_id": customer["id"], "motorcycle_id": moto["id"], "description": "Paralelo"}
    headers = {**shop.headers, "Idempotency-Key": k}
    calls = [lambda c: c.post("/management/os", json=body, headers=headers) for _ in range(50)]
    results = parallel(server.url, calls, workers=50)
    assert [r.status_code for r in results] == [201] * 50, [r.text for r in results if r.status_code != 201][:3]
    answers = {r.text for r in results}
    assert len(answers) == 1, f"identical answers, got {answers}"
    orders = shop.list("/os", customer_id=customer["id"])
    assert len(orders) == 1
    assert orders[0]["id"] == results[0].json()["id"]
