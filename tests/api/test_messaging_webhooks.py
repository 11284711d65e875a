"""Inbound webhooks (API.md §7): verified per channel (WhatsApp's hub.challenge and
X-Hub-Signature-256, Telegram's secret token header, Evolution's secret path); a bad or
missing signature is 401 and stores nothing; a replay is stored once; texts become the
customer's interactions; statuses move the sent message; SAIR opts out; Telegram links
a chat through its deep link."""
import hashlib
import hmac
import json
import re

import httpx
import pytest

from support.helpers import assert_error, json_of
from support.messaging import Inbox, eventually, local, premium


@pytest.fixture
def shop(mclient, fakes):
    inbox = Inbox(mclient, premium(mclient)["OWNER"])
    inbox.channel, inbox.creds = inbox.whatsapp(fakes["whatsapp"])
    inbox.wa = fakes["whatsapp"]
    return inbox


def hook(shop, messaging_server):
    return local(shop.channel["webhook_url"], messaging_server)


def interactions(shop, customer_id):
    return json_of(shop.get("/teamcrm/interactions", customer_id=customer_id), 200)


def test_whatsapp_verification_handshake(shop, messaging_server):
    url = hook(shop, messaging_server)
    ok = httpx.get(url, params={"hub.mode": "subscribe", "hub.challenge": "1158201444",
                                "hub.verify_token": shop.creds["verify_token"]})
    assert ok.status_code == 200 and ok.text == "1158201444"
    bad = httpx.get(url, params={"hub.mode": "subscribe", "hub.challenge": "1",
                                 "hub.verify_token": "errado"})
    assert_error(bad, 403, "forbidden")


def test_an_inbound_text_becomes_the_customers_interaction(shop, messaging_server):
    customer = shop.customer(phone="11955554444")
    r = shop.wa.deliver(shop.creds["phone_number_id"], url=hook(shop, messaging_server),
                        **{"from": "5511955554444", "text": "Minha moto já está pronta?"})
    assert r["status"] == 200, r
    msgs = shop.messages(customer_id=customer["id"])
    assert [(m["direction"], m["text"], m["channel_kind"]) for m in msgs] == [
        ("IN", "Minha moto já está pronta?", "WHATSAPP_CLOUD")]
    [i] = interactions(shop, customer["id"])
    assert i["channel"] == "WHATSAPP" and i["direction"] == "IN"
    # A short text is its summary alone (the timeline shows it once).
    assert (i["summary"], i["details"]) == ("Minha moto já está pronta?", None)


def test_a_long_inbound_text_is_summarised_between_characters(shop, messaging_server):
    """The summary keeps 200 bytes: a cut inside "ç" would be invalid UTF-8 and lose the text."""
    customer = shop.customer(phone="11955553333")
    text = "x" * 199 + "ção da embreagem, quanto fica?"
    r = shop.wa.deliver(shop.creds["phone_number_id"], url=hook(shop, messaging_server),
                        **{"from": "5511955553333", "text": text})
    assert r["status"] == 200, r
    [i] = interactions(shop, customer["id"])
    assert (i["summary"], i["details"]) == ("x" * 199, text)
    assert [m["text"] for m in shop.messages(customer_id=customer["id"])] == [text]


@pytest.mark.parametrize("forgery", ["wrong-secret", "no-signature", "tampered"])
def test_a_forged_delivery_is_401_and_stores_nothing(shop, messaging_server, forgery):
    customer = shop.customer(phone="11944443333")
    url = hook(shop, messaging_server)
    spec = {"url": url, "from": "5511944443333", "text": "oi"}
    if forgery == "wrong-secret":
        r = shop.wa.deliver(shop.creds["phone_number_id"], sign_with="not-the-app-secret", **spec)
        assert r["status"] == 401
    elif forgery == "no-signature":
        r = shop.wa.deliver(shop.creds["phone_number_id"], sign=False, **spec)
        assert r["status"] == 401
    else:
        payload = json.dumps({"object": "whatsapp_business_account", "entry": [{
            "id": "1", "changes": [{"field": "messages", "value": {
                "messaging_product": "whatsapp",
                "metadata": {"display_phone_number": "1", "phone_number_id":
                             shop.creds["phone_number_id"]},
                "messages": [{"from": "5511944443333", "id": "wamid.T", "timestamp": "1",
                              "type": "text", "text": {"body": "oi"}}]}}]}]}).encode()
        signature = "sha256=" + hmac.new(shop.creds["app_secret"].encode(), payload,
                                         hashlib.sha256).hexdigest()
        tampered = payload.replace(b'"oi"', b'"pague aqui"')
        resp = httpx.post(url, content=tampered, headers={
            "X-Hub-Signature-256": signature, "Content-Type": "application/json"})
        assert_error(resp, 401, "unauthorized")
    assert shop.messages(customer_id=customer["id"]) == []
    assert interactions(shop, customer["id"]) == []


