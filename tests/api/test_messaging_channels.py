"""Messaging channels (API.md §7): OWNER only, PREMIUM and above; credentials are
never returned and are stored sealed; webhook links per channel; tenant isolation."""
import uuid

import pytest

from support.fakes import token
from support.helpers import MISSING_ID, assert_error, json_of
from support.messaging import PUBLIC_BASE_URL, Inbox, eventually, premium, psql


@pytest.fixture
def shop(mclient):
    return premium(mclient, roles=("MANAGER", "ATTENDANT", "MECHANIC"))


def test_basic_plan_gets_plan_required(mclient, fakes):
    basic = premium(mclient, plan="BASIC")["OWNER"]
    inbox = Inbox(mclient, basic)
    assert_error(inbox.get("/messaging/channels"), 403, "plan_required")
    assert_error(inbox.post("/messaging/channels", {"kind": "TELEGRAM"}), 403, "plan_required")
    assert_error(inbox.get("/messaging/messages"), 403, "plan_required")
    assert_error(inbox.get("/messaging/templates"), 403, "plan_required")


def test_enterprise_has_messaging(mclient):
    inbox = Inbox(mclient, premium(mclient, plan="ENTERPRISE")["OWNER"])
    assert json_of(inbox.get("/messaging/channels"), 200) == []


def test_whatsapp_credentials_are_sealed_and_never_returned(mclient, fakes, shop):
    inbox = Inbox(mclient, shop["OWNER"])
    channel, creds = inbox.whatsapp(fakes["whatsapp"])
    assert channel["webhook_url"] == f"{PUBLIC_BASE_URL}/messaging/webhooks/{channel['id']}"
    assert channel["kind"] == "WHATSAPP_CLOUD" and channel["is_active"] is True
    listed = inbox.get("/messaging/channels")
    one = inbox.get(f"/messaging/channels/{channel['id']}")
    for resp in (listed, one):
        json_of(resp, 200)
        for secret in creds.values():
            assert secret not in resp.text
    assert "credentials" not in json_of(one, 200)
    # In the database: a secretbox, not the plaintext.
    token = creds["access_token"]
    row = psql(f"select position(convert_to('{token}', 'UTF8') in credentials), "
               f"length(credentials) from messaging_channels where id = {channel['id']}")
    position, length = map(int, row.split("|"))
    assert position == 0
    assert length >= 40 + len(token)  # nonce + MAC + the sealed JSON


def test_evolution_needs_its_base_url_and_its_link_carries_a_secret(mclient, fakes, shop):
    inbox = Inbox(mclient, shop["OWNER"])
    err = assert_error(inbox.post("/messaging/channels", {
        "kind": "EVOLUTION", "credentials": {"instance": "x", "api_key": "y"}}),
        422, "validation_error")
    assert "api_base_url" in err["details"]
    channel, creds = inbox.evolution(fakes["evolution"])
    base = f"{PUBLIC_BASE_URL}/messaging/webhooks/{channel['id']}/"
    assert channel["webhook_url"].startswith(base)
    secret = channel["webhook_url"][len(base):]
    assert len(secret) >= 32 and creds["api_key"] not in channel["webhook_url"]
    # The gateway was told where to deliver, for the events messaging reads.
    assert channel["webhook_registered"] is True, channel
    hook = fakes["evolution"].webhook(creds["instance"])
    assert hook["url"] == channel["webhook_url"] and hook["enabled"] is True
    assert set(hook["events"]) == {"MESSAGES_UPSERT", "MESSAGES_UPDATE"}


def test_telegram_channel_sets_the_bots_webhook_with_a_secret(mclient, fakes, shop):
    inbox = Inbox(mclient, shop["OWNER"])
    channel, creds = inbox.telegram(fakes["telegram"])
    assert channel["webhook_registered"] is True, channel
    hook = fakes["telegram"].webhook(creds["bot_token"])
    assert hook["url"] == channel["webhook_url"]
    assert 32 <= len(hook["secret_token"]) <= 256
    assert hook["secret_token"] not in channel["webhook_url"]


