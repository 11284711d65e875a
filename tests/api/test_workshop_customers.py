"""Customers of a workshop: /management/customers (API.md §3)."""
import pytest

from support.helpers import MISSING_ID, assert_error, json_of, register, unique_name
from support.workshop import (BASE_IDS, Shop, assert_validation, bases, cnpj, cpf, ids,
                              is_deleted_status, iso_utc, only_digits, parse_ts, stored_document, total_count,
                              unique_tag, wrong_check_digit)
from support.workshop import wclient, shop, other_shop  # noqa: F401  (module-scoped fixtures)

CUSTOMER_FIELDS = {"id", "name", "phone", "email", "document", "notes", "is_active",
                   "created_at", "updated_at"}


# --------------------------------------------------------------------------- create and read

@pytest.mark.parametrize("base", range(4), ids=BASE_IDS)
def test_create_and_read_under_every_prefix(shop, base):
    s = shop.under(bases(shop.account)[base])
    doc = cpf()
    resp = s.post("/customers", {"name": "Maria da Silva", "phone": "(11) 98888-7777",
                                 "email": "maria@example.com", "document": doc, "notes": "cliente antiga"})
    created = json_of(resp, 201)
    assert created["name"] == "Maria da Silva" and "id" in created
    row = s.one(f"/customers/{created['id']}")
    assert CUSTOMER_FIELDS <= set(row), f"customer lacks {CUSTOMER_FIELDS - set(row)}"
    assert row["id"] == created["id"]
    assert row["name"] == "Maria da Silva"
    assert only_digits(row["phone"]) == "11988887777"  # punctuation may go (the reference stores digits)
    assert row["email"] == "maria@example.com"
    assert row["document"] == stored_document(doc)
    assert row["notes"] == "cliente antiga"
    assert row["is_active"] is True
    iso_utc(row["created_at"])
    iso_utc(row["updated_at"])
    assert "tenant_id" not in row or row["tenant_id"] == shop.tenant_id
    assert created["id"] in [r["id"] for r in s.list("/customers", q=stored_document(doc))]


def test_only_name_is_required(shop):
    resp = shop.post("/customers", {"name": "Só Nome"})
    created = json_of(resp, 201)
    row = shop.one(f"/customers/{created['id']}")
    assert row["name"] == "Só Nome"
    assert row["is_active"] is True


@pytest.mark.parametrize("body", [{}, {"name": ""}, {"name": "   "}, {"name": None}, {"phone": "11 99999-0000"}],
                         ids=["empty", "blank", "spaces", "null", "no-name"])
def test_name_is_required(shop, body):
    assert_validation(shop.post("/customers", body), "name")


def test_phone_needs_8_to_13_digits(shop):
    """Beyond API.md; the project's reference (docs/openapi.json) fixes it."""
    for phone in ("123", "1234567", "12345678901234"):
        assert_validation(shop.post("/customers", {"name": "Fone", "phone": phone}), "phone")


def test_body_must_be_json(shop):
    resp = shop.client.post("/management/customers", content=b"name=Maria",
                            headers={**shop.headers, "Content-Type": "application/x-www-form-urlencoded"})
    assert_error(resp, 400, "bad_request")
    resp = shop.client.post("/management/customers", content=b'{"name": "Maria"',
                            headers={**shop.headers, "Content-Type": "application/json"})
    assert_error(resp, 400, "bad_request")


def test_requires_authentication(shop):
    assert_error(shop.client.get("/management/customers"), 401, "unauthorized")
    assert_error(shop.client.post("/management/customers", json={"name": "X"}), 401, "unauthorized")


def test_unknown_id_is_not_found(shop):
    assert_error(shop.get(f"/customers/{MISSING_ID}"), 404, "not_found")
    assert_error(shop.patch(f"/customers/{MISSING_ID}", {"name": "X"}), 404, "not_found")
    assert_error(shop.delete(f"/customers/{MISSING_ID}"), 404, "not_found")


def test_ignores_id_and_unknown_fields(shop):
    other = shop.customer()
    resp = shop.post("/customers", {"name": "Campos Extras", "id": other["id"], "is_vip": True,
                                    "created_at": "2001-01-01T00:00:00Z"})
    created = json_of(resp, 201)
    assert created["id"] != other["id"]
    assert shop.one(f"/customers/{other['id']}")["name"] == other["name"]
    assert not shop.one(f"/customers/{created['id']}")["created_at"].startswith("2001")


# --------------------------------------------------------------------------- documents

@pytest.mark.parametrize("doc", [
    "529.982.247-25", "52998224725", "11.222.333/0001-81", "11222333000181",
    "12.ABC.345/01DE-35", "12ABC34501DE35", "12.abc.345/01de-35",
], ids=["cpf-punct", "cpf-digits", "cnpj-punct", "cnpj-digits", "cnpj-alnum", "cnpj-alnum-raw",
        "cnpj-alnum-lower"])
