"""The demo workshop's money (POST /users/seed-demo): months of receivables consistent
with the demo orders, payments by every method, payables, closed cash days and today's
register open — all of it obeying the same rules as the API's own writes."""
import datetime
from collections import Counter

import pytest

from support.helpers import WORKSHOP_ZONE, json_of, login_ok
from support.finance import METHODS, Money
from support.workshop import Shop, cents


@pytest.fixture(scope="module")
def demo(server, session_client):
    resp = session_client.post("/users/seed-demo")
    assert resp.status_code == 201
    account = login_ok(session_client, "demo@motogestor.com", "demo123")
    return Money(session_client, account), Shop(session_client, account)


def test_every_completed_order_has_its_receivable_with_its_total(demo):
    money, shop = demo
    orders = shop.list("/os", limit=500)
    for order in orders:
        rows = money.list("/receivables", source_type="OS", source_id=order["id"])
        live = [r for r in rows if r["status"] != "CANCELLED"]
        if order["status"] == "COMPLETED" and cents(order["total_amount"]) > 0:
            assert len(live) == 1, order
            assert cents(live[0]["amount"]) == cents(order["total_amount"])
            assert live[0]["customer_id"] == order["customer_id"]
            # Issued on the workshop's day of the completion (closed_at is UTC).
            closed = datetime.datetime.fromisoformat(order["closed_at"].replace("Z", "+00:00"))
            assert live[0]["issue_date"] == closed.astimezone(WORKSHOP_ZONE).date().isoformat()
        else:
            assert live == [], order


def test_payments_by_every_method_adding_up(demo):
    money, _ = demo
    payments = money.list("/payments", limit=500)
    assert {p["payment_method"] for p in payments} >= set(METHODS)
    assert any(p["installments"] > 1 and cents(p["fee"]) > 0 for p in payments)
    for r in money.list("/receivables", limit=500):
        detail = money.get_receivable(r["id"])
        standing = [p for p in detail["payments"] if p["status"] == "CONFIRMED"]
        assert sum(cents(p["amount"]) for p in standing) == cents(detail["received_amount"])
    statuses = Counter(r["status"] for r in money.list("/receivables", limit=500))
    assert statuses["PAID"] >= 5 and statuses["PARTIAL"] >= 1 and statuses["PENDING"] >= 3
    assert money.list("/receivables", overdue=1)


def test_payables_and_cash_days(demo):
    money, _ = demo
    payables = money.list("/payables", limit=500)
    assert {p["category"] for p in payables} == {"PARTS", "RENT", "UTILITIES", "PAYROLL", "TAXES"}
    assert any(p["status"] == "PAID" for p in payables)
    assert any(p["overdue"] for p in payables)
    registers = money.list("/cash-registers", limit=500)
    closed = [r for r in registers if r["status"] == "CLOSED"]
    assert len(closed) >= 5
    for reg in closed:
        detail = money.one(f"/cash-registers/{reg['id']}")
        assert cents(detail["expected_amount"]) == cents(detail["totals"]["expected"])
        assert cents(detail["difference"]) == (cents(detail["counted_amount"]) -
                                               cents(detail["expected_amount"]))
    assert any(cents(r["difference"]) < 0 for r in closed), "one day the count came out short"
    current = money.one("/cash-registers/current")
    assert current["status"] == "OPEN" and current["business_date"] == registers[0]["business_date"]


def test_pix_is_ready_to_show(demo):
    money, _ = demo
    settings = money.one("/settings")
    assert settings["configured"] is True and settings["pix_key_type"] == "CNPJ"
    open_one = money.list("/receivables", status="PENDING,PARTIAL")[0]
    json_of(money.get(f"/receivables/{open_one['id']}/pix"), 200)


def test_the_report_has_months_of_money(demo):
    money, _ = demo
    today = money.one("/cash-registers/current")["business_date"]
    import datetime
    start = (datetime.date.fromisoformat(today) - datetime.timedelta(days=90)).isoformat()
    body = money.one("/reports/summary", start=start, end=today)
    assert body["revenue"]["total"] > 0 and len(body["revenue"]["by_month"]) >= 3
    assert body["orders"]["completed"] >= 5 and body["top_customers"]
    assert body["receivables_aging"]["days_90_plus"]["count"] >= 1
