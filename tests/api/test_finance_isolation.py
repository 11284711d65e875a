"""Two workshops: B never reads, changes or borrows A's money (API.md §1 Tenant, §4).
Another tenant's row is 404 by path and invisible by filter; a body naming another
tenant's customer or order is 422; a tenant in the path or body that is not the
token's is 403 tenant_mismatch; A's data stays as it was."""
import pytest

from support.helpers import MISSING_ID, assert_error, json_of
from support.finance import Money, fclient, fresh_money, day, money, today  # noqa: F401
from support.workshop import Shop, assert_validation


@pytest.fixture(scope="module")
def world(fclient, today):
    a = fresh_money(fclient, "Oficina A Financeiro")
    b = fresh_money(fclient, "Oficina B Financeiro")
    assert a.tenant_id != b.tenant_id
    shop_a = Shop(a.client, a.account)
    json_of(a.patch("/settings", {"pix_key": "financeiro@a.com.br", "merchant_name": "Oficina A",
                                  "merchant_city": "Recife"}), 200)
    reg = a.open_register("100.00")
    customer = shop_a.customer()
    order = shop_a.order(customer["id"])
    shop_a.labor_item(order["id"], "120.00")
    shop_a.move_to(order["id"], "COMPLETED")
    os_receivable = a.list("/receivables", source_type="OS", source_id=order["id"])[0]
    r = a.receivable("200.00", customer_id=customer["id"], customer_name=None)
    group = json_of(a.post("/receivables", {"amount": "90.00", "due_date": day(today),
                                            "customer_name": "Carnê A", "installments": 3}), 201)
    paid = a.pay_ok(r["id"], "50.00", "DINHEIRO")
    p = a.payable("80.00", day(today))
    p_paid = json_of(a.pay(p["id"], "30.00", "PIX", kind="payables"), 200)
    ids = {"r": r["id"], "os_r": os_receivable["id"], "p": p["id"], "reg": reg["id"],
           "pay": paid["payment_id"], "ppay": p_paid["payment_id"], "customer": customer["id"],
           "order": order["id"], "group": group["installment_group"]}
    w = {"a": a, "b": b, "ids": ids, "today": today}
    w["snapshot"] = snapshot(a, ids, today)
    return w


def snapshot(a, ids, today):
    return {
        "r": a.get_receivable(ids["r"]),
        "os_r": a.get_receivable(ids["os_r"]),
        "p": a.one(f"/payables/{ids['p']}"),
        "reg": a.one(f"/cash-registers/{ids['reg']}"),
        "receivables": a.list("/receivables"),
        "payables": a.list("/payables"),
        "payments": a.list("/payments", include_cancelled=1),
        "settings": a.one("/settings"),
        "cashflow": a.one("/cashflow/summary", start=day(today), end=day(today)),
    }


def assert_a_unchanged(world):
    now = snapshot(world["a"], world["ids"], world["today"])
    for key, before in world["snapshot"].items():
        assert now[key] == before, f"tenant A's {key} changed:\nbefore {before!r}\nafter  {now[key]!r}"


READS = ["/receivables/{r}", "/receivables/{os_r}", "/receivables/{r}/pix", "/payables/{p}",
         "/cash-registers/{reg}"]
WRITES = [
    ("patch", "/receivables/{r}", {"notes": "invadido", "amount": 1}),
    ("delete", "/receivables/{r}", None),
    ("post", "/receivables/{r}/pay", {"amount": "1.00", "payment_method": "PIX"}),
    ("patch", "/receivables/{r}/pay", {"amount": "1.00", "payment_method": "PIX"}),
    ("delete", "/receivables/{r}/payments/{pay}", None),
    ("patch", "/payables/{p}", {"supplier_name": "Invasor"}),
    ("delete", "/payables/{p}", None),
    ("post", "/payables/{p}/pay", {"amount": "1.00"}),
    ("patch", "/payables/{p}/pay", {"amount": "1.00"}),
    ("delete", "/payables/{p}/payments/{ppay}", None),
    ("post", "/cash-registers/{reg}/movements", {"kind": "SUPRIMENTO", "amount": 1}),
    ("post", "/cash-registers/{reg}/close", {"counted_amount": 0}),
]


@pytest.mark.parametrize("prefix", ["/financial", "/api/financial"])
@pytest.mark.parametrize("path", READS)
def test_reads_of_a_rows_are_not_found(world, path, prefix):
    b = world["b"].under(prefix)
    foreign = b.get(path.format(**world["ids"]))
    missing = b.get(path.format(**{k: MISSING_ID for k in world["ids"]}))
    assert_error(foreign, 404, "not_found")
    assert_error(missing, 404, "not_found")
    assert foreign.json()["error"]["message"] == missing.json()["error"]["message"]


