"""Two workshops on `/teamcrm` (and the mechanics on orders): B never reads, changes
or points at A's staff, tasks, interactions, customers, orders or logins. A's row by
path is 404 for B, by filter it is absent, and a reference to it in a body is 422
naming the field; a tenant in the path or body that is not the token's is 403."""
import pytest

from support.helpers import assert_error, create_user, json_of
from support.team import day, new_workshop, tclient  # noqa: F401
from support.workshop import assert_validation


@pytest.fixture(scope="module")
def world(tclient):
    w = {}
    for key in ("a", "b"):
        crm = new_workshop(tclient, f"Oficina {key.upper()}")
        login = create_user(tclient, crm.account, "MECHANIC")
        staff = crm.staff(name=f"Mecânico {key}", user_id=login.id, labor_commission_percent=10)
        customer = crm.shop.customer()
        order = crm.shop.order(customer_id=customer["id"], assigned_staff_id=staff["id"])
        item = json_of(crm.shop.add_item(order["id"], {"item_type": "labor", "description": "S",
                                                       "unit_price": "100.00",
                                                       "staff_id": staff["id"]}), 201)
        task = crm.task(assigned_to_id=staff["id"], related_order_id=order["id"],
                        due_date=day(-1))
        interaction = crm.interaction(related_order_id=order["id"], staff_id=staff["id"])
        w[key] = {"crm": crm, "login": login, "mechanic": crm.as_(login), "staff": staff,
                  "customer": customer, "order": order, "item": item, "task": task,
                  "interaction": interaction}
    closed = w["a"]["crm"].shop.order(assigned_staff_id=w["a"]["staff"]["id"])
    w["a"]["crm"].shop.labor_item(closed["id"], "200.00")
    w["a"]["crm"].shop.move_to(closed["id"], "COMPLETED")
    w["a_before"] = snapshot(w["a"])
    return w


def snapshot(side):
    crm = side["crm"]
    period = {"start": day(-1), "end": day(1)}
    order = crm.shop.get_order(side["order"]["id"])
    order.pop("_created", None)
    return {
        "staff": crm.list("/staff"),
        "tasks": crm.list("/tasks"),
        "interactions": crm.list("/interactions"),
        "order": order,
        "summary": crm.one("/dashboard/summary"),
        "commissions": json_of(crm.get("/commissions", params=period), 200),
        "timeline": crm.list(f"/customers/{side['customer']['id']}/timeline"),
        "me": side["mechanic"].one("/staff/me"),
    }


def assert_a_unchanged(world):
    now = snapshot(world["a"])
    for key, before in world["a_before"].items():
        assert now[key] == before, f"A's {key} changed:\nbefore {before!r}\nafter  {now[key]!r}"


@pytest.mark.parametrize("path", ["/staff/{staff}", "/tasks/{task}", "/interactions/{interaction}",
                                  "/customers/{customer}/timeline"])
def test_as_rows_are_404_for_b(world, path):
    a = world["a"]
    ids = {"staff": a["staff"]["id"], "task": a["task"]["id"],
           "interaction": a["interaction"]["id"], "customer": a["customer"]["id"]}
    assert_error(world["b"]["crm"].get(path.format(**ids)), 404, "not_found")


def test_b_cannot_change_as_rows(world):
    a, b = world["a"], world["b"]["crm"]
    assert_error(b.patch(f"/staff/{a['staff']['id']}", {"name": "Invadido"}), 404, "not_found")
    assert_error(b.patch(f"/tasks/{a['task']['id']}", {"status": "DONE"}), 404, "not_found")
    assert_error(b.patch(f"/tasks/{a['task']['id']}", {"title": "Invadida"}), 404, "not_found")
    assert_error(b.shop.patch(f"/os/{a['order']['id']}", {"assigned_staff_id": None}),
                 404, "not_found")
    assert_error(b.shop.patch(f"/os/{a['order']['id']}/items/{a['item']['id']}",
                              {"staff_id": world["b"]["staff"]["id"]}), 404, "not_found")
    assert_a_unchanged(world)


@pytest.mark.parametrize("path,param,key", [
    ("/tasks", "assigned_to_id", "staff"), ("/tasks", "related_order_id", "order"),
    ("/tasks", "customer_id", "customer"), ("/interactions", "customer_id", "customer"),
    ("/interactions", "related_order_id", "order"), ("/interactions", "staff_id", "staff"),
])
def test_as_rows_are_absent_from_bs_filters(world, path, param, key):
    assert world["b"]["crm"].list(path, **{param: world["a"][key]["id"]}) == []


def test_bs_lists_hold_only_bs_rows(world):
    b = world["b"]
    assert [s["id"] for s in b["crm"].list("/staff")] == [b["staff"]["id"]]
    assert [t["id"] for t in b["crm"].list("/tasks")] == [b["task"]["id"]]
    assert [i["id"] for i in b["crm"].list("/interactions")] == [b["interaction"]["id"]]
    assert b["crm"].shop.list("/os", assigned_staff_id=world["a"]["staff"]["id"]) == []
    assert [o["id"] for o in b["mechanic"].shop.list("/os", mine=1)] == [b["order"]["id"]]
    assert b["mechanic"].one("/staff/me")["id"] == b["staff"]["id"]
    assert b["crm"].one("/dashboard/summary")["tasks"] == {"open": 1, "late": 1,
                                                            "done_in_period": 0}
    assert json_of(b["crm"].get("/commissions", params={"start": day(-1), "end": day(1)}),
                   200)["staff"] == []


