"""Tasks `/teamcrm/tasks` (API.md §5): create, read, update; filters `status,
assigned_to_id, related_order_id, due_until, only_open=1` (plus `customer_id`,
`due_from`, `late=1`, `mine=1`); priorities and statuses; `DONE` stamps
`completed_at`, leaving `DONE` clears it; `late` is open and past its due date."""
import pytest

from support.helpers import MISSING_ID, assert_error, create_user, json_of
from support.team import PRIORITIES, TASK_FIELDS, TASK_STATUSES, Crm, day, new_workshop, tclient  # noqa: F401
from support.workshop import assert_validation, iso_utc, parse_ts, total_count


@pytest.fixture(scope="module")
def crm(tclient):
    return new_workshop(tclient, "Oficina Tarefas")


@pytest.fixture(scope="module")
def order(crm):
    return crm.shop.order()


def test_create_answers_the_task_with_its_names(crm, order):
    mechanic = crm.staff(name="Carlos Mendes")
    created = json_of(crm.post("/tasks", {
        "title": "  Ligar para o cliente  ", "description": "Confirmar orçamento",
        "priority": "high", "assigned_to_id": mechanic["id"], "related_order_id": order["id"],
        "due_date": day(2)}), 201)
    assert set(created) == TASK_FIELDS
    assert created["title"] == "Ligar para o cliente"
    assert created["description"] == "Confirmar orçamento"
    assert created["priority"] == "HIGH"
    assert created["status"] == "OPEN"
    assert created["assigned_to_id"] == mechanic["id"]
    assert created["assigned_to_name"] == "Carlos Mendes"
    assert created["related_order_id"] == order["id"]
    assert created["related_order_number"] == order["number"]
    # The order lends its customer.
    assert created["customer_id"] == order["customer_id"]
    assert created["customer_name"] == order["customer_name"]
    assert created["due_date"] == day(2)
    assert created["late"] is False
    assert created["created_by"] == crm.account.id
    assert created["created_by_name"] == crm.account.user["name"]
    assert created["completed_at"] is None
    assert created["can"] == {"edit": True, "change_status": True}
    iso_utc(created["created_at"])
    assert crm.one(f"/tasks/{created['id']}") == created


def test_defaults(crm):
    t = crm.task()
    assert (t["priority"], t["status"]) == ("NORMAL", "OPEN")
    for key in ("description", "assigned_to_id", "related_order_id", "customer_id", "due_date"):
        assert t[key] is None, key


def test_done_stamps_completed_at_and_leaving_done_clears_it(crm):
    t = crm.task()
    done = crm.set_task(t["id"], status="DONE")
    assert done["status"] == "DONE"
    stamped = iso_utc(done["completed_at"])
    # Staying DONE keeps the stamp.
    again = crm.set_task(t["id"], status="DONE", title="Renomeada")
    assert again["completed_at"] == stamped
    reopened = crm.set_task(t["id"], status="IN_PROGRESS")
    assert reopened["completed_at"] is None
    assert crm.one(f"/tasks/{t['id']}")["completed_at"] is None
    for status in ("WAITING", "CANCELLED", "OPEN"):
        assert crm.set_task(t["id"], status=status)["completed_at"] is None
    # Created DONE: stamped at once.
    born_done = crm.task(status="DONE")
    assert parse_ts(born_done["completed_at"]) >= parse_ts(born_done["created_at"])


@pytest.mark.parametrize("status", TASK_STATUSES)
def test_every_status_is_reachable_from_every_other(crm, status):
    t = crm.task()
    for to in TASK_STATUSES:
        if to != status:
            crm.set_task(t["id"], status=to)
        assert crm.set_task(t["id"], status=status)["status"] == status


@pytest.mark.parametrize("priority", PRIORITIES)
def test_priorities(crm, priority):
    assert crm.task(priority=priority)["priority"] == priority


def test_late_is_open_and_past_due(crm):
    late = crm.task(due_date=day(-1))
    today = crm.task(due_date=day(0))
    assert late["late"] is True
    assert today["late"] is False
    assert crm.set_task(late["id"], status="WAITING")["late"] is True
    assert crm.set_task(late["id"], status="DONE")["late"] is False
    assert crm.set_task(late["id"], status="CANCELLED")["late"] is False
    assert crm.set_task(late["id"], status="OPEN", due_date=None)["late"] is False


def test_patch_changes_only_what_it_names(crm, order):
    helper = crm.staff()
    t = crm.task(description="Antes", due_date=day(5), priority="LOW")
    changed = crm.set_task(t["id"], assigned_to_id=helper["id"], related_order_id=order["id"])
    assert changed["description"] == "Antes"
    assert changed["due_date"] == day(5)
    assert changed["priority"] == "LOW"
    assert changed["assigned_to_id"] == helper["id"]
    assert changed["customer_id"] == order["customer_id"]
    cleared = crm.set_task(t["id"], description=None, assigned_to_id=None, due_date="")
    assert (cleared["description"], cleared["assigned_to_id"], cleared["due_date"]) == (None,) * 3
    assert cleared["related_order_id"] == order["id"]


