"""Quotes across workshops (another tenant gets 404 and changes nothing) and 20 parallel
decisions on one version (exactly one wins; the stock moves once)."""
from support.helpers import assert_error, json_of
from support.portal import Quoting, premium
from support.portal import pclient, quoting  # noqa: F401  (module-scoped fixtures)
from support.workshop import movement_sum, parallel


def test_another_workshop_cannot_quote_read_or_decide_for_mine(quoting, pclient):
    a = quoting
    b = Quoting(pclient, premium(pclient, "Oficina B"))
    order = a.order_with_three_items()
    # B on A's order: 404 by every spelling, and nothing sent.
    assert_error(b.send(order["id"]), 404, "not_found")
    assert_error(b.send(order["id"], path=f"/api/management/os/{order['id']}/quote"), 404,
                 "not_found")
    assert_error(b.send(order["id"], path=f"/management/{b.shop.tenant_id}/os/{order['id']}/quote"),
                 404, "not_found")
    # B naming A's tenant: tenant_mismatch.
    assert_error(b.send(order["id"], path=f"/management/{a.shop.tenant_id}/os/{order['id']}/quote"),
                 403, "tenant_mismatch")
    assert_error(b.send(order["id"], {"tenant_id": a.shop.tenant_id}), 403, "tenant_mismatch")
    assert a.shop.get_order(order["id"])["approval"] is None
    assert_error(b.shop.get(f"/motos/{order['motorcycle_id']}"), 404, "not_found")

    # Each token shows its own workshop only.
    a_sent = a.sent(order["id"])
    b_order = b.order_with_three_items()
    b_sent = b.sent(b_order["id"])
    a_page = json_of(a.view(a_sent["token"]), 200)
    b_page = json_of(b.view(b_sent["token"]), 200)
    assert a_page["workshop"]["name"] == a.shop.account.user["tenant_name"]
    assert b_page["workshop"]["name"] == b.shop.account.user["tenant_name"]
    assert {i["id"] for i in b_page["quote"]["items"]} == {i["id"] for i in b_order["items"]}
    # B's token cannot decide A's items: they are not its quote's.
    assert_error(b.decide(b_sent["token"], [order["items"][0]["id"]]), 422, "validation_error")
    assert len(a.shop.get_order(order["id"])["items"]) == 3
    assert a.shop.get_order(order["id"])["approval"]["state"] == "PENDING"
    assert b.shop.get_order(b_order["id"])["approval"]["state"] == "PENDING"

    # A's decision stays A's: B's motorcycle and order are untouched.
    json_of(a.decide(a_sent["token"], []), 200)
    assert len(b.shop.get_order(b_order["id"])["items"]) == 3
    assert b.shop.one(f"/motos/{b_order['motorcycle_id']}")["declined_items"] == []


def test_portal_settings_are_the_workshops_own(quoting, pclient):
    a = quoting
    b = Quoting(pclient, premium(pclient, "Oficina C"))
    assert json_of(a.shop.patch("/portal-settings", {"phone": "(11) 3333-4444"}), 200) == {
        "phone": "1133334444"}
    assert json_of(b.shop.get("/portal-settings"), 200) == {"phone": None}
    order = a.order_with_three_items()
    page = json_of(a.view(a.sent(order["id"])["token"]), 200)
    assert page["workshop"]["phone"] == "1133334444"
    b_order = b.order_with_three_items()
    assert json_of(b.view(b.sent(b_order["id"])["token"]), 200)["workshop"]["phone"] is None
    assert_error(a.shop.patch("/portal-settings", {"phone": "12"}), 422, "validation_error")


def test_twenty_parallel_decisions_one_wins(quoting, server):
    q, s = quoting, quoting.shop
    order = q.order_with_three_items()
    token = q.sent(order["id"])["token"]
    body = {"approved_item_ids": [q.item_a["id"], q.labor["id"]], "name": "Maria",
            "accept_terms": True}
    calls = [lambda c: c.post(f"/api/portal/{token}/decision", json=body) for _ in range(20)]
    results = parallel(server.url, calls, workers=20)
    statuses = sorted(r.status_code for r in results)
    assert statuses == [200] + [409] * 19, statuses
    for r in results:
        if r.status_code == 409:
            assert_error(r, 409, "conflict")
    # Part B came back once; part A stayed out.
    assert s.stock(q.part_b["id"]) == 5
    assert s.stock(q.part_a["id"]) == 8
    assert movement_sum(s.movements(q.part_b["id"])) == 5
    moto = s.one(f"/motos/{order['motorcycle_id']}")
    assert len(moto["declined_items"]) == 1
    assert [i["id"] for i in s.get_order(order["id"])["items"]] == [q.item_a["id"], q.labor["id"]]
