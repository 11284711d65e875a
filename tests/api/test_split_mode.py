"""Split mode: one module in its own process, the gateway forwarding to it.

`serve --modules workshop` serves only the workshop's routes and answers
/health as the old management-service; a gateway started with
`--modules identity --upstream workshop=http://…` serves identity itself and
forwards the workshop's routes, re-sending the caller's token (each process
checks it)."""
import pytest

from support.helpers import assert_error, auth, json_of, register


def test_a_module_alone_serves_only_its_routes(server_factory):
    workshop = server_factory("workshop-only", args=["--modules", "workshop"])
    with workshop.client() as c:
        health = json_of(c.get("/health"), 200)
        assert health == {"status": "ok", "service": "management-service"}
        assert_error(c.post("/auth/login", json={"email": "x@example.com", "password": "x"}),
                     404, "not_found")
        assert_error(c.get("/api/management/customers"), 401, "unauthorized")


def test_the_gateway_forwards_a_module_in_another_process(server_factory):
    workshop = server_factory("workshop-upstream", args=["--modules", "workshop"])
    gateway = server_factory(
        "gateway", args=["--modules", "identity", "--upstream", f"workshop={workshop.url}"])
    with gateway.client() as g, workshop.client() as w:
        owner = register(g)
        created = json_of(g.post("/api/management/customers", headers=auth(owner.access_token),
                                 json={"name": "Cliente Remoto", "phone": "11987654321"}), 201)
        # The row exists in the module's process, read directly …
        direct = json_of(w.get(f"/management/customers/{created['id']}",
                               headers=auth(owner.access_token)), 200)
        assert direct["name"] == "Cliente Remoto"
        # … and lists come back through the gateway with their headers.
        listed = g.get("/api/management/customers", headers=auth(owner.access_token))
        assert listed.status_code == 200
        assert listed.headers["x-total-count"] == "1"
        # The edge still refuses what the module would refuse.
        assert_error(g.get("/api/management/customers"), 401, "unauthorized")
        trace = g.get("/api/management/customers", headers={**auth(owner.access_token),
                                                            "X-Trace-Id": "split-trace-1"})
        assert trace.headers["x-trace-id"] == "split-trace-1"


def test_an_unreachable_module_is_a_503(server_factory):
    gateway = server_factory(
        "gateway-down", args=["--modules", "identity", "--upstream", "workshop=http://127.0.0.1:9"])
    with gateway.client() as g:
        owner = register(g)
        resp = g.get("/api/management/customers", headers=auth(owner.access_token))
        assert_error(resp, 503, "unavailable")
        assert resp.headers.get("retry-after")


def test_the_team_module_alone_answers_as_teamcrm_service(server_factory):
    team = server_factory("team-only", args=["--modules", "team"])
    with team.client() as c:
        assert json_of(c.get("/health"), 200) == {"status": "ok", "service": "teamcrm-service"}
        assert_error(c.get("/api/teamcrm/tasks"), 401, "unauthorized")
        assert_error(c.get("/teamcrm/dashboard/summary"), 401, "unauthorized")
        assert_error(c.get("/api/management/customers"), 404, "not_found")
        assert_error(c.post("/auth/login", json={"email": "x@example.com", "password": "x"}),
                     404, "not_found")


def _forwarding_gateway(server_factory, name, team_url, *, by_variable):
    args = ["--modules", "identity,workshop"]
    if by_variable:
        return server_factory(name, args=args, env={"TEAMCRM_SERVICE_URL": team_url})
    return server_factory(name, args=args + ["--upstream", f"team={team_url}"])