def test_a_new_bot_or_instance_is_told_where_to_deliver(mclient, fakes, shop):
    inbox = Inbox(mclient, shop["OWNER"])
    tg = fakes["telegram"]
    channel, creds = inbox.telegram(tg)
    secret = tg.webhook(creds["bot_token"])["secret_token"]
    new_bot = {"bot_token": f"{uuid.uuid4().int % 10**9}:AA{token()}",
               "bot_username": creds["bot_username"]}
    tg.account(**new_bot)
    moved = json_of(inbox.patch(f"/messaging/channels/{channel['id']}", {"credentials": new_bot}),
                    200)
    assert moved["webhook_registered"] is True, moved
    hook = tg.webhook(new_bot["bot_token"])
    # The same link and secret: what is pasted anywhere stays valid.
    assert (hook["url"], hook["secret_token"]) == (channel["webhook_url"], secret)
    renamed = json_of(inbox.patch(f"/messaging/channels/{channel['id']}", {"name": "Bot"}), 200)
    assert "webhook_registered" not in renamed  # nothing to tell the provider

    evo = fakes["evolution"]
    channel, creds = inbox.evolution(evo)
    instance = {"instance": "oficina-" + token()[:8], "api_key": token()}
    evo.account(**instance)
    moved = json_of(inbox.patch(f"/messaging/channels/{channel['id']}", {"credentials": instance}),
                    200)
    assert moved["webhook_registered"] is True, moved
    assert evo.webhook(instance["instance"])["url"] == channel["webhook_url"]


@pytest.mark.parametrize("body, field", [
    ({"kind": "SMS", "credentials": {}}, "kind"),
    ({"credentials": {}}, "kind"),
    ({"kind": "WHATSAPP_CLOUD"}, "credentials"),
    ({"kind": "WHATSAPP_CLOUD", "credentials": {"phone_number_id": "1", "access_token": "t",
                                                "app_secret": "s"}}, "credentials.verify_token"),
    ({"kind": "TELEGRAM", "credentials": {"bot_token": "", "bot_username": "b"}},
     "credentials.bot_token"),
    ({"kind": "TELEGRAM", "api_base_url": "ftp://x", "credentials": {"bot_token": "1:A",
                                                                      "bot_username": "b"}},
     "api_base_url"),
])
def test_bad_channels_are_422_and_store_nothing(mclient, shop, body, field):
    inbox = Inbox(mclient, shop["OWNER"])
    err = assert_error(inbox.post("/messaging/channels", body), 422, "validation_error")
    assert field in err["details"], err
    assert json_of(inbox.get("/messaging/channels"), 200) == []


def test_rename_replace_credentials_and_deactivate(mclient, fakes, shop):
    inbox = Inbox(mclient, shop["OWNER"])
    channel, creds = inbox.evolution(fakes["evolution"])
    renamed = json_of(inbox.patch(f"/messaging/channels/{channel['id']}", {
        "name": "Recepção", "credentials": {"instance": creds["instance"], "api_key": "novo"}}), 200)
    assert renamed["name"] == "Recepção"
    assert renamed["webhook_url"] == channel["webhook_url"]  # the pasted link stays valid
    assert "novo" not in inbox.get(f"/messaging/channels/{channel['id']}").text
    json_of(inbox.delete(f"/messaging/channels/{channel['id']}"), 200)
    assert json_of(inbox.get(f"/messaging/channels/{channel['id']}"), 200)["is_active"] is False
    assert_error(inbox.get(f"/messaging/channels/{MISSING_ID}"), 404, "not_found")


