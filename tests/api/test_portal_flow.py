"""Quotes and the customer portal, end to end (API.md §7): send → the public page →
the decision → the order's approval, the declined item's stock and the motorcycle."""
import re

from support.helpers import assert_error, json_of
from support.portal import (APPROVAL_FIELDS, PUBLIC_ITEM_KEYS, PUBLIC_KEYS, PUBLIC_MOTORCYCLE_KEYS,
                            PUBLIC_ORDER_KEYS, PUBLIC_QUOTE_KEYS, PUBLIC_WORKSHOP_KEYS,
                            QUOTE_SENT_FIELDS, parse_ts_safe)
from support.portal import pclient, quoting  # noqa: F401  (module-scoped fixtures)
from support.workshop import cents, movement_sum, same_id


def test_the_whole_flow_approves_two_of_three(quoting, server):
    q, s = quoting, quoting.shop
    order = q.order_with_three_items()
    assert order["approval"] is None, "no quote sent yet"
    assert s.stock(q.part_b["id"]) == 4

    sent = q.sent(order["id"], {"expires_in_days": 7, "message": "Olá, segue o orçamento."})
    assert set(sent) == QUOTE_SENT_FIELDS
    assert sent["version"] == 1
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", sent["token"]), sent["token"]
    assert sent["url"] == f"http://localhost:{server.port}/portal/{sent['token']}"
    days = (parse_ts_safe(sent["expires_at"]) - parse_ts_safe(order["created_at"])).days
    assert days in (6, 7)

    detail = s.get_order(order["id"])
    approval = detail["approval"]
    assert set(approval) == APPROVAL_FIELDS
    assert approval["state"] == "PENDING" and approval["version"] == 1
    assert approval["expires_at"] == sent["expires_at"]
    assert approval["decided_at"] is None and approval["outdated"] is False

    # The public page: exactly the allowed keys, nothing of the customer.
    resp = q.view(sent["token"])
    page = json_of(resp, 200)
    assert resp.headers.get("x-robots-tag") == "noindex"
    assert set(page) == PUBLIC_KEYS
    assert set(page["workshop"]) == PUBLIC_WORKSHOP_KEYS
    assert set(page["order"]) == PUBLIC_ORDER_KEYS
    assert set(page["order"]["motorcycle"]) == PUBLIC_MOTORCYCLE_KEYS
    assert set(page["quote"]) == PUBLIC_QUOTE_KEYS
    assert page["workshop"]["name"] == s.account.user["tenant_name"]
    assert page["order"]["number"] == order["number"]
    assert page["order"]["motorcycle"]["plate"] == order["motorcycle_plate"]
    assert page["quote"]["state"] == "PENDING" and page["quote"]["version"] == 1
    items = page["quote"]["items"]
    assert [i["id"] for i in items] == [i["id"] for i in order["items"]]
    for i in items:
        assert set(i) == PUBLIC_ITEM_KEYS
    labor = next(i for i in items if i["item_type"] == "labor")
    assert labor["quantity"] == 1.5 and cents(labor["total"]) == 12000
    assert cents(page["quote"]["totals"]["total_amount"]) == cents(order["total_amount"])
    customer = s.one(f"/customers/{order['customer_id']}")
    text = resp.text
    for secret in (customer["name"], customer["document"], "customer"):
        assert secret not in text, f"the portal shows {secret!r}"

    # Approve part A and the labor; part B is declined.
    decided = q.decide(sent["token"], [q.item_a["id"], q.labor["id"]],
                       headers={"User-Agent": "Celular da Maria"})
    assert json_of(decided, 200) == {"state": "PARTIALLY_APPROVED"}

    after = s.get_order(order["id"])
    approval = after["approval"]
    assert approval["state"] == "PARTIALLY_APPROVED" and approval["version"] == 1
    assert approval["decided_by_name"] == "Maria da Silva"
    assert approval["decided_at"] is not None and approval["outdated"] is False
    assert [i["id"] for i in after["items"]] == [q.item_a["id"], q.labor["id"]]
    assert cents(after["total_amount"]) == 7100 + 12000

    # Part B is back in stock, with its movement.
    assert s.stock(q.part_b["id"]) == 5
    moves = s.movements(q.part_b["id"])
    back = moves[0]
    assert back["movement_type"] == "in" and back["quantity"] == 1
    assert same_id(back["related_order_id"], order["id"])
    assert "recusado" in back["reason"] and back["user_id"] is None
    assert [m["movement_type"] for m in moves[:2]] == ["in", "out"], "out for the item, in when declined"
    assert movement_sum(moves) == 5, "the stock is what its movements add up to"
    assert s.stock(q.part_a["id"]) == 8, "approved parts stay out of stock"

    # The declined work stays on the motorcycle.
    moto = s.one(f"/motos/{order['motorcycle_id']}")
    declined = moto["declined_items"]
    assert len(declined) == 1
    d = declined[0]
    assert d["description"] == q.item_b["description"] and d["item_type"] == "part"
    assert same_id(d["part_id"], q.part_b["id"]) and d["quantity"] == 1
    assert cents(d["total"]) == 12000 and d["quote_version"] == 1
    assert same_id(d["order_id"], order["id"]) and d["order_number"] == order["number"]

    # The page now reads the decision; a second one is refused.
    assert q.view(sent["token"]).json()["quote"]["state"] == "PARTIALLY_APPROVED"
    assert_error(q.decide(sent["token"], [q.item_a["id"]]), 409, "conflict")
    assert s.get_order(order["id"])["approval"]["state"] == "PARTIALLY_APPROVED"


