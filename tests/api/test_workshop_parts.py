"""Parts: /management/parts (API.md §3)."""
import pytest

from support.helpers import MISSING_ID, assert_error, json_of, register, unique_name
from support.workshop import (BASE_IDS, Shop, assert_validation, bases, cents, ids,
                              is_deleted_status, total_count, unique_sku, unique_tag)
from support.workshop import wclient, shop, other_shop  # noqa: F401  (module-scoped fixtures)

PART_FIELDS = {"id", "sku", "name", "unit_price", "cost_price", "quantity_in_stock", "min_stock",
               "location", "is_active"}


# --------------------------------------------------------------------------- create and read

@pytest.mark.parametrize("base", range(4), ids=BASE_IDS)
def test_create_and_read_under_every_prefix(shop, base):
    s = shop.under(bases(shop.account)[base])
    sku = unique_sku()
    resp = s.post("/parts", {"sku": sku, "name": "Pastilha de freio dianteira", "unit_price": 150.75,
                             "cost_price": "80.10", "quantity_in_stock": 7, "min_stock": 3,
                             "location": "Prateleira B2"})
    created = json_of(resp, 201)
    assert "id" in created
    row = s.one(f"/parts/{created['id']}")
    assert PART_FIELDS <= set(row), f"part lacks {PART_FIELDS - set(row)}"
    assert row["sku"] == sku
    assert row["name"] == "Pastilha de freio dianteira"
    assert cents(row["unit_price"]) == 15075 and row["unit_price"] == 150.75
    assert cents(row["cost_price"]) == 8010
    assert row["quantity_in_stock"] == 7
    assert row["min_stock"] == 3
    assert row["location"] == "Prateleira B2"
    assert row["is_active"] is True
    assert str(created["id"]) in ids(s.list("/parts", q=sku))


def test_initial_stock_is_recorded_as_an_in_movement(shop):
    part = shop.part(quantity_in_stock=12)
    moves = shop.movements(part["id"])
    assert len(moves) == 1, moves
    assert moves[0]["movement_type"] == "in"
    assert moves[0]["quantity"] == 12
    assert str(moves[0]["user_id"]) == str(shop.user_id)


@pytest.mark.parametrize("value,expected", [("150.75", 15075), (150.75, 15075), (10, 1000), ("0.01", 1),
                                            ("1000000000.00", 100_000_000_000), (0, 0), ("7.5", 750)],
                         ids=["string", "number", "integer", "one-cent", "max", "zero", "one-decimal"])
def test_money_inputs(shop, value, expected):
    part = shop.part(unit_price=value)
    assert cents(part["unit_price"]) == expected


@pytest.mark.parametrize("body,field", [
    ({"sku": None}, "sku"), ({"sku": ""}, "sku"), ({"name": None}, "name"), ({"name": "  "}, "name"),
    ({"unit_price": "10.999"}, "unit_price"), ({"unit_price": 10.999}, "unit_price"),
    ({"unit_price": -1}, "unit_price"), ({"unit_price": "-0.01"}, "unit_price"),
    ({"unit_price": "abc"}, "unit_price"), ({"unit_price": "1000000000.01"}, "unit_price"),
    ({"cost_price": "1.001"}, "cost_price"), ({"cost_price": -5}, "cost_price"),
    ({"quantity_in_stock": -1}, "quantity_in_stock"), ({"min_stock": -1}, "min_stock"),
], ids=["no-sku", "empty-sku", "no-name", "blank-name", "price-3dec-str", "price-3dec-num", "price-neg",
        "price-neg-str", "price-text", "price-too-big", "cost-3dec", "cost-neg", "stock-neg", "min-neg"])
def test_validation(shop, body, field):
    full = {"sku": unique_sku(), "name": "Peça", "unit_price": "10.00", **body}
    full = {k: v for k, v in full.items() if v is not None}
    assert_validation(shop.post("/parts", full), field)


def test_sku_unique_case_insensitive(shop):
    sku = unique_sku("Abc")
    shop.part(sku=sku)
    assert_error(shop.post("/parts", {"sku": sku, "name": "Outra"}), 409, "conflict")
    assert_error(shop.post("/parts", {"sku": sku.lower(), "name": "Outra"}), 409, "conflict")
    assert_error(shop.post("/parts", {"sku": sku.upper(), "name": "Outra"}), 409, "conflict")


def test_same_sku_in_another_tenant_is_fine(shop, other_shop):
    sku = unique_sku()
    shop.part(sku=sku)
    assert other_shop.part(sku=sku)["sku"] == sku


def test_unknown_id_is_not_found(shop):
    assert_error(shop.get(f"/parts/{MISSING_ID}"), 404, "not_found")
    assert_error(shop.patch(f"/parts/{MISSING_ID}", {"name": "X"}), 404, "not_found")
    assert_error(shop.delete(f"/parts/{MISSING_ID}"), 404, "not_found")


def test_requires_authentication(shop):
    assert_error(shop.client.get("/management/parts"), 401, "unauthorized")


# --------------------------------------------------------------------------- update, deactivate

