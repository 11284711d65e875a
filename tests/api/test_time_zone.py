"""The workshops' day (TIME_ZONE, docs/architecture.md "The workshops' day"): "today"
— a receivable's issue date, a late task, a payment's day, a bare date bound — is the
date in the configured zone, not UTC's; timestamps still go out in UTC."""
import datetime
import zoneinfo

import pytest

from support.finance import Money, fclient, money  # noqa: F401 (fixtures)
from support.helpers import json_of, register, unique_name, workshop_today
from support.team import Crm, new_workshop, tclient  # noqa: F401 (fixture)

# 25 hours apart: their dates always differ, so a server that ignored the zone fails one.
EAST = "Pacific/Kiritimati"  # UTC+14
WEST = "Pacific/Pago_Pago"  # UTC−11


def _today_in(zone: str) -> datetime.date:
    return workshop_today(zoneinfo.ZoneInfo(zone))


def test_today_follows_the_configured_zone(server_factory):
    for zone in (EAST, WEST):
        server = server_factory(f"tz-{zone.split('/')[1].lower()}", env={"TIME_ZONE": zone})
        with server.client() as c:
            account = register(c, unique_name("Oficina Fuso"))
            money, crm = Money(c, account), Crm(c, account)
            today = _today_in(zone)
            created = json_of(money.post("/receivables", {"amount": "10.00", "due_date": "2100-01-01",
                                                          "customer_name": "Cliente Fuso"}), 201)
            assert money.get_receivable(created["id"])["issue_date"] == today.isoformat(), zone
            yesterday = crm.task(due_date=(today - datetime.timedelta(days=1)).isoformat())
            due_today = crm.task(due_date=today.isoformat())
            assert (yesterday["late"], due_today["late"]) == (True, False), zone


def test_a_late_evening_payment_falls_on_the_workshops_day(money):
    # 01:30 UTC on 10 March is 22:30 of 9 March in São Paulo (UTC−3).
    rid = money.receivable("50.00", due_date="2026-03-01")["id"]
    money.pay_ok(rid, "50.00", "PIX", paid_at="2026-03-10T01:30:00Z")
    [payment] = money.get_receivable(rid)["payments"]
    assert (payment["paid_at"], payment["paid_on"]) == ("2026-03-10T01:30:00Z", "2026-03-09")


@pytest.fixture(scope="module")
def crm(tclient):
    return new_workshop(tclient, "Oficina Fuso")


def test_a_bare_date_bound_is_the_workshops_day(crm):
    late_evening = crm.interaction(occurred_at="2026-03-10T01:30:00Z")
    assert late_evening["occurred_at"] == "2026-03-10T01:30:00Z"

    def found(day: str) -> bool:
        rows = crm.list("/interactions", **{"from": day, "to": day})
        return late_evening["id"] in {r["id"] for r in rows}

    assert (found("2026-03-09"), found("2026-03-10")) == (True, False)


def test_refuses_a_zone_the_database_does_not_know(server_factory):
    server = server_factory("tz-unknown", env={"TIME_ZONE": "America/Atlantida"}, wait=False)
    code = server.wait_exit(15)
    assert code is not None and code != 0, server.describe(30)
    assert 'TIME_ZONE "America/Atlantida"' in server.log_tail(30)
