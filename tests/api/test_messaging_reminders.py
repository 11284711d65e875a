"""Service reminders (REMINDER_DUE, API.md §7): the relay's sweep sends "Lembrete de revisão"
once per visit to the opted-in owner of a motorcycle whose last completed order is older
than the workshop's interval (reminder_after_days on the REMINDER_DUE template, default
180, OWNER only), never twice across several relays, and only in daytime hours.

The sweeping servers get a database of their own (their sweep visits every workshop with a
channel each second); an order is made "old" by moving its closed_at back as the superuser."""
import time
from datetime import datetime, timezone

import pytest

from support import server as srv
from support.helpers import assert_error, json_of
from support.messaging import (MESSAGING_ENV, PUBLIC_BASE_URL, Inbox, eventually, premium,
                               private_database, psql)

# A sweep each second at any hour; a cap above the visits' own messages (opened, completed).
SWEEP = {"MESSAGING_REMINDER_SWEEP_SECONDS": "1", "MESSAGING_REMINDER_FROM_HOUR": "0",
         "MESSAGING_REMINDER_UNTIL_HOUR": "24", "MESSAGING_DAILY_CAP": "1000"}
REMINDER = "Está na hora da revisão"


@pytest.fixture(scope="module")
def reminder_db(database_urls):
    with private_database(database_urls) as urls:
        yield urls


def start(urls, name, **env):
    return srv.start_server(name, database_url=urls["app"],
                            env={**MESSAGING_ENV, "PUBLIC_BASE_URL": PUBLIC_BASE_URL, **SWEEP,
                                 **env})


@pytest.fixture(scope="module")
def relays(reminder_db, fakes):
    """Two servers on one database, each sweeping every second and relaying."""
    started = [start(reminder_db, f"reminders-{i}") for i in range(2)]
    yield started
    for s in started:
        s.stop(timeout=10)


@pytest.fixture
def rclient(relays):
    with relays[0].client() as client:
        yield client


class Shop(Inbox):
    def __init__(self, client, account, urls, fake):
        super().__init__(client, account)
        self.urls = urls
        self.wa = fake
        _, creds = self.whatsapp(fake)
        self.account_id = creds["phone_number_id"]

    def visit(self, customer_id, moto_id=None, days_ago=200):
        """A completed order of the motorcycle (a new one unless given), closed `days_ago`."""
        if moto_id is None:
            order = self.order(customer_id)
        else:
            order = json_of(self.post("/management/os", {
                "customer_id": customer_id, "motorcycle_id": moto_id}), 201)
        self.status(order["id"], "IN_PROGRESS")
        self.status(order["id"], "COMPLETED")
        self.age(order["id"], days_ago)
        return json_of(self.get(f"/management/os/{order['id']}"), 200)

    def age(self, order_id, days_ago):
        psql(f"update service_orders set closed_at = now() - interval '{int(days_ago)} days' "
             f"where id = {int(order_id)}", self.urls)

    def reminders(self, **params):
        return [m for m in self.messages(**params) if m["event"] == "REMINDER_DUE"]

    def wait_reminder(self, customer_id, count=1):
        return eventually(lambda: self.reminders(customer_id=customer_id),
                          lambda r: len(r) >= count and all(m["status"] == "SENT" for m in r),
                          timeout=20)

    def reminders_sent(self, number=None):
        return [m for m in self.wa.sent(self.account_id)
                if REMINDER in (m.get("text") or "") and (number is None or m["to"] == number)]


def shop_on(client, urls, fakes, plan="PREMIUM", roles=()):
    accounts = premium(client, plan=plan, roles=roles, urls=urls)
    return Shop(client, accounts["OWNER"], urls, fakes["whatsapp"])


def test_a_due_reminder_is_sent_once_across_two_sweeping_relays(rclient, reminder_db, fakes):
    shop = shop_on(rclient, reminder_db, fakes)
    customer = shop.customer(phone="11912345678")
    order = shop.visit(customer["id"])
    [m] = shop.wait_reminder(customer["id"])
    assert m["order_id"] == order["id"] and m["channel_kind"] == "WHATSAPP_CLOUD"
    assert m["text"] == (f"Olá, {customer['name']}! Está na hora da revisão da sua moto "
                         f"Honda CG 160 ({order['plate']}). Agende com a "
                         f"{shop.account.user['tenant_name']}."), m["text"]
    time.sleep(2.5)  # several sweeps of both relays
    assert len(shop.reminders(customer_id=customer["id"])) == 1
    assert len(shop.reminders_sent("5511912345678")) == 1
    key = psql(f"select event_key from messaging_messages where id = {int(m['id'])}", reminder_db)
    assert key == f"REMINDER_DUE:order:{order['id']}"


