"""A service order and its receivable (API.md §3 COMPLETED, §4 from-os): completing an
order creates its receivable in the same transaction, exactly once; reopening and
completing again keeps the same receivable, whose amount follows the order; payments
above a new total refuse the completion (409); cancelling the order cancels its unpaid
receivable and is refused (409) while it has payments."""
from collections import Counter

import pytest

from support.helpers import MISSING_ID, assert_error, error_code, json_of
from support.finance import fclient, money, mshop, today, day  # noqa: F401
from support.workshop import assert_validation, cents, parallel


def completed_order(mshop, labor="150.00", parts=None):
    order = mshop.order()
    mshop.labor_item(order["id"], labor)
    for part_price in parts or []:
        part = mshop.part(unit_price=part_price, quantity_in_stock=5)
        mshop.part_item(order["id"], part["id"], quantity=1)
    mshop.move_to(order["id"], "IN_PROGRESS", "COMPLETED")
    return mshop.get_order(order["id"])


def receivables_of(money, order_id, **params):
    return money.list("/receivables", source_type="OS", source_id=order_id, **params)


def test_completion_creates_the_receivable(money, mshop, today):
    order = completed_order(mshop, "150.00", ["49.90"])
    rows = receivables_of(money, order["id"])
    assert len(rows) == 1
    r = rows[0]
    assert r["source_type"] == "OS" and r["source_id"] == order["id"]
    assert cents(r["amount"]) == cents(order["total_amount"]) == 19990
    assert r["customer_id"] == order["customer_id"]
    assert r["customer_name"] == order["customer_name"]
    assert r["description"] == f"OS #{order['number']}"
    assert r["issue_date"] == day(today) and r["due_date"] == day(today)
    assert r["status"] == "PENDING"


def test_an_order_receivables_amount_follows_the_order_not_a_patch(money, mshop, today):
    order = completed_order(mshop, "100.00")
    r = receivables_of(money, order["id"])[0]
    err = assert_error(money.patch(f"/receivables/{r['id']}", {"amount": "90.00"}), 409, "conflict")
    assert "OS" in err["message"]
    updated = json_of(money.patch(f"/receivables/{r['id']}", {"due_date": day(today, 15),
                                                             "amount": "100.00"}), 200)
    assert updated["due_date"] == day(today, 15) and cents(updated["amount"]) == 10000


def test_reopen_and_complete_again_keeps_one_receivable_following_the_total(money, mshop):
    order = completed_order(mshop, "100.00")
    first = receivables_of(money, order["id"])[0]
    mshop.move_to(order["id"], "IN_PROGRESS")
    mshop.labor_item(order["id"], "50.00")
    mshop.move_to(order["id"], "COMPLETED")
    rows = receivables_of(money, order["id"])
    assert [r["id"] for r in rows] == [first["id"]]
    assert cents(rows[0]["amount"]) == 15000
    # Cheaper after a second reopen: still the same row.
    mshop.move_to(order["id"], "IN_PROGRESS")
    json_of(mshop.patch(f"/os/{order['id']}", {"discount": "30.00"}), 200)
    mshop.move_to(order["id"], "COMPLETED")
    rows = receivables_of(money, order["id"])
    assert [r["id"] for r in rows] == [first["id"]] and cents(rows[0]["amount"]) == 12000


def test_with_payments_the_amount_still_follows_a_total_above_them(money, mshop):
    order = completed_order(mshop, "100.00")
    r = receivables_of(money, order["id"])[0]
    money.pay_ok(r["id"], "60.00", "DINHEIRO")
    mshop.move_to(order["id"], "IN_PROGRESS")
    mshop.labor_item(order["id"], "20.00")
    mshop.move_to(order["id"], "COMPLETED")
    now = money.get_receivable(r["id"])
    assert cents(now["amount"]) == 12000 and cents(now["received_amount"]) == 6000
    assert now["status"] == "PARTIAL"


