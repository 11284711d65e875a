"""Split mode: one module in its own process, the gateway forwarding to it.

`serve --modules workshop` serves only the workshop's routes and answers
/health as the old management-service; a gateway started with
`--modules identity --upstream workshop=http://…` serves identity itself and
forwards the workshop's routes, re-sending the caller's token (each process
checks it)."""
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
