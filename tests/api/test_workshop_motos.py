"""Motorcycles: /management/motos (API.md §3)."""
import pytest

from support.helpers import MISSING_ID, assert_error, json_of, register, unique_name
from support.workshop import (BASE_IDS, Shop, assert_validation, bases, ids, is_deleted_status,
                              plate_pair, same_id, total_count, unique_plate, unique_tag)
from support.workshop import wclient, shop, other_shop  # noqa: F401  (module-scoped fixtures)

MOTO_FIELDS = {"id", "customer_id", "brand", "model", "plate", "year", "vin", "km_current", "is_active"}


@pytest.fixture
def customer(shop):
    return shop.customer()


# --------------------------------------------------------------------------- create and read

@pytest.mark.parametrize("base", range(4), ids=BASE_IDS)
def test_create_and_read_under_every_prefix(shop, customer, base):
    s = shop.under(bases(shop.account)[base])
    letters, _ = plate_pair()
    resp = s.post("/motos", {"customer_id": customer["id"], "brand": "Honda", "model": "CG 160 Fan",
                             "plate": letters.lower()[:3] + " " + letters[3:], "year": 2022,
                             "vin": "9C2KC2200NR000001", "km_current": 12345})
    created = json_of(resp, 201)
    assert created["plate"] == letters, "plate stored upper-case without spaces"
    row = s.one(f"/motos/{created['id']}")
    assert MOTO_FIELDS <= set(row), f"motorcycle lacks {MOTO_FIELDS - set(row)}"
    assert same_id(row["customer_id"], customer["id"])
    assert (row["brand"], row["model"], row["plate"], row["year"], row["vin"], row["km_current"]) == \
        ("Honda", "CG 160 Fan", letters, 2022, "9C2KC2200NR000001", 12345)
    assert row["is_active"] is True
    assert row["service_orders"] == []


def test_plate_with_space_is_normalised(shop, customer):
    old, _ = plate_pair()
    spaced = f"{old[:3].lower()} {old[3:]}"  # "abc 1234"
    created = json_of(shop.post("/motos", {"customer_id": customer["id"], "plate": spaced}), 201)
    assert created["plate"] == old
    assert shop.one(f"/motos/{created['id']}")["plate"] == old


def test_year_accepted_as_string(shop, customer):
    created = json_of(shop.post("/motos", {"customer_id": customer["id"], "plate": unique_plate(),
                                           "year": "2019"}), 201)
    assert shop.one(f"/motos/{created['id']}")["year"] == 2019


def test_only_customer_is_required_and_plate_may_be_absent_twice(shop, customer):
    a = json_of(shop.post("/motos", {"customer_id": customer["id"]}), 201)
    b = json_of(shop.post("/motos", {"customer_id": customer["id"], "model": "Biz"}), 201)
    assert a["id"] != b["id"]


CUSTOMER = object()  # stands for the fixture customer's id


@pytest.mark.parametrize("body,field", [
    ({"plate": "AAA0001"}, "customer_id"),
    ({"customer_id": None}, "customer_id"),
    ({"customer_id": CUSTOMER, "year": "dois mil"}, "year"),
    ({"customer_id": CUSTOMER, "plate": "AB@1"}, "plate"),
    ({"customer_id": CUSTOMER, "plate": "ABCDEFGHIJK"}, "plate"),
    ({"customer_id": CUSTOMER, "plate": "ABC_1234"}, "plate"),
    ({"customer_id": CUSTOMER, "km_current": -1}, "km_current"),
], ids=["no-customer", "null-customer", "year-text", "plate-symbol", "plate-11-chars",
        "plate-underscore", "negative-km"])
def test_validation(shop, customer, body, field):
    full = {k: (customer["id"] if v is CUSTOMER else v) for k, v in body.items()}
    assert_validation(shop.post("/motos", full), field)


def test_unknown_customer_is_refused(shop):
    assert_validation(shop.post("/motos", {"customer_id": MISSING_ID, "plate": unique_plate()}), "customer_id")


def test_customer_of_another_tenant_is_refused(shop, other_shop):
    foreign = other_shop.customer()
    resp = shop.post("/motos", {"customer_id": foreign["id"], "plate": unique_plate()})
    assert_validation(resp, "customer_id")
    assert other_shop.one(f"/customers/{foreign['id']}")["motorcycles"] == []


def test_deactivated_customer_is_refused(shop):
    gone = shop.customer()
    assert is_deleted_status(shop.delete(f"/customers/{gone['id']}"))
    assert_validation(shop.post("/motos", {"customer_id": gone["id"], "plate": unique_plate()}), "customer_id")


def test_plates_outside_both_formats_are_accepted(shop, customer):
    for plate, stored in (("xyz9", "XYZ9"), ("A", "A"), ("CD-12-AB", "CD-12-AB"), ("1234567890", "1234567890")):
        created = json_of(shop.post("/motos", {"customer_id": customer["id"], "plate": plate}), 201)
        assert created["plate"] == stored