def test_a_replayed_delivery_is_stored_once(shop, messaging_server):
    customer = shop.customer(phone="11933332222")
    url = hook(shop, messaging_server)
    first = shop.wa.deliver(shop.creds["phone_number_id"], url=url,
                            **{"from": "5511933332222", "text": "bom dia"})
    assert first["status"] == 200
    again = httpx.post(url, content=first["payload"].encode(),
                       headers={**first["headers"], "Content-Type": "application/json"})
    assert again.status_code == 200
    assert len(shop.messages(customer_id=customer["id"])) == 1
    assert len(interactions(shop, customer["id"])) == 1


def test_statuses_move_the_sent_message_forward_only(shop, messaging_server):
    customer = shop.customer()
    shop.order(customer["id"])
    [m] = shop.wait_messages(lambda x: x and x[0]["status"] == "SENT", customer_id=customer["id"])
    [sent] = [s for s in shop.wa.sent(shop.creds["phone_number_id"])
              if s["callback"] == f"mg:{m['id']}"]
    url = hook(shop, messaging_server)
    for status, expected in [("delivered", "DELIVERED"), ("read", "READ"),
                             ("delivered", "READ")]:
        r = shop.wa.deliver(shop.creds["phone_number_id"], url=url, type="status",
                            message_id=sent["id"], status=status)
        assert r["status"] == 200
        assert shop.messages(customer_id=customer["id"])[0]["status"] == expected


def test_a_failed_status_marks_the_message_failed(shop, messaging_server):
    customer = shop.customer()
    shop.order(customer["id"])
    [m] = shop.wait_messages(lambda x: x and x[0]["status"] == "SENT", customer_id=customer["id"])
    [sent] = [s for s in shop.wa.sent(shop.creds["phone_number_id"])
              if s["callback"] == f"mg:{m['id']}"]
    shop.wa.deliver(shop.creds["phone_number_id"], url=hook(shop, messaging_server),
                    type="status", message_id=sent["id"], status="failed", code=131026)
    [after] = shop.messages(customer_id=customer["id"])
    assert after["status"] == "FAILED" and "131026" in after["error"]


def test_sair_opts_the_customer_out(shop, messaging_server):
    customer = shop.customer(phone="11922221111")
    r = shop.wa.deliver(shop.creds["phone_number_id"], url=hook(shop, messaging_server),
                        **{"from": "5511922221111", "text": "SAIR"})
    assert r["status"] == 200
    contact = json_of(shop.get(f"/messaging/customers/{customer['id']}"), 200)
    assert contact["messaging_opt_in"] is False
    assert contact["opt_out_source"] == "WHATSAPP" and contact["opted_out_at"]
    shop.order(customer["id"])
    assert [m["direction"] for m in shop.messages(customer_id=customer["id"])] == ["IN"]


def test_a_webhook_of_one_workshop_never_lands_in_another(mclient, shop, messaging_server,
                                                          fakes):
    other = Inbox(mclient, premium(mclient)["OWNER"])
    other.channel, other.creds = other.whatsapp(fakes["whatsapp"])
    theirs = other.customer(phone="11911110000")
    # From their customer's number, to our channel: ours, with no customer of ours.
    r = shop.wa.deliver(shop.creds["phone_number_id"], url=hook(shop, messaging_server),
                        **{"from": "5511911110000", "text": "olá"})
    assert r["status"] == 200
    assert other.messages() == [] and interactions(other, theirs["id"]) == []
    [mine] = shop.messages()
    assert mine["customer_id"] is None
    # Our signature on their channel's URL: refused.
    r = shop.wa.deliver(shop.creds["phone_number_id"], url=hook(other, messaging_server),
                        **{"from": "5511911110000", "text": "olá"})
    assert r["status"] == 401
    assert other.messages() == []


def test_unknown_channel_is_404(messaging_server):
    assert_error(httpx.post(messaging_server.url + "/messaging/webhooks/2000000000",
                            json={}), 404, "not_found")


# --------------------------------------------------------------------------- Telegram

def test_telegram_deep_link_links_the_chat_and_messages_go_there(mclient, fakes,
                                                                 messaging_server):
    inbox = Inbox(mclient, premium(mclient)["OWNER"])
    channel, creds = inbox.telegram(fakes["telegram"])
    tg = fakes["telegram"]
    customer = inbox.customer(opt_in=False)
    link = json_of(inbox.post(f"/messaging/customers/{customer['id']}/telegram-link"), 201)
    m = re.fullmatch(r"https://t\.me/" + creds["bot_username"] + r"\?start=([A-Za-z0-9_-]{1,64})",
                     link["url"])
    assert m, link
    url = local(channel["webhook_url"], messaging_server)
    r = tg.deliver(creds["bot_token"], url=url, text=f"/start {m.group(1)}")
    assert r["status"] == 200, r
    contact = json_of(inbox.get(f"/messaging/customers/{customer['id']}"), 200)
    assert contact["telegram_linked"] is True and contact["messaging_opt_in"] is True
    assert contact["opt_in_source"] == "TELEGRAM"
    inbox.order(customer["id"])
    msgs = inbox.wait_messages(lambda x: any(y["status"] == "SENT" for y in x),
                               customer_id=customer["id"])
    out = [x for x in msgs if x["direction"] == "OUT"]
    assert out and out[0]["channel_kind"] == "TELEGRAM"
    got = tg.sent(creds["bot_token"])
    assert [g["to"] for g in got] == [str(r["chat_id"])]
    # A text from the linked chat is the customer's interaction.
    tg.deliver(creds["bot_token"], url=url, chat_id=r["chat_id"], text="Obrigado!")
    assert any(i["channel"] == "TELEGRAM" and i["summary"] == "Obrigado!"
               for i in interactions(inbox, customer["id"]))
    # The payload is single-use, and never kept in the conversation.
    assert all(m.group(1) not in x["text"] for x in inbox.messages(customer_id=customer["id"]))


