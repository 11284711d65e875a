"""Cash flow (API.md §4) and the money report: from the payment rows by their day, both
days of the range inclusive, days without movement present as zeros; revenue by day and
month, completed orders, ticket médio, parts vs labor, receivables aging, payables due
in the next 7 days, top customers."""
import pytest

from support.helpers import assert_error, json_of
from support.finance import fclient, fresh_money, day, money, today  # noqa: F401
from support.workshop import Shop, cents


@pytest.fixture(scope="module")
def books(fclient, today):
    """A workshop of its own with known payments on known days."""
    m = fresh_money(fclient, "Oficina Relatórios")
    shop = Shop(m.client, m.account)
    maria = shop.customer(name="Maria Souza")
    jose = shop.customer(name="José Lima")
    r1 = m.receivable("500.00", day(today, -10), customer_id=maria["id"], customer_name=None,
                      issue_date=day(today, -20))
    r2 = m.receivable("300.00", day(today, -5), customer_id=jose["id"], customer_name=None,
                      issue_date=day(today, -20))
    m.pay_ok(r1["id"], "200.00", "PIX", paid_at=day(today, -7))
    m.pay_ok(r1["id"], "300.00", "CARTAO_CREDITO", installments=3, card_fee="9.00",
             paid_at=day(today, -3))
    m.pay_ok(r2["id"], "120.00", "DINHEIRO", paid_at=day(today, -3))
    bill = m.payable("80.00", day(today, -4), issue_date=day(today, -6), category="UTILITIES")
    json_of(m.pay(bill["id"], "80.00", "BOLETO", kind="payables", paid_at=day(today, -4)), 200)
    # A refunded payment counts nowhere.
    refunded = m.pay_ok(r2["id"], "10.00", "PIX", paid_at=day(today, -3))
    json_of(m.delete(f"/receivables/{r2['id']}/payments/{refunded['payment_id']}"), 200)
    m.ids = {"maria": maria["id"], "jose": jose["id"], "r2": r2["id"]}
    return m


def test_cashflow_both_days_inclusive_with_zero_days(books, today):
    body = json_of(books.get("/cashflow/summary", {"start": day(today, -7), "end": day(today, -3)}),
                   200)
    assert body["start"] == day(today, -7) and body["end"] == day(today, -3)
    assert [d["date"] for d in body["daily"]] == [day(today, k) for k in range(-7, -2)]
    by_date = {d["date"]: d for d in body["daily"]}
    assert by_date[day(today, -7)] == {"date": day(today, -7), "in": 200, "out": 0, "net": 200,
                                       "card_fees": 0}
    assert by_date[day(today, -6)] == {"date": day(today, -6), "in": 0, "out": 0, "net": 0,
                                       "card_fees": 0}
    assert by_date[day(today, -4)]["out"] == 80 and by_date[day(today, -4)]["net"] == -80
    assert by_date[day(today, -3)]["in"] == 420 and by_date[day(today, -3)]["card_fees"] == 9
    assert body["total_in"] == 620 and body["total_out"] == 80 and body["net"] == 540
    assert body["total_card_fees"] == 9
    assert body["by_method"]["in"]["CARTAO_CREDITO"] == 300
    assert body["by_method"]["out"]["BOLETO"] == 80


def test_cashflow_end_day_is_inclusive(books, today):
    """A range ending on a day with payments counts them; one ending the day before does not."""
    last = json_of(books.get("/cashflow/summary", {"start": day(today, -3), "end": day(today, -3)}), 200)
    assert last["total_in"] == 420 and len(last["daily"]) == 1
    before = json_of(books.get("/cashflow/summary", {"start": day(today, -6), "end": day(today, -4)}), 200)
    assert before["total_in"] == 0 and before["total_out"] == 80


def test_cashflow_sums_to_the_cent(fclient, today):
    m = fresh_money(fclient, "Oficina Centavos")
    r = m.receivable("0.30")
    for _ in range(3):
        m.pay_ok(r["id"], "0.10", "PIX")
    body = json_of(m.get("/cashflow/summary", {"start": day(today), "end": day(today)}), 200)
    assert cents(body["total_in"]) == 30 and body["total_in"] == 0.3


@pytest.mark.parametrize("params", [{}, {"start": "2026-01-01"}, {"end": "2026-01-01"},
                                    {"start": "2026-02-30", "end": "2026-03-01"},
                                    {"start": "2026-03-02", "end": "2026-03-01"},
                                    {"start": "2020-01-01", "end": "2026-01-01"}])
@pytest.mark.parametrize("path", ["/cashflow/summary", "/reports/summary"])
def test_ranges_must_be_given_and_sane(books, path, params):
    assert_error(books.get(path, params), 400, "bad_request")


def test_report_revenue_by_day_and_month(books, today):
    body = json_of(books.get("/reports/summary", {"start": day(today, -30), "end": day(today)}), 200)
    revenue = body["revenue"]
    assert revenue["total"] == 620 and revenue["payments"] == 3
    assert revenue["card_fees"] == 9 and revenue["net_of_fees"] == 611
    assert len(revenue["by_day"]) == 31
    assert {d["date"]: d["amount"] for d in revenue["by_day"]}[day(today, -3)] == 420
    months = [m["month"] for m in revenue["by_month"]]
    assert months == sorted(set(d["date"][:7] for d in revenue["by_day"]))
    assert sum(cents(m["amount"]) for m in revenue["by_month"]) == 62000


