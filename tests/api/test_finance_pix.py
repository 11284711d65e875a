"""PIX (../shared/INTEGRATIONS.md): the workshop's key, merchant name and city in the
finance settings (changed by the OWNER), and a static BR Code (EMV QRCPS-MPM, CRC16) of
every open receivable's open amount, with its QR code as SVG that decodes back to it."""
import pytest

from support.helpers import assert_error, json_of
from support.finance import (crc16_ccitt_false, decode_qr, emv_fields, fclient, fresh_money,  # noqa: F401
                             money, today)
from support.helpers import create_user
from support.workshop import assert_validation, cents


@pytest.fixture
def shop(fclient):
    m = fresh_money(fclient, "Oficina PIX")
    json_of(m.patch("/settings", {"pix_key": "11.222.333/0001-81",
                                  "merchant_name": "Oficina São João",
                                  "merchant_city": "São José"}), 200)
    return m


def test_settings_start_empty(fclient):
    m = fresh_money(fclient, "Oficina Sem PIX")
    body = json_of(m.get("/settings"), 200)
    assert body["pix_key"] is None and body["merchant_name"] is None
    assert body["configured"] is False and body["can"] == {"edit": True}


@pytest.mark.parametrize("given,kind,stored", [
    ("123.456.789-09", None, ("CPF", "12345678909")),
    ("11.222.333/0001-81", None, ("CNPJ", "11222333000181")),
    ("Financeiro@Oficina.com.br", None, ("EMAIL", "financeiro@oficina.com.br")),
    ("+55 11 98765-4321", None, ("PHONE", "+5511987654321")),
    ("(11) 98765-4321", "PHONE", ("PHONE", "+5511987654321")),
    ("123E4567-E12B-12D1-A456-426655440000", None, ("EVP", "123e4567-e12b-12d1-a456-426655440000")),
])
def test_keys_are_stored_as_the_dict_has_them(fclient, given, kind, stored):
    m = fresh_money(fclient, "Oficina Chave")
    body = {"pix_key": given, **({"pix_key_type": kind} if kind else {})}
    saved = json_of(m.patch("/settings", body), 200)
    assert (saved["pix_key_type"], saved["pix_key"]) == stored
    assert json_of(m.get("/settings"), 200)["pix_key"] == stored[1]


@pytest.mark.parametrize("body,field", [
    ({"pix_key": "123.456.789-00"}, "pix_key"),
    ({"pix_key": "11987654321"}, "pix_key"),
    ({"pix_key": "12345678909", "pix_key_type": "CNPJ"}, "pix_key"),
    ({"pix_key": "x@y.com", "pix_key_type": "TWITTER"}, "pix_key_type"),
    ({"merchant_name": "Oficina Mecânica Irmãos Gonçalves"}, "merchant_name"),
    ({"merchant_city": "São José dos Campos"}, "merchant_city"),
    ({"merchant_name": "™™™"}, "merchant_name"),
])
def test_bad_settings_are_422_and_change_nothing(shop, body, field):
    before = json_of(shop.get("/settings"), 200)
    assert_validation(shop.patch("/settings", body), field)
    assert json_of(shop.get("/settings"), 200) == before


def test_only_the_owner_changes_them_a_manager_reads(fclient, shop):
    manager = create_user(fclient, shop.account, "MANAGER")
    as_manager = shop.as_(manager)
    body = json_of(as_manager.get("/settings"), 200)
    assert body["pix_key"] == "11222333000181" and body["can"] == {"edit": False}
    assert_error(as_manager.patch("/settings", {"merchant_city": "Campinas"}), 403, "forbidden")
    assert json_of(shop.get("/settings"), 200)["merchant_city"] == "São José"


def test_the_br_code_of_an_open_receivable(shop):
    r = shop.receivable("150.75")
    body = json_of(shop.get(f"/receivables/{r['id']}/pix"), 200)
    code = body["brcode"]
    fields = emv_fields(code)
    assert fields["00"] == "01"
    assert emv_fields(fields["26"]) == {"00": "br.gov.bcb.pix", "01": "11222333000181"}
    assert fields["52"] == "0000" and fields["53"] == "986" and fields["58"] == "BR"
    assert fields["54"] == "150.75"
    assert fields["59"] == "Oficina Sao Joao" and fields["60"] == "Sao Jose"
    txid = emv_fields(fields["62"])["05"]
    assert txid == body["txid"] and txid.isalnum() and len(txid) <= 25 and str(r["id"]) in txid
    assert code[-8:-4] == "6304"
    assert int(fields["63"], 16) == crc16_ccitt_false(code[:-4].encode("ascii"))
    assert cents(body["amount"]) == 15075 and body["receivable_id"] == r["id"]
    assert body["pix_key"] == "11222333000181" and body["pix_key_type"] == "CNPJ"


def test_the_qr_svg_decodes_to_the_br_code(shop):
    r = shop.receivable("89.90")
    body = json_of(shop.get(f"/receivables/{r['id']}/pix"), 200)
    assert body["qr_svg"].startswith("<svg ") and body["qr_svg"].endswith("</svg>")
    assert decode_qr(body["qr_svg"]) == body["brcode"]


def test_the_code_asks_for_what_is_still_open(shop):
    r = shop.receivable("100.00")
    shop.pay_ok(r["id"], "30.00", "DINHEIRO")
    body = json_of(shop.get(f"/receivables/{r['id']}/pix"), 200)
    assert emv_fields(body["brcode"])["54"] == "70.00" and body["amount"] == 70
    shop.pay_ok(r["id"], "70.00", "PIX")
    assert_error(shop.get(f"/receivables/{r['id']}/pix"), 409, "conflict")


def test_a_cancelled_receivable_has_no_code(shop):
    r = shop.receivable("10.00")
    json_of(shop.delete(f"/receivables/{r['id']}"), 200)
    assert_error(shop.get(f"/receivables/{r['id']}/pix"), 409, "conflict")


def test_without_settings_the_code_is_409(fclient):
    m = fresh_money(fclient, "Oficina Sem Chave")
    r = m.receivable("10.00")
    err = assert_error(m.get(f"/receivables/{r['id']}/pix"), 409, "conflict")
    assert "chave PIX" in err["message"]
    json_of(m.patch("/settings", {"pix_key": "financeiro@oficina.com.br"}), 200)
    assert_error(m.get(f"/receivables/{r['id']}/pix"), 409, "conflict")  # no name nor city yet
    json_of(m.patch("/settings", {"merchant_name": "Oficina", "merchant_city": "Recife"}), 200)
    json_of(m.get(f"/receivables/{r['id']}/pix"), 200)


def test_clearing_the_key(shop):
    saved = json_of(shop.patch("/settings", {"pix_key": None}), 200)
    assert saved["pix_key"] is None and saved["pix_key_type"] is None
    assert saved["configured"] is False
    assert saved["merchant_name"] == "Oficina São João"