def test_patch_updates_fields(shop):
    part = shop.part()
    resp = shop.patch(f"/parts/{part['id']}", {"name": "Óleo 10W30", "unit_price": "45.50", "cost_price": 30,
                                              "min_stock": 5, "location": "C3"})
    json_of(resp, 200)
    after = shop.one(f"/parts/{part['id']}")
    assert after["name"] == "Óleo 10W30"
    assert cents(after["unit_price"]) == 4550
    assert cents(after["cost_price"]) == 3000
    assert after["min_stock"] == 5
    assert after["location"] == "C3"
    assert after["sku"] == part["sku"]


def test_patch_ignores_quantity_in_stock(shop):
    part = shop.part(quantity_in_stock=4)
    resp = shop.patch(f"/parts/{part['id']}", {"quantity_in_stock": 999, "name": "Renomeada"})
    assert resp.status_code == 200, resp.text
    after = shop.one(f"/parts/{part['id']}")
    assert after["quantity_in_stock"] == 4
    assert after["name"] == "Renomeada"
    assert len(shop.movements(part["id"])) == 1


def test_patch_sku_to_a_taken_one_conflicts(shop):
    a, b = shop.part(), shop.part()
    assert_error(shop.patch(f"/parts/{b['id']}", {"sku": a["sku"].lower()}), 409, "conflict")
    assert shop.one(f"/parts/{b['id']}")["sku"] == b["sku"]


@pytest.mark.parametrize("body,field", [({"unit_price": "1.234"}, "unit_price"), ({"unit_price": -3}, "unit_price"),
                                        ({"name": ""}, "name"), ({"sku": ""}, "sku")],
                         ids=["price-3dec", "price-neg", "empty-name", "empty-sku"])
def test_patch_validation(shop, body, field):
    part = shop.part()
    assert_validation(shop.patch(f"/parts/{part['id']}", body), field)
    assert shop.one(f"/parts/{part['id']}") == part


def test_delete_deactivates(shop):
    part = shop.part()
    assert is_deleted_status(shop.delete(f"/parts/{part['id']}"))
    after = shop.one(f"/parts/{part['id']}")
    assert after["is_active"] is False
    assert after["quantity_in_stock"] == part["quantity_in_stock"]


# --------------------------------------------------------------------------- roles

def test_manager_manages_parts(team, wclient):
    s = Shop(wclient, team["MANAGER"])
    part = s.part()
    json_of(s.patch(f"/parts/{part['id']}", {"name": "Pelo Gerente"}), 200)
    assert is_deleted_status(s.delete(f"/parts/{part['id']}"))


@pytest.mark.parametrize("role", ["ATTENDANT", "MECHANIC"])
def test_staff_cannot_create_update_or_deactivate(team, shop, wclient, role):
    s = Shop(wclient, team[role])
    assert_error(s.post("/parts", {"sku": unique_sku(), "name": "Proibida", "unit_price": 1}), 403, "forbidden")
    part = shop.part()
    assert_error(s.patch(f"/parts/{part['id']}", {"name": "Alterada", "unit_price": 1}), 403, "forbidden")
    assert_error(s.delete(f"/parts/{part['id']}"), 403, "forbidden")
    assert shop.one(f"/parts/{part['id']}") == part


@pytest.mark.parametrize("role", ["OWNER", "MANAGER", "ATTENDANT", "MECHANIC"])
def test_every_role_reads(team, shop, wclient, role):
    part = shop.part()
    s = Shop(wclient, team[role])
    assert s.one(f"/parts/{part['id']}")["sku"] == part["sku"]
    assert str(part["id"]) in ids(s.list("/parts", q=part["sku"]))
    assert len(s.movements(part["id"])) == 1


# --------------------------------------------------------------------------- list and filters

def test_low_stock_filter(server, wclient):
    s = Shop(wclient, register(wclient, unique_name("Oficina Estoque")))
    below = s.part(quantity_in_stock=1, min_stock=3)
    equal = s.part(quantity_in_stock=3, min_stock=3)
    above = s.part(quantity_in_stock=4, min_stock=3)
    empty = s.part(quantity_in_stock=0, min_stock=0)
    resp = s.get("/parts", params={"low_stock": 1})
    rows = json_of(resp, 200)
    assert sorted(ids(rows)) == sorted(ids([below, equal, empty]))
    assert total_count(resp) == 3
    assert str(above["id"]) in ids(s.list("/parts"))
    for row in rows:
        assert PART_FIELDS <= set(row)
        assert row["quantity_in_stock"] <= row["min_stock"]


def test_q_over_name_and_sku(shop):
    tag = unique_tag("Disco")
    by_name = shop.part(name=f"Kit relação {tag} reforçado")
    by_sku = shop.part(sku=f"X-{tag.upper()}-9")
    found = ids(shop.list("/parts", q=tag.lower()))
    assert str(by_name["id"]) in found and str(by_sku["id"]) in found


def test_q_is_accent_insensitive(shop):
    tag = unique_tag("r")
    part = shop.part(name=f"Câmara de ar {tag} Pirelli")
    assert str(part["id"]) in ids(shop.list("/parts", q=f"camara de ar {tag}"))
    assert str(part["id"]) in ids(shop.list("/parts", q=f"CÂMARA DE AR {tag.upper()}"))