def test_approving_everything_and_nothing(quoting):
    q, s = quoting, quoting.shop
    order = q.order_with_three_items()
    sent = q.sent(order["id"])
    all_ids = [i["id"] for i in order["items"]]
    assert json_of(q.decide(sent["token"], all_ids), 200) == {"state": "APPROVED"}
    assert len(s.get_order(order["id"])["items"]) == 3

    order = q.order_with_three_items()
    sent = q.sent(order["id"])
    assert json_of(q.decide(sent["token"], []), 200) == {"state": "DECLINED"}
    after = s.get_order(order["id"])
    assert after["items"] == [] and cents(after["total_amount"]) == 0
    assert s.stock(q.part_a["id"]) == 10 and s.stock(q.part_b["id"]) == 5
    assert len(s.one(f"/motos/{order['motorcycle_id']}")["declined_items"]) == 3


def test_the_default_validity_is_ten_days(quoting):
    q = quoting
    order = q.order_with_three_items()
    sent = q.sent(order["id"])
    detail = q.shop.get_order(order["id"])
    days = (parse_ts_safe(sent["expires_at"]) - parse_ts_safe(detail["approval"]["sent_at"]))
    assert days.total_seconds() == 10 * 86400


def test_the_whatsapp_link_carries_the_customers_phone_and_the_link(quoting):
    q, s = quoting, quoting.shop
    customer = s.customer(phone="(11) 98765-4321")
    order = s.order(customer_id=customer["id"])
    s.labor_item(order["id"])
    sent = q.sent(order["id"], {"message": "Seu orçamento"})
    assert sent["whatsapp_url"].startswith("https://wa.me/5511987654321?text=Seu%20or%C3%A7amento")
    assert sent["token"] in sent["whatsapp_url"]
    no_phone = s.order()
    s.labor_item(no_phone["id"])
    assert q.sent(no_phone["id"])["whatsapp_url"] is None


def test_sending_again_supersedes_the_old_link(quoting):
    q, s = quoting, quoting.shop
    order = q.order_with_three_items()
    first = q.sent(order["id"])
    second = q.sent(order["id"])
    assert second["version"] == 2 and second["token"] != first["token"]
    err = assert_error(q.view(first["token"]), 404, "not_found")
    assert (err.get("details") or {}).get("token") == "superseded"
    assert "substituído" in err["message"]
    assert_error(q.decide(first["token"], []), 404, "not_found")
    assert json_of(q.view(second["token"]), 200)["quote"]["version"] == 2
    approval = s.get_order(order["id"])["approval"]
    assert approval["version"] == 2 and approval["state"] == "PENDING"
    assert len(s.get_order(order["id"])["items"]) == 3, "the superseded link changed nothing"


def test_a_change_after_sending_outdates_the_quote(quoting):
    q, s = quoting, quoting.shop
    order = q.order_with_three_items()
    sent = q.sent(order["id"])
    s.labor_item(order["id"], unit_price="50.00", description="Regulagem")
    approval = s.get_order(order["id"])["approval"]
    assert approval["outdated"] is True and approval["state"] == "PENDING"
    assert_error(q.decide(sent["token"], [q.item_a["id"]]), 409, "conflict")
    assert len(s.get_order(order["id"])["items"]) == 4, "the refused decision removed nothing"
    again = q.sent(order["id"])
    assert again["version"] == 2
    assert s.get_order(order["id"])["approval"]["outdated"] is False
    assert len(json_of(q.view(again["token"]), 200)["quote"]["items"]) == 4


def test_a_change_after_the_decision_outdates_it_too(quoting):
    q, s = quoting, quoting.shop
    order = q.order_with_three_items()
    sent = q.sent(order["id"])
    json_of(q.decide(sent["token"], [q.item_a["id"], q.labor["id"]]), 200)
    assert s.get_order(order["id"])["approval"]["outdated"] is False
    json_of(s.patch(f"/os/{order['id']}", {"discount": "5.00"}), 200)
    assert s.get_order(order["id"])["approval"]["outdated"] is True


def test_the_portal_page_is_the_web_app_and_not_indexed(quoting):
    q = quoting
    order = q.order_with_three_items()
    sent = q.sent(order["id"])
    page = q.client.get(f"/portal/{sent['token']}")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert page.headers.get("x-robots-tag") == "noindex"
    assert '<meta name="robots" content="noindex">' in page.text
    home = q.client.get("/")
    assert "x-robots-tag" not in home.headers and 'content="noindex"' not in home.text
    miss = q.view("A" * 43)
    assert_error(miss, 404, "not_found")
    assert miss.headers.get("x-robots-tag") == "noindex"
