"""POST /users/seed-demo (API.md §2): the demo workshop, idempotent, no token
needed outside production (production: see test_production.py)."""
from support.helpers import describe, find_user, json_of, list_users, login_ok

DEMO_EMAIL = "demo@motogestor.com"
DEMO_PASSWORD = "demo123"


def _seed(client, prefix=""):
    resp = client.post(f"{prefix}/users/seed-demo")
    # 201 on the first call into an empty database; a repeat may say 200 or 201.
    assert resp.status_code == 201, describe(resp)
    assert resp.headers.get("content-type", "").startswith("application/json"), describe(resp)
    return resp


def _customers(client, demo):
    resp = client.get("/management/customers", headers=demo.headers)
    rows = json_of(resp, 200)
    assert isinstance(rows, list), describe(resp)
    return int(resp.headers.get("x-total-count", len(rows))), rows


def test_seed_demo_is_idempotent(client):
    _seed(client)
    demo = login_ok(client, DEMO_EMAIL, DEMO_PASSWORD)
    assert demo.user["tenant_name"] == "Oficina Demo"
    customers_before, rows = _customers(client, demo)
    assert rows, "the demo workshop comes with a few customers"

    _seed(client, "/api")
    _seed(client)
    again = login_ok(client, DEMO_EMAIL, DEMO_PASSWORD)
    assert again.tenant_id == demo.tenant_id, "seeding again must not create a second demo workshop"
    assert again.id == demo.id
    customers_after, _ = _customers(client, again)
    assert customers_after == customers_before, "seeding again must not duplicate the demo data"

    if demo.user["role"] in ("OWNER", "MANAGER"):
        users = list_users(client, again)
        assert sum(1 for u in users if u["email"].lower() == DEMO_EMAIL) == 1
        assert find_user(users, demo.id)["is_active"] is True