def test_a_new_visit_re_arms_the_reminder(rclient, reminder_db, fakes):
    shop = shop_on(rclient, reminder_db, fakes)
    customer = shop.customer()
    first = shop.visit(customer["id"])
    shop.wait_reminder(customer["id"])
    second = shop.visit(customer["id"], moto_id=first["motorcycle_id"], days_ago=0)
    time.sleep(1.5)
    assert len(shop.reminders(customer_id=customer["id"])) == 1  # the new visit is recent
    shop.age(second["id"], 181)
    msgs = shop.wait_reminder(customer["id"], count=2)
    assert sorted(m["order_id"] for m in msgs) == sorted([first["id"], second["id"]])
    assert len(shop.reminders_sent()) == 2


def test_nothing_is_sent_when_not_due(rclient, reminder_db, fakes):
    shop = shop_on(rclient, reminder_db, fakes)
    recent = shop.customer()
    shop.visit(recent["id"], days_ago=100)
    stale = shop.customer()  # due more than 30 days ago: too late to remind
    shop.visit(stale["id"], days_ago=250)
    # Each of these visits is recent until what keeps it from a reminder is in place, and
    # only then made old: a sweep in between would rightly remind it.
    reopened = shop.customer()
    visit = shop.visit(reopened["id"], days_ago=0)
    json_of(shop.post("/management/os", {"customer_id": reopened["id"],
                                         "motorcycle_id": visit["motorcycle_id"]}),
            201)  # in the shop again
    shop.age(visit["id"], 200)
    no_consent = shop.customer(opt_in=False)
    shop.visit(no_consent["id"])
    withdrawn = shop.customer()
    visit = shop.visit(withdrawn["id"], days_ago=0)
    shop.consent(withdrawn["id"], False, "PHONE")
    shop.age(visit["id"], 200)
    inactive = shop.customer()
    visit = shop.visit(inactive["id"], days_ago=0)
    json_of(shop.patch(f"/management/motos/{visit['motorcycle_id']}", {"is_active": False}), 200)
    shop.age(visit["id"], 200)
    # The control: this one is due, so the sweeps have passed when it arrives.
    due = shop.customer()
    shop.visit(due["id"])
    shop.wait_reminder(due["id"])
    time.sleep(1.5)
    assert [m["customer_id"] for m in shop.reminders()] == [due["id"]]
    assert len(shop.reminders_sent()) == 1


def test_a_switched_off_reminder_or_a_basic_plan_sends_nothing(rclient, reminder_db, fakes):
    off = shop_on(rclient, reminder_db, fakes)
    json_of(off.patch("/messaging/templates/REMINDER_DUE", {"enabled": False}), 200)
    off.visit(off.customer()["id"])
    basic = shop_on(rclient, reminder_db, fakes)
    basic_customer = basic.customer()
    visit = basic.visit(basic_customer["id"], days_ago=0)  # old only once on BASIC
    psql(f"update tenants set plan = 'BASIC' where id = {int(basic.account.tenant_id)}",
         reminder_db)
    basic.age(visit["id"], 200)
    control = shop_on(rclient, reminder_db, fakes)  # swept after both (a higher tenant id)
    c = control.customer()
    control.visit(c["id"])
    control.wait_reminder(c["id"])
    time.sleep(1.5)
    assert off.reminders() == [] and off.reminders_sent() == []
    assert basic.reminders_sent() == []
    count = psql("select count(*) from messaging_messages where event = 'REMINDER_DUE' "
                 f"and tenant_id = {int(basic.account.tenant_id)}", reminder_db)
    assert count == "0"


def test_the_workshops_interval_decides_and_stays_its_own(rclient, reminder_db, fakes):
    a = shop_on(rclient, reminder_db, fakes)
    b = shop_on(rclient, reminder_db, fakes)
    body = json_of(a.patch("/messaging/templates/REMINDER_DUE", {"reminder_after_days": 60}), 200)
    assert body["reminder_after_days"] == 60
    ca, cb = a.customer(), b.customer()
    a.visit(ca["id"], days_ago=70)
    b.visit(cb["id"], days_ago=70)  # B keeps 180 days: not due
    [m] = a.wait_reminder(ca["id"])
    time.sleep(1.5)
    assert b.reminders() == [] and b.reminders_sent() == []
    assert len(a.reminders_sent()) == 1  # A's reminder went through A's channel only


