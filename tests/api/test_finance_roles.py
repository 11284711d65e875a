"""Roles on /financial (API.md §2 table): finance is OWNER and MANAGER, read and write;
ATTENDANT and MECHANIC get 403 on every route and see no money anywhere (not in
/overview either). The PIX settings are changed by the OWNER only."""
import pytest

from support.helpers import assert_error, json_of
from support.finance import Money, fclient, day, money, mshop, today  # noqa: F401

DENIED = ("ATTENDANT", "MECHANIC")


@pytest.fixture(scope="module")
def rows(money, mshop, today):
    """One of everything, made by the OWNER."""
    json_of(money.patch("/settings", {"pix_key": "financeiro@equipe.com.br",
                                      "merchant_name": "Oficina Equipe",
                                      "merchant_city": "Curitiba"}), 200)
    r = money.receivable("100.00")
    paid = money.pay_ok(r["id"], "10.00", "PIX")
    p = money.payable("50.00", day(today))
    ppaid = json_of(money.pay(p["id"], "5.00", "PIX", kind="payables"), 200)
    money.close_current()
    reg = money.open_register("10.00")
    order = mshop.order()
    mshop.labor_item(order["id"], "30.00")
    return {"r": r["id"], "pay": paid["payment_id"], "p": p["id"], "ppay": ppaid["payment_id"],
            "reg": reg["id"], "order": order["id"]}


def calls(ids, today):
    """Every finance route once: (method, path, body)."""
    return [
        ("get", "/receivables", None),
        ("post", "/receivables", {"amount": 5, "due_date": day(today), "customer_name": "Papel"}),
        ("post", "/receivables/from-os", {"service_order_id": ids["order"], "due_date": day(today)}),
        ("get", f"/receivables/{ids['r']}", None),
        ("patch", f"/receivables/{ids['r']}", {"notes": "papel"}),
        ("post", f"/receivables/{ids['r']}/pay", {"amount": 1, "payment_method": "PIX"}),
        ("patch", f"/receivables/{ids['r']}/pay", {"amount": 1, "payment_method": "PIX"}),
        ("delete", f"/receivables/{ids['r']}/payments/{ids['pay']}", None),
        ("get", f"/receivables/{ids['r']}/pix", None),
        ("get", "/payables", None),
        ("post", "/payables", {"amount": 5, "due_date": day(today), "supplier_name": "Papel"}),
        ("get", f"/payables/{ids['p']}", None),
        ("patch", f"/payables/{ids['p']}", {"notes": "papel"}),
        ("post", f"/payables/{ids['p']}/pay", {"amount": 1}),
        ("patch", f"/payables/{ids['p']}/pay", {"amount": 1}),
        ("delete", f"/payables/{ids['p']}/payments/{ids['ppay']}", None),
        ("get", "/payments", None),
        ("get", f"/cashflow/summary?start={day(today)}&end={day(today)}", None),
        ("get", f"/reports/summary?start={day(today)}&end={day(today)}", None),
        ("get", "/cash-registers", None),
        ("get", "/cash-registers/current", None),
        ("get", f"/cash-registers/{ids['reg']}", None),
        ("post", f"/cash-registers/{ids['reg']}/movements", {"kind": "SUPRIMENTO", "amount": 1}),
        ("post", f"/cash-registers/{ids['reg']}/close", {"counted_amount": 11}),
        ("post", "/cash-registers", {"opening_balance": 0}),
        ("get", "/settings", None),
        ("delete", f"/receivables/{ids['r']}", None),
        ("delete", f"/payables/{ids['p']}", None),
    ]


def send(m, verb, path, body):
    return getattr(m, verb)(path, body) if body is not None else getattr(m, verb)(path)


@pytest.mark.parametrize("role", DENIED)
def test_attendant_and_mechanic_get_403_everywhere_and_change_nothing(team, money, rows, today,
                                                                      role):
    before = (money.get_receivable(rows["r"]), money.one(f"/payables/{rows['p']}"),
              money.one(f"/cash-registers/{rows['reg']}"), money.list("/receivables"))
    m = money.as_(team[role])
    for verb, path, body in calls(rows, today) + [("patch", "/settings", {"merchant_city": "X"})]:
        assert_error(send(m, verb, path, body), 403, "forbidden")
    after = (money.get_receivable(rows["r"]), money.one(f"/payables/{rows['p']}"),
             money.one(f"/cash-registers/{rows['reg']}"), money.list("/receivables"))
    assert after == before


@pytest.mark.parametrize("role", DENIED)
def test_no_money_in_the_overview_for_attendant_and_mechanic(team, money, rows, role):
    body = json_of(money.client.get("/overview", headers=team[role].headers), 200)
    assert set(body) == {"service_orders", "tasks"}


@pytest.mark.parametrize("role", ["OWNER", "MANAGER"])
def test_the_overview_shows_money_to_owner_and_manager(team, money, rows, role):
    body = json_of(money.client.get("/overview", headers=team[role].headers), 200)
    assert {"service_orders", "tasks", "receivables", "payables", "revenue"} == set(body)


def test_a_manager_runs_every_finance_route(team, money, mshop, today):
    """The whole list, as MANAGER, on rows of its own."""
    manager = money.as_(team["MANAGER"])
    r = manager.receivable("100.00")
    paid = manager.pay_ok(r["id"], "10.00", "PIX")
    p = manager.payable("50.00", day(today))
    ppaid = json_of(manager.pay(p["id"], "5.00", "PIX", kind="payables"), 200)
    manager.close_current()
    reg = manager.open_register("10.00")
    order = mshop.order()
    mshop.labor_item(order["id"], "30.00")
    ids = {"r": r["id"], "pay": paid["payment_id"], "p": p["id"], "ppay": ppaid["payment_id"],
           "reg": reg["id"], "order": order["id"]}
    expected = {("post", "/receivables"): 201, ("post", "/receivables/from-os"): 201,
                ("post", "/payables"): 201, ("post", f"/cash-registers/{reg['id']}/movements"): 201,
                ("post", "/cash-registers"): 201}
    for verb, path, body in calls(ids, today):
        if path.startswith(f"/receivables/{ids['r']}") and verb == "delete" and "payments" not in path:
            # the refund above left one payment standing: refund it so the cancel can go
            detail = manager.get_receivable(ids["r"])
            for pay in detail["payments"]:
                if pay["status"] == "CONFIRMED":
                    json_of(manager.delete(f"/receivables/{ids['r']}/payments/{pay['id']}"), 200)
        if path == f"/payables/{ids['p']}" and verb == "delete":
            for pay in manager.one(f"/payables/{ids['p']}")["payments"]:
                if pay["status"] == "CONFIRMED":
                    json_of(manager.delete(f"/payables/{ids['p']}/payments/{pay['id']}"), 200)
        status = expected.get((verb, path.split("?")[0]), 200)
        json_of(send(manager, verb, path, body), status)
    assert_error(manager.patch("/settings", {"merchant_city": "Londrina"}), 403, "forbidden")
