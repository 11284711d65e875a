"""Installments (parcelas, carnê, fiado): N receivables of one group whose cents add up
exactly (the remainder on the first), interval_days apart, each paid on its own; and
payables (API.md §4): the same shape for what the workshop owes."""
import pytest

from support.helpers import MISSING_ID, assert_error, json_of
from support.finance import PAYABLE_FIELDS, fclient, money, mshop, today, day  # noqa: F401
from support.workshop import assert_validation, cents, total_count


@pytest.mark.parametrize("amount,n,expected", [
    ("100.00", 3, [3334, 3333, 3333]),
    ("899.70", 3, [29990, 29990, 29990]),
    ("0.05", 5, [1, 1, 1, 1, 1]),
    ("1000.01", 12, [8338] + [8333] * 11),
    ("7.00", 2, [350, 350]),
])
def test_installments_add_up_to_the_cent(money, today, amount, n, expected):
    created = json_of(money.post("/receivables", {"amount": amount, "due_date": day(today, 30),
                                                  "customer_name": "Carnê", "installments": n}), 201)
    parts = created["installments"]
    assert [cents(p["amount"]) for p in parts] == expected
    assert sum(expected) == round(float(amount) * 100)
    rows = money.list("/receivables", installment_group=created["installment_group"])
    assert [cents(r["amount"]) for r in rows] == expected
    assert [r["installment_number"] for r in rows] == list(range(1, n + 1))
    assert {r["installment_count"] for r in rows} == {n}
    assert rows[0]["id"] == created["id"] == created["installment_group"]


def test_installments_fall_due_interval_days_apart(money, today):
    created = json_of(money.post("/receivables", {
        "amount": "300.00", "due_date": day(today, 5), "customer_name": "Parcelado",
        "installments": 3, "interval_days": 15}), 201)
    assert [p["due_date"] for p in created["installments"]] == [day(today, 5), day(today, 20),
                                                                day(today, 35)]
    default = json_of(money.post("/receivables", {"amount": "200.00", "due_date": day(today),
                                                  "customer_name": "Parcelado",
                                                  "installments": 2}), 201)
    assert [p["due_date"] for p in default["installments"]] == [day(today), day(today, 30)]


def test_each_installment_is_paid_on_its_own(money, today):
    created = json_of(money.post("/receivables", {"amount": "90.00", "due_date": day(today),
                                                  "customer_name": "Fiado", "installments": 3}), 201)
    first, second, third = (p["id"] for p in created["installments"])
    assert money.pay_ok(first, "30.00", "DINHEIRO")["status"] == "PAID"
    assert_error(money.pay(second, "30.01"), 422, "overpayment")
    assert money.pay_ok(second, "10.00")["status"] == "PARTIAL"
    statuses = [r["status"] for r in money.list("/receivables",
                                                installment_group=created["installment_group"])]
    assert statuses == ["PAID", "PARTIAL", "PENDING"]
    json_of(money.delete(f"/receivables/{third}"), 200)
    statuses = [r["status"] for r in money.list("/receivables",
                                                installment_group=created["installment_group"])]
    assert statuses == ["PAID", "PARTIAL", "CANCELLED"]


@pytest.mark.parametrize("body,field", [
    ({"installments": 0}, "installments"),
    ({"installments": 49}, "installments"),
    ({"installments": 3, "amount": "0.02"}, "installments"),
    ({"installments": 2, "interval_days": 0}, "interval_days"),
    ({"installments": 2, "interval_days": 366}, "interval_days"),
    ({"installments": "três"}, "installments"),
])
def test_bad_installments_are_422_and_create_nothing(money, today, body, field):
    name = "Parcela inválida " + field
    before = total_count(money.get("/receivables", {"customer": name}))
    full = {"amount": "10.00", "due_date": day(today), "customer_name": name, **body}
    assert_validation(money.post("/receivables", full), field)
    assert total_count(money.get("/receivables", {"customer": name})) == before


# --------------------------------------------------------------------------- payables

def test_payable_create_read_pay(money, today):
    created = json_of(money.post("/payables", {
        "supplier_name": "Distribuidora Sul Peças", "category": "PARTS", "amount": "1250.40",
        "due_date": day(today, 10), "description": "NF 1234", "notes": "boleto"}), 201)
    row = money.one(f"/payables/{created['id']}")
    assert PAYABLE_FIELDS <= set(row)
    assert row["supplier_name"] == "Distribuidora Sul Peças" and row["category"] == "PARTS"
    assert cents(row["amount"]) == 125040 and row["paid_amount"] == 0
    assert row["status"] == "PENDING" and row["paid_at"] is None
    body = json_of(money.pay(created["id"], "250.40", "BOLETO", kind="payables"), 200)
    assert body["status"] == "PARTIAL" and cents(body["paid_amount"]) == 25040
    assert "received_amount" not in body
    body = json_of(money.pay(created["id"], "1000.00", "PIX", kind="payables", verb="patch"), 200)
    assert body["status"] == "PAID" and cents(body["paid_amount"]) == 125040
    row = money.one(f"/payables/{created['id']}")
    assert row["status"] == "PAID" and row["payment_method"] == "PIX"
    assert [p["direction"] for p in row["payments"]] == ["OUT", "OUT"]
    assert_error(money.pay(created["id"], "0.01", kind="payables"), 422, "overpayment")


