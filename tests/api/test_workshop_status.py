"""The service-order state machine: PATCH /management/os/{id}/status (API.md §3)."""
import pytest

from support.helpers import MISSING_ID, assert_error, json_of
from support.workshop import BASE_IDS, Shop, assert_validation, bases, iso_utc, parse_ts, same_id
from support.workshop import wclient, shop  # noqa: F401  (module-scoped fixtures)

STATUSES = ("OPEN", "IN_PROGRESS", "WAITING_PARTS", "COMPLETED", "CANCELLED")
ALLOWED = {
    "OPEN": {"IN_PROGRESS", "WAITING_PARTS", "COMPLETED", "CANCELLED"},
    "IN_PROGRESS": {"WAITING_PARTS", "COMPLETED", "CANCELLED"},
    "WAITING_PARTS": {"IN_PROGRESS", "COMPLETED", "CANCELLED"},
    "COMPLETED": {"IN_PROGRESS"},
    "CANCELLED": set(),
}
# How to bring a fresh (OPEN) order to each status, as OWNER.
PATH_TO = {
    "OPEN": [],
    "IN_PROGRESS": ["IN_PROGRESS"],
    "WAITING_PARTS": ["WAITING_PARTS"],
    "COMPLETED": ["COMPLETED"],
    "CANCELLED": ["CANCELLED"],
}
VALID_MOVES = [(a, b) for a in STATUSES for b in sorted(ALLOWED[a])]
INVALID_MOVES = [(a, b) for a in STATUSES for b in STATUSES if b not in ALLOWED[a]]


@pytest.fixture(scope="module")
def bike(shop):
    return shop.moto(shop.customer()["id"])


def _order_at(shop, bike, status):
    order = shop.order(bike["customer_id"], bike["id"])
    shop.move_to(order["id"], *PATH_TO[status])
    return order


@pytest.mark.parametrize("src,dst", VALID_MOVES, ids=[f"{a}->{b}" for a, b in VALID_MOVES])
def test_allowed_moves(shop, bike, src, dst):
    order = _order_at(shop, bike, src)
    resp = shop.set_status(order["id"], dst)
    data = json_of(resp, 200)
    assert same_id(data.get("id"), order["id"]) and data.get("status") == dst, data
    assert shop.get_order(order["id"])["status"] == dst


@pytest.mark.parametrize("src,dst", INVALID_MOVES, ids=[f"{a}->{b}" for a, b in INVALID_MOVES])
def test_refused_moves(shop, bike, src, dst):
    order = _order_at(shop, bike, src)
    before = shop.get_order(order["id"])
    assert_error(shop.set_status(order["id"], dst), 422, "invalid_transition")
    after = shop.get_order(order["id"])
    assert after["status"] == src
    assert after["history"] == before["history"]
    assert after["closed_at"] == before["closed_at"]


@pytest.mark.parametrize("base", range(4), ids=BASE_IDS)
def test_status_route_under_every_prefix(shop, bike, base):
    s = shop.under(bases(shop.account)[base])
    order = s.order(bike["customer_id"], bike["id"])
    assert json_of(s.set_status(order["id"], "IN_PROGRESS"), 200)["status"] == "IN_PROGRESS"


@pytest.mark.parametrize("body", [{}, {"status": None}, {"status": ""}, {"status": "DONE"},
                                  {"status": "open_"}, {"status": 3}],
                         ids=["missing", "null", "empty", "unknown", "garbage", "number"])
def test_status_validation(shop, bike, body):
    order = shop.order(bike["customer_id"], bike["id"])
    assert_validation(shop.patch(f"/os/{order['id']}/status", body), "status")
    assert shop.get_order(order["id"])["status"] == "OPEN"


def test_unknown_order(shop):
    assert_error(shop.set_status(MISSING_ID, "IN_PROGRESS"), 404, "not_found")


def test_completed_stamps_closed_at_and_history(shop, bike):
    order = shop.order(bike["customer_id"], bike["id"])
    assert order["closed_at"] is None
    shop.move_to(order["id"], "IN_PROGRESS", "WAITING_PARTS", "IN_PROGRESS")
    assert shop.get_order(order["id"])["closed_at"] is None
    shop.move_to(order["id"], "COMPLETED")
    done = shop.get_order(order["id"])
    iso_utc(done["closed_at"])
    assert parse_ts(done["closed_at"]) >= parse_ts(done["created_at"])
    history = done["history"]
    expected = ["OPEN", "IN_PROGRESS", "WAITING_PARTS", "IN_PROGRESS", "COMPLETED"]
    statuses = [h["status"] for h in history]
    assert statuses in (expected, expected[::-1]), f"history in time order, got {statuses}"
    for entry in history:
        iso_utc(entry["at"])
        assert same_id(entry["user_id"], shop.user_id)
    ats = [parse_ts(h["at"]) for h in history]
    assert ats in (sorted(ats), sorted(ats, reverse=True))
    row = next(r for r in shop.list("/os", status="COMPLETED") if str(r["id"]) == str(order["id"]))
    assert row["closed_at"] == done["closed_at"]