def test_telegram_without_its_secret_token_is_401(mclient, fakes, messaging_server):
    inbox = Inbox(mclient, premium(mclient)["OWNER"])
    channel, creds = inbox.telegram(fakes["telegram"])
    url = local(channel["webhook_url"], messaging_server)
    r = fakes["telegram"].deliver(creds["bot_token"], url=url, text="oi", secret="errado")
    assert r["status"] == 401
    resp = httpx.post(url, json={"update_id": 1, "message": {"message_id": 1, "date": 0,
                                                             "chat": {"id": 1, "type": "private"},
                                                             "text": "oi"}})
    assert_error(resp, 401, "unauthorized")
    assert inbox.messages() == []


def test_telegram_link_needs_a_telegram_channel(shop):
    customer = shop.customer()
    assert_error(shop.post(f"/messaging/customers/{customer['id']}/telegram-link"), 422,
                 "validation_error")


# --------------------------------------------------------------------------- Evolution

def test_evolution_inbound_through_its_secret_path(mclient, fakes, messaging_server):
    inbox = Inbox(mclient, premium(mclient)["OWNER"])
    channel, creds = inbox.evolution(fakes["evolution"])
    evo = fakes["evolution"]
    customer = inbox.customer(phone="21988887777")
    url = local(channel["webhook_url"], messaging_server)
    unsigned = url.rsplit("/", 1)[0]
    for bad in (unsigned, unsigned + "/nao-e-o-segredo"):
        assert evo.deliver(creds["instance"], url=bad,
                           **{"from": "5521988887777", "text": "oi"})["status"] == 401
    assert inbox.messages() == []
    r = evo.deliver(creds["instance"], url=url, **{"from": "5521988887777", "text": "oi"})
    assert r["status"] == 200, r
    again = httpx.post(url, content=r["payload"].encode(),
                       headers={"Content-Type": "application/json"})
    assert again.status_code == 200
    msgs = inbox.messages(customer_id=customer["id"])
    assert [(m["direction"], m["text"]) for m in msgs] == [("IN", "oi")]
    # And out through the gateway, with its delivery status.
    inbox.order(customer["id"])
    out = inbox.wait_messages(lambda x: any(y["status"] == "SENT" for y in x),
                              customer_id=customer["id"])
    sent = evo.sent(creds["instance"])
    assert [s["to"] for s in sent] == ["5521988887777"]
    evo.deliver(creds["instance"], url=url, type="status", message_id=sent[0]["id"],
                status="DELIVERY_ACK")
    assert any(m["status"] == "DELIVERED" for m in inbox.messages(customer_id=customer["id"]))


def test_a_late_131047_sends_the_approved_template_once(mclient, fakes, messaging_server):
    """WhatsApp may accept a text and report it outside the 24 h window afterwards, in a
    `failed` status: the event's approved template goes instead, once."""
    inbox = Inbox(mclient, premium(mclient)["OWNER"])
    channel, creds = inbox.whatsapp(fakes["whatsapp"], templates=["motogestor_order_opened"])
    wa, account = fakes["whatsapp"], creds["phone_number_id"]
    customer = inbox.customer()
    inbox.order(customer["id"])
    [m] = inbox.wait_messages(lambda x: x and x[0]["status"] == "SENT", customer_id=customer["id"])
    [text] = wa.sent(account)
    url = local(channel["webhook_url"], messaging_server)
    r = wa.deliver(account, url=url, type="status", message_id=text["id"], status="failed",
                   code=131047, title="Re-engagement message")
    assert r["status"] == 200
    eventually(lambda: wa.sent(account), lambda s: len(s) == 2)
    first, second = wa.sent(account)
    assert first["type"] == "text" and second["type"] == "template"
    assert second["template"]["name"] == "motogestor_order_opened"
    [after] = inbox.wait_messages(lambda x: x and x[0]["status"] == "SENT",
                                  customer_id=customer["id"])
    assert after["id"] == m["id"] and "modelo aprovado" in after["error"]
    # The template failing late as well is the end: no third try.
    wa.deliver(account, url=url, type="status", message_id=second["id"], status="failed",
               code=131047, title="Re-engagement message")
    [final] = inbox.messages(customer_id=customer["id"])
    assert final["status"] == "FAILED"
    assert len(wa.sent(account)) == 2
