"""POST/GET /messaging/messages (API.md §7): a message by hand (text or an event's
template) to an opted-in customer, the conversation, roles and tenant isolation."""
import pytest

from support.helpers import MISSING_ID, assert_error, json_of
from support.messaging import Inbox, premium


@pytest.fixture
def team_shop(mclient, fakes):
    members = premium(mclient, roles=("MANAGER", "ATTENDANT", "MECHANIC"))
    owner = Inbox(mclient, members["OWNER"])
    owner.channel, owner.creds = owner.whatsapp(fakes["whatsapp"])
    owner.members = members
    owner.wa = fakes["whatsapp"]
    return owner


def test_a_text_by_hand_is_accepted_then_sent(team_shop):
    customer = team_shop.customer(phone="31977776666")
    resp = team_shop.post("/messaging/messages", {"customer_id": customer["id"],
                                                  "text": "Sua peça chegou."})
    body = json_of(resp, 202)
    assert body["status"] == "QUEUED" and body["id"]
    msgs = team_shop.wait_messages(lambda m: any(x["status"] == "SENT" for x in m),
                                   customer_id=customer["id"])
    manual = [m for m in msgs if m["id"] == body["id"]]
    assert manual and manual[0]["text"] == "Sua peça chegou."
    assert any(s["to"] == "5531977776666" and s["text"] == "Sua peça chegou."
               for s in team_shop.wa.sent(team_shop.creds["phone_number_id"]))


def test_a_template_by_hand_is_rendered_for_the_order(team_shop):
    customer = team_shop.customer()
    order = team_shop.order(customer["id"])
    body = json_of(team_shop.post("/messaging/messages", {
        "customer_id": customer["id"], "order_id": order["id"], "template": "ORDER_COMPLETED"}),
        202)
    [m] = [x for x in team_shop.messages(order_id=order["id"]) if x["id"] == body["id"]]
    assert f"nº {order['number']}" in m["text"] and customer["name"] in m["text"]


@pytest.mark.parametrize("body, field", [
    ({}, "customer_id"),
    ({"customer_id": "abc", "text": "x"}, "customer_id"),
    ({"customer_id": 1}, "text"),
    ({"customer_id": 1, "text": "x", "template": "ORDER_OPENED"}, "template"),
    ({"customer_id": 1, "template": "NOPE"}, "template"),
    ({"customer_id": 1, "text": "x" * 4097}, "text"),
])
def test_bad_messages_are_422(team_shop, body, field):
    err = assert_error(team_shop.post("/messaging/messages", body), 422, "validation_error")
    assert field in err["details"], err


def test_no_consent_is_422_and_queues_nothing(team_shop):
    customer = team_shop.customer(opt_in=False)
    err = assert_error(team_shop.post("/messaging/messages", {"customer_id": customer["id"],
                                                              "text": "oi"}),
                       422, "validation_error")
    assert "customer_id" in err["details"]
    assert team_shop.messages(customer_id=customer["id"]) == []


def test_consent_needs_its_source_and_the_customer(team_shop):
    customer = team_shop.customer(opt_in=False)
    err = assert_error(team_shop.patch(f"/messaging/customers/{customer['id']}",
                                       {"messaging_opt_in": True}), 422, "validation_error")
    assert "source" in err["details"]
    assert_error(team_shop.patch(f"/messaging/customers/{MISSING_ID}",
                                 {"messaging_opt_in": True, "source": "FORM"}), 404, "not_found")
    contact = team_shop.consent(customer["id"], True, "FORM")
    assert contact["messaging_opt_in"] is True and contact["opt_in_source"] == "FORM"