def test_a_new_total_below_the_payments_refuses_the_completion(money, mshop):
    order = completed_order(mshop, "100.00")
    r = receivables_of(money, order["id"])[0]
    money.pay_ok(r["id"], "80.00", "PIX")
    mshop.move_to(order["id"], "IN_PROGRESS")
    json_of(mshop.patch(f"/os/{order['id']}", {"discount": "30.00"}), 200)
    err = assert_error(mshop.set_status(order["id"], "COMPLETED"), 409, "conflict")
    assert f"OS #{order['number']}" in err["message"] and "R$ 80,00" in err["message"]
    assert "R$ 70,00" in err["message"]
    # Nothing moved: the order stays in progress, the receivable as it was.
    assert mshop.get_order(order["id"])["status"] == "IN_PROGRESS"
    now = money.get_receivable(r["id"])
    assert cents(now["amount"]) == 10000 and cents(now["received_amount"]) == 8000
    # After refunding, the completion goes through and the receivable is paid.
    payment = now["payments"][0]["id"]
    json_of(money.delete(f"/receivables/{r['id']}/payments/{payment}"), 200)
    money.pay_ok(r["id"], "70.00", "PIX")
    mshop.move_to(order["id"], "COMPLETED")
    now = money.get_receivable(r["id"])
    assert cents(now["amount"]) == 7000 and now["status"] == "PAID"


def test_an_order_for_free_makes_no_receivable(money, mshop):
    order = mshop.order()
    mshop.move_to(order["id"], "COMPLETED")
    assert receivables_of(money, order["id"]) == []


def test_cancelling_an_order_cancels_its_unpaid_receivable(money, mshop):
    order = completed_order(mshop, "80.00")
    r = receivables_of(money, order["id"])[0]
    mshop.move_to(order["id"], "IN_PROGRESS", "CANCELLED")
    assert money.get_receivable(r["id"])["status"] == "CANCELLED"


def test_cancelling_an_order_with_payments_is_409_and_changes_nothing(money, mshop):
    order = completed_order(mshop, "80.00", ["30.00"])
    r = receivables_of(money, order["id"])[0]
    money.pay_ok(r["id"], "10.00", "PIX")
    mshop.move_to(order["id"], "IN_PROGRESS")
    part_id = next(i["part_id"] for i in mshop.get_order(order["id"])["items"] if i["part_id"])
    stock_before = mshop.stock(part_id)
    err = assert_error(mshop.set_status(order["id"], "CANCELLED"), 409, "conflict")
    assert "estorne" in err["message"] and "R$ 10,00" in err["message"]
    assert mshop.get_order(order["id"])["status"] == "IN_PROGRESS"
    assert mshop.stock(part_id) == stock_before, "the parts did not go back to stock"
    assert money.get_receivable(r["id"])["status"] == "PARTIAL"


def test_a_manually_cancelled_receivable_is_made_again_at_the_next_completion(money, mshop):
    order = completed_order(mshop, "40.00")
    r = receivables_of(money, order["id"])[0]
    json_of(money.delete(f"/receivables/{r['id']}"), 200)
    mshop.move_to(order["id"], "IN_PROGRESS", "COMPLETED")
    live = receivables_of(money, order["id"], status="PENDING")
    assert len(live) == 1 and live[0]["id"] != r["id"] and cents(live[0]["amount"]) == 4000


def test_parallel_completions_of_one_order_make_one_receivable(server, money, mshop):
    order = mshop.order()
    mshop.labor_item(order["id"], "99.99")
    responses = parallel(server.url, [
        (lambda c: c.patch(f"/management/os/{order['id']}/status", headers=mshop.headers,
                           json={"status": "COMPLETED"}))] * 20, workers=20)
    outcomes = Counter((r.status_code, error_code(r)) for r in responses)
    assert outcomes == {(200, None): 1, (422, "invalid_transition"): 19}, outcomes
    rows = receivables_of(money, order["id"])
    assert len(rows) == 1 and cents(rows[0]["amount"]) == 9999


# --------------------------------------------------------------------------- from-os

