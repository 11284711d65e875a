"""Money under concurrency: parallel payments never overpay and nothing is lost; a
payment is refunded once; a cancellation and payments racing never leave a cancelled
receivable with money on it. Each thread talks over its own connection."""
from collections import Counter

import pytest

from support.helpers import error_code, json_of
from support.finance import fclient, fresh_money, day, money, today  # noqa: F401
from support.workshop import cents, parallel

WORKERS = 50


@pytest.fixture(scope="module")
def m(fclient):
    return fresh_money(fclient, "Oficina Concorrência Financeira")


def _outcomes(responses):
    return Counter((r.status_code, error_code(r)) for r in responses)


def _pay(m, kind, rid, amount, verb):
    def call(c):
        body = {"amount": amount, "payment_method": "PIX"}
        path = f"/financial/{kind}/{rid}/pay"
        return (c.post if verb == "post" else c.patch)(path, headers=m.headers, json=body)
    return call


def test_60_parallel_payments_of_10_against_100(server, m):
    r = m.receivable("100.00")
    calls = [_pay(m, "receivables", r["id"], "10.00", "post" if i % 2 else "patch")
             for i in range(60)]
    responses = parallel(server.url, calls, workers=WORKERS)
    assert _outcomes(responses) == {(200, None): 10, (422, "overpayment"): 50}
    detail = m.get_receivable(r["id"])
    assert detail["status"] == "PAID" and cents(detail["received_amount"]) == 10000
    assert len(detail["payments"]) == 10
    assert sum(cents(p["amount"]) for p in detail["payments"]) == 10000
    accepted = sorted(cents(x.json()["received_amount"]) for x in responses if x.status_code == 200)
    assert accepted == [1000 * k for k in range(1, 11)], "each accepted payment saw its own total"


def test_parallel_payables_payments_never_overpay(server, m, today):
    p = m.payable("55.00", day(today))
    calls = [_pay(m, "payables", p["id"], "5.00", "post") for _ in range(40)]
    responses = parallel(server.url, calls, workers=WORKERS)
    assert _outcomes(responses) == {(200, None): 11, (422, "overpayment"): 29}
    row = m.one(f"/payables/{p['id']}")
    assert row["status"] == "PAID" and cents(row["paid_amount"]) == 5500
    assert len(row["payments"]) == 11


def test_uneven_parallel_payments_add_up_exactly(server, m):
    r = m.receivable("100.00")
    amounts = ["7.77", "13.13", "0.01", "25.00", "3.33"] * 8
    responses = parallel(server.url, [_pay(m, "receivables", r["id"], a, "post") for a in amounts],
                         workers=WORKERS)
    assert {x.status_code for x in responses} <= {200, 422}
    detail = m.get_receivable(r["id"])
    total = sum(cents(p["amount"]) for p in detail["payments"])
    assert total == cents(detail["received_amount"]) <= 10000
    accepted = [x for x in responses if x.status_code == 200]
    assert len(accepted) == len(detail["payments"])
    for x in responses:
        if x.status_code == 422:
            assert error_code(x) == "overpayment"


def test_a_payment_refunded_in_parallel_is_refunded_once(server, m):
    r = m.receivable("40.00")
    paid = m.pay_ok(r["id"], "40.00", "PIX")
    path = f"/financial/receivables/{r['id']}/payments/{paid['payment_id']}"
    responses = parallel(server.url, [lambda c: c.delete(path, headers=m.headers)] * 20, workers=20)
    assert _outcomes(responses) == {(200, None): 1, (409, "conflict"): 19}
    detail = m.get_receivable(r["id"])
    assert detail["status"] == "PENDING" and detail["received_amount"] == 0


def test_cancel_racing_payments_keeps_them_apart(server, m):
    for _ in range(5):
        r = m.receivable("50.00")
        calls = [_pay(m, "receivables", r["id"], "10.00", "post") for _ in range(10)]
        calls.insert(3, lambda c, rid=r["id"]: c.delete(f"/financial/receivables/{rid}",
                                                        headers=m.headers))
        responses = parallel(server.url, calls, workers=11)
        cancel = responses[3]
        detail = m.get_receivable(r["id"])
        paid = [x for i, x in enumerate(responses) if i != 3 and x.status_code == 200]
        if cancel.status_code == 200:
            assert detail["status"] == "CANCELLED" and detail["received_amount"] == 0
            assert paid == [] and detail["payments"] == []
        else:
            assert error_code(cancel) == "conflict"
            assert cents(detail["received_amount"]) == 1000 * len(paid) == 5000
            assert detail["status"] == "PAID"