@pytest.mark.parametrize("body,field", [
    ({"assigned_to_id": "staff"}, "assigned_to_id"),
    ({"customer_id": "customer"}, "customer_id"),
    ({"related_order_id": "order"}, "related_order_id"),
])
def test_b_cannot_point_a_task_at_as_rows(world, body, field):
    a, b = world["a"], world["b"]
    body = {k: a[v]["id"] for k, v in body.items()}
    before = b["crm"].list("/tasks")
    assert_validation(b["crm"].post("/tasks", {"title": "X", **body}), field)
    assert_validation(b["crm"].patch(f"/tasks/{b['task']['id']}", body), field)
    assert b["crm"].list("/tasks") == before
    assert_a_unchanged(world)


@pytest.mark.parametrize("body,field", [
    ({"customer_id": "customer"}, "customer_id"),
    ({"related_order_id": "order"}, "related_order_id"),
    ({"staff_id": "staff"}, "staff_id"),
])
def test_b_cannot_point_an_interaction_at_as_rows(world, body, field):
    a, b = world["a"], world["b"]
    body = {k: a[v]["id"] for k, v in body.items()}
    before = b["crm"].list("/interactions")
    assert_validation(b["crm"].post("/interactions", {"channel": "PHONE", **body}), field)
    assert b["crm"].list("/interactions") == before
    assert_a_unchanged(world)


def test_b_cannot_link_as_login(world):
    a, b = world["a"], world["b"]
    assert_validation(b["crm"].post("/staff", {"name": "X", "user_id": a["login"].id}), "user_id")
    assert_validation(b["crm"].patch(f"/staff/{b['staff']['id']}", {"user_id": a["login"].id}),
                      "user_id")
    assert b["crm"].one(f"/staff/{b['staff']['id']}")["user_id"] == b["login"].id
    assert_a_unchanged(world)


def test_b_cannot_put_as_staff_on_its_orders(world):
    a, b = world["a"], world["b"]
    shop = b["crm"].shop
    assert_validation(shop.patch(f"/os/{b['order']['id']}", {"assigned_staff_id": a["staff"]["id"]}),
                      "assigned_staff_id")
    customer = shop.customer()
    bike = shop.moto(customer["id"])
    assert_validation(shop.post("/os", {"customer_id": customer["id"], "motorcycle_id": bike["id"],
                                        "assigned_staff_id": a["staff"]["id"]}),
                      "assigned_staff_id")
    assert_validation(shop.add_item(b["order"]["id"], {"item_type": "labor", "description": "X",
                                                       "unit_price": "1.00",
                                                       "staff_id": a["staff"]["id"]}), "staff_id")
    assert_validation(shop.patch(f"/os/{b['order']['id']}/items/{b['item']['id']}",
                                 {"staff_id": a["staff"]["id"]}), "staff_id")
    order = shop.get_order(b["order"]["id"])
    assert order["assigned_staff_id"] == b["staff"]["id"]
    assert [i["staff_id"] for i in order["items"]] == [b["staff"]["id"]]
    assert_a_unchanged(world)


def test_a_tenant_that_is_not_the_tokens_is_403(world):
    a, b = world["a"], world["b"]["crm"]
    for path in ("/staff", "/tasks", "/interactions", "/dashboard/summary",
                 f"/customers/{a['customer']['id']}/timeline"):
        assert_error(b.client.get(f"/teamcrm/{a['crm'].tenant_id}{path}", headers=b.headers),
                     403, "tenant_mismatch")
    assert_error(b.client.post(f"/api/teamcrm/{a['crm'].tenant_id}/tasks", json={"title": "X"},
                               headers=b.headers), 403, "tenant_mismatch")
    assert_error(b.post("/tasks", {"title": "X", "tenant_id": a["crm"].tenant_id}),
                 403, "tenant_mismatch")
    assert_error(b.post("/interactions", {"channel": "PHONE", "tenant_id": a["crm"].tenant_id}),
                 403, "tenant_mismatch")
    assert_error(b.post("/staff", {"name": "X", "tenant_id": a["crm"].tenant_id}),
                 403, "tenant_mismatch")
    assert_a_unchanged(world)


def test_the_own_tenant_in_the_path_works(world):
    b = world["b"]["crm"]
    rows = b.under(f"/teamcrm/{b.tenant_id}").list("/tasks")
    assert [t["id"] for t in rows] == [world["b"]["task"]["id"]]
    created = json_of(b.under(f"/api/teamcrm/{b.tenant_id}").post("/tasks", {"title": "Ok"}), 201)
    json_of(b.patch(f"/tasks/{created['id']}", {"status": "CANCELLED"}), 200)