# --------------------------------------------------------------------------- plate uniqueness

def test_same_plate_twice_conflicts(shop, customer):
    old, _ = plate_pair()
    shop.moto(customer["id"], plate=old)
    assert_error(shop.post("/motos", {"customer_id": customer["id"], "plate": old}), 409, "conflict")
    assert_error(shop.post("/motos", {"customer_id": shop.customer()["id"], "plate": old.lower()}),
                 409, "conflict")


def test_hyphenated_plate_clashes_with_plain(shop, customer):
    old, _ = plate_pair()
    shop.moto(customer["id"], plate=f"{old[:3]}-{old[3:]}")
    assert_error(shop.post("/motos", {"customer_id": customer["id"], "plate": old}), 409, "conflict")


@pytest.mark.parametrize("first_style", ["hyphen", "plain"])
def test_mercosul_twin_of_an_old_plate_conflicts(shop, customer, first_style):
    old, mercosul = plate_pair()
    first = f"{old[:3]}-{old[3:]}" if first_style == "hyphen" else old
    shop.moto(customer["id"], plate=first)
    assert_error(shop.post("/motos", {"customer_id": customer["id"], "plate": mercosul}), 409, "conflict")


def test_old_twin_of_a_mercosul_plate_conflicts(shop, customer):
    old, mercosul = plate_pair()
    shop.moto(customer["id"], plate=mercosul)
    assert_error(shop.post("/motos", {"customer_id": customer["id"], "plate": old}), 409, "conflict")
    assert_error(shop.post("/motos", {"customer_id": customer["id"], "plate": f"{old[:3]}-{old[3:]}"}),
                 409, "conflict")


def test_plate_is_free_again_after_deactivation(shop, customer):
    old, mercosul = plate_pair()
    bike = shop.moto(customer["id"], plate=old)
    assert is_deleted_status(shop.delete(f"/motos/{bike['id']}"))
    assert shop.one(f"/motos/{bike['id']}")["is_active"] is False
    again = json_of(shop.post("/motos", {"customer_id": customer["id"], "plate": old}), 201)
    assert again["id"] != bike["id"]
    assert_error(shop.post("/motos", {"customer_id": customer["id"], "plate": mercosul}), 409, "conflict")


def test_same_plate_in_another_tenant_is_fine(shop, other_shop, customer):
    old, _ = plate_pair()
    shop.moto(customer["id"], plate=old)
    other_shop.moto(other_shop.customer()["id"], plate=old)


def test_patch_plate_to_a_taken_one_conflicts(shop, customer):
    old, mercosul = plate_pair()
    shop.moto(customer["id"], plate=old)
    bike = shop.moto(customer["id"])
    assert_error(shop.patch(f"/motos/{bike['id']}", {"plate": mercosul}), 409, "conflict")
    assert shop.one(f"/motos/{bike['id']}")["plate"] == bike["plate"]


# --------------------------------------------------------------------------- plate search

def test_plate_filter_finds_the_mercosul_twin_both_ways(shop, customer):
    old, mercosul = plate_pair()
    bike = shop.moto(customer["id"], plate=old)
    assert ids(shop.list("/motos", plate=mercosul)) == [str(bike["id"])]
    assert ids(shop.list("/motos", plate=old)) == [str(bike["id"])]
    old2, mercosul2 = plate_pair()
    bike2 = shop.moto(customer["id"], plate=mercosul2)
    assert ids(shop.list("/motos", plate=old2)) == [str(bike2["id"])]
    assert ids(shop.list("/motos", plate=mercosul2.lower())) == [str(bike2["id"])]


# --------------------------------------------------------------------------- update, deactivate

def test_patch_updates_fields(shop, customer):
    bike = shop.moto(customer["id"])
    new_owner = shop.customer()
    resp = shop.patch(f"/motos/{bike['id']}", {"brand": "Yamaha", "model": "Fazer 250", "year": "2020",
                                              "km_current": 20000, "vin": "VIN123",
                                              "plate": "qwe 9876", "customer_id": new_owner["id"]})
    json_of(resp, 200)
    after = shop.one(f"/motos/{bike['id']}")
    assert (after["brand"], after["model"], after["year"], after["km_current"], after["vin"]) == \
        ("Yamaha", "Fazer 250", 2020, 20000, "VIN123")
    assert after["plate"] == "QWE9876"
    assert same_id(after["customer_id"], new_owner["id"])


@pytest.mark.parametrize("body,field", [({"plate": "AB@1"}, "plate"), ({"year": "abc"}, "year"),
                                        ({"km_current": -5}, "km_current")],
                         ids=["plate", "year", "km"])
def test_patch_validation(shop, customer, body, field):
    bike = shop.moto(customer["id"])
    assert_validation(shop.patch(f"/motos/{bike['id']}", body), field)
    assert shop.one(f"/motos/{bike['id']}") == bike


