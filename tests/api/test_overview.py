"""GET /overview (API.md §6): each module's summary for the dashboard, one key
per module that has one; a module that cannot answer says so in its own key
instead of failing the request."""
import itertools

from support.helpers import assert_error, auth, json_of, register

_plates = itertools.count(1)


def _order(client, account):
    h = auth(account.access_token)
    customer = json_of(client.post("/management/customers", headers=h, json={"name": "Ana"}), 201)
    moto = json_of(client.post("/management/motos", headers=h,
                               json={"customer_id": customer["id"],
                                     "plate": f"OVW{next(_plates)}"}), 201)
    return json_of(client.post("/management/os", headers=h,
                               json={"customer_id": customer["id"], "motorcycle_id": moto["id"]}), 201)


def test_overview_counts_this_workshops_orders_only(client):
    owner, other = register(client), register(client)
    first = _order(client, owner)
    _order(client, owner)
    _order(client, other)
    h = auth(owner.access_token)
    json_of(client.patch(f"/management/os/{first['id']}/status", headers=h,
                         json={"status": "COMPLETED"}), 200)
    for prefix in ("", "/api"):
        body = json_of(client.get(f"{prefix}/overview", headers=h), 200)
        assert body["service_orders"] == {
            "total": 2, "open": 1, "completed": 1,
            "by_status": {"OPEN": 1, "IN_PROGRESS": 0, "WAITING_PARTS": 0, "COMPLETED": 1,
                          "CANCELLED": 0}}
        # The team's part (test_team_dashboard.py counts real tasks).
        assert body["tasks"] == {"open_count": 0, "late_count": 0, "due_today": 0}
        assert set(body) == {"service_orders", "tasks", "receivables", "payables", "revenue"}


def test_overview_sums_this_workshops_money_only(client):
    owner, other = register(client), register(client)
    h = auth(owner.access_token)
    for account, amount in ((owner, "100.00"), (owner, "50.50"), (other, "999.00")):
        json_of(client.post("/financial/receivables", headers=auth(account.access_token),
                            json={"amount": amount, "due_date": "2020-01-10",
                                  "customer_name": "Fiado"}), 201)
    first = json_of(client.get("/financial/receivables", headers=h), 200)[0]
    json_of(client.post(f"/financial/receivables/{first['id']}/pay", headers=h,
                        json={"amount": "20.00", "payment_method": "PIX"}), 200)
    json_of(client.post("/financial/payables", headers=h,
                        json={"amount": "30.00", "due_date": "2100-01-01",
                              "supplier_name": "Aluguel"}), 201)
    body = json_of(client.get("/overview", headers=h), 200)
    assert body["receivables"] == {"pending_count": 2, "pending_total": 130.5,
                                   "overdue_count": 2, "overdue_total": 130.5,
                                   "due_7d_count": 0, "due_7d_total": 0}
    assert body["payables"] == {"pending_count": 1, "pending_total": 30, "overdue_count": 0,
                                "overdue_total": 0, "due_7d_count": 0, "due_7d_total": 0}
    assert body["revenue"] == {"today": 20, "today_payments": 1}


def test_overview_needs_a_token(client):
    assert_error(client.get("/overview"), 401, "unauthorized")
