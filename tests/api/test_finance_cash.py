"""The day's cash register (caixa): opened with an opening balance, every payment made
while it is open recorded against it (cash makes its expected amount), withdrawals
(sangria) and supplies (suprimento), closed with the counted amount → expected, counted,
difference and totals per method. One open register per tenant; a closed day is
read-only (409)."""
from collections import Counter

import pytest

from support.helpers import MISSING_ID, assert_error, error_code, json_of
from support.finance import fclient, fresh_money, day, money, today  # noqa: F401
from support.workshop import assert_validation, cents, iso_utc, parallel


@pytest.fixture
def cash(fclient):
    """A workshop of its own: its registers start from nothing."""
    return fresh_money(fclient, "Oficina Caixa")


def test_no_register_open_is_404(cash):
    assert_error(cash.get("/cash-registers/current"), 404, "not_found")
    assert cash.list("/cash-registers") == []


def test_open_answers_the_register(cash):
    reg = cash.open_register("150.00")
    assert reg["status"] == "OPEN" and cents(reg["opening_balance"]) == 15000
    assert iso_utc(reg["opened_at"]) and reg["opened_by"] == cash.account.id
    assert reg["closed_at"] is None and reg["counted_amount"] is None
    assert reg["totals"] == {"opening_balance": 150, "cash_in": 0, "cash_out": 0, "supplies": 0,
                             "withdrawals": 0, "expected": 150}
    assert reg["can"] == {"add_movement": True, "close": True}
    assert cash.one("/cash-registers/current")["id"] == reg["id"]
    assert cash.one(f"/cash-registers/{reg['id']}")["id"] == reg["id"]


def test_one_open_register_at_a_time(cash):
    cash.open_register("10.00")
    err = assert_error(cash.post("/cash-registers", {"opening_balance": "20.00"}), 409, "conflict")
    assert "caixa aberto" in err["message"]
    assert len(cash.list("/cash-registers")) == 1


def test_parallel_openings_open_one(server, cash):
    responses = parallel(server.url, [
        (lambda c: c.post("/financial/cash-registers", headers=cash.headers,
                          json={"opening_balance": "50.00"}))] * 20, workers=20)
    outcomes = Counter((r.status_code, error_code(r)) for r in responses)
    assert outcomes == {(201, None): 1, (409, "conflict"): 19}, outcomes
    assert len(cash.list("/cash-registers", status="OPEN")) == 1


@pytest.mark.parametrize("body,field", [({}, "opening_balance"),
                                        ({"opening_balance": "-1"}, "opening_balance"),
                                        ({"opening_balance": "1.234"}, "opening_balance")])
def test_bad_openings_are_422(cash, body, field):
    assert_validation(cash.post("/cash-registers", body), field)
    assert cash.list("/cash-registers") == []


def test_a_day_of_cash_and_its_closing(cash, today):
    reg = cash.open_register("100.00")
    r1 = cash.receivable("250.00")
    r2 = cash.receivable("300.00")
    cash.pay_ok(r1["id"], "150.00", "DINHEIRO")
    cash.pay_ok(r1["id"], "100.00", "PIX")
    cash.pay_ok(r2["id"], "200.00", "CARTAO_CREDITO", installments=2, card_fee="7.00")
    cash.pay_ok(r2["id"], "100.00", "DINHEIRO")
    bill = cash.payable("40.00", day(today))
    cash.pay(bill["id"], "40.00", "DINHEIRO", kind="payables")
    json_of(cash.post(f"/cash-registers/{reg['id']}/movements",
                      {"kind": "SUPRIMENTO", "amount": "50.00", "reason": "Troco"}), 201)
    moved = json_of(cash.post(f"/cash-registers/{reg['id']}/movements",
                              {"kind": "SANGRIA", "amount": "200.00", "reason": "Depósito"}), 201)
    now = moved["register"]
    # 100 + 150 + 100 − 40 + 50 − 200 = 160
    assert now["totals"] == {"opening_balance": 100, "cash_in": 250, "cash_out": 40,
                             "supplies": 50, "withdrawals": 200, "expected": 160}
    assert [(m["kind"], m["amount"]) for m in now["movements"]] == [("SUPRIMENTO", 50),
                                                                     ("SANGRIA", 200)]
    assert now["by_method"]["received"] == {"PIX": 100, "DINHEIRO": 250, "CARTAO_CREDITO": 200,
                                            "CARTAO_DEBITO": 0, "BOLETO": 0, "TRANSFERENCIA": 0,
                                            "NAO_INFORMADO": 0}
    assert now["by_method"]["paid"]["DINHEIRO"] == 40
    assert now["by_method"]["card_fees"] == 7 and now["by_method"]["payments"] == 5
    # Every payment of the day belongs to the register.
    payments = cash.list("/payments", cash_register_id=reg["id"])
    assert len(payments) == 5 and {p["cash_register_id"] for p in payments} == {reg["id"]}
    closed = json_of(cash.post(f"/cash-registers/{reg['id']}/close",
                               {"counted_amount": "158.50", "notes": "faltou troco"}), 200)
    assert closed["status"] == "CLOSED" and iso_utc(closed["closed_at"])
    assert closed["expected_amount"] == 160 and closed["counted_amount"] == 158.5
    assert closed["difference"] == -1.5
    assert closed["closed_by"] == cash.account.id and closed["notes"] == "faltou troco"
    assert closed["can"] == {"add_movement": False, "close": False}
    assert_error(cash.get("/cash-registers/current"), 404, "not_found")


