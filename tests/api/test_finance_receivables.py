"""Receivables (API.md §4): create, list with its filters, detail with payments, edit,
cancel, and payments as rows with a derived status — partial, several methods, card
installments and fee (net kept apart from gross), overpayment, refunds (estorno)."""
import pytest

from support.helpers import MISSING_ID, assert_error, details_of, json_of
from support.finance import (METHODS, RECEIVABLE_FIELDS, fclient, money, mshop, today,  # noqa: F401
                             day, open_cents, unique_customer)
from support.workshop import assert_validation, cents, iso_utc, total_count


# --------------------------------------------------------------------------- create

def test_create_answers_201_with_the_id_and_reads_back(money, today):
    name = unique_customer("Ana")
    resp = money.post("/receivables", {"amount": 150.75, "due_date": day(today, 10),
                                       "customer_name": name, "description": "Venda de capacete",
                                       "notes": "Pagar na retirada"})
    created = json_of(resp, 201)
    assert created["id"] > 0
    row = money.get_receivable(created["id"])
    assert RECEIVABLE_FIELDS <= set(row)
    assert row["amount"] == 150.75
    assert row["received_amount"] == 0
    assert row["open_amount"] == 150.75
    assert row["status"] == "PENDING"
    assert row["source_type"] == "MANUAL" and row["source_id"] is None
    assert row["customer_name"] == name and row["customer_id"] is None
    assert row["description"] == "Venda de capacete" and row["notes"] == "Pagar na retirada"
    assert row["issue_date"] == day(today) and row["due_date"] == day(today, 10)
    assert row["received_at"] is None and row["payment_method"] is None
    assert row["payments"] == []
    assert row["overdue"] is False
    assert row["can"] == {"edit": True, "pay": True, "cancel": True, "pix": True}


@pytest.mark.parametrize("given,expected", [("150.75", 15075), (150.75, 15075), (150, 15000),
                                            ("0.01", 1), ("1000000000.00", 100_000_000_000),
                                            (0.1, 10), ("99.9", 9990)])
def test_money_is_read_as_numbers_or_strings_to_the_cent(money, given, expected):
    row = money.receivable(given)
    assert cents(row["amount"]) == expected


@pytest.mark.parametrize("bad", ["150.755", -1, "-0.01", "1,50", "abc", 0, "0.00",
                                 "1000000000.01", True, [], {}])
def test_bad_amounts_are_422(money, today, bad):
    assert_validation(money.post("/receivables", {"amount": bad, "due_date": day(today),
                                                  "customer_name": "X"}), "amount")


def test_required_fields_are_named(money):
    err = assert_validation(money.post("/receivables", {}), "amount", "due_date", "customer_name")
    assert err["message"].startswith("Dados inválidos")


@pytest.mark.parametrize("bad", ["2026-02-30", "30/01/2026", "amanhã", "2026-1-5", 20260105])
def test_bad_dates_are_422(money, bad):
    assert_validation(money.post("/receivables", {"amount": 10, "due_date": bad,
                                                  "customer_name": "X"}), "due_date")


def test_due_before_issue_is_422(money, today):
    assert_validation(money.post("/receivables", {"amount": 10, "due_date": day(today, -5),
                                                  "issue_date": day(today),
                                                  "customer_name": "X"}), "due_date")


def test_customer_id_names_the_customer(money, mshop, today):
    customer = mshop.customer(name=unique_customer("Cliente Cadastrado"))
    created = json_of(money.post("/receivables", {"amount": 80, "due_date": day(today),
                                                  "customer_id": customer["id"]}), 201)
    row = money.get_receivable(created["id"])
    assert row["customer_id"] == customer["id"] and row["customer_name"] == customer["name"]
    listed = money.list("/receivables", customer_id=customer["id"])
    assert [r["id"] for r in listed] == [created["id"]]


