"""Automatic messages (API.md §7): an order's events queue the matching template for an
opted-in customer in the event's transaction; the relay delivers each exactly once,
retries with backoff, dead-letters after the last try, respects the provider's codes
(130429 backs off, 131047 falls back to the approved template) and the daily cap."""
import time

import pytest

from support.helpers import assert_error, json_of
from support.messaging import MESSAGING_ENV, Inbox, eventually, premium

MAX_ATTEMPTS = int(MESSAGING_ENV["MESSAGING_MAX_ATTEMPTS"])
DAILY_CAP = int(MESSAGING_ENV["MESSAGING_DAILY_CAP"])


@pytest.fixture
def shop(mclient, fakes):
    inbox = Inbox(mclient, premium(mclient)["OWNER"])
    channel, creds = inbox.whatsapp(fakes["whatsapp"], templates=["motogestor_order_opened"])
    inbox.wa = fakes["whatsapp"]
    inbox.account_id = creds["phone_number_id"]
    return inbox


def sent_to(shop, number):
    return [m for m in shop.wa.sent(shop.account_id) if m["to"] == number]


def test_an_opened_order_sends_its_template_once(shop):
    customer = shop.customer(phone="11987654321")
    order = shop.order(customer["id"])
    msgs = shop.wait_messages(lambda m: m and m[0]["status"] == "SENT", customer_id=customer["id"])
    assert len(msgs) == 1, msgs
    m = msgs[0]
    assert m["direction"] == "OUT" and m["channel_kind"] == "WHATSAPP_CLOUD"
    assert m["order_id"] == order["id"] and m["event"] == "ORDER_OPENED"
    assert customer["name"] in m["text"] and f"nº {order['number']}" in m["text"]
    eventually(lambda: sent_to(shop, "5511987654321"), lambda s: len(s) >= 1)
    got = sent_to(shop, "5511987654321")
    assert len(got) == 1 and got[0]["text"] == m["text"] and got[0]["type"] == "text"
    assert got[0]["callback"] == f"mg:{m['id']}"


def test_no_consent_no_message(shop):
    customer = shop.customer(opt_in=False)
    shop.order(customer["id"])
    later = shop.customer()
    shop.order(later["id"])  # one that does go, to know the relay has passed
    shop.wait_messages(lambda m: m and m[0]["status"] == "SENT", customer_id=later["id"])
    assert shop.messages(customer_id=customer["id"]) == []


def test_withdrawn_consent_stops_automatic_messages(shop):
    customer = shop.customer()
    shop.consent(customer["id"], False, "PHONE")
    contact = json_of(shop.get(f"/messaging/customers/{customer['id']}"), 200)
    assert contact["messaging_opt_in"] is False and contact["opted_out_at"]
    assert contact["opt_in_source"] == "IN_PERSON" and contact["opt_in_at"]  # the record stays
    shop.order(customer["id"])
    assert shop.messages(customer_id=customer["id"]) == []


def test_waiting_parts_and_completion(shop):
    customer = shop.customer()
    order = shop.order(customer["id"])
    shop.status(order["id"], "IN_PROGRESS")
    shop.status(order["id"], "WAITING_PARTS")
    shop.status(order["id"], "IN_PROGRESS")
    shop.status(order["id"], "WAITING_PARTS")
    shop.status(order["id"], "IN_PROGRESS")
    shop.status(order["id"], "COMPLETED")
    msgs = shop.wait_messages(lambda m: len(m) == 4 and all(x["status"] == "SENT" for x in m),
                              order_id=order["id"])
    assert sorted(m["event"] for m in msgs) == ["ORDER_COMPLETED", "ORDER_OPENED",
                                                "WAITING_PARTS", "WAITING_PARTS"], msgs
    done = next(m for m in msgs if m["event"] == "ORDER_COMPLETED")
    assert "pronta para retirada" in done["text"]


def test_a_switched_off_template_sends_nothing(shop):
    json_of(shop.patch("/messaging/templates/order_opened", {"enabled": False}), 200)
    customer = shop.customer()
    order = shop.order(customer["id"])
    shop.status(order["id"], "IN_PROGRESS")
    shop.status(order["id"], "WAITING_PARTS")
    msgs = shop.wait_messages(lambda m: m and m[0]["status"] == "SENT", customer_id=customer["id"])
    assert [m["event"] for m in msgs] == ["WAITING_PARTS"]


