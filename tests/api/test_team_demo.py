"""The demo workshop's team (POST /users/seed-demo): two mechanics and the front desk
can log in (demo123) and are on the staff; tasks in every status, late and due today;
interactions on every channel; mechanics on the demo orders, so "minhas OS", the
dashboard and commissions have something to show."""
import pytest

from support.helpers import json_of, login_ok
from support.team import CHANNELS, TASK_STATUSES, Crm, day, tclient  # noqa: F401

LOGINS = {"mecanico1@motogestor.com": "MECHANIC", "mecanico2@motogestor.com": "MECHANIC",
          "atendente@motogestor.com": "ATTENDANT"}


@pytest.fixture(scope="module")
def demo(tclient):
    assert tclient.post("/users/seed-demo").status_code == 201
    return Crm(tclient, login_ok(tclient, "demo@motogestor.com", "demo123"))


def test_the_demo_logins_are_on_the_staff(demo, tclient):
    staff = demo.list("/staff")
    by_email = {s["user_email"]: s for s in staff if s["user_email"]}
    assert set(by_email) == set(LOGINS)
    for email, role in LOGINS.items():
        account = login_ok(tclient, email, "demo123")
        assert account.user["role"] == role
        assert account.tenant_id == demo.tenant_id
        me = demo.as_(account).one("/staff/me")
        assert me["id"] == by_email[email]["id"]
        assert me["name"] == account.user["name"]
    assert len(staff) == 5
    assert [s["name"] for s in staff if not s["is_active"]] == ["Sérgio Nunes"]  # left
    assert [s["name"] for s in staff if s["user_id"] is None and s["is_active"]] == [
        "Diego Ferreira"]  # no login
    carlos = by_email["mecanico1@motogestor.com"]
    assert (carlos["labor_commission_percent"], carlos["parts_commission_percent"]) == (10, 3)


def test_tasks_in_every_status(demo):
    tasks = demo.list("/tasks", limit=500)
    by_status = {s: sum(1 for t in tasks if t["status"] == s) for s in TASK_STATUSES}
    assert by_status == {"OPEN": 4, "IN_PROGRESS": 1, "WAITING": 2, "DONE": 3, "CANCELLED": 1}
    assert sum(1 for t in tasks if t["late"]) == 2
    assert sum(1 for t in tasks if t["due_date"] == day(0) and t["status"] not in ("DONE", "CANCELLED")) == 2
    assert all(t["completed_at"] for t in tasks if t["status"] == "DONE")
    assert sum(1 for t in tasks if t["related_order_id"]) == 6
    assert demo.one("/dashboard/summary")["tasks"] == {"open": 7, "late": 2, "done_in_period": 1}


def test_interactions_on_every_channel(demo):
    rows = demo.list("/interactions", limit=500)
    assert len(rows) == 12
    assert {i["channel"] for i in rows} == set(CHANNELS)
    assert {i["direction"] for i in rows} == {"IN", "OUT"}
    assert all(i["customer_id"] for i in rows)
    assert demo.one("/dashboard/summary")["interactions"] == {"total_in_period": 5,
                                                              "whatsapp_in_period": 3}


def test_mechanics_on_the_demo_orders(demo, tclient):
    orders = demo.shop.list("/os", limit=500)
    names = [o["assigned_staff_name"] for o in sorted(orders, key=lambda o: o["number"])]
    c, r, d = "Carlos Mendes", "Rafael Teixeira", "Diego Ferreira"
    # By number: the cancelled (#6, #14) and the newest (#16) have none.
    assert names == [c, r, c, r, c, None, r, c, r, c, r, c, r, None, d, None]
    mechanic = Crm(tclient, login_ok(tclient, "mecanico1@motogestor.com", "demo123"))
    mine = mechanic.shop.list("/os", mine=1)
    assert sorted(o["number"] for o in mine) == [1, 3, 5, 8, 10, 12]
    report = json_of(demo.get("/commissions", params={"start": day(-90), "end": day(0)}), 200)
    assert [s["staff_name"] for s in report["staff"]] == ["Carlos Mendes", "Rafael Teixeira"]
    assert [sorted(o["number"] for o in s["orders"]) for s in report["staff"]] == [
        [1, 3, 5, 8, 10], [2, 4, 7]]