@pytest.mark.parametrize("role", ["MANAGER", "ATTENDANT"])
def test_the_front_desk_sends_and_reads(team_shop, role):
    customer = team_shop.customer()
    inbox = Inbox(team_shop.client, team_shop.members[role])
    json_of(inbox.post("/messaging/messages", {"customer_id": customer["id"], "text": "oi"}), 202)
    assert len(inbox.messages(customer_id=customer["id"])) == 1
    json_of(inbox.patch(f"/messaging/customers/{customer['id']}",
                        {"messaging_opt_in": False}), 200)
    # Templates: read by the front desk, changed by the OWNER.
    json_of(inbox.get("/messaging/templates"), 200)
    assert_error(inbox.patch("/messaging/templates/ORDER_OPENED", {"enabled": False}), 403,
                 "forbidden")


def test_a_mechanic_neither_sends_nor_reads(team_shop):
    customer = team_shop.customer()
    mech = Inbox(team_shop.client, team_shop.members["MECHANIC"])
    assert_error(mech.get("/messaging/messages"), 403, "forbidden")
    assert_error(mech.post("/messaging/messages", {"customer_id": customer["id"], "text": "x"}),
                 403, "forbidden")
    assert_error(mech.get(f"/messaging/customers/{customer['id']}"), 403, "forbidden")
    assert_error(mech.post(f"/messaging/customers/{customer['id']}/telegram-link"), 403,
                 "forbidden")


def test_another_workshop_cannot_read_or_write_a_customers_messages(team_shop, mclient, fakes):
    customer = team_shop.customer()
    json_of(team_shop.post("/messaging/messages", {"customer_id": customer["id"], "text": "oi"}),
            202)
    [m] = team_shop.messages(customer_id=customer["id"])
    other = Inbox(mclient, premium(mclient)["OWNER"])
    other.whatsapp(fakes["whatsapp"])
    assert other.messages(customer_id=customer["id"]) == []
    assert other.messages() == []
    assert_error(other.post("/messaging/messages", {"customer_id": customer["id"], "text": "x"}),
                 422, "validation_error")
    assert_error(other.get(f"/messaging/customers/{customer['id']}"), 404, "not_found")
    assert_error(other.patch(f"/messaging/customers/{customer['id']}",
                             {"messaging_opt_in": False}), 404, "not_found")
    assert_error(other.post(f"/messaging/customers/{customer['id']}/telegram-link"), 404,
                 "not_found")
    assert_error(other.post(f"/messaging/messages/{m['id']}/retry"), 404, "not_found")
    contact = json_of(team_shop.get(f"/messaging/customers/{customer['id']}"), 200)
    assert contact["messaging_opt_in"] is True
    assert len(team_shop.messages(customer_id=customer["id"])) == 1


def test_templates_have_pt_br_defaults_and_a_preview(team_shop):
    rows = json_of(team_shop.get("/messaging/templates"), 200)
    assert [r["event"] for r in rows] == ["ORDER_OPENED", "QUOTE_SENT", "WAITING_PARTS",
                                          "ORDER_COMPLETED", "PAYMENT_RECEIVED", "REMINDER_DUE"]
    quote = next(r for r in rows if r["event"] == "QUOTE_SENT")
    assert "{link}" in quote["body"] and quote["is_default"] is True
    assert "{" not in quote["preview"] and "João Silva" in quote["preview"]
    err = assert_error(team_shop.patch("/messaging/templates/QUOTE_SENT",
                                       {"body": "Olá {nome}"}), 422, "validation_error")
    assert "body" in err["details"]
    changed = json_of(team_shop.patch("/messaging/templates/quote_sent",
                                      {"body": "Orçamento: {link}"}), 200)
    assert changed["body"] == "Orçamento: {link}" and changed["is_default"] is False
    assert changed["preview"] == "Orçamento: https://oficina.exemplo/portal/abc"
    assert_error(team_shop.patch("/messaging/templates/NOPE", {"enabled": False}), 404,
                 "not_found")