def test_a_closed_day_refuses_every_change(cash):
    reg = cash.open_register("100.00")
    r = cash.receivable("80.00")
    paid = cash.pay_ok(r["id"], "80.00", "DINHEIRO")
    closed = json_of(cash.post(f"/cash-registers/{reg['id']}/close", {"counted_amount": 180}), 200)
    assert closed["difference"] == 0
    for kind in ("SANGRIA", "SUPRIMENTO"):
        assert_error(cash.post(f"/cash-registers/{reg['id']}/movements",
                               {"kind": kind, "amount": 1}), 409, "conflict")
    assert_error(cash.post(f"/cash-registers/{reg['id']}/close", {"counted_amount": 1}), 409,
                 "conflict")
    err = assert_error(cash.delete(f"/receivables/{r['id']}/payments/{paid['payment_id']}"), 409,
                       "conflict")
    assert "fechado" in err["message"]
    assert cash.get_receivable(r["id"])["payments"][0]["can"] == {"cancel": False}
    after = cash.one(f"/cash-registers/{reg['id']}")
    assert after["totals"]["expected"] == 180 and after["expected_amount"] == 180
    assert after["movements"] == [] and cash.get_receivable(r["id"])["status"] == "PAID"
    # The next day opens a new register.
    assert cash.open_register("180.00")["id"] != reg["id"]


def test_a_non_cash_payment_of_a_closed_day_may_still_be_refunded(cash):
    """Its money never was in the drawer: the day's counted cash does not change."""
    reg = cash.open_register("20.00")
    r = cash.receivable("50.00")
    pix = cash.pay_ok(r["id"], "50.00", "PIX")
    json_of(cash.post(f"/cash-registers/{reg['id']}/close", {"counted_amount": 20}), 200)
    assert cash.get_receivable(r["id"])["payments"][0]["can"] == {"cancel": True}
    body = json_of(cash.delete(f"/receivables/{r['id']}/payments/{pix['payment_id']}"), 200)
    assert body["status"] == "PENDING"
    after = cash.one(f"/cash-registers/{reg['id']}")
    assert after["expected_amount"] == 20 and after["counted_amount"] == 20
    assert after["difference"] == 0 and after["by_method"]["received"]["PIX"] == 0


def test_a_refund_on_an_open_day_leaves_the_register(cash):
    reg = cash.open_register("0.00")
    r = cash.receivable("30.00")
    paid = cash.pay_ok(r["id"], "30.00", "DINHEIRO")
    assert cash.one(f"/cash-registers/{reg['id']}")["totals"]["expected"] == 30
    json_of(cash.delete(f"/receivables/{r['id']}/payments/{paid['payment_id']}"), 200)
    assert cash.one(f"/cash-registers/{reg['id']}")["totals"]["expected"] == 0


