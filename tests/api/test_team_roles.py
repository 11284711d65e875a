"""The role table of API.md §2 on `/teamcrm`: everyone reads; staff and a task's
title and assignment are the OWNER's and the MANAGER's; tasks (create, change status)
and interactions are everyone's; commissions are money (OWNER, MANAGER). A refusal is
403 forbidden and changes nothing."""
import pytest

from support.helpers import ROLES, assert_error, json_of
from support.team import Crm, day, tclient  # noqa: F401

MANAGERS = ("OWNER", "MANAGER")


@pytest.fixture(scope="module")
def crew(team, tclient):
    """The module's workshop (a user of each role), each role's Crm, and a staff record
    linked to every user."""
    crms = {role: Crm(tclient, account) for role, account in team.items()}
    owner = crms["OWNER"]
    staff = {role: owner.staff(name=f"Equipe {role.title()}", user_id=account.id)
             for role, account in team.items()}
    other = owner.staff(name="Sem login")
    customer = owner.shop.customer()
    order = owner.shop.order(customer_id=customer["id"])
    task = owner.task(title="Tarefa do quadro")
    return {"crm": crms, "staff": staff, "other": other, "customer": customer, "order": order,
            "task": task}


@pytest.mark.parametrize("role", ROLES)
def test_everyone_reads(crew, role):
    c = crew["crm"][role]
    for path in ("/staff", "/tasks", "/interactions"):
        json_of(c.get(path), 200)
    json_of(c.get(f"/staff/{crew['other']['id']}"), 200)
    json_of(c.get(f"/tasks/{crew['task']['id']}"), 200)
    assert c.one("/staff/me")["id"] == crew["staff"][role]["id"]
    json_of(c.get("/dashboard/summary"), 200)
    json_of(c.get(f"/customers/{crew['customer']['id']}/timeline"), 200)


@pytest.mark.parametrize("role", ROLES)
def test_staff_is_the_managers(crew, role):
    c = crew["crm"][role]
    before = crew["crm"]["OWNER"].one(f"/staff/{crew['other']['id']}")
    created = c.post("/staff", {"name": "Novo " + role})
    patched = c.patch(f"/staff/{crew['other']['id']}", {"role": "Mudado por " + role})
    if role in MANAGERS:
        json_of(created, 201)
        assert json_of(patched, 200)["role"] == "Mudado por " + role
        json_of(c.patch(f"/staff/{crew['other']['id']}", {"role": before["role"]}), 200)
    else:
        assert_error(created, 403, "forbidden")
        assert_error(patched, 403, "forbidden")
        assert crew["crm"]["OWNER"].one(f"/staff/{crew['other']['id']}") == before


@pytest.mark.parametrize("role", ROLES)
def test_everyone_creates_tasks_for_nobody_or_themselves(crew, role):
    c = crew["crm"][role]
    assert c.task(title="Sem responsável")["assigned_to_id"] is None
    own = crew["staff"][role]["id"]
    assert c.task(title="Minha", assigned_to_id=own)["assigned_to_id"] == own
    others = c.post("/tasks", {"title": "Para outro", "assigned_to_id": crew["other"]["id"]})
    if role in MANAGERS:
        assert json_of(others, 201)["assigned_to_id"] == crew["other"]["id"]
    else:
        assert_error(others, 403, "forbidden")


@pytest.mark.parametrize("role", ROLES)
def test_everyone_moves_a_tasks_status(crew, role):
    c = crew["crm"][role]
    t = crew["crm"]["OWNER"].task(title="Status por " + role)
    assert c.set_task(t["id"], status="IN_PROGRESS")["status"] == "IN_PROGRESS"
    assert c.set_task(t["id"], status="DONE")["completed_at"] is not None


@pytest.mark.parametrize("field,value", [("title", "Outro título"), ("assigned_to_id", "other"),
                                         ("assigned_to_id", None), ("description", "Outra"),
                                         ("due_date", "today"), ("priority", "URGENT")])
@pytest.mark.parametrize("role", ROLES)
def test_title_assignment_and_the_rest_are_the_managers(crew, role, field, value):
    owner = crew["crm"]["OWNER"]
    t = owner.task(title="Original", assigned_to_id=crew["staff"][role]["id"])
    if value == "other":
        value = crew["other"]["id"]
    elif value == "today":
        value = day(0)
    resp = crew["crm"][role].patch(f"/tasks/{t['id']}", {field: value, "status": "DONE"})
    if role in MANAGERS:
        assert json_of(resp, 200)[field] == value
    else:
        err = assert_error(resp, 403, "forbidden")
        assert field in err["message"]
        assert owner.one(f"/tasks/{t['id']}") == t, "a refused change changes nothing"
    # The task carries what the role may do with it.
    assert crew["crm"][role].one(f"/tasks/{t['id']}")["can"] == {
        "edit": role in MANAGERS, "change_status": True}


@pytest.mark.parametrize("role", ROLES)
def test_everyone_records_interactions(crew, role):
    i = crew["crm"][role].interaction(channel="PHONE", customer_id=crew["customer"]["id"])
    assert i["staff_id"] == crew["staff"][role]["id"]


@pytest.mark.parametrize("role", ROLES)
def test_commissions_are_the_managers(crew, role):
    resp = crew["crm"][role].get("/commissions", params={"start": day(-1), "end": day(0)})
    if role in MANAGERS:
        json_of(resp, 200)
    else:
        assert_error(resp, 403, "forbidden")


@pytest.mark.parametrize("role", ROLES)
def test_the_orders_mechanic_is_the_front_desks(crew, role):
    owner = crew["crm"]["OWNER"]
    order = owner.shop.order()
    resp = crew["crm"][role].shop.patch(f"/os/{order['id']}",
                                        {"assigned_staff_id": crew["other"]["id"]})
    if role == "MECHANIC":
        assert_error(resp, 403, "forbidden")
        assert owner.shop.get_order(order["id"])["assigned_staff_id"] is None
    else:
        assert json_of(resp, 200)["assigned_staff_id"] == crew["other"]["id"]