def test_valid_documents_are_stored_normalised(server, wclient, doc):
    shop = Shop(wclient, register(wclient, unique_name("Oficina Doc")))
    created = json_of(shop.post("/customers", {"name": "Documento", "document": doc}), 201)
    assert shop.one(f"/customers/{created['id']}")["document"] == stored_document(doc)


def test_random_valid_documents(shop):
    for doc in (cpf(), cpf(formatted=False), cnpj(), cnpj(alphanumeric=True),
                cnpj(formatted=False, alphanumeric=True)):
        row = shop.customer(document=doc)
        assert row["document"] == stored_document(doc)


@pytest.mark.parametrize("doc", [
    "529.982.247-24", "52998224735", "11.222.333/0001-82", "12.ABC.345/01DE-36",
    "1234567890", "123456789012", "529.982.247-2X", "ABC", "12.ABC.345/01DE-3A",
], ids=["cpf-dv2", "cpf-dv1", "cnpj-dv", "cnpj-alnum-dv", "short", "12-digits", "cpf-letter",
        "letters", "cnpj-letter-dv"])
def test_invalid_documents_are_refused(shop, doc):
    assert_validation(shop.post("/customers", {"name": "Doc Ruim", "document": doc}), "document")


def test_random_wrong_check_digits_are_refused(shop):
    for doc in (cpf(), cnpj(), cnpj(alphanumeric=True)):
        assert_validation(shop.post("/customers", {"name": "Doc Ruim", "document": wrong_check_digit(doc)}),
                          "document")


def test_duplicate_document_in_tenant_conflicts(shop):
    doc = cpf()
    shop.customer(document=doc)
    assert_error(shop.post("/customers", {"name": "Outro", "document": doc}), 409, "conflict")
    # another spelling of the same digits clashes too
    assert_error(shop.post("/customers", {"name": "Outro", "document": stored_document(doc)}), 409, "conflict")


def test_duplicate_alphanumeric_cnpj_conflicts_case_insensitively(shop):
    doc = cnpj(alphanumeric=True)
    shop.customer(document=doc)
    assert_error(shop.post("/customers", {"name": "Outro", "document": doc.lower()}), 409, "conflict")


def test_same_document_in_another_tenant_is_fine(shop, other_shop):
    doc = cpf()
    shop.customer(document=doc)
    created = json_of(other_shop.post("/customers", {"name": "Mesmo CPF", "document": doc}), 201)
    assert other_shop.one(f"/customers/{created['id']}")["document"] == stored_document(doc)


# --------------------------------------------------------------------------- update

def test_patch_updates_fields(shop):
    row = shop.customer(phone="(11) 3111-1111")
    doc = cnpj()
    resp = shop.patch(f"/customers/{row['id']}", {"name": "Nome Novo", "phone": "(21) 3333-4444",
                                                  "email": "novo@example.com", "notes": "vip",
                                                  "document": doc})
    json_of(resp, 200)
    after = shop.one(f"/customers/{row['id']}")
    assert after["name"] == "Nome Novo"
    assert only_digits(after["phone"]) == "2133334444"
    assert after["email"] == "novo@example.com"
    assert after["notes"] == "vip"
    assert after["document"] == stored_document(doc)
    assert after["created_at"] == row["created_at"]
    assert parse_ts(after["updated_at"]) >= parse_ts(row["updated_at"])


def test_patch_keeps_fields_not_sent(shop):
    row = shop.customer(phone="(11) 5555-0000", email="keep@example.com")
    json_of(shop.patch(f"/customers/{row['id']}", {"notes": "só nota"}), 200)
    after = shop.one(f"/customers/{row['id']}")
    assert (after["name"], after["phone"], after["email"], after["document"]) == \
        (row["name"], row["phone"], "keep@example.com", row["document"])


@pytest.mark.parametrize("body,field", [({"name": ""}, "name"), ({"name": None}, "name"),
                                        ({"document": "111.222.333-44"}, "document")],
                         ids=["empty-name", "null-name", "bad-document"])
def test_patch_validation(shop, body, field):
    row = shop.customer()
    assert_validation(shop.patch(f"/customers/{row['id']}", body), field)
    assert shop.one(f"/customers/{row['id']}") == row


def test_patch_document_to_a_taken_one_conflicts(shop):
    first, second = shop.customer(), shop.customer()
    assert_error(shop.patch(f"/customers/{second['id']}", {"document": first["document"]}), 409, "conflict")
    assert shop.one(f"/customers/{second['id']}")["document"] == second["document"]


def test_patch_own_document_again_is_fine(shop):
    row = shop.customer()
    json_of(shop.patch(f"/customers/{row['id']}", {"document": row["document"], "name": "Mesmo"}), 200)


# --------------------------------------------------------------------------- deactivate