def test_report_top_customers(books, today):
    body = json_of(books.get("/reports/summary", {"start": day(today, -30), "end": day(today)}), 200)
    assert [(c["customer_id"], c["customer_name"], c["amount"], c["payments"])
            for c in body["top_customers"]] == [
        (books.ids["maria"], "Maria Souza", 500, 2), (books.ids["jose"], "José Lima", 120, 1)]
    early = json_of(books.get("/reports/summary", {"start": day(today, -30), "end": day(today, -4)}),
                    200)
    assert [(c["customer_name"], c["amount"]) for c in early["top_customers"]] == [
        ("Maria Souza", 200)]


def test_top_customers_follow_a_receivables_customer(fclient, today):
    m = fresh_money(fclient, "Oficina Troca de Cliente")
    shop = Shop(m.client, m.account)
    wrong, right = shop.customer(name="Cliente Errado"), shop.customer(name="Cliente Certo")
    r = m.receivable("90.00", customer_id=wrong["id"], customer_name=None)
    m.pay_ok(r["id"], "90.00", "PIX")
    m.receivable("10.00", customer_name="Balcão sem cadastro")  # typed names are not ranked
    json_of(m.patch(f"/receivables/{r['id']}", {"customer_id": right["id"],
                                                "customer_name": "Cliente Certo"}), 200)
    body = json_of(m.get("/reports/summary", {"start": day(today), "end": day(today)}), 200)
    assert [(c["customer_id"], c["customer_name"], c["amount"]) for c in body["top_customers"]] == [
        (right["id"], "Cliente Certo", 90)]


def test_report_aging_and_payables_due(fclient, today):
    m = fresh_money(fclient, "Oficina Aging")
    for due, amount in ((0, "1.00"), (3, "2.00"), (-1, "10.00"), (-30, "20.00"), (-31, "40.00"),
                        (-60, "80.00"), (-61, "160.00"), (-90, "320.00"), (-91, "640.00")):
        m.receivable(amount, day(today, due), issue_date=day(today, min(due, 0) - 1))
    partly = m.receivable("100.00", day(today, -45), issue_date=day(today, -50))
    m.pay_ok(partly["id"], "25.00")
    soon = m.payable("70.00", day(today, 7), supplier_name="Aluguel", category="RENT")
    m.payable("30.00", day(today, 8))  # out of the week
    m.payable("15.00", day(today), supplier_name="Luz")
    m.payable("5.00", day(today, -2), issue_date=day(today, -3))
    body = json_of(m.get("/reports/summary", {"start": day(today), "end": day(today)}), 200)
    aging = body["receivables_aging"]
    assert aging["not_due"] == {"count": 2, "total": 3}
    assert aging["days_1_30"] == {"count": 2, "total": 30}
    assert aging["days_31_60"] == {"count": 3, "total": 195}  # 40 + 80 + the 75 still open
    assert aging["days_61_90"] == {"count": 2, "total": 480}
    assert aging["days_90_plus"] == {"count": 1, "total": 640}
    assert aging["total"] == {"count": 10, "total": 1348}
    due = body["payables"]["due_next_7_days"]
    assert due["count"] == 2 and due["total"] == 85
    assert [(p["supplier_name"], p["open_amount"]) for p in due["items"]] == [("Luz", 15),
                                                                             ("Aluguel", 70)]
    assert due["items"][1]["id"] == soon["id"]
    assert body["payables"]["overdue"] == {"count": 1, "total": 5}


def test_report_orders_ticket_and_parts_vs_labor(fclient, today):
    m = fresh_money(fclient, "Oficina Ticket")
    shop = Shop(m.client, m.account)
    for labor, part in (("100.00", "50.00"), ("200.00", "33.33"), ("10.00", None)):
        order = shop.order()
        shop.labor_item(order["id"], labor)
        if part:
            p = shop.part(unit_price=part, quantity_in_stock=3)
            shop.part_item(order["id"], p["id"], quantity=1)
        shop.move_to(order["id"], "COMPLETED")
    open_order = shop.order()
    shop.labor_item(open_order["id"], "999.00")
    body = json_of(m.get("/reports/summary", {"start": day(today), "end": day(today)}), 200)
    orders = body["orders"]
    assert orders["completed"] == 3
    assert cents(orders["total_amount"]) == 39333
    assert cents(orders["total_labor"]) == 31000 and cents(orders["total_parts"]) == 8333
    assert cents(orders["average_ticket"]) == 13111  # 393,33 / 3 = 131,11
    yesterday = json_of(m.get("/reports/summary", {"start": day(today, -1), "end": day(today, -1)}),
                        200)
    assert yesterday["orders"]["completed"] == 0 and yesterday["orders"]["average_ticket"] == 0
