"""`GET /teamcrm/dashboard/summary?days=7` (API.md §5) and the team's part of
`GET /overview` (API.md §6): open and late tasks (late = open and past due), tasks done
and interactions in the period (the last `days` × 24 h), WhatsApp among them; the
overview's `tasks` key counts open, late and due-today tasks."""
import pytest

from support.helpers import assert_error, auth, json_of
from support.team import ago, day, new_workshop, tclient  # noqa: F401

SUMMARY_KEYS = {"period_days", "tasks", "interactions"}


def summary(crm, **params):
    body = json_of(crm.get("/dashboard/summary", params=params or None), 200)
    assert set(body) == SUMMARY_KEYS
    assert set(body["tasks"]) == {"open", "late", "done_in_period"}
    assert set(body["interactions"]) == {"total_in_period", "whatsapp_in_period"}
    return body


def test_an_empty_workshop(tclient):
    crm = new_workshop(tclient, "Oficina Vazia")
    assert summary(crm) == {"period_days": 7,
                            "tasks": {"open": 0, "late": 0, "done_in_period": 0},
                            "interactions": {"total_in_period": 0, "whatsapp_in_period": 0}}


def test_the_counts(tclient):
    crm = new_workshop(tclient, "Oficina Painel")
    # Open: OPEN, IN_PROGRESS, WAITING; late among them: past due.
    crm.task(due_date=day(-3))                       # open, late
    crm.task(status="WAITING", due_date=day(-1))     # open, late
    crm.task(status="IN_PROGRESS", due_date=day(0))  # open, due today: not late
    crm.task()                                       # open, no due date
    crm.task(status="DONE", due_date=day(-10))       # done now: in the period, not late
    crm.task(status="CANCELLED", due_date=day(-2))   # neither open nor late
    reopened = crm.task(status="DONE")
    crm.set_task(reopened["id"], status="OPEN", due_date=day(1))  # open again, not done
    crm.interaction(channel="WHATSAPP", occurred_at=ago(hours=20))
    crm.interaction(channel="whatsapp", occurred_at=ago(days=6, hours=23))
    crm.interaction(channel="PHONE", occurred_at=ago(hours=3))
    crm.interaction(channel="WHATSAPP", occurred_at=ago(days=7, hours=1))  # before the period
    crm.interaction(channel="EMAIL", occurred_at=ago(days=20))
    assert summary(crm) == {"period_days": 7,
                            "tasks": {"open": 5, "late": 2, "done_in_period": 1},
                            "interactions": {"total_in_period": 3, "whatsapp_in_period": 2}}
    assert summary(crm, days=1)["interactions"] == {"total_in_period": 2, "whatsapp_in_period": 1}
    assert summary(crm, days=30) == {"period_days": 30,
                                     "tasks": {"open": 5, "late": 2, "done_in_period": 1},
                                     "interactions": {"total_in_period": 5,
                                                      "whatsapp_in_period": 3}}
    # Under every spelling of the prefix.
    for base in ("/api/teamcrm", f"/teamcrm/{crm.tenant_id}", f"/api/teamcrm/{crm.tenant_id}"):
        assert summary(crm.under(base))["tasks"] == {"open": 5, "late": 2, "done_in_period": 1}


@pytest.mark.parametrize("days", ["0", "367", "-1", "sete", "1.5"])
def test_bad_days_is_400(tclient, days):
    crm = new_workshop(tclient, "Oficina Dias")
    assert_error(crm.get("/dashboard/summary", params={"days": days}), 400, "bad_request")


def test_summary_needs_a_token(tclient):
    assert_error(tclient.get("/teamcrm/dashboard/summary"), 401, "unauthorized")


def test_overview_has_the_tasks_key(tclient):
    crm = new_workshop(tclient, "Oficina Visão")
    crm.task(due_date=day(-1))
    crm.task(due_date=day(0))
    crm.task(due_date=day(0), status="WAITING")
    crm.task(due_date=day(0), status="DONE")
    crm.task(due_date=day(2))
    crm.task()
    other = new_workshop(tclient, "Oficina Visão Outra")
    other.task(due_date=day(0))
    for prefix in ("", "/api"):
        body = json_of(tclient.get(f"{prefix}/overview", headers=auth(crm.account.access_token)),
                       200)
        assert body["tasks"] == {"open_count": 5, "late_count": 1, "due_today": 2}
