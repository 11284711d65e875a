"""Stock movements: /management/parts/{id}/stock-movement and /movements (API.md §3)."""
import pytest

from support.helpers import MISSING_ID, assert_error, json_of
from support.workshop import BASE_IDS, Shop, assert_validation, bases, iso_utc, movement_sum, same_id
from support.workshop import wclient, shop  # noqa: F401  (module-scoped fixtures)

MOVEMENT_FIELDS = {"id", "movement_type", "quantity", "reason", "related_order_id", "created_at", "user_id"}


def _ok(resp, stock):
    data = json_of(resp, 200)
    assert isinstance(data.get("message"), str) and data["message"].strip(), f"answer {{message, stock}}: {data!r}"
    assert data.get("stock") == stock, f"expected stock {stock}: {data!r}"
    return data


@pytest.mark.parametrize("base", range(4), ids=BASE_IDS)
def test_in_out_adjust_under_every_prefix(shop, base):
    s = shop.under(bases(shop.account)[base])
    part = s.part(quantity_in_stock=5)
    _ok(s.move(part["id"], "in", 10, reason="Compra NF 123"), 15)
    _ok(s.move(part["id"], "out", 4, reason="Uso interno"), 11)
    _ok(s.move(part["id"], "adjust", 8, reason="Inventário"), 8)
    assert s.stock(part["id"]) == 8
    moves = s.movements(part["id"])
    assert [m["movement_type"] for m in moves] == ["adjust", "out", "in", "in"], "newest first"
    assert [m["reason"] for m in moves[:3]] == ["Inventário", "Uso interno", "Compra NF 123"]


def test_movement_rows_carry_every_field(shop):
    part = shop.part(quantity_in_stock=0)
    _ok(shop.move(part["id"], "in", 3, reason="Compra"), 3)
    moves = shop.movements(part["id"])
    newest = moves[0]
    assert MOVEMENT_FIELDS <= set(newest), f"movement lacks {MOVEMENT_FIELDS - set(newest)}"
    assert newest["movement_type"] == "in"
    assert newest["quantity"] == 3
    assert newest["reason"] == "Compra"
    assert newest["related_order_id"] is None
    assert same_id(newest["user_id"], shop.user_id)
    iso_utc(newest["created_at"])


def test_related_order_id_is_kept(shop):
    order = shop.order()
    part = shop.part(quantity_in_stock=5)
    _ok(shop.move(part["id"], "out", 1, reason="Usada na OS", related_order_id=order["id"]), 4)
    assert same_id(shop.movements(part["id"])[0]["related_order_id"], order["id"])


def test_out_beyond_stock_is_refused_and_changes_nothing(shop):
    part = shop.part(quantity_in_stock=3)
    before = shop.movements(part["id"])
    assert_error(shop.move(part["id"], "out", 4), 422, "insufficient_stock")
    assert shop.stock(part["id"]) == 3
    assert shop.movements(part["id"]) == before
    _ok(shop.move(part["id"], "out", 3), 0)
    assert_error(shop.move(part["id"], "out", 1), 422, "insufficient_stock")
    assert shop.stock(part["id"]) == 0


def test_adjust_sets_the_count_up_and_down_and_to_zero(shop):
    part = shop.part(quantity_in_stock=10)
    _ok(shop.move(part["id"], "adjust", 25), 25)
    _ok(shop.move(part["id"], "adjust", 2), 2)
    _ok(shop.move(part["id"], "adjust", 0), 0)
    assert shop.stock(part["id"]) == 0


def test_movements_add_up_to_the_stock(shop):
    part = shop.part(quantity_in_stock=7)
    for kind, qty in (("in", 5), ("out", 2), ("out", 9), ("in", 1)):
        json_of(shop.move(part["id"], kind, qty), 200)
    assert shop.stock(part["id"]) == 2
    assert movement_sum(shop.movements(part["id"])) == 2


@pytest.mark.parametrize("body,field", [
    ({"movement_type": "transfer", "quantity": 1}, "movement_type"),
    ({"movement_type": "IN_", "quantity": 1}, "movement_type"),
    ({"quantity": 1}, "movement_type"),
    ({"movement_type": "in"}, "quantity"),
    ({"movement_type": "in", "quantity": 0}, "quantity"),
    ({"movement_type": "in", "quantity": -2}, "quantity"),
    ({"movement_type": "out", "quantity": -2}, "quantity"),
    ({"movement_type": "adjust", "quantity": -1}, "quantity"),
    ({"movement_type": "in", "quantity": "muitos"}, "quantity"),
], ids=["unknown-type", "bad-type", "no-type", "no-quantity", "zero", "negative-in", "negative-out",
        "negative-adjust", "text"])
def test_validation(shop, body, field):
    part = shop.part(quantity_in_stock=5)
    assert_validation(shop.post(f"/parts/{part['id']}/stock-movement", body), field)
    assert shop.stock(part["id"]) == 5
    assert len(shop.movements(part["id"])) == 1


def test_unknown_part(shop):
    assert_error(shop.move(MISSING_ID, "in", 1), 404, "not_found")
    assert_error(shop.get(f"/parts/{MISSING_ID}/movements"), 404, "not_found")


def test_body_must_be_json(shop):
    part = shop.part()
    resp = shop.client.post(f"/management/parts/{part['id']}/stock-movement", content=b"movement_type=in",
                            headers={**shop.headers, "Content-Type": "text/plain"})
    assert_error(resp, 400, "bad_request")


@pytest.mark.parametrize("role", ["ATTENDANT", "MECHANIC"])
def test_staff_cannot_move_stock(team, shop, wclient, role):
    part = shop.part(quantity_in_stock=5)
    s = Shop(wclient, team[role])
    for kind in ("in", "out", "adjust"):
        assert_error(s.move(part["id"], kind, 1), 403, "forbidden")
    assert shop.stock(part["id"]) == 5
    assert len(s.movements(part["id"])) == 1  # reading is allowed


def test_manager_moves_stock(team, shop, wclient):
    part = shop.part(quantity_in_stock=5)
    manager = Shop(wclient, team["MANAGER"])
    _ok(manager.move(part["id"], "in", 1), 6)
    assert same_id(shop.movements(part["id"])[0]["user_id"], team["MANAGER"].id)


def test_movements_list_paginates(shop):
    part = shop.part(quantity_in_stock=1)
    for _ in range(4):
        json_of(shop.move(part["id"], "in", 1), 200)
    resp = shop.get(f"/parts/{part['id']}/movements", params={"limit": 2})
    rows = json_of(resp, 200)
    assert len(rows) == 2
    assert resp.headers.get("x-total-count") == "5"
