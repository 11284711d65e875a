"""`GET /teamcrm/customers/{id}/timeline`: a customer's interactions and their orders'
status changes (the first, OPEN, is the order being opened), newest first, paginated
with `limit`/`offset` and `X-Total-Count`; another workshop's customer is 404."""
import time

import pytest

from support.helpers import MISSING_ID, assert_error, json_of
from support.team import ago, new_workshop, tclient  # noqa: F401
from support.workshop import parse_ts, total_count

INTERACTION_KEYS = {"kind", "key", "id", "at", "channel", "direction", "summary", "details",
                    "staff_id", "staff_name", "order_id", "order_number"}
STATUS_KEYS = {"kind", "key", "id", "at", "order_id", "order_number", "status", "from_status",
               "user_id", "user_name", "description", "motorcycle_plate", "motorcycle_model"}


@pytest.fixture(scope="module")
def story(tclient):
    crm = new_workshop(tclient, "Oficina Histórico")
    shop = crm.shop
    ana = shop.customer(name="Ana")
    bruno = shop.customer(name="Bruno")
    pat = crm.staff(name="Patrícia")
    first = crm.interaction(channel="PHONE", direction="IN", customer_id=ana["id"],
                            summary="Pediu orçamento", staff_id=pat["id"],
                            occurred_at=ago(days=2))
    order = shop.order(customer_id=ana["id"], description="Troca de óleo")
    time.sleep(0.01)
    shop.move_to(order["id"], "IN_PROGRESS")
    time.sleep(0.01)
    shop.move_to(order["id"], "COMPLETED")
    time.sleep(0.01)
    last = crm.interaction(channel="WHATSAPP", related_order_id=order["id"],
                           summary="Moto pronta para retirada")
    crm.interaction(channel="EMAIL", customer_id=bruno["id"])  # Bruno's, not Ana's
    shop.order(customer_id=bruno["id"])
    return {"crm": crm, "ana": ana, "bruno": bruno, "order": shop.get_order(order["id"]),
            "pat": pat, "first": first, "last": last}


def timeline(story, customer="ana", **params):
    resp = story["crm"].get(f"/customers/{story[customer]['id']}/timeline", params=params or None)
    return json_of(resp, 200), total_count(resp)


def test_newest_first_with_every_kind(story):
    rows, total = timeline(story)
    assert total == 5
    assert [(r["kind"], r.get("status")) for r in rows] == [
        ("interaction", None), ("order_status", "COMPLETED"), ("order_status", "IN_PROGRESS"),
        ("order_status", "OPEN"), ("interaction", None)]
    ats = [parse_ts(r["at"]) for r in rows]
    assert ats == sorted(ats, reverse=True)
    assert len({r["key"] for r in rows}) == 5

    last, completed, started, opened, first = rows
    assert set(last) == INTERACTION_KEYS
    assert last["key"] == f"interaction-{story['last']['id']}"
    assert (last["channel"], last["direction"], last["summary"]) == (
        "WHATSAPP", "OUT", "Moto pronta para retirada")
    assert (last["order_id"], last["order_number"]) == (story["order"]["id"],
                                                       story["order"]["number"])
    assert last["at"] == story["last"]["occurred_at"]
    assert (first["staff_id"], first["staff_name"]) == (story["pat"]["id"], "Patrícia")
    assert (first["order_id"], first["order_number"]) == (None, None)

    assert set(completed) == STATUS_KEYS
    assert (completed["status"], completed["from_status"]) == ("COMPLETED", "IN_PROGRESS")
    assert (started["status"], started["from_status"]) == ("IN_PROGRESS", "OPEN")
    assert (opened["status"], opened["from_status"]) == ("OPEN", None)
    order = story["order"]
    for r in (completed, started, opened):
        assert (r["order_id"], r["order_number"]) == (order["id"], order["number"])
        assert r["description"] == "Troca de óleo"
        assert (r["motorcycle_plate"], r["motorcycle_model"]) == (order["motorcycle_plate"],
                                                                 order["motorcycle_model"])
        assert r["user_id"] == story["crm"].account.id
        assert r["user_name"] == story["crm"].account.user["name"]
    assert [h["at"] for h in reversed(order["history"])] == [completed["at"], started["at"],
                                                              opened["at"]]


def test_pages(story):
    whole, _ = timeline(story)
    page, total = timeline(story, limit=2, offset=1)
    assert total == 5
    assert [r["key"] for r in page] == [r["key"] for r in whole[1:3]]
    rest, _ = timeline(story, offset=4)
    assert [r["key"] for r in rest] == [whole[4]["key"]]
    assert timeline(story, offset=10) == ([], 5)
    assert_error(story["crm"].get(f"/customers/{story['ana']['id']}/timeline",
                                  params={"limit": 0}), 400, "bad_request")


def test_only_the_customers_own(story):
    rows, total = timeline(story, "bruno")
    assert total == 2
    assert [(r["kind"], r.get("status")) for r in rows] == [("order_status", "OPEN"),
                                                            ("interaction", None)]


def test_a_customer_without_history(story):
    fresh = story["crm"].shop.customer()
    resp = story["crm"].get(f"/customers/{fresh['id']}/timeline")
    assert json_of(resp, 200) == []
    assert total_count(resp) == 0


def test_missing_and_foreign_customers_are_404(story, tclient):
    assert_error(story["crm"].get(f"/customers/{MISSING_ID}/timeline"), 404, "not_found")
    other = new_workshop(tclient, "Oficina Histórico Outra")
    assert_error(other.get(f"/customers/{story['ana']['id']}/timeline"), 404, "not_found")