def test_no_reminder_is_queued_outside_its_hours(database_urls, fakes):
    hour = datetime.now(timezone.utc).hour
    night = ({"MESSAGING_REMINDER_FROM_HOUR": str(hour + 1), "MESSAGING_REMINDER_UNTIL_HOUR": "24"}
             if hour < 23 else
             {"MESSAGING_REMINDER_FROM_HOUR": "0", "MESSAGING_REMINDER_UNTIL_HOUR": "23"})
    # A database of its own: the module's daytime relays would send it.
    with private_database(database_urls) as urls:
        server = start(urls, "reminders-night", TIME_ZONE="UTC", **night)
        try:
            with server.client() as client:
                shop = shop_on(client, urls, fakes)
                customer = shop.customer()
                shop.visit(customer["id"])
                time.sleep(2.5)
                assert shop.reminders() == []
        finally:
            server.stop(timeout=10)
        day = start(urls, "reminders-day", TIME_ZONE="UTC")
        try:
            with day.client() as client:
                shop.client = client
                shop.wait_reminder(customer["id"])  # it was due all along
        finally:
            day.stop(timeout=10)


# --- the setting (on the run's messaging server: no sweep needed)

def test_the_interval_is_shown_and_validated(mclient, fakes):
    accounts = premium(mclient, roles=("ATTENDANT",))
    owner, attendant = Inbox(mclient, accounts["OWNER"]), Inbox(mclient, accounts["ATTENDANT"])
    templates = json_of(owner.get("/messaging/templates"), 200)
    reminder = next(t for t in templates if t["event"] == "REMINDER_DUE")
    assert reminder["reminder_after_days"] == 180
    assert "{link}" not in reminder["placeholders"] and "{valor}" not in reminder["placeholders"]
    assert all("reminder_after_days" not in t for t in templates if t["event"] != "REMINDER_DUE")

    for days, problem in ((29, "deve ser no mínimo 30"), (731, "deve ser no máximo 730")):
        err = assert_error(owner.patch("/messaging/templates/REMINDER_DUE",
                                       {"reminder_after_days": days, "enabled": False}),
                           422, "validation_error")
        assert err["message"] == f"Dados inválidos: intervalo do lembrete {problem}.", err
    err = assert_error(owner.patch("/messaging/templates/ORDER_OPENED",
                                   {"reminder_after_days": 90}), 422, "validation_error")
    assert err["message"] == ("Dados inválidos: intervalo do lembrete só vale para o lembrete "
                              "de revisão (REMINDER_DUE)."), err
    err = assert_error(owner.patch("/messaging/templates/REMINDER_DUE",
                                   {"body": "Revisão: {link}"}), 422, "validation_error")
    assert err["message"] == "Dados inválidos: body marcador indisponível neste evento: {link}."
    # Nothing of the refused requests was kept.
    reminder = next(t for t in json_of(owner.get("/messaging/templates"), 200)
                    if t["event"] == "REMINDER_DUE")
    assert reminder["reminder_after_days"] == 180 and reminder["enabled"] is True
    assert reminder["is_default"] is True

    assert_error(attendant.patch("/messaging/templates/REMINDER_DUE",
                                 {"reminder_after_days": 90}), 403, "forbidden")
    body = json_of(owner.patch("/messaging/templates/reminder_due",
                               {"reminder_after_days": "90"}), 200)
    assert body["reminder_after_days"] == 90 and body["body"] == body["default_body"]
    body = json_of(owner.patch("/messaging/templates/REMINDER_DUE", {"enabled": False}), 200)
    assert body["reminder_after_days"] == 90 and body["enabled"] is False
    body = json_of(owner.patch("/messaging/templates/REMINDER_DUE",
                               {"reminder_after_days": None}), 200)
    assert body["reminder_after_days"] == 180


def test_another_workshop_cannot_read_or_change_the_interval(mclient, fakes):
    a = Inbox(mclient, premium(mclient)["OWNER"])
    b = Inbox(mclient, premium(mclient)["OWNER"])
    json_of(a.patch("/messaging/templates/REMINDER_DUE", {"reminder_after_days": 45}), 200)
    json_of(b.patch("/messaging/templates/REMINDER_DUE", {"reminder_after_days": 400}), 200)
    pick = lambda shop: next(t for t in json_of(shop.get("/messaging/templates"), 200)
                             if t["event"] == "REMINDER_DUE")
    assert pick(a)["reminder_after_days"] == 45
    assert pick(b)["reminder_after_days"] == 400
    # A's tenant_id in B's body is refused, and changes nothing of A's (or B's).
    assert_error(b.patch("/messaging/templates/REMINDER_DUE",
                         {"reminder_after_days": 500, "tenant_id": a.account.tenant_id}),
                 403, "tenant_mismatch")
    assert pick(a)["reminder_after_days"] == 45
    assert pick(b)["reminder_after_days"] == 400