def test_an_unknown_or_inactive_customer_is_422(money, mshop, today):
    assert_validation(money.post("/receivables", {"amount": 80, "due_date": day(today),
                                                  "customer_id": MISSING_ID}), "customer_id")
    customer = mshop.customer()
    json_of(mshop.delete(f"/customers/{customer['id']}"), 200)
    assert_validation(money.post("/receivables", {"amount": 80, "due_date": day(today),
                                                  "customer_id": customer["id"]}), "customer_id")


def test_unknown_fields_and_server_owned_fields_are_ignored(money, today):
    created = json_of(money.post("/receivables", {
        "amount": 50, "due_date": day(today), "customer_name": unique_customer(),
        "status": "PAID", "received_amount": 50, "id": MISSING_ID, "whatever": 1}), 201)
    row = money.get_receivable(created["id"])
    assert row["status"] == "PENDING" and row["received_amount"] == 0
    assert row["id"] == created["id"] != MISSING_ID


# --------------------------------------------------------------------------- list and filters

@pytest.fixture(scope="module")
def listed(money, today):
    """Four receivables of one customer: due yesterday (overdue), today, in 10 days, and a
    paid one due 40 days ago."""
    name = unique_customer("Filtro")
    rows = {
        "late": money.receivable("10.00", day(today, -1), customer_name=name),
        "today": money.receivable("20.00", day(today), customer_name=name),
        "later": money.receivable("30.00", day(today, 10), customer_name=name),
        "paid": money.receivable("40.00", day(today, -40), customer_name=name,
                                 issue_date=day(today, -45)),
    }
    money.pay_ok(rows["paid"]["id"], "40.00", "PIX")
    rows["partial"] = money.receivable("50.00", day(today, 3), customer_name=name)
    money.pay_ok(rows["partial"]["id"], "5.00", "DINHEIRO")
    return name, rows


def _ids(rows):
    return [r["id"] for r in rows]


def test_list_is_an_array_by_due_date_with_the_total_header(money, listed):
    name, rows = listed
    resp = money.get("/receivables", {"customer": name})
    data = json_of(resp, 200)
    assert _ids(data) == [rows[k]["id"] for k in ("paid", "late", "today", "partial", "later")]
    assert total_count(resp) == 5
    assert RECEIVABLE_FIELDS <= set(data[0])
    page = money.get("/receivables", {"customer": name, "limit": 2, "offset": 1})
    assert _ids(json_of(page, 200)) == [rows["late"]["id"], rows["today"]["id"]]
    assert total_count(page) == 5


def test_filter_by_status_one_or_several(money, listed):
    name, rows = listed
    assert _ids(money.list("/receivables", customer=name, status="PAID")) == [rows["paid"]["id"]]
    assert _ids(money.list("/receivables", customer=name, status="PARTIAL")) == [rows["partial"]["id"]]
    assert _ids(money.list("/receivables", customer=name, status="PENDING,PARTIAL")) == [
        rows[k]["id"] for k in ("late", "today", "partial", "later")]
    assert_error(money.get("/receivables", {"status": "OPEN"}), 400, "bad_request")


def test_filter_by_due_dates_both_inclusive(money, listed, today):
    name, rows = listed
    got = money.list("/receivables", customer=name, from_due=day(today), to_due=day(today, 10))
    assert _ids(got) == [rows[k]["id"] for k in ("today", "partial", "later")]
    got = money.list("/receivables", customer=name, to_due=day(today, -1))
    assert _ids(got) == [rows["paid"]["id"], rows["late"]["id"]]
    assert_error(money.get("/receivables", {"from_due": "ontem"}), 400, "bad_request")


def test_overdue_means_open_and_past_due(money, listed):
    name, rows = listed
    got = money.list("/receivables", customer=name, overdue=1)
    assert _ids(got) == [rows["late"]["id"]]
    assert got[0]["overdue"] is True and got[0]["days_overdue"] == 1
    paid = money.get_receivable(rows["paid"]["id"])
    assert paid["overdue"] is False and paid["days_overdue"] == 0