@pytest.mark.parametrize("by_variable", [False, True], ids=["flag", "TEAMCRM_SERVICE_URL"])
def test_the_gateway_forwards_teamcrm(server_factory, by_variable):
    team = server_factory("team-upstream", args=["--modules", "team"])
    gateway = _forwarding_gateway(server_factory, "gateway-team", team.url,
                                  by_variable=by_variable)
    with gateway.client() as g, team.client() as t:
        owner = register(g)
        h = auth(owner.access_token)
        customer = json_of(g.post("/api/management/customers", headers=h,
                                  json={"name": "Cliente Remoto"}), 201)
        task = json_of(g.post("/api/teamcrm/tasks", headers=h,
                              json={"title": "Ligar", "customer_id": customer["id"],
                                    "due_date": "2020-01-01"}), 201)
        assert task["customer_name"] == "Cliente Remoto"
        # The row is in the module's process, read directly …
        assert json_of(t.get(f"/teamcrm/tasks/{task['id']}", headers=h), 200)["title"] == "Ligar"
        # … and comes back through the gateway, lists with their headers.
        listed = g.get("/teamcrm/tasks", headers=h)
        assert [r["id"] for r in json_of(listed, 200)] == [task["id"]]
        assert listed.headers["x-total-count"] == "1"
        summary = json_of(g.get("/teamcrm/dashboard/summary", headers=h), 200)
        assert summary["tasks"] == {"open": 1, "late": 1, "done_in_period": 0}
        # The overview is the gateway's own: the team's key comes from the shared database.
        assert json_of(g.get("/overview", headers=h), 200)["tasks"] == {
            "open_count": 1, "late_count": 1, "due_today": 0}
        # The edge refuses what the module would refuse.
        assert_error(g.get("/teamcrm/tasks"), 401, "unauthorized")
        mechanic = json_of(g.post("/users", headers=h, json={
            "name": "Mecânico", "email": f"mec.{owner.tenant_id}.{by_variable}@example.com",
            "password": "senha-segura-1", "role": "MECHANIC"}), 201)
        assert mechanic["role"] == "MECHANIC"
        mech = json_of(g.post("/auth/login", json={
            "email": f"mec.{owner.tenant_id}.{by_variable}@example.com",
            "password": "senha-segura-1"}), 200)
        assert_error(g.post("/teamcrm/staff", headers=auth(mech["access_token"]),
                            json={"name": "X"}), 403, "forbidden")


def test_finance_alone_and_forwarded(server_factory):
    finance = server_factory("finance-only", args=["--modules", "finance"])
    gateway = server_factory(
        "gateway-finance",
        args=["--modules", "identity,workshop", "--upstream", f"finance={finance.url}"])
    with finance.client() as f, gateway.client() as g:
        assert json_of(f.get("/health"), 200) == {"status": "ok", "service": "financial-service"}
        assert_error(f.get("/api/management/customers"), 404, "not_found")
        owner = register(g)
        h = auth(owner.access_token)
        created = json_of(g.post("/api/financial/receivables", headers=h,
                                 json={"amount": "80.00", "due_date": "2100-01-01",
                                       "customer_name": "Cliente Remoto"}), 201)
        paid = json_of(g.post(f"/api/financial/receivables/{created['id']}/pay", headers=h,
                              json={"amount": "80.00", "payment_method": "PIX"}), 200)
        assert paid["status"] == "PAID"
        # The row lives in the finance process's database, read there directly …
        direct = json_of(f.get(f"/financial/receivables/{created['id']}", headers=h), 200)
        assert direct["status"] == "PAID"
        # … and an order completed at the gateway (workshop) gets its receivable there too.
        c = json_of(g.post("/management/customers", headers=h, json={"name": "Ana"}), 201)
        moto = json_of(g.post("/management/motos", headers=h,
                              json={"customer_id": c["id"], "plate": "SPL1T23"}), 201)
        order = json_of(g.post("/management/os", headers=h,
                               json={"customer_id": c["id"], "motorcycle_id": moto["id"]}), 201)
        json_of(g.post(f"/management/os/{order['id']}/items", headers=h,
                       json={"item_type": "labor", "description": "Revisão",
                             "unit_price": "120.00"}), 201)
        json_of(g.patch(f"/management/os/{order['id']}/status", headers=h,
                        json={"status": "COMPLETED"}), 200)
        listed = g.get("/api/financial/receivables", headers=h,
                       params={"source_type": "OS", "source_id": order["id"]})
        assert json_of(listed, 200)[0]["amount"] == 120
        assert listed.headers["x-total-count"] == "1"
        assert_error(g.get("/api/financial/receivables"), 401, "unauthorized")


def test_finance_upstream_from_its_variable(server_factory):
    finance = server_factory("finance-var", args=["--modules", "finance"])
    gateway = server_factory("gateway-var", args=["--modules", "identity"],
                             env={"FINANCIAL_SERVICE_URL": finance.url})
    with gateway.client() as g:
        owner = register(g)
        resp = g.get("/api/financial/receivables", headers=auth(owner.access_token))
        assert json_of(resp, 200) == []