@pytest.mark.parametrize("verb,path,body", WRITES, ids=[f"{v} {p}" for v, p, _ in WRITES])
def test_writes_to_a_rows_are_not_found(world, verb, path, body):
    b = world["b"]
    target = path.format(**world["ids"])
    resp = getattr(b, verb)(target, body) if body is not None else getattr(b, verb)(target)
    assert_error(resp, 404, "not_found")
    assert_a_unchanged(world)


def test_lists_and_filters_show_only_own_rows(world):
    b, ids = world["b"], world["ids"]
    mine = b.receivable("5.00")
    assert [r["id"] for r in b.list("/receivables")] == [mine["id"]]
    assert b.list("/payables") == []
    assert b.list("/cash-registers") == []
    assert b.list("/receivables", customer_id=ids["customer"]) == []
    assert b.list("/receivables", source_type="OS", source_id=ids["order"]) == []
    assert b.list("/receivables", installment_group=ids["group"]) == []
    assert b.list("/payments", cash_register_id=ids["reg"]) == []
    assert b.list("/payments") == []
    assert_error(b.get("/cash-registers/current"), 404, "not_found")
    json_of(b.delete(f"/receivables/{mine['id']}"), 200)


def test_sums_count_only_own_money(world):
    b, today = world["b"], world["today"]
    flow = b.one("/cashflow/summary", start=day(today), end=day(today))
    assert flow["total_in"] == 0 and flow["total_out"] == 0
    report = b.one("/reports/summary", start=day(today), end=day(today))
    assert report["revenue"]["total"] == 0 and report["orders"]["completed"] == 0
    assert report["top_customers"] == []
    assert report["receivables_aging"]["total"]["count"] == 0
    overview = json_of(b.client.get("/overview", headers=b.headers), 200)
    assert overview["receivables"]["pending_count"] == 0
    assert overview["revenue"]["today"] == 0
    assert json_of(b.get("/settings"), 200)["pix_key"] is None


def test_body_references_to_a_rows_are_422(world):
    b, ids, today = world["b"], world["ids"], world["today"]
    assert_validation(b.post("/receivables", {"amount": 10, "due_date": day(today),
                                              "customer_id": ids["customer"]}), "customer_id")
    assert_validation(b.post("/receivables/from-os", {"service_order_id": ids["order"],
                                                      "due_date": day(today)}), "service_order_id")
    assert_validation(b.post("/receivables", {"source_type": "OS", "source_id": ids["order"],
                                              "due_date": day(today)}), "source_id")
    mine = b.receivable("5.00")
    assert_validation(b.patch(f"/receivables/{mine['id']}", {"customer_id": ids["customer"]}),
                      "customer_id")
    # A's payment under B's receivable is not found either.
    assert_error(b.delete(f"/receivables/{mine['id']}/payments/{ids['pay']}"), 404, "not_found")
    assert_a_unchanged(world)


def test_a_tenant_in_the_path_or_body_that_is_not_the_tokens_is_403(world):
    a, b, today = world["a"], world["b"], world["today"]
    assert_error(b.under(f"/financial/{a.tenant_id}").get("/receivables"), 403, "tenant_mismatch")
    assert_error(b.under(f"/api/financial/{a.tenant_id}").get("/cashflow/summary"), 403,
                 "tenant_mismatch")
    assert_error(b.post("/receivables", {"amount": 1, "due_date": day(today), "customer_name": "X",
                                         "tenant_id": a.tenant_id}), 403, "tenant_mismatch")
    assert_error(b.post(f"/receivables/{world['ids']['r']}/pay",
                        {"amount": 1, "tenant_id": a.tenant_id}), 403, "tenant_mismatch")
    # The own tenant in the path works.
    own = b.under(f"/financial/{b.tenant_id}")
    assert isinstance(own.list("/receivables"), list)
    assert_a_unchanged(world)


def test_each_tenant_has_its_own_open_register(world):
    b = world["b"]
    reg = b.open_register("10.00")
    assert reg["id"] != world["ids"]["reg"]
    json_of(b.post(f"/cash-registers/{reg['id']}/close", {"counted_amount": 10}), 200)
    assert_a_unchanged(world)


def test_idempotency_keys_do_not_cross_tenants(world):
    a, b, today = world["a"], world["b"], world["today"]
    key = {"Idempotency-Key": "mesma-chave-financeiro"}
    body = {"amount": "7.00", "due_date": day(today), "customer_name": "Chave"}
    first = json_of(b.post("/receivables", body, key), 201)
    json_of(b.delete(f"/receivables/{first['id']}"), 200)
    other = Money(a.client, a.account)
    created = other.post("/receivables", body, key)
    assert created.status_code == 201 and created.headers.get("idempotent-replayed") is None
    json_of(a.delete(f"/receivables/{created.json()['id']}"), 200)
    world["snapshot"] = snapshot(a, world["ids"], today)