def test_from_os_defaults_to_the_orders_total_and_customer(money, mshop, today):
    order = mshop.order()
    mshop.labor_item(order["id"], "210.00")
    created = json_of(money.post("/receivables/from-os", {"service_order_id": order["id"],
                                                          "due_date": day(today, 7)}), 201)
    r = money.get_receivable(created["id"])
    assert r["source_type"] == "OS" and r["source_id"] == order["id"]
    assert cents(r["amount"]) == 21000 and r["customer_name"] == order["customer_name"]
    assert r["due_date"] == day(today, 7)
    # One receivable per order: a second from-os is 409, and so is one through POST.
    assert_error(money.post("/receivables/from-os", {"service_order_id": order["id"],
                                                     "due_date": day(today)}), 409, "conflict")
    assert_error(money.post("/receivables", {"source_type": "OS", "source_id": order["id"],
                                             "due_date": day(today)}), 409, "conflict")
    # Completing the order later finds it and leaves one receivable.
    mshop.move_to(order["id"], "COMPLETED")
    rows = receivables_of(money, order["id"])
    assert [x["id"] for x in rows] == [created["id"]]


def test_from_os_takes_the_amount_name_and_description_given(money, mshop, today):
    order = mshop.order()
    mshop.labor_item(order["id"], "300.00")
    created = json_of(money.post("/receivables/from-os", {
        "service_order_id": order["id"], "due_date": day(today), "amount": "120.00",
        "customer_name": "Empresa do cliente", "description": "Sinal da OS"}), 201)
    r = money.get_receivable(created["id"])
    assert cents(r["amount"]) == 12000
    assert r["customer_name"] == "Empresa do cliente" and r["description"] == "Sinal da OS"


def test_from_os_of_an_unknown_or_cancelled_order(money, mshop, today):
    assert_validation(money.post("/receivables/from-os", {"service_order_id": MISSING_ID,
                                                          "due_date": day(today)}),
                      "service_order_id")
    assert_validation(money.post("/receivables/from-os", {"due_date": day(today)}),
                      "service_order_id")
    order = mshop.order()
    mshop.labor_item(order["id"], "10.00")
    mshop.move_to(order["id"], "CANCELLED")
    assert_error(money.post("/receivables/from-os", {"service_order_id": order["id"],
                                                     "due_date": day(today)}), 409, "conflict")


def test_from_os_of_an_order_without_value_needs_an_amount(money, mshop, today):
    order = mshop.order()
    assert_validation(money.post("/receivables/from-os", {"service_order_id": order["id"],
                                                          "due_date": day(today)}), "amount")
    json_of(money.post("/receivables/from-os", {"service_order_id": order["id"],
                                                "due_date": day(today), "amount": 50}), 201)


def test_from_os_in_installments_and_the_completion_after_it(money, mshop, today):
    order = mshop.order()
    mshop.labor_item(order["id"], "100.00")
    created = json_of(money.post("/receivables/from-os", {
        "service_order_id": order["id"], "due_date": day(today), "installments": 3}), 201)
    assert [cents(p["amount"]) for p in created["installments"]] == [3334, 3333, 3333]
    rows = receivables_of(money, order["id"])
    assert [r["installment_number"] for r in rows] == [1, 2, 3]
    assert {r["installment_group"] for r in rows} == {created["installment_group"]}
    # Completing with another total splits it again (nothing paid yet).
    mshop.labor_item(order["id"], "20.00")
    mshop.move_to(order["id"], "COMPLETED")
    rows = receivables_of(money, order["id"])
    assert [cents(r["amount"]) for r in rows] == [4000, 4000, 4000]


def test_parallel_from_os_make_one_receivable(server, money, mshop, today):
    order = mshop.order()
    mshop.labor_item(order["id"], "75.00")
    body = {"service_order_id": order["id"], "due_date": day(today)}
    responses = parallel(server.url, [
        (lambda c: c.post("/financial/receivables/from-os", headers=money.headers, json=body))] * 20,
        workers=20)
    outcomes = Counter((r.status_code, error_code(r)) for r in responses)
    assert outcomes == {(201, None): 1, (409, "conflict"): 19}, outcomes
    assert len(receivables_of(money, order["id"])) == 1
