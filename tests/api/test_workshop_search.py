"""Lists and text search of the workshop (API.md §1 Lists, §3): JSON arrays,
limit (default 100, max 500) and offset, X-Total-Count, and q case- and
accent-insensitive."""
import pytest

from support.helpers import assert_error, json_of, register, unique_name
from support.workshop import Shop, ids, parallel, total_count
from support.workshop import wclient  # noqa: F401  (module-scoped client fixture)

LISTS = ["/customers", "/motos", "/parts", "/os", "/parts/{part}/movements"]


@pytest.fixture(scope="module")
def crowd(server, wclient):
    """A fresh workshop with 105 customers (and one bike, part and order)."""
    s = Shop(wclient, register(wclient, unique_name("Oficina Multidão")))
    headers = s.headers
    calls = [lambda c, n=n: c.post("/management/customers", json={"name": f"Cliente {n:03d}"}, headers=headers)
             for n in range(104)]
    results = parallel(server.url, calls, workers=16)
    assert all(r.status_code == 201 for r in results), [r.text for r in results if r.status_code != 201][:3]
    joao = s.customer(name="João Araújo", email="joao.araujo@example.com")
    bike = s.moto(joao["id"], model="Crosser 150")
    part = s.part(name="Câmbio Árvore Primária", sku="CAMB-ARV-1")
    order = s.order(joao["id"], bike["id"])
    return {"shop": s, "joao": joao, "bike": bike, "part": part, "order": order}


def _path(crowd, path):
    return path.format(part=crowd["part"]["id"])


def test_default_limit_is_100(crowd):
    resp = crowd["shop"].get("/customers")
    rows = json_of(resp, 200)
    assert isinstance(rows, list)
    assert len(rows) == 100
    assert total_count(resp) == 105


def test_limit_500_and_offset(crowd):
    s = crowd["shop"]
    resp = s.get("/customers", params={"limit": 500})
    everything = json_of(resp, 200)
    assert len(everything) == 105 and total_count(resp) == 105
    resp = s.get("/customers", params={"limit": 500, "offset": 100})
    assert len(json_of(resp, 200)) == 5 and total_count(resp) == 105
    assert json_of(s.get("/customers", params={"offset": 105}), 200) == []


def test_pages_cover_everything_once(crowd):
    s = crowd["shop"]
    seen = []
    for offset in range(0, 105, 20):
        resp = s.get("/customers", params={"limit": 20, "offset": offset})
        page = json_of(resp, 200)
        assert len(page) == min(20, 105 - offset)
        assert total_count(resp) == 105
        seen += ids(page)
    assert len(seen) == len(set(seen)) == 105


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("params", [{"limit": 501}, {"limit": "cem"}, {"offset": "x"}, {"limit": -1},
                                    {"offset": -1}],
                         ids=["limit-501", "limit-text", "offset-text", "limit-negative", "offset-negative"])
def test_bad_paging_values(crowd, path, params):
    assert_error(crowd["shop"].get(_path(crowd, path), params=params), 400, "bad_request")


@pytest.mark.parametrize("path", LISTS)
def test_every_list_has_total_and_honours_limit(crowd, path):
    s = crowd["shop"]
    resp = s.get(_path(crowd, path), params={"limit": 500})
    rows = json_of(resp, 200)
    assert isinstance(rows, list)
    assert total_count(resp) == len(rows) >= 1
    resp = s.get(_path(crowd, path), params={"limit": 1, "offset": 0})
    assert len(json_of(resp, 200)) == 1
    resp = s.get(_path(crowd, path), params={"limit": 500, "offset": 1000})
    assert json_of(resp, 200) == [] and total_count(resp) >= 1


@pytest.mark.parametrize("q", ["joao", "JOAO", "João", "araujo", "ARAUJO", "Araújo", "joão araújo",
                               "JOÃO ARAÚJO", "ao ara"])
def test_customer_q_case_and_accent_insensitive(crowd, q):
    found = crowd["shop"].list("/customers", q=q)
    assert ids(found) == [str(crowd["joao"]["id"])]


def test_customer_q_with_paging_counts_matches(crowd):
    # Every word, in any order (API.md §3): "cliente" and "10".
    resp = crowd["shop"].get("/customers", params={"q": "cliente 10", "limit": 2})
    rows = json_of(resp, 200)
    assert total_count(resp) == 5  # Cliente 010, 100 … 103
    assert [r["name"] for r in rows] == ["Cliente 010", "Cliente 100"]


@pytest.mark.parametrize("q", ["cambio arvore", "CÂMBIO", "camb-arv", "primaria"])
def test_part_q_case_and_accent_insensitive(crowd, q):
    assert ids(crowd["shop"].list("/parts", q=q)) == [str(crowd["part"]["id"])]


@pytest.mark.parametrize("q", ["joao", "ARAUJO"])
def test_order_q_by_customer(crowd, q):
    assert ids(crowd["shop"].list("/os", q=q)) == [str(crowd["order"]["id"])]


def test_q_special_characters_are_plain_text(crowd):
    s = crowd["shop"]
    for q in ("%", "_", "'", "\\", "Cliente%", "' or 1=1 --"):
        resp = s.get("/customers", params={"q": q})
        rows = json_of(resp, 200)
        assert rows == [] or all(q.lower() in r["name"].lower() for r in rows), f"q={q!r} is not a pattern"