def test_order_and_customer_must_agree(crm, order):
    other_customer = crm.shop.customer()
    err = assert_validation(crm.post("/tasks", {"title": "X", "related_order_id": order["id"],
                                                "customer_id": other_customer["id"]}),
                            "related_order_id")
    assert err["details"]["related_order_id"] == "a OS não é deste cliente"
    t = crm.task(customer_id=other_customer["id"])
    assert_validation(crm.patch(f"/tasks/{t['id']}", {"related_order_id": order["id"]}),
                      "related_order_id")
    both = crm.set_task(t["id"], related_order_id=order["id"], customer_id=order["customer_id"])
    assert both["customer_id"] == order["customer_id"]


def test_references_must_exist(crm):
    inactive = crm.staff()
    json_of(crm.patch(f"/staff/{inactive['id']}", {"is_active": False}), 200)
    for body, field in (({"assigned_to_id": MISSING_ID}, "assigned_to_id"),
                        ({"assigned_to_id": inactive["id"]}, "assigned_to_id"),
                        ({"customer_id": MISSING_ID}, "customer_id"),
                        ({"related_order_id": MISSING_ID}, "related_order_id")):
        assert_validation(crm.post("/tasks", {"title": "X", **body}), field)
    err = assert_validation(crm.post("/tasks", {"title": "X", "assigned_to_id": inactive["id"]}),
                            "assigned_to_id")
    assert err["details"]["assigned_to_id"] == "membro da equipe inativo"


def test_an_inactive_assignee_does_not_block_other_changes(crm):
    s = crm.staff()
    t = crm.task(assigned_to_id=s["id"])
    json_of(crm.patch(f"/staff/{s['id']}", {"is_active": False}), 200)
    assert crm.set_task(t["id"], status="DONE")["assigned_to_id"] == s["id"]


@pytest.mark.parametrize("body,field", [
    ({}, "title"),
    ({"title": ""}, "title"),
    ({"title": "x" * 201}, "title"),
    ({"title": "X", "description": "x" * 4001}, "description"),
    ({"title": "X", "priority": "ALTA"}, "priority"),
    ({"title": "X", "status": "FEITO"}, "status"),
    ({"title": "X", "due_date": "31/12/2026"}, "due_date"),
    ({"title": "X", "due_date": "2026-02-30"}, "due_date"),
    ({"title": "X", "assigned_to_id": "um"}, "assigned_to_id"),
    ({"title": "X", "related_order_id": -3}, "related_order_id"),
    ({"title": "X", "customer_id": 1.5}, "customer_id"),
])
def test_bad_input_is_422_naming_the_field(crm, body, field):
    before = total_count(crm.get("/tasks"))
    assert_validation(crm.post("/tasks", body), field)
    assert total_count(crm.get("/tasks")) == before


def test_a_bad_patch_changes_nothing(crm):
    t = crm.task(title="Original")
    assert_validation(crm.patch(f"/tasks/{t['id']}", {"title": "Nova", "status": "XYZ"}), "status")
    assert_validation(crm.patch(f"/tasks/{t['id']}", {"title": None}), "title")
    assert crm.one(f"/tasks/{t['id']}") == t
    assert_error(crm.patch(f"/tasks/{MISSING_ID}", {"status": "DONE"}), 404, "not_found")
    assert_error(crm.get(f"/tasks/{MISSING_ID}"), 404, "not_found")


# --------------------------------------------------------------------------- filters

@pytest.fixture(scope="module")
def board(tclient):
    """A workshop with a known set of tasks."""
    crm = new_workshop(tclient, "Oficina Quadro")
    mechanic = create_user(tclient, crm.account, "MECHANIC")
    carlos = crm.staff(name="Carlos", user_id=mechanic.id)
    rafael = crm.staff(name="Rafael")
    order = crm.shop.order()
    customer = crm.shop.customer()
    t = {
        "late": crm.task(title="Atrasada", due_date=day(-2), assigned_to_id=carlos["id"],
                         priority="LOW"),
        "today": crm.task(title="Hoje", due_date=day(0), assigned_to_id=rafael["id"],
                          related_order_id=order["id"], priority="URGENT"),
        "today_low": crm.task(title="Hoje baixa", due_date=day(0), priority="LOW"),
        "later": crm.task(title="Depois", due_date=day(3), customer_id=customer["id"],
                          status="IN_PROGRESS"),
        "undated": crm.task(title="Sem data", assigned_to_id=carlos["id"], status="WAITING"),
        "done": crm.task(title="Feita", due_date=day(-5), status="DONE",
                         related_order_id=order["id"]),
        "cancelled": crm.task(title="Cancelada", due_date=day(-1), status="CANCELLED",
                              assigned_to_id=carlos["id"]),
    }
    return {"crm": crm, "mechanic": crm.as_(mechanic), "carlos": carlos, "rafael": rafael,
            "order": order, "customer": customer, "t": t}