def test_customer_search_ignores_case_and_accents(money, today):
    name = unique_customer("Conceição Íris")
    row = money.receivable("12.00", customer_name=name)
    tail = name.split()[-1]
    for q in (f"conceicao {tail}", f"IRIS {tail.upper()}", tail):
        assert _ids(money.list("/receivables", customer=q)) == [row["id"]], q
    assert money.list("/receivables", customer="50%_nada") == []


def test_filter_by_source_type(money, listed):
    name, _ = listed
    assert len(money.list("/receivables", customer=name, source_type="MANUAL")) == 5
    assert money.list("/receivables", customer=name, source_type="OS") == []
    assert_error(money.get("/receivables", {"source_type": "BOLETO"}), 400, "bad_request")


# --------------------------------------------------------------------------- edit and cancel

def test_patch_changes_only_what_it_names(money, today):
    row = money.receivable("70.00", day(today, 5), description="Original", notes="n1")
    updated = json_of(money.patch(f"/receivables/{row['id']}",
                                  {"due_date": day(today, 20), "notes": None, "amount": "75.50"}), 200)
    assert updated["due_date"] == day(today, 20)
    assert updated["notes"] is None
    assert updated["description"] == "Original"
    assert updated["amount"] == 75.5 and updated["open_amount"] == 75.5
    assert money.get_receivable(row["id"])["amount"] == 75.5


def test_amount_cannot_go_below_what_was_received(money):
    row = money.receivable("100.00")
    money.pay_ok(row["id"], "60.00")
    assert_validation(money.patch(f"/receivables/{row['id']}", {"amount": "59.99"}), "amount")
    updated = json_of(money.patch(f"/receivables/{row['id']}", {"amount": "60.00"}), 200)
    assert updated["status"] == "PAID"


def test_cancel_without_payments(money):
    row = money.receivable("33.00")
    body = json_of(money.delete(f"/receivables/{row['id']}"), 200)
    assert body["status"] == "CANCELLED" and body["id"] == row["id"]
    now = money.get_receivable(row["id"])
    assert now["status"] == "CANCELLED" and iso_utc(now["cancelled_at"])
    assert now["can"] == {"edit": False, "pay": False, "cancel": False, "pix": False}
    assert_error(money.delete(f"/receivables/{row['id']}"), 409, "conflict")
    assert_error(money.patch(f"/receivables/{row['id']}", {"notes": "x"}), 409, "conflict")
    assert_error(money.pay(row["id"], "1.00"), 409, "conflict")


def test_cancel_with_payments_is_409_and_changes_nothing(money):
    row = money.receivable("90.00")
    money.pay_ok(row["id"], "10.00")
    err = assert_error(money.delete(f"/receivables/{row['id']}"), 409, "conflict")
    assert "estorne" in err["message"]
    now = money.get_receivable(row["id"])
    assert now["status"] == "PARTIAL" and now["received_amount"] == 10
    assert now["can"]["cancel"] is False


def test_cancel_after_refunding_every_payment(money):
    row = money.receivable("90.00")
    paid = money.pay_ok(row["id"], "10.00")
    json_of(money.delete(f"/receivables/{row['id']}/payments/{paid['payment_id']}"), 200)
    assert json_of(money.delete(f"/receivables/{row['id']}"), 200)["status"] == "CANCELLED"


def test_missing_rows_are_404(money):
    for resp in (money.get(f"/receivables/{MISSING_ID}"),
                 money.patch(f"/receivables/{MISSING_ID}", {"notes": "x"}),
                 money.delete(f"/receivables/{MISSING_ID}"),
                 money.pay(MISSING_ID, "1.00"),
                 money.delete(f"/receivables/{MISSING_ID}/payments/{MISSING_ID}")):
        assert_error(resp, 404, "not_found")


# --------------------------------------------------------------------------- payments

