"""Interactions `/teamcrm/interactions` (API.md §5): what was said to or heard from a
customer, on which channel, by whom. `POST` records one (direction OUT by default;
the speaker defaults to the caller's own staff record; `occurred_at` to now), `GET`
lists them newest first with filters `customer_id, related_order_id, channel,
staff_id` (plus `direction`, `from`, `to`) and `limit` 50 by default."""
import datetime

import pytest

from support.helpers import MISSING_ID, assert_error, create_user, json_of
from support.team import CHANNELS, INTERACTION_FIELDS, ago, day, new_workshop, tclient  # noqa: F401
from support.workshop import assert_validation, iso_utc, parse_ts, total_count


@pytest.fixture(scope="module")
def crm(tclient):
    return new_workshop(tclient, "Oficina Contatos")


def test_record_with_everything(crm):
    order = crm.shop.order()
    staff = crm.staff(name="Patrícia")
    created = json_of(crm.post("/interactions", {
        "channel": "whatsapp", "direction": "in", "summary": "  Cliente perguntou do orçamento ",
        "details": "Quer saber se inclui a mão de obra.", "related_order_id": order["id"],
        "staff_id": staff["id"], "occurred_at": "2026-01-10T09:30:00-03:00"}), 201)
    assert set(created) == INTERACTION_FIELDS
    assert created["channel"] == "WHATSAPP"
    assert created["direction"] == "IN"
    assert created["summary"] == "Cliente perguntou do orçamento"
    assert created["details"] == "Quer saber se inclui a mão de obra."
    assert created["related_order_id"] == order["id"]
    assert created["related_order_number"] == order["number"]
    assert created["customer_id"] == order["customer_id"]  # the order lends its customer
    assert created["customer_name"] == order["customer_name"]
    assert created["staff_id"] == staff["id"]
    assert created["staff_name"] == "Patrícia"
    assert created["occurred_at"] == "2026-01-10T12:30:00Z"
    assert created["created_by"] == crm.account.id
    iso_utc(created["created_at"])
    assert crm.one(f"/interactions/{created['id']}") == created


def test_defaults_two_taps(tclient):
    crm = new_workshop(tclient, "Oficina Dois Toques")
    attendant = create_user(tclient, crm.account, "ATTENDANT")
    me = crm.staff(name="Recepção", user_id=attendant.id)
    customer = crm.shop.customer()
    before = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(seconds=2)
    i = json_of(crm.as_(attendant).post("/interactions", {"channel": "PHONE",
                                                           "customer_id": customer["id"]}), 201)
    assert i["direction"] == "OUT"
    assert i["summary"] is None
    assert i["staff_id"] == me["id"]  # who spoke: the caller
    assert parse_ts(i["occurred_at"]) >= before.replace(microsecond=0)
    # The owner has no staff record: nobody is named.
    assert crm.interaction(channel="EMAIL")["staff_id"] is None


@pytest.mark.parametrize("channel", CHANNELS)
def test_every_channel(crm, channel):
    assert crm.interaction(channel=channel)["channel"] == channel


@pytest.mark.parametrize("body,field", [
    ({}, "channel"),
    ({"channel": "SMS"}, "channel"),
    ({"channel": "PHONE", "direction": "BOTH"}, "direction"),
    ({"channel": "PHONE", "summary": "x" * 501}, "summary"),
    ({"channel": "PHONE", "details": "x" * 4001}, "details"),
    ({"channel": "PHONE", "customer_id": MISSING_ID}, "customer_id"),
    ({"channel": "PHONE", "related_order_id": MISSING_ID}, "related_order_id"),
    ({"channel": "PHONE", "staff_id": MISSING_ID}, "staff_id"),
    ({"channel": "PHONE", "occurred_at": "ontem"}, "occurred_at"),
    ({"channel": "PHONE", "occurred_at": "2026-02-30T10:00:00Z"}, "occurred_at"),
    ({"channel": "PHONE", "occurred_at": ago(days=-2)}, "occurred_at"),
])
def test_bad_input_is_422_naming_the_field(crm, body, field):
    before = total_count(crm.get("/interactions"))
    assert_validation(crm.post("/interactions", body), field)
    assert total_count(crm.get("/interactions")) == before