def test_provider_500s_are_retried_then_sent_once(shop):
    shop.wa.behave(shop.account_id, "fail", times=2)
    customer = shop.customer()
    shop.order(customer["id"])
    msgs = shop.wait_messages(lambda m: m and m[0]["status"] == "SENT", customer_id=customer["id"])
    assert msgs[0]["attempts"] == 3 and msgs[0]["dead_letter"] is False
    assert len(shop.wa.sent(shop.account_id)) == 1


def test_after_the_last_try_the_message_is_dead_lettered_then_can_be_retried(shop):
    shop.wa.behave(shop.account_id, "fail")
    customer = shop.customer()
    shop.order(customer["id"])
    msgs = shop.wait_messages(lambda m: m and m[0]["dead_letter"], customer_id=customer["id"])
    m = msgs[0]
    assert m["status"] == "FAILED" and m["attempts"] == MAX_ATTEMPTS
    assert m["error"].startswith("WhatsApp 1")
    assert shop.wa.sent(shop.account_id) == []
    assert [x["id"] for x in shop.messages(status="DEAD")] == [m["id"]]
    shop.wa.behave(shop.account_id, "ok")
    again = json_of(shop.post(f"/messaging/messages/{m['id']}/retry"), 200)
    assert again["status"] == "QUEUED"
    shop.wait_messages(lambda x: x and x[0]["status"] == "SENT", customer_id=customer["id"])
    assert len(shop.wa.sent(shop.account_id)) == 1
    assert_error(shop.post(f"/messaging/messages/{m['id']}/retry"), 409, "conflict")


def test_throttling_backs_off_and_sends_later(shop):
    shop.wa.behave(shop.account_id, "throttle", times=1, code=130429)
    customer = shop.customer()
    shop.order(customer["id"])
    msgs = shop.wait_messages(lambda m: m and m[0]["status"] == "SENT", customer_id=customer["id"])
    assert msgs[0]["attempts"] == 2
    assert len(shop.wa.sent(shop.account_id)) == 1


def test_outside_the_24h_window_the_approved_template_goes(shop):
    shop.wa.behave(shop.account_id, "window")
    customer = shop.customer()
    order = shop.order(customer["id"])
    msgs = shop.wait_messages(lambda m: m and m[0]["status"] == "SENT", customer_id=customer["id"])
    got = shop.wa.sent(shop.account_id)
    assert len(got) == 1 and got[0]["type"] == "template", got
    tpl = got[0]["template"]
    assert tpl["name"] == "motogestor_order_opened" and tpl["language"]["code"] == "pt_BR"
    values = [p["text"] for p in tpl["components"][0]["parameters"]]
    assert customer["name"] in values and str(order["number"]) in values
    assert "modelo aprovado" in msgs[0]["error"]


def test_without_an_approved_template_outside_the_window_it_fails(shop):
    shop.wa.behave(shop.account_id, "window")
    json_of(shop.patch("/messaging/templates/ORDER_OPENED",
                       {"whatsapp_template": "nao_aprovado"}), 200)
    customer = shop.customer()
    shop.order(customer["id"])
    msgs = shop.wait_messages(lambda m: m and m[0]["status"] == "FAILED",
                              customer_id=customer["id"])
    assert msgs[0]["dead_letter"] is True and "132001" in msgs[0]["error"]
    assert shop.wa.sent(shop.account_id) == []


def usage(inbox):
    return json_of(inbox.get("/messaging/usage"), 200)