@pytest.mark.parametrize("verb", ["post", "patch"])
def test_pay_by_post_or_patch(money, verb):
    row = money.receivable("100.00")
    body = json_of(money.pay(row["id"], "40.00", "PIX", verb=verb), 200)
    assert body["status"] == "PARTIAL" and body["received_amount"] == 40
    assert isinstance(body["message"], str) and body["message"]
    assert body["open_amount"] == 60
    body = json_of(money.pay(row["id"], 60, "PIX", verb=verb), 200)
    assert body["status"] == "PAID" and body["received_amount"] == 100 and body["open_amount"] == 0


def test_status_is_derived_from_the_payment_rows(money):
    row = money.receivable("30.00")
    first = money.pay_ok(row["id"], "10.00", "PIX")
    second = money.pay_ok(row["id"], "20.00", "DINHEIRO")
    detail = money.get_receivable(row["id"])
    assert detail["status"] == "PAID" and detail["received_amount"] == 30
    assert [p["id"] for p in detail["payments"]] == [second["payment_id"], first["payment_id"]]
    assert [p["payment_method"] for p in detail["payments"]] == ["DINHEIRO", "PIX"]
    assert sum(cents(p["amount"]) for p in detail["payments"]) == cents(detail["received_amount"])
    assert detail["payment_method"] == "DINHEIRO"  # the latest payment's
    assert iso_utc(detail["received_at"])
    # A refund moves it back, and the row stays (cancelled).
    body = json_of(money.delete(f"/receivables/{row['id']}/payments/{second['payment_id']}"), 200)
    assert body["status"] == "PARTIAL" and body["received_amount"] == 10
    detail = money.get_receivable(row["id"])
    assert [p["status"] for p in detail["payments"]] == ["CANCELLED", "CONFIRMED"]
    assert detail["payment_method"] == "PIX"
    assert_error(money.delete(f"/receivables/{row['id']}/payments/{second['payment_id']}"),
                 409, "conflict")


def test_several_methods_settle_one_receivable(money):
    row = money.receivable("600.00")
    for amount, method in (("100.00", "PIX"), ("100.00", "DINHEIRO"), ("100.00", "CARTAO_DEBITO"),
                           ("100.00", "BOLETO"), ("100.00", "TRANSFERENCIA"),
                           ("100.00", "CARTAO_CREDITO")):
        money.pay_ok(row["id"], amount, method)
    detail = money.get_receivable(row["id"])
    assert detail["status"] == "PAID"
    assert sorted(p["payment_method"] for p in detail["payments"]) == sorted(METHODS)


def test_overpayment_is_422_and_changes_nothing(money):
    row = money.receivable("50.00")
    money.pay_ok(row["id"], "30.00")
    err = assert_error(money.pay(row["id"], "20.01"), 422, "overpayment")
    assert details_of(err)["open_amount"] == "20.00"
    assert "R$ 20,00" in err["message"]
    detail = money.get_receivable(row["id"])
    assert detail["received_amount"] == 30 and len(detail["payments"]) == 1
    money.pay_ok(row["id"], "20.00")
    assert_error(money.pay(row["id"], "0.01"), 422, "overpayment")