def test_cash_with_no_register_open_is_recorded_outside_it(cash, today):
    r = cash.receivable("45.00")
    paid = cash.pay_ok(r["id"], "45.00", "DINHEIRO")
    assert paid["cash_register_id"] is None
    outside = cash.list("/payments", outside_register=1, method="DINHEIRO")
    assert [p["id"] for p in outside] == [paid["payment_id"]]
    # The day's register shows them as "fora do caixa", not in its expected cash.
    reg = cash.open_register("10.00")
    assert reg["outside_register"] == {"count": 1, "total": 45}
    assert reg["totals"]["expected"] == 10


def test_a_withdrawal_cannot_take_more_than_the_drawer_holds(cash):
    reg = cash.open_register("50.00")
    assert_validation(cash.post(f"/cash-registers/{reg['id']}/movements",
                                {"kind": "SANGRIA", "amount": "50.01"}), "amount")
    json_of(cash.post(f"/cash-registers/{reg['id']}/movements",
                      {"kind": "SANGRIA", "amount": "50.00"}), 201)
    assert cash.one(f"/cash-registers/{reg['id']}")["totals"]["expected"] == 0


@pytest.mark.parametrize("body,field", [({"amount": 10}, "kind"),
                                        ({"kind": "ESTORNO", "amount": 10}, "kind"),
                                        ({"kind": "SANGRIA"}, "amount"),
                                        ({"kind": "SUPRIMENTO", "amount": 0}, "amount")])
def test_bad_movements_are_422(cash, body, field):
    reg = cash.open_register("50.00")
    assert_validation(cash.post(f"/cash-registers/{reg['id']}/movements", body), field)
    assert cash.one(f"/cash-registers/{reg['id']}")["movements"] == []


def test_closing_needs_the_count(cash):
    reg = cash.open_register("50.00")
    assert_validation(cash.post(f"/cash-registers/{reg['id']}/close", {}), "counted_amount")
    assert cash.one("/cash-registers/current")["status"] == "OPEN"


def test_missing_registers_are_404(cash):
    assert_error(cash.get(f"/cash-registers/{MISSING_ID}"), 404, "not_found")
    assert_error(cash.post(f"/cash-registers/{MISSING_ID}/movements",
                           {"kind": "SUPRIMENTO", "amount": 1}), 404, "not_found")
    assert_error(cash.post(f"/cash-registers/{MISSING_ID}/close", {"counted_amount": 1}), 404,
                 "not_found")


def test_the_list_is_newest_first_and_filters(cash, today):
    first = cash.open_register("1.00")
    json_of(cash.post(f"/cash-registers/{first['id']}/close", {"counted_amount": 1}), 200)
    second = cash.open_register("2.00")
    assert [r["id"] for r in cash.list("/cash-registers")] == [second["id"], first["id"]]
    assert [r["id"] for r in cash.list("/cash-registers", status="CLOSED")] == [first["id"]]
    assert [r["id"] for r in cash.list("/cash-registers", start=day(today), end=day(today))] == [
        second["id"], first["id"]]
    assert cash.list("/cash-registers", end=day(today, -1)) == []
    assert_error(cash.get("/cash-registers", {"status": "ABERTO"}), 400, "bad_request")


def test_parallel_cash_payments_and_a_closing_never_lose_cash(server, cash):
    """Payments racing the closing: each one lands in the register (and its expected
    amount) or outside it, never half; the closed figures stay what they were."""
    reg = cash.open_register("0.00")
    rows = [cash.receivable("10.00") for _ in range(30)]
    calls = [(lambda c, rid=r["id"]: c.post(f"/financial/receivables/{rid}/pay",
                                            headers=cash.headers,
                                            json={"amount": "10.00", "payment_method": "DINHEIRO"}))
             for r in rows]
    calls.insert(15, lambda c: c.post(f"/financial/cash-registers/{reg['id']}/close",
                                      headers=cash.headers, json={"counted_amount": "0.00"}))
    responses = parallel(server.url, calls, workers=31)
    assert Counter(r.status_code for r in responses) == {200: 31}
    closed = cash.one(f"/cash-registers/{reg['id']}")
    inside = cash.list("/payments", cash_register_id=reg["id"], limit=500)
    outside = cash.list("/payments", outside_register=1, limit=500)
    assert len(inside) + len(outside) == 30
    assert cents(closed["expected_amount"]) == 1000 * len(inside)
    assert cents(closed["totals"]["expected"]) == cents(closed["expected_amount"])
    assert cents(closed["difference"]) == -cents(closed["expected_amount"])