def test_an_inactive_speaker_is_refused(crm):
    s = crm.staff()
    json_of(crm.patch(f"/staff/{s['id']}", {"is_active": False}), 200)
    err = assert_validation(crm.post("/interactions", {"channel": "PHONE", "staff_id": s["id"]}),
                            "staff_id")
    assert err["details"]["staff_id"] == "membro da equipe inativo"


def test_order_and_customer_must_agree(crm):
    order = crm.shop.order()
    other = crm.shop.customer()
    assert_validation(crm.post("/interactions", {"channel": "PHONE", "customer_id": other["id"],
                                                 "related_order_id": order["id"]}),
                      "related_order_id")


def test_missing_is_404(crm):
    assert_error(crm.get(f"/interactions/{MISSING_ID}"), 404, "not_found")


@pytest.fixture(scope="module")
def log(tclient):
    crm = new_workshop(tclient, "Oficina Registro")
    ana, bruno = crm.shop.customer(name="Ana"), crm.shop.customer(name="Bruno")
    order = crm.shop.order(customer_id=ana["id"])
    pat = crm.staff(name="Patrícia")
    rows = {
        "old": crm.interaction(channel="EMAIL", customer_id=ana["id"], occurred_at=ago(days=40)),
        "call": crm.interaction(channel="PHONE", direction="IN", customer_id=bruno["id"],
                                staff_id=pat["id"], occurred_at=ago(days=3)),
        "zap": crm.interaction(channel="WHATSAPP", related_order_id=order["id"],
                               staff_id=pat["id"], occurred_at=ago(days=1)),
        "visit": crm.interaction(channel="IN_PERSON", customer_id=ana["id"],
                                 occurred_at=ago(hours=2)),
    }
    return {"crm": crm, "ana": ana, "bruno": bruno, "order": order, "pat": pat, "rows": rows}


def names(log, rows):
    by_id = {v["id"]: k for k, v in log["rows"].items()}
    return [by_id[r["id"]] for r in rows]


def test_newest_first(log):
    assert names(log, log["crm"].list("/interactions")) == ["visit", "zap", "call", "old"]


@pytest.mark.parametrize("params,expected", [
    ({"customer_id": "{ana}"}, ["visit", "zap", "old"]),
    ({"customer_id": "{bruno}"}, ["call"]),
    ({"related_order_id": "{order}"}, ["zap"]),
    ({"channel": "whatsapp"}, ["zap"]),
    ({"channel": "PHONE"}, ["call"]),
    ({"staff_id": "{pat}"}, ["zap", "call"]),
    ({"direction": "IN"}, ["call"]),
    ({"direction": "OUT"}, ["visit", "zap", "old"]),
    ({"from": "{day_minus_5}"}, ["visit", "zap", "call"]),
    ({"to": "{day_minus_5}"}, ["old"]),
    ({"customer_id": "{ana}", "channel": "EMAIL"}, ["old"]),
])
def test_filters(log, params, expected):
    values = {"ana": log["ana"]["id"], "bruno": log["bruno"]["id"], "order": log["order"]["id"],
              "pat": log["pat"]["id"],
              "day_minus_5": day(-5)}
    params = {k: v.format(**values) for k, v in params.items()}
    resp = log["crm"].get("/interactions", params=params)
    assert names(log, json_of(resp, 200)) == expected
    assert total_count(resp) == len(expected)


@pytest.mark.parametrize("params", [{"channel": "SMS"}, {"direction": "X"}, {"from": "ontem"},
                                    {"customer_id": "ana"}, {"limit": 0}, {"limit": 501}])
def test_bad_filters_are_400(log, params):
    assert_error(log["crm"].get("/interactions", params=params), 400, "bad_request")


def test_limit_is_50_by_default(tclient):
    crm = new_workshop(tclient, "Oficina Muitos")
    for i in range(53):
        crm.interaction(channel="OTHER", summary=f"Contato {i}")
    resp = crm.get("/interactions")
    assert len(json_of(resp, 200)) == 50
    assert total_count(resp) == 53
    assert len(crm.list("/interactions", limit=100)) == 53
    rest = crm.list("/interactions", offset=50)
    assert [r["summary"] for r in rest] == ["Contato 2", "Contato 1", "Contato 0"]