def titles(rows):
    return [r["title"] for r in rows]


def test_order_of_the_list(board):
    # Open first; then by due date (undated last), priority, newest.
    assert titles(board["crm"].list("/tasks")) == [
        "Atrasada", "Hoje", "Hoje baixa", "Depois", "Sem data", "Feita", "Cancelada"]


@pytest.mark.parametrize("params,expected", [
    ({"status": "OPEN"}, ["Atrasada", "Hoje", "Hoje baixa"]),
    ({"status": "waiting"}, ["Sem data"]),
    ({"status": "DONE"}, ["Feita"]),
    ({"only_open": 1}, ["Atrasada", "Hoje", "Hoje baixa", "Depois", "Sem data"]),
    ({"only_open": 0}, ["Atrasada", "Hoje", "Hoje baixa", "Depois", "Sem data", "Feita",
                        "Cancelada"]),
    ({"due_until": "{today}"}, ["Atrasada", "Hoje", "Hoje baixa", "Feita", "Cancelada"]),
    ({"due_until": "{today}", "only_open": 1}, ["Atrasada", "Hoje", "Hoje baixa"]),
    ({"due_from": "{today}", "due_until": "{today}"}, ["Hoje", "Hoje baixa"]),
    ({"late": 1}, ["Atrasada"]),
])
def test_filters(board, params, expected):
    params = {k: (v.format(today=day(0)) if isinstance(v, str) else v) for k, v in params.items()}
    resp = board["crm"].get("/tasks", params=params)
    assert titles(json_of(resp, 200)) == expected
    assert total_count(resp) == len(expected)


def test_filters_by_reference(board):
    crm = board["crm"]
    assert titles(crm.list("/tasks", assigned_to_id=board["carlos"]["id"])) == [
        "Atrasada", "Sem data", "Cancelada"]
    assert titles(crm.list("/tasks", assigned_to_id=board["carlos"]["id"], only_open=1)) == [
        "Atrasada", "Sem data"]
    assert titles(crm.list("/tasks", related_order_id=board["order"]["id"])) == ["Hoje", "Feita"]
    assert titles(crm.list("/tasks", customer_id=board["customer"]["id"])) == ["Depois"]
    assert titles(crm.list("/tasks", customer_id=board["order"]["customer_id"])) == [
        "Hoje", "Feita"]
    assert crm.list("/tasks", assigned_to_id=MISSING_ID) == []


def test_mine_is_the_callers_staff_record(board):
    assert titles(board["mechanic"].list("/tasks", mine=1)) == ["Atrasada", "Sem data", "Cancelada"]
    assert titles(board["mechanic"].list("/tasks", mine=1, only_open=1)) == ["Atrasada", "Sem data"]
    # The owner has no staff record: nothing is his.
    resp = board["crm"].get("/tasks", params={"mine": 1})
    assert json_of(resp, 200) == []
    assert total_count(resp) == 0


@pytest.mark.parametrize("params", [
    {"status": "FEITO"}, {"due_until": "amanhã"}, {"due_until": "2026-13-01"},
    {"due_from": "01/01/2026"}, {"only_open": "sim"}, {"late": "x"}, {"mine": "2"},
    {"assigned_to_id": "carlos"}, {"related_order_id": "1.5"}, {"limit": 0}, {"limit": 501},
    {"offset": -1},
])
def test_bad_filters_are_400(board, params):
    assert_error(board["crm"].get("/tasks", params=params), 400, "bad_request")


def test_pagination(board):
    resp = board["crm"].get("/tasks", params={"limit": 2, "offset": 2})
    assert titles(json_of(resp, 200)) == ["Hoje baixa", "Depois"]
    assert total_count(resp) == 7


def test_a_repeated_create_with_an_idempotency_key_creates_once(tclient):
    crm = new_workshop(tclient, "Oficina Repetida")
    body = {"title": "Ligar para o cliente", "due_date": day(1)}
    first = crm.post("/tasks", body, headers={"Idempotency-Key": "tarefa-1"})
    again = crm.post("/tasks", body, headers={"Idempotency-Key": "tarefa-1"})
    assert json_of(again, 201) == json_of(first, 201)
    assert again.headers.get("idempotent-replayed") == "true"
    assert total_count(crm.get("/tasks")) == 1
    assert_error(crm.post("/tasks", {"title": "Outra"}, headers={"Idempotency-Key": "tarefa-1"}),
                 422, "validation_error")
    contact = {"channel": "PHONE", "summary": "Retorno"}
    i1 = crm.post("/interactions", contact, headers={"Idempotency-Key": "contato-1"})
    i2 = crm.post("/interactions", contact, headers={"Idempotency-Key": "contato-1"})
    assert json_of(i2, 201)["id"] == json_of(i1, 201)["id"]
    assert total_count(crm.get("/interactions")) == 1