def test_the_daily_cap_holds_the_rest_for_tomorrow(shop, mclient):
    assert usage(shop) == {"daily_cap": DAILY_CAP, "sent_today": 0, "queued": 0,
                           "cap_reached": False}
    customer = shop.customer()
    for _ in range(DAILY_CAP + 2):
        shop.order(customer["id"])
    msgs = shop.wait_messages(lambda m: sum(x["status"] == "SENT" for x in m) >= DAILY_CAP,
                              customer_id=customer["id"])
    eventually(lambda: shop.wa.sent(shop.account_id), lambda s: len(s) >= DAILY_CAP)
    time.sleep(1.0)  # several relay turns: the cap keeps holding
    msgs = shop.messages(customer_id=customer["id"])
    assert sum(m["status"] == "SENT" for m in msgs) == DAILY_CAP
    assert sum(m["status"] == "QUEUED" for m in msgs) == 2
    assert len(shop.wa.sent(shop.account_id)) == DAILY_CAP
    # The outbox can say why two wait; another workshop's day is its own.
    assert usage(shop) == {"daily_cap": DAILY_CAP, "sent_today": DAILY_CAP, "queued": 2,
                           "cap_reached": True}
    other = Inbox(mclient, premium(mclient)["OWNER"])
    assert usage(other) == {"daily_cap": DAILY_CAP, "sent_today": 0, "queued": 0,
                            "cap_reached": False}


def test_the_days_usage_is_for_the_front_desk_on_premium(mclient):
    members = premium(mclient, roles=("ATTENDANT", "MECHANIC"))
    assert usage(Inbox(mclient, members["ATTENDANT"]))["daily_cap"] == DAILY_CAP
    assert_error(Inbox(mclient, members["MECHANIC"]).get("/messaging/usage"), 403, "forbidden")
    basic = Inbox(mclient, premium(mclient, plan="BASIC")["OWNER"])
    assert_error(basic.get("/messaging/usage"), 403, "plan_required")


def test_a_payment_of_the_orders_receivable_sends_its_message(shop):
    customer = shop.customer()
    order = shop.order(customer["id"])
    json_of(shop.post(f"/management/os/{order['id']}/items", {
        "item_type": "labor", "description": "Troca de óleo", "unit_price": "120.00"}), 201)
    shop.status(order["id"], "IN_PROGRESS")
    shop.status(order["id"], "COMPLETED")
    [r] = json_of(shop.get("/financial/receivables", source_type="OS", source_id=order["id"]), 200)
    json_of(shop.post(f"/financial/receivables/{r['id']}/pay",
                      {"amount": "50.00", "payment_method": "PIX"}), 200)
    msgs = shop.wait_messages(
        lambda m: any(x["event"] == "PAYMENT_RECEIVED" and x["status"] == "SENT" for x in m),
        order_id=order["id"])
    [paid] = [m for m in msgs if m["event"] == "PAYMENT_RECEIVED"]
    assert "R$ 50,00" in paid["text"] and f"nº {order['number']}" in paid["text"]
    done = next(m for m in msgs if m["event"] == "ORDER_COMPLETED")
    assert "R$ 120,00" in done["text"]



def test_a_sent_quote_goes_to_the_customer_with_its_link_once_per_version(shop):
    """The portal's QuoteSent (API.md §7) is sent with the QUOTE_SENT template and its link."""
    customer = shop.customer(phone="11955554444")
    order = shop.order(customer["id"])
    json_of(shop.post(f"/management/os/{order['id']}/items",
                      {"item_type": "LABOR", "description": "Revisão", "quantity": 1,
                       "unit_price": "150.00"}), 201)
    first = json_of(shop.post(f"/management/os/{order['id']}/quote", {}), 201)
    second = json_of(shop.post(f"/management/os/{order['id']}/quote", {}), 201)
    msgs = shop.wait_messages(
        lambda m: len([x for x in m if x["event"] == "QUOTE_SENT" and x["status"] == "SENT"]) == 2,
        order_id=order["id"])
    quotes = sorted((m for m in msgs if m["event"] == "QUOTE_SENT"), key=lambda m: m["id"])
    assert [first["url"] in quotes[0]["text"], second["url"] in quotes[1]["text"]] == [True, True]
    assert "R$ 150,00" in quotes[0]["text"], quotes[0]["text"]
    eventually(lambda: sent_to(shop, "5511955554444"), lambda s: len(s) >= 3)
    delivered = [m["text"] for m in sent_to(shop, "5511955554444")]
    assert sum(first["url"] in t for t in delivered) == 1, delivered
    assert sum(second["url"] in t for t in delivered) == 1, delivered