def test_delete_deactivates(shop):
    row = shop.customer()
    resp = shop.delete(f"/customers/{row['id']}")
    assert is_deleted_status(resp), f"DELETE answers 200/204, got {resp.status_code}: {resp.text}"
    after = shop.one(f"/customers/{row['id']}")
    assert after["is_active"] is False
    assert after["name"] == row["name"]


# --------------------------------------------------------------------------- roles

@pytest.mark.parametrize("role", ["OWNER", "MANAGER", "ATTENDANT"])
def test_roles_that_create_and_update(team, wclient, role):
    s = Shop(wclient, team[role])
    row = s.customer()
    json_of(s.patch(f"/customers/{row['id']}", {"phone": "11 99999-0000"}), 200)
    assert only_digits(s.one(f"/customers/{row['id']}")["phone"]) == "11999990000"


@pytest.mark.parametrize("role", ["OWNER", "MANAGER"])
def test_roles_that_deactivate(team, shop, wclient, role):
    row = shop.customer()
    assert is_deleted_status(Shop(wclient, team[role]).delete(f"/customers/{row['id']}"))
    assert shop.one(f"/customers/{row['id']}")["is_active"] is False


@pytest.mark.parametrize("role", ["ATTENDANT", "MECHANIC"])
def test_roles_that_cannot_deactivate(team, shop, wclient, role):
    row = shop.customer()
    assert_error(Shop(wclient, team[role]).delete(f"/customers/{row['id']}"), 403, "forbidden")
    assert shop.one(f"/customers/{row['id']}")["is_active"] is True


def test_attendant_cannot_deactivate_through_patch(team, shop, wclient):
    """PATCH is_active is a deactivation too (docs/openapi.json: OWNER, MANAGER only)."""
    row = shop.customer()
    att = Shop(wclient, team["ATTENDANT"])
    assert_error(att.patch(f"/customers/{row['id']}", {"is_active": False}), 403, "forbidden")
    assert shop.one(f"/customers/{row['id']}")["is_active"] is True


def test_mechanic_cannot_create_or_update(team, shop, wclient):
    mech = Shop(wclient, team["MECHANIC"])
    assert_error(mech.post("/customers", {"name": "Mecânico Cria", "document": cpf()}), 403, "forbidden")
    row = shop.customer()
    assert_error(mech.patch(f"/customers/{row['id']}", {"name": "Alterado"}), 403, "forbidden")
    assert shop.one(f"/customers/{row['id']}")["name"] == row["name"]


@pytest.mark.parametrize("role", ["OWNER", "MANAGER", "ATTENDANT", "MECHANIC"])
def test_every_role_reads(team, shop, wclient, role):
    row = shop.customer()
    s = Shop(wclient, team[role])
    assert s.one(f"/customers/{row['id']}")["id"] == row["id"]
    assert row["id"] in ids_of(s.list("/customers", q=row["document"]))


def ids_of(rows):
    return [r["id"] for r in rows]


# --------------------------------------------------------------------------- detail with motorcycles

def test_detail_lists_the_customers_motorcycles(shop):
    row = shop.customer()
    assert row.get("motorcycles") == [], "a customer without bikes has motorcycles: []"
    m1 = shop.moto(row["id"], model="Fazer 250")
    m2 = shop.moto(row["id"], model="XRE 300")
    shop.moto(shop.customer()["id"])  # someone else's bike
    detail = shop.one(f"/customers/{row['id']}")
    bikes = detail["motorcycles"]
    assert isinstance(bikes, list)
    assert sorted(ids(bikes)) == sorted(ids([m1, m2]))
    by_id = {str(b["id"]): b for b in bikes}
    assert by_id[str(m1["id"])]["plate"] == m1["plate"]
    assert by_id[str(m2["id"])]["model"] == "XRE 300"


# --------------------------------------------------------------------------- list

def test_list_is_an_array_of_customers_with_total(server, wclient):
    s = Shop(wclient, register(wclient, unique_name("Oficina Lista")))
    made = [s.customer(name=f"Cliente {i}") for i in range(3)]
    resp = s.get("/customers")
    rows = json_of(resp, 200)
    assert isinstance(rows, list)
    assert total_count(resp) == 3
    assert sorted(ids(rows)) == sorted(ids(made))
    for row in rows:
        assert CUSTOMER_FIELDS <= set(row), f"list row lacks {CUSTOMER_FIELDS - set(row)}"


@pytest.mark.parametrize("field", ["name", "phone", "email", "document"])
def test_q_searches_name_phone_email_document(shop, field):
    tag = unique_tag()
    digits = str(abs(hash(tag)))[:9].rjust(9, "7")
    values = {"name": f"Cliente {tag}", "phone": f"(31) 9{digits}", "email": f"{tag}@example.com",
              "document": cpf()}
    row = shop.customer(**values)
    term = {"name": tag.upper(), "phone": digits, "email": f"{tag}@example",
            "document": stored_document(values["document"])}[field]
    found = shop.list("/customers", q=term)
    assert row["id"] in ids_of(found), f"q={term!r} should find the customer by {field}"