def test_patch_to_a_customer_of_another_tenant_is_refused(shop, other_shop, customer):
    bike = shop.moto(customer["id"])
    foreign = other_shop.customer()
    assert_validation(shop.patch(f"/motos/{bike['id']}", {"customer_id": foreign["id"]}), "customer_id")
    assert same_id(shop.one(f"/motos/{bike['id']}")["customer_id"], customer["id"])


def test_unknown_id_is_not_found(shop):
    assert_error(shop.get(f"/motos/{MISSING_ID}"), 404, "not_found")
    assert_error(shop.patch(f"/motos/{MISSING_ID}", {"model": "X"}), 404, "not_found")
    assert_error(shop.delete(f"/motos/{MISSING_ID}"), 404, "not_found")


def test_requires_authentication(shop):
    assert_error(shop.client.get("/management/motos"), 401, "unauthorized")


# --------------------------------------------------------------------------- roles

@pytest.mark.parametrize("role", ["OWNER", "MANAGER", "ATTENDANT"])
def test_roles_that_create_and_update(team, wclient, customer, role):
    s = Shop(wclient, team[role])
    bike = s.moto(customer["id"])
    json_of(s.patch(f"/motos/{bike['id']}", {"km_current": 5555}), 200)
    assert s.one(f"/motos/{bike['id']}")["km_current"] == 5555


@pytest.mark.parametrize("role", ["OWNER", "MANAGER"])
def test_roles_that_deactivate(team, shop, wclient, customer, role):
    bike = shop.moto(customer["id"])
    assert is_deleted_status(Shop(wclient, team[role]).delete(f"/motos/{bike['id']}"))
    assert shop.one(f"/motos/{bike['id']}")["is_active"] is False


@pytest.mark.parametrize("role", ["ATTENDANT", "MECHANIC"])
def test_roles_that_cannot_deactivate(team, shop, wclient, customer, role):
    bike = shop.moto(customer["id"])
    assert_error(Shop(wclient, team[role]).delete(f"/motos/{bike['id']}"), 403, "forbidden")
    assert shop.one(f"/motos/{bike['id']}")["is_active"] is True


def test_attendant_cannot_deactivate_through_patch(team, shop, wclient, customer):
    bike = shop.moto(customer["id"])
    att = Shop(wclient, team["ATTENDANT"])
    assert_error(att.patch(f"/motos/{bike['id']}", {"is_active": False}), 403, "forbidden")
    assert shop.one(f"/motos/{bike['id']}")["is_active"] is True


def test_mechanic_cannot_create_or_update(team, shop, wclient, customer):
    mech = Shop(wclient, team["MECHANIC"])
    assert_error(mech.post("/motos", {"customer_id": customer["id"], "plate": unique_plate()}), 403, "forbidden")
    bike = shop.moto(customer["id"])
    assert_error(mech.patch(f"/motos/{bike['id']}", {"km_current": 99999}), 403, "forbidden")
    assert shop.one(f"/motos/{bike['id']}")["km_current"] == bike["km_current"]


@pytest.mark.parametrize("role", ["OWNER", "MANAGER", "ATTENDANT", "MECHANIC"])
def test_every_role_reads(team, shop, wclient, customer, role):
    bike = shop.moto(customer["id"])
    s = Shop(wclient, team[role])
    assert s.one(f"/motos/{bike['id']}")["plate"] == bike["plate"]
    assert str(bike["id"]) in ids(s.list("/motos", customer_id=customer["id"]))


# --------------------------------------------------------------------------- list, filters, history

def test_list_filters_by_customer(shop):
    c1, c2 = shop.customer(), shop.customer()
    b1 = [shop.moto(c1["id"]) for _ in range(2)]
    b2 = shop.moto(c2["id"])
    resp = shop.get("/motos", params={"customer_id": c1["id"]})
    rows = json_of(resp, 200)
    assert sorted(ids(rows)) == sorted(ids(b1))
    assert total_count(resp) == 2
    for row in rows:
        assert MOTO_FIELDS <= set(row)
    assert ids(shop.list("/motos", customer_id=c2["id"])) == [str(b2["id"])]


def test_q_finds_by_model_and_plate(shop, customer):
    tag = unique_tag("Modelo")
    bike = shop.moto(customer["id"], model=f"{tag} Especial")
    assert str(bike["id"]) in ids(shop.list("/motos", q=tag.lower()))
    assert str(bike["id"]) in ids(shop.list("/motos", q=bike["plate"]))


def test_detail_has_service_order_history_newest_first(shop, customer):
    bike = shop.moto(customer["id"], km_current=1000)
    first = shop.order(customer["id"], bike["id"], km_at_entry=1500)
    second = shop.order(customer["id"], bike["id"], km_at_entry=2500)
    shop.order(customer["id"], shop.moto(customer["id"])["id"])  # another bike's order
    history = shop.one(f"/motos/{bike['id']}")["service_orders"]
    assert ids(history) == [str(second["id"]), str(first["id"])]
    assert [h["km_at_entry"] for h in history] == [2500, 1500]
    assert history[0]["number"] == second["number"]
    assert history[0]["status"] == "OPEN"