def test_payable_category_defaults_to_other_and_is_checked(money, today):
    created = json_of(money.post("/payables", {"supplier_name": "Padaria", "amount": 12,
                                               "due_date": day(today)}), 201)
    assert money.one(f"/payables/{created['id']}")["category"] == "OTHER"
    assert_validation(money.post("/payables", {"supplier_name": "X", "amount": 1,
                                               "due_date": day(today), "category": "LAZER"}),
                      "category")
    assert_validation(money.post("/payables", {}), "supplier_name", "amount", "due_date")


def test_payables_list_filters(money, today):
    supplier = "Fornecedor Filtro " + str(MISSING_ID)[-4:]
    rent = money.payable("2500.00", day(today, 3), supplier_name=supplier, category="RENT")
    late = money.payable("300.00", day(today, -2), supplier_name=supplier, category="TAXES")
    paid = money.payable("100.00", day(today, -5), supplier_name=supplier, category="UTILITIES")
    money.pay(paid["id"], "100.00", "BOLETO", kind="payables")
    ids = lambda rows: [r["id"] for r in rows]  # noqa: E731
    assert ids(money.list("/payables", supplier=supplier)) == [paid["id"], late["id"], rent["id"]]
    assert ids(money.list("/payables", supplier=supplier, category="RENT")) == [rent["id"]]
    assert ids(money.list("/payables", supplier=supplier, overdue=1)) == [late["id"]]
    assert ids(money.list("/payables", supplier=supplier, status="PAID")) == [paid["id"]]
    assert ids(money.list("/payables", supplier=supplier, from_due=day(today, -2),
                          to_due=day(today, 3))) == [late["id"], rent["id"]]
    assert_error(money.get("/payables", {"category": "LAZER"}), 400, "bad_request")


def test_payables_in_installments(money, today):
    created = json_of(money.post("/payables", {
        "supplier_name": "Moto Peças", "category": "PARTS", "amount": "1000.00",
        "due_date": day(today, 10), "installments": 3, "interval_days": 28}), 201)
    assert [cents(p["amount"]) for p in created["installments"]] == [33334, 33333, 33333]
    assert [p["due_date"] for p in created["installments"]] == [day(today, 10), day(today, 38),
                                                                day(today, 66)]


def test_payable_edit_cancel_and_refund(money, today):
    row = money.payable("80.00", day(today, 4))
    updated = json_of(money.patch(f"/payables/{row['id']}", {"category": "UTILITIES",
                                                             "amount": "85.00",
                                                             "supplier_name": "Luz & Cia"}), 200)
    assert updated["category"] == "UTILITIES" and cents(updated["amount"]) == 8500
    assert updated["supplier_name"] == "Luz & Cia"
    assert_validation(money.patch(f"/payables/{row['id']}", {"supplier_name": None}),
                      "supplier_name")
    paid = json_of(money.pay(row["id"], "85.00", "PIX", kind="payables"), 200)
    assert_error(money.delete(f"/payables/{row['id']}"), 409, "conflict")
    json_of(money.delete(f"/payables/{row['id']}/payments/{paid['payment_id']}"), 200)
    assert json_of(money.delete(f"/payables/{row['id']}"), 200)["status"] == "CANCELLED"


def test_a_card_fee_is_only_for_receipts(money, today):
    row = money.payable("50.00", day(today))
    assert_validation(money.pay(row["id"], "50.00", "CARTAO_CREDITO", kind="payables",
                                card_fee="1.00"), "card_fee")
    body = json_of(money.pay(row["id"], "50.00", "CARTAO_CREDITO", kind="payables",
                             installments=2), 200)
    assert body["status"] == "PAID"


def test_payment_ids_of_another_account_are_404(money, today):
    a = money.receivable("20.00")
    b = money.receivable("20.00")
    paid = money.pay_ok(a["id"], "5.00")
    assert_error(money.delete(f"/receivables/{b['id']}/payments/{paid['payment_id']}"), 404,
                 "not_found")
    p = money.payable("20.00", day(today))
    assert_error(money.delete(f"/payables/{p['id']}/payments/{paid['payment_id']}"), 404,
                 "not_found")
    assert money.get_receivable(a["id"])["received_amount"] == 5