@pytest.mark.parametrize("body,field", [
    ({}, "amount"),
    ({"amount": 0}, "amount"),
    ({"amount": "-5"}, "amount"),
    ({"amount": "1.001"}, "amount"),
    ({"amount": 1, "payment_method": "CHEQUE"}, "payment_method"),
    ({"amount": 1, "payment_method": "PIX", "installments": 3}, "installments"),
    ({"amount": 1, "payment_method": "CARTAO_CREDITO", "installments": 25}, "installments"),
    ({"amount": 1, "payment_method": "CARTAO_CREDITO", "installments": 0}, "installments"),
    ({"amount": 1, "payment_method": "PIX", "card_fee": "0.10"}, "card_fee"),
    ({"amount": 1, "payment_method": "CARTAO_DEBITO", "card_fee": "1.01"}, "card_fee"),
    ({"amount": 1, "payment_method": "CARTAO_DEBITO", "card_fee_percent": "100.01"}, "card_fee_percent"),
    ({"amount": 1, "payment_method": "CARTAO_DEBITO", "card_fee": 0, "card_fee_percent": 1}, "card_fee"),
    ({"amount": 1, "paid_at": "ontem"}, "paid_at"),
    ({"amount": 1, "paid_at": "2026-02-30"}, "paid_at"),
])
def test_bad_payments_are_422_and_record_nothing(money, body, field):
    row = money.receivable("10.00")
    assert_validation(money.post(f"/receivables/{row['id']}/pay", body), field)
    detail = money.get_receivable(row["id"])
    assert detail["payments"] == [] and detail["status"] == "PENDING"


def test_a_future_payment_date_is_422(money, today):
    row = money.receivable("10.00")
    assert_validation(money.post(f"/receivables/{row['id']}/pay",
                                 {"amount": 10, "paid_at": day(today, 1)}), "paid_at")
    assert money.get_receivable(row["id"])["payments"] == []


def test_paid_at_as_a_date_or_a_timestamp(money, today):
    row = money.receivable("30.00", issue_date=day(today, -20), due_date=day(today, -10))
    money.pay_ok(row["id"], "10.00", paid_at=day(today, -3))
    money.pay_ok(row["id"], "10.00", paid_at=f"{day(today, -2)}T15:30:00-03:00")
    money.pay_ok(row["id"], "10.00")
    payments = money.get_receivable(row["id"])["payments"]
    assert [p["paid_on"] for p in payments] == [day(today), day(today, -2), day(today, -3)]
    assert payments[1]["paid_at"] == f"{day(today, -2)}T18:30:00Z"


def test_card_payments_keep_the_fee_and_the_net_apart(money):
    row = money.receivable("300.00")
    money.pay_ok(row["id"], "200.00", "CARTAO_CREDITO", installments=3, card_fee_percent="3.49")
    money.pay_ok(row["id"], "100.00", "CARTAO_DEBITO", card_fee="1.99")
    detail = money.get_receivable(row["id"])
    debit, credit = detail["payments"]
    assert credit["installments"] == 3
    assert cents(credit["amount"]) == 20000 and cents(credit["fee"]) == 698
    assert cents(credit["net_amount"]) == 20000 - 698
    assert debit["installments"] == 1 and cents(debit["fee"]) == 199
    assert cents(debit["net_amount"]) == 9801
    # The receivable is settled by the gross amounts.
    assert detail["status"] == "PAID" and cents(detail["received_amount"]) == 30000


def test_payment_method_may_be_left_out(money):
    row = money.receivable("10.00")
    body = json_of(money.pay(row["id"], "10.00", None), 200)
    assert body["status"] == "PAID"
    assert money.get_receivable(row["id"])["payments"][0]["payment_method"] is None


def test_a_payment_retried_with_the_same_idempotency_key_is_recorded_once(money):
    row = money.receivable("50.00")
    key = {"Idempotency-Key": f"pay-{row['id']}"}
    first = money.post(f"/receivables/{row['id']}/pay", {"amount": "20.00", "payment_method": "PIX"}, key)
    again = money.post(f"/receivables/{row['id']}/pay", {"amount": "20.00", "payment_method": "PIX"}, key)
    assert json_of(first, 200) == json_of(again, 200)
    assert again.headers.get("idempotent-replayed") == "true"
    assert len(money.get_receivable(row["id"])["payments"]) == 1


def test_cents_add_up_over_many_small_payments(money):
    row = money.receivable("1.00")
    for _ in range(3):
        money.pay_ok(row["id"], "0.33")
    assert open_cents(money.get_receivable(row["id"])) == 1
    assert money.pay_ok(row["id"], "0.01")["status"] == "PAID"