def test_history_records_who_moved(team, shop, wclient, bike):
    order = shop.order(bike["customer_id"], bike["id"])
    Shop(wclient, team["MECHANIC"]).move_to(order["id"], "IN_PROGRESS")
    Shop(wclient, team["ATTENDANT"]).move_to(order["id"], "WAITING_PARTS")
    history = shop.get_order(order["id"])["history"]
    by_status = {h["status"]: h for h in history}
    assert same_id(by_status["OPEN"]["user_id"], shop.user_id)
    assert same_id(by_status["IN_PROGRESS"]["user_id"], team["MECHANIC"].id)
    assert same_id(by_status["WAITING_PARTS"]["user_id"], team["ATTENDANT"].id)
    # The name is there for people to read; it is the mover's, never another tenant's.
    assert by_status["IN_PROGRESS"]["user_name"] == team["MECHANIC"].user["name"]
    assert by_status["WAITING_PARTS"]["user_name"] == team["ATTENDANT"].user["name"]


# --------------------------------------------------------------------------- roles

MECHANIC_MOVES = [("OPEN", "IN_PROGRESS"), ("OPEN", "WAITING_PARTS"), ("OPEN", "COMPLETED"),
                  ("IN_PROGRESS", "WAITING_PARTS"), ("IN_PROGRESS", "COMPLETED"),
                  ("WAITING_PARTS", "IN_PROGRESS"), ("WAITING_PARTS", "COMPLETED")]
CANCELS = [("OPEN", "CANCELLED"), ("IN_PROGRESS", "CANCELLED"), ("WAITING_PARTS", "CANCELLED")]
REOPEN = ("COMPLETED", "IN_PROGRESS")


@pytest.mark.parametrize("src,dst", MECHANIC_MOVES, ids=[f"{a}->{b}" for a, b in MECHANIC_MOVES])
def test_mechanic_moves_work_forward(team, shop, wclient, bike, src, dst):
    order = _order_at(shop, bike, src)
    assert json_of(Shop(wclient, team["MECHANIC"]).set_status(order["id"], dst), 200)["status"] == dst


@pytest.mark.parametrize("role", ["MECHANIC", "ATTENDANT"])
@pytest.mark.parametrize("src,dst", CANCELS + [REOPEN], ids=[f"{a}->{b}" for a, b in CANCELS + [REOPEN]])
def test_cancel_and_reopen_are_forbidden_to_staff(team, shop, wclient, bike, role, src, dst):
    order = _order_at(shop, bike, src)
    assert_error(Shop(wclient, team[role]).set_status(order["id"], dst), 403, "forbidden")
    assert shop.get_order(order["id"])["status"] == src


@pytest.mark.parametrize("src,dst", MECHANIC_MOVES, ids=[f"{a}->{b}" for a, b in MECHANIC_MOVES])
def test_attendant_moves(team, shop, wclient, bike, src, dst):
    order = _order_at(shop, bike, src)
    assert json_of(Shop(wclient, team["ATTENDANT"]).set_status(order["id"], dst), 200)["status"] == dst


@pytest.mark.parametrize("role", ["OWNER", "MANAGER"])
def test_owner_and_manager_cancel_and_reopen(team, shop, wclient, bike, role):
    s = Shop(wclient, team[role])
    order = _order_at(shop, bike, "IN_PROGRESS")
    assert json_of(s.set_status(order["id"], "CANCELLED"), 200)["status"] == "CANCELLED"
    order = _order_at(shop, bike, "COMPLETED")
    assert json_of(s.set_status(order["id"], "IN_PROGRESS"), 200)["status"] == "IN_PROGRESS"
    reopened = shop.get_order(order["id"])
    assert reopened["status"] == "IN_PROGRESS"
    assert reopened["closed_at"] is None, "reopen clears closed_at (docs/openapi.json)"
    s.move_to(order["id"], "COMPLETED")
    iso_utc(shop.get_order(order["id"])["closed_at"])


def test_mechanic_invalid_move_is_still_invalid(team, shop, wclient, bike):
    order = _order_at(shop, bike, "IN_PROGRESS")
    assert_error(Shop(wclient, team["MECHANIC"]).set_status(order["id"], "OPEN"), 422, "invalid_transition")
