"""The seed's contract for /financial (API.md §4), field names exactly: what existing
clients (n8n flows, scripts, older front-ends) read and send, under every spelling of
the prefix (bare, /api, with the tenant segment)."""
import pytest

from support.helpers import json_of
from support.finance import (PAYABLE_FIELDS, RECEIVABLE_FIELDS, fclient, money, mshop,  # noqa: F401
                             today, day)
from support.workshop import iso_utc

STATUSES = {"PENDING", "PARTIAL", "PAID", "CANCELLED"}


def bases(m):
    tid = m.tenant_id
    return ["/financial", "/api/financial", f"/financial/{tid}", f"/api/financial/{tid}"]


@pytest.fixture(params=["bare", "api", "bare-tenant", "api-tenant"])
def m(request, money):
    index = ["bare", "api", "bare-tenant", "api-tenant"].index(request.param)
    return money.under(bases(money)[index])


def test_receivables_contract(m, today):
    created = json_of(m.post("/receivables", {
        "amount": "150.75", "due_date": day(today, 5), "customer_name": "Contrato",
        "description": "Serviço", "issue_date": day(today), "source_type": "MANUAL",
        "notes": "obs"}), 201)
    assert isinstance(created["id"], int)
    rows = m.list("/receivables", status="PENDING", customer="Contrato", source_type="MANUAL",
                  from_due=day(today), to_due=day(today, 5))
    row = next(r for r in rows if r["id"] == created["id"])
    assert RECEIVABLE_FIELDS <= set(row)
    assert row["amount"] == 150.75 and isinstance(row["received_amount"], (int, float))
    assert row["status"] in STATUSES
    paid = json_of(m.patch(f"/receivables/{created['id']}/pay",
                           {"amount": 50.75, "payment_method": "PIX"}), 200)
    assert {"message", "status", "received_amount"} <= set(paid)
    assert paid["status"] == "PARTIAL" and paid["received_amount"] == 50.75
    paid = json_of(m.post(f"/receivables/{created['id']}/pay",
                          {"amount": "100.00", "payment_method": "DINHEIRO",
                           "paid_at": f"{day(today)}T12:00:00Z"}), 200)
    assert paid["status"] == "PAID" and paid["received_amount"] == 150.75
    detail = m.one(f"/receivables/{created['id']}")
    assert RECEIVABLE_FIELDS | {"payments"} <= set(detail)
    assert detail["payment_method"] in ("PIX", "DINHEIRO") and iso_utc(detail["received_at"])
    assert len(detail["payments"]) == 2
    assert m.list("/receivables", overdue=1, customer="Contrato-nenhum") == []
    json_of(m.patch(f"/receivables/{created['id']}", {"notes": "editado"}), 200)


def test_from_os_contract(m, mshop, today):
    order = mshop.order()
    mshop.labor_item(order["id"], "60.00")
    created = json_of(m.post("/receivables/from-os", {"service_order_id": order["id"],
                                                      "due_date": day(today)}), 201)
    assert isinstance(created["id"], int)
    assert m.one(f"/receivables/{created['id']}")["source_type"] == "OS"


def test_delete_cancels(m, today):
    created = json_of(m.post("/receivables", {"amount": 1, "due_date": day(today),
                                              "customer_name": "Contrato"}), 201)
    json_of(m.delete(f"/receivables/{created['id']}"), 200)
    assert m.one(f"/receivables/{created['id']}")["status"] == "CANCELLED"


def test_payables_contract(m, today):
    created = json_of(m.post("/payables", {"amount": 99.9, "due_date": day(today),
                                           "supplier_name": "Fornecedor Contrato",
                                           "category": "PARTS", "description": "NF",
                                           "issue_date": day(today), "notes": "x"}), 201)
    row = next(r for r in m.list("/payables", status="PENDING") if r["id"] == created["id"])
    assert PAYABLE_FIELDS <= set(row) and row["category"] == "PARTS"
    paid = json_of(m.patch(f"/payables/{created['id']}/pay",
                           {"amount": 99.9, "payment_method": "BOLETO"}), 200)
    assert {"message", "status", "paid_amount"} <= set(paid)
    assert paid["status"] == "PAID" and paid["paid_amount"] == 99.9
    detail = m.one(f"/payables/{created['id']}")
    assert detail["paid_amount"] == 99.9 and iso_utc(detail["paid_at"])
    assert detail["payment_method"] == "BOLETO"


def test_cashflow_contract(m, today):
    body = json_of(m.get("/cashflow/summary", {"start": day(today, -1), "end": day(today)}), 200)
    assert {"start", "end", "total_in", "total_out", "net", "daily"} <= set(body)
    assert [d["date"] for d in body["daily"]] == [day(today, -1), day(today)]
    for d in body["daily"]:
        assert {"date", "in", "out", "net"} <= set(d)
        assert d["net"] == round(d["in"] - d["out"], 2)
    assert body["net"] == round(body["total_in"] - body["total_out"], 2)