@pytest.mark.parametrize("role", ["MANAGER", "ATTENDANT", "MECHANIC"])
def test_only_the_owner_manages_channels(mclient, fakes, shop, role):
    owner = Inbox(mclient, shop["OWNER"])
    channel, _ = owner.evolution(fakes["evolution"])
    other = Inbox(mclient, shop[role])
    assert_error(other.get("/messaging/channels"), 403, "forbidden")
    assert_error(other.get(f"/messaging/channels/{channel['id']}"), 403, "forbidden")
    assert_error(other.post("/messaging/channels", {"kind": "TELEGRAM"}), 403, "forbidden")
    assert_error(other.patch(f"/messaging/channels/{channel['id']}", {"name": "x"}), 403,
                 "forbidden")
    assert_error(other.delete(f"/messaging/channels/{channel['id']}"), 403, "forbidden")


def test_another_workshop_cannot_see_or_change_a_channel(mclient, fakes, shop):
    a = Inbox(mclient, shop["OWNER"])
    b = Inbox(mclient, premium(mclient)["OWNER"])
    channel, _ = a.whatsapp(fakes["whatsapp"])
    path = f"/messaging/channels/{channel['id']}"
    assert_error(b.get(path), 404, "not_found")
    assert_error(b.patch(path, {"name": "Roubado", "is_active": False}), 404, "not_found")
    assert_error(b.delete(path), 404, "not_found")
    assert json_of(b.get("/messaging/channels"), 200) == []
    mine = json_of(a.get(path), 200)
    assert mine["name"] == "WhatsApp" and mine["is_active"] is True


def test_a_channel_says_when_it_fails_itself_and_recovers(mclient, fakes, shop):
    inbox = Inbox(mclient, shop["OWNER"])
    wa = fakes["whatsapp"]
    channel, creds = inbox.whatsapp(wa, templates=[])
    path = f"/messaging/channels/{channel['id']}"
    fresh = json_of(inbox.get(path), 200)
    assert (fresh["failing"], fresh["last_error"], fresh["last_sent_at"]) == (False, None, None)
    # A token the Graph API refuses (190): the channel's fault, every message alike.
    json_of(inbox.patch(path, {"credentials": {**creds, "access_token": "EAAGexpirado"}}), 200)
    customer = inbox.customer()
    sent = json_of(inbox.post("/messaging/messages", {"customer_id": customer["id"],
                                                      "text": "Sua moto está pronta."}), 202)
    [dead] = inbox.wait_messages(lambda m: m and m[0]["dead_letter"], customer_id=customer["id"])
    failing = json_of(inbox.get(path), 200)
    assert failing["failing"] is True and failing["last_error_at"] and failing["last_sent_at"] is None
    assert failing["last_error"] == ("WhatsApp 190: Invalid OAuth access token - Cannot parse "
                                     "access token"), failing
    assert [c["failing"] for c in json_of(inbox.get("/messaging/channels"), 200)] == [True]
    # New credentials clear it; the message sent again clears nothing more and dates the delivery.
    healed = json_of(inbox.patch(path, {"credentials": creds}), 200)
    assert (healed["failing"], healed["last_error"], healed["last_error_at"]) == (False, None, None)
    json_of(inbox.post(f"/messaging/messages/{sent['id']}/retry"), 200)
    inbox.wait_messages(lambda m: m and m[0]["status"] == "SENT", customer_id=customer["id"])
    delivered = eventually(lambda: json_of(inbox.get(path), 200), lambda c: c["last_sent_at"])
    assert delivered["failing"] is False
    # A refusal of one message (outside the customer's 24 h window, 131047) is not the channel's.
    wa.behave(creds["phone_number_id"], "window")
    other = inbox.customer()
    json_of(inbox.post("/messaging/messages", {"customer_id": other["id"], "text": "Oi!"}), 202)
    [refused] = inbox.wait_messages(lambda m: m and m[0]["dead_letter"], customer_id=other["id"])
    assert refused["error"].startswith("WhatsApp 131047"), refused
    after = json_of(inbox.get(path), 200)
    assert (after["failing"], after["last_error"]) == (False, None)
    assert dead["id"] == sent["id"]
