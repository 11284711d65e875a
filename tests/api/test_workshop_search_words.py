"""Search the way attendants type (API.md §3, hardening item 14): every word must match,
in any order, each against any searched field; orders are found by number, customer,
plate (old or Mercosul form, with or without the hyphen), model and description."""
import uuid

import pytest

from support.helpers import register, unique_name
from support.workshop import Shop, plate_pair, wclient  # noqa: F401


@pytest.fixture(scope="module")
def words(wclient):
    s = Shop(wclient, register(wclient, unique_name("Oficina Palavras")))
    joao = s.customer(name="João da Silva")
    maria = s.customer(name="Maria Silveira")
    old, mercosul = plate_pair()
    titan = s.moto(joao["id"], model="CG 160 Titan", plate=mercosul)
    biz = s.moto(maria["id"], model="Biz 125", plate=plate_pair()[0])
    o1 = s.order(joao["id"], titan["id"], description="Troca de óleo e filtro")
    o2 = s.order(maria["id"], biz["id"], description="Vela e cabo de vela")
    oleo = s.part(name="Filtro de óleo Honda", sku="FIL-" + uuid.uuid4().hex[:6])
    vela = s.part(name="Vela de ignição NGK CPR8", sku="VEL-" + uuid.uuid4().hex[:6])
    return {"shop": s, "joao": joao, "maria": maria, "old": old, "mercosul": mercosul,
            "o1": o1, "o2": o2, "oleo": oleo, "vela": vela}


def _ids(rows):
    return [r["id"] for r in rows]


@pytest.mark.parametrize("q,expected", [
    ("silva joao", ["joao"]), ("joão silva", ["joao"]), ("silv", ["joao", "maria"]),
    ("maria silveira", ["maria"]), ("silva maria", []),
])
def test_customers_match_every_word_in_any_order(words, q, expected):
    rows = words["shop"].list("/customers", q=q)
    assert sorted(_ids(rows)) == sorted(words[n]["id"] for n in expected)


@pytest.mark.parametrize("q,expected", [
    ("filtro oleo", ["oleo"]), ("oleo filtro", ["oleo"]), ("vela ngk", ["vela"]),
    ("ngk cpr8 vela", ["vela"]), ("vela oleo", []),
])
def test_parts_match_every_word_in_any_order(words, q, expected):
    rows = words["shop"].list("/parts", q=q)
    assert _ids(rows) == [words[n]["id"] for n in expected]


def test_orders_by_plate_in_both_forms_with_or_without_the_hyphen(words):
    s = words["shop"]
    old, mercosul = words["old"], words["mercosul"]
    for q in (mercosul, mercosul.lower(), f"{mercosul[:3]}-{mercosul[3:]}", old,
              f"{old[:3]}-{old[3:]}".lower()):
        assert _ids(s.list("/os", q=q)) == [words["o1"]["id"]], q


@pytest.mark.parametrize("q,expected", [
    ("titan", ["o1"]), ("titan silva", ["o1"]), ("oleo joao", ["o1"]), ("vela maria", ["o2"]),
    ("biz vela", ["o2"]), ("titan vela", []),
])
def test_orders_by_model_customer_and_description_words(words, q, expected):
    rows = words["shop"].list("/os", q=q)
    assert _ids(rows) == [words[n]["id"] for n in expected]


def test_an_order_number_with_the_hash_is_the_number_only(words):
    s = words["shop"]
    number = words["o2"]["number"]
    assert _ids(s.list("/os", q=f"#{number}")) == [words["o2"]["id"]]
