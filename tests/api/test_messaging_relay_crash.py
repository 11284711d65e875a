"""Exactly one message per event across a relay that dies mid-delivery (kill -9) and
several relays sharing a database: leases in PostgreSQL, an interrupted delivery is
never repeated. These servers get a database of their own, so no other relay of the
run takes part."""
import time
import uuid

import pytest

from support.helpers import assert_error, json_of
from support.messaging import (MESSAGING_ENV, PUBLIC_BASE_URL, Inbox, eventually,
                               private_database, psql)


@pytest.fixture
def private_db(database_urls):
    with private_database(database_urls) as urls:
        yield urls


def start(server_factory, urls, name, **env):
    return server_factory(name, database_url=urls["app"],
                          env={**MESSAGING_ENV, "PUBLIC_BASE_URL": PUBLIC_BASE_URL, **env})


def test_a_relay_killed_mid_delivery_does_not_send_twice(server_factory, private_db, fakes):
    wa = fakes["whatsapp"]
    # The call outlasts nothing: the relay waits for the provider until it is killed.
    slow = {"MESSAGING_HTTP_TIMEOUT_MS": "3500"}
    first = start(server_factory, private_db, "relay-crash-1", **slow)
    with first.client() as client:
        owner = register_premium(client, private_db)
        inbox = Inbox(client, owner)
        channel, creds = inbox.whatsapp(wa)
        account = creds["phone_number_id"]
        wa.behave(account, "delay", delay=3)  # the provider takes it, then answers slowly
        customer = inbox.customer()
        inbox.order(customer["id"])
        eventually(lambda: wa.count(account), lambda n: n >= 1, timeout=10)
        state = psql("select outbox_state from messaging_messages", private_db)
        assert state == "SENDING", state
    first.signal(9)  # kill -9 while the provider holds the call
    first.wait_exit(5)
    wa.behave(account, "ok")
    second = start(server_factory, private_db, "relay-crash-2", **slow)
    with second.client() as client:
        inbox = Inbox(client, srv_login(client, owner))
        msgs = inbox.wait_messages(lambda m: m and m[0]["status"] == "SENT", timeout=20,
                                   customer_id=customer["id"])
        assert "interrompido" in (msgs[0]["error"] or ""), msgs
        assert msgs[0]["unconfirmed"] is True
        time.sleep(1.0)
        assert wa.count(account) == 1
        # WhatsApp's status webhook finds it by our id (biz_opaque_callback_data).
        [sent] = wa.sent(account)
        r = wa.deliver(account, url=second.url + f"/messaging/webhooks/{channel['id']}",
                       type="status", message_id=sent["id"], status="delivered")
        assert r["status"] == 200
        [delivered] = inbox.messages(customer_id=customer["id"])
        assert (delivered["status"], delivered["unconfirmed"]) == ("DELIVERED", False)
        # Confirmed now: nothing for the user to send again.
        assert_error(inbox.post(f"/messaging/messages/{delivered['id']}/retry"), 409, "conflict")


def test_several_relays_send_each_message_once(server_factory, private_db, fakes):
    wa = fakes["whatsapp"]
    relays = [start(server_factory, private_db, f"relay-{i}") for i in range(3)]
    with relays[0].client() as client:
        owner = register_premium(client, private_db)
        inbox = Inbox(client, owner)
        _, creds = inbox.whatsapp(wa)
        customers = [inbox.customer() for _ in range(5)]
        for c in customers:
            inbox.order(c["id"])
        msgs = inbox.wait_messages(lambda m: len(m) == 5 and all(x["status"] == "SENT" for x in m),
                                   timeout=20)
        time.sleep(1.0)
        sent = wa.sent(creds["phone_number_id"])
        assert len(sent) == 5
        assert sorted(s["callback"] for s in sent) == sorted(f"mg:{m['id']}" for m in msgs)
        owners = psql("select count(distinct lease_owner) from messaging_messages", private_db)
        assert int(owners) >= 1


def register_premium(client, urls):
    from support.helpers import login_ok, register
    owner = register(client, "Oficina Relay " + uuid.uuid4().hex[:6])
    psql(f"update tenants set plan = 'PREMIUM' where id = {int(owner.tenant_id)}", urls)
    return login_ok(client, owner.email, owner.password)


def srv_login(client, account):
    from support.helpers import login_ok
    return login_ok(client, account.email, account.password)