def test_the_workshops_customer_carries_the_consent(team_shop):
    """API.md §7: customers carry `messaging_opt_in`, with when and how it was given."""
    customer = team_shop.customer(opt_in=False)
    assert (customer["messaging_opt_in"], customer["messaging_opt_in_at"],
            customer["messaging_opt_in_source"]) == (False, None, None)
    contact = team_shop.consent(customer["id"], True, "PHONE")
    detail = json_of(team_shop.get(f"/management/customers/{customer['id']}"), 200)
    assert (detail["messaging_opt_in"], detail["messaging_opt_in_source"]) == (True, "PHONE")
    assert detail["messaging_opt_in_at"] == contact["opt_in_at"]
    [listed] = json_of(team_shop.get("/management/customers", q=customer["name"]), 200)
    assert (listed["messaging_opt_in"], listed["messaging_opt_in_source"]) == (True, "PHONE")
    patched = json_of(team_shop.patch(f"/management/customers/{customer['id']}",
                                      {"notes": "Prefere WhatsApp"}), 200)
    assert (patched["messaging_opt_in"], patched["messaging_opt_in_at"]) == (True,
                                                                           contact["opt_in_at"])
    team_shop.consent(customer["id"], False, "WHATSAPP")
    detail = json_of(team_shop.get(f"/management/customers/{customer['id']}"), 200)
    assert (detail["messaging_opt_in"], detail["messaging_opt_in_at"],
            detail["messaging_opt_in_source"]) == (False, None, None)


def test_the_customers_timeline_has_the_messages_sent_for_the_front_desk(team_shop):
    """Cliente: the conversation in the timeline — what the workshop sent (automatic or by
    hand) beside the contacts; what the customer sent is an interaction already."""
    customer = team_shop.customer()
    order = team_shop.order(customer["id"])
    manual = json_of(team_shop.post("/messaging/messages", {"customer_id": customer["id"],
                                                            "text": "A peça chega amanhã."}),
                     202)
    sent = {m["id"]: m for m in team_shop.messages(customer_id=customer["id"])}
    assert len(sent) == 2
    resp = team_shop.get(f"/teamcrm/customers/{customer['id']}/timeline")
    entries = json_of(resp, 200)
    messages = [e for e in entries if e["kind"] == "message"]
    assert {m["id"] for m in messages} == set(sent)
    by_id = {m["id"]: m for m in messages}
    assert (by_id[manual["id"]]["text"], by_id[manual["id"]]["event"],
            by_id[manual["id"]]["user_name"]) == ("A peça chega amanhã.", None,
                                                  team_shop.account.user["name"])
    [opened] = [m for m in messages if m["id"] != manual["id"]]
    assert (opened["event"], opened["order_id"], opened["order_number"], opened["user_id"]) == (
        "ORDER_OPENED", order["id"], order["number"], None)
    assert all(m["direction"] == "OUT" and m["key"] == f"message-{m['id']}" for m in messages)
    assert int(resp.headers["X-Total-Count"]) == len(entries)
    # A mechanic reads the timeline, not the conversation.
    mech = Inbox(team_shop.client, team_shop.members["MECHANIC"])
    resp = mech.get(f"/teamcrm/customers/{customer['id']}/timeline")
    entries = json_of(resp, 200)
    assert [e for e in entries if e["kind"] == "message"] == []
    assert int(resp.headers["X-Total-Count"]) == len(entries)


def test_the_outbox_names_the_customer_and_the_os(team_shop):
    named = team_shop.customer()
    order = team_shop.order(named["id"])  # its ORDER_OPENED message is about the OS
    loose = team_shop.customer()
    by_hand = json_of(team_shop.post("/messaging/messages", {"customer_id": loose["id"],
                                                             "text": "Bom dia!"}), 202)
    outbox = {m["id"]: m for m in team_shop.messages(limit=50)}
    [opened] = [m for m in outbox.values() if m["order_id"] == order["id"]]
    assert (opened["customer_id"], opened["customer_name"], opened["order_number"]) == (
        named["id"], named["name"], order["number"])
    manual = outbox[by_hand["id"]]
    assert (manual["customer_name"], manual["order_id"], manual["order_number"]) == (
        loose["name"], None, None)
