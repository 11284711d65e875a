"""Two workshops: B never reads, changes or borrows A's customers, motorcycles, parts,
stock or service orders (API.md §1 Tenant, §3). Another tenant's row is 404 (never
403, so ids cannot be probed); a tenant named in the path or body that is not the
token's is 403 tenant_mismatch."""
import pytest

from support.helpers import MISSING_ID, assert_error, json_of, register, unique_name
from support.workshop import Shop, cpf, ids, unique_plate, unique_sku
from support.workshop import wclient  # noqa: F401  (module-scoped client fixture)


@pytest.fixture(scope="module")
def world(server, wclient):
    a = Shop(wclient, register(wclient, unique_name("Oficina A")))
    b = Shop(wclient, register(wclient, unique_name("Oficina B")))
    assert a.tenant_id != b.tenant_id
    w = {"a": a, "b": b}
    for key, s in (("a", a), ("b", b)):
        customer = s.customer()
        moto = s.moto(customer["id"])
        part = s.part(quantity_in_stock=10, unit_price="25.00")
        order = s.order(customer["id"], moto["id"])
        pitem = s.part_item(order["id"], part["id"], quantity=2)
        litem = s.labor_item(order["id"], "80.00")
        w[key + "_ids"] = {"customer": customer["id"], "moto": moto["id"], "part": part["id"],
                           "order": order["id"], "pitem": pitem["id"], "litem": litem["id"]}
    w["a_snapshot"] = snapshot(a, w["a_ids"])
    return w


def snapshot(shop, ids_):
    order = shop.get_order(ids_["order"])
    order.pop("_created", None)
    return {
        "customer": shop.one(f"/customers/{ids_['customer']}"),
        "moto": shop.one(f"/motos/{ids_['moto']}"),
        "part": shop.one(f"/parts/{ids_['part']}"),
        "movements": shop.movements(ids_["part"]),
        "order": order,
        "orders": shop.list("/os"),
        "customers": shop.list("/customers"),
        "motos": shop.list("/motos"),
        "parts": shop.list("/parts"),
    }


def assert_a_unchanged(world):
    now = snapshot(world["a"], world["a_ids"])
    for key, before in world["a_snapshot"].items():
        assert now[key] == before, f"tenant A's {key} changed:\nbefore {before!r}\nafter  {now[key]!r}"
    assert now["part"]["quantity_in_stock"] == 8


def _fill(template, ids_):
    return template.format(**ids_)


# --------------------------------------------------------------------------- 404 for A's ids

READS = ["/customers/{customer}", "/motos/{moto}", "/parts/{part}", "/parts/{part}/movements", "/os/{order}"]

PATCHES = [
    ("/customers/{customer}", {"name": "Invadido"}),
    ("/motos/{moto}", {"km_current": 999999, "plate": "HAK0000"}),
    ("/parts/{part}", {"name": "Invadida", "unit_price": 1}),
    ("/os/{order}", {"description": "Invadida", "discount": 80}),
    ("/os/{order}/status", {"status": "CANCELLED"}),
    ("/os/{order}/items/{pitem}", {"quantity": 9}),
    ("/os/{order}/items/{litem}", {"unit_price": "0.01"}),
]

DELETES = ["/customers/{customer}", "/motos/{moto}", "/parts/{part}", "/os/{order}/items/{pitem}",
           "/os/{order}/items/{litem}"]

POSTS = [
    ("/parts/{part}/stock-movement", {"movement_type": "in", "quantity": 5}),
    ("/parts/{part}/stock-movement", {"movement_type": "out", "quantity": 5}),
    ("/parts/{part}/stock-movement", {"movement_type": "adjust", "quantity": 0}),
    ("/os/{order}/items", {"item_type": "labor", "description": "Invasão", "unit_price": 1}),
]


@pytest.mark.parametrize("prefix", ["/management", "/api/management"])
@pytest.mark.parametrize("path", READS)
def test_reads_of_a_rows_are_not_found(wclient, world, path, prefix):
    b = world["b"].under(prefix)
    assert_error(b.get(_fill(path, world["a_ids"])), 404, "not_found")


@pytest.mark.parametrize("path,body", PATCHES, ids=[p for p, _ in PATCHES])
def test_patches_of_a_rows_are_not_found(world, path, body):
    assert_error(world["b"].patch(_fill(path, world["a_ids"]), body), 404, "not_found")
    assert_a_unchanged(world)


@pytest.mark.parametrize("path", DELETES)
def test_deletes_of_a_rows_are_not_found(world, path):
    assert_error(world["b"].delete(_fill(path, world["a_ids"])), 404, "not_found")
    assert_a_unchanged(world)


@pytest.mark.parametrize("path,body", POSTS, ids=["stock-in", "stock-out", "stock-adjust", "items"])
def test_post_subroutes_of_a_rows_are_not_found(world, path, body):
    assert_error(world["b"].post(_fill(path, world["a_ids"]), body), 404, "not_found")
    assert_a_unchanged(world)


def test_a_items_under_b_order_are_not_found(world):
    b, a_ids, b_ids = world["b"], world["a_ids"], world["b_ids"]
    for item in ("pitem", "litem"):
        assert_error(b.patch(f"/os/{b_ids['order']}/items/{a_ids[item]}", {"quantity": 3}), 404, "not_found")
        assert_error(b.delete(f"/os/{b_ids['order']}/items/{a_ids[item]}"), 404, "not_found")
    assert_a_unchanged(world)


def test_foreign_id_answers_like_a_missing_id(world):
    b, a_ids = world["b"], world["a_ids"]
    for path in ("/customers/{}", "/motos/{}", "/parts/{}", "/os/{}"):
        kind = path.split("/")[1]
        key = {"customers": "customer", "motos": "moto", "parts": "part", "os": "order"}[kind]
        foreign = b.get(path.format(a_ids[key]))
        missing = b.get(path.format(MISSING_ID))
        assert_error(foreign, 404, "not_found")
        assert_error(missing, 404, "not_found")
        assert foreign.json()["error"]["message"] == missing.json()["error"]["message"]


# --------------------------------------------------------------------------- lists

@pytest.mark.parametrize("path,key", [("/customers", "customer"), ("/motos", "moto"), ("/parts", "part"),
                                      ("/os", "order")])
def test_lists_show_only_own_rows(world, path, key):
    b_rows = world["b"].list(path)
    assert str(world["a_ids"][key]) not in ids(b_rows)
    assert str(world["b_ids"][key]) in ids(b_rows)
    a_rows = world["a"].list(path)
    assert str(world["b_ids"][key]) not in ids(a_rows)


@pytest.mark.parametrize("path,params", [
    ("/motos", {"customer_id": "customer"}), ("/os", {"customer_id": "customer"}),
    ("/os", {"motorcycle_id": "moto"}),
], ids=["motos-by-customer", "os-by-customer", "os-by-moto"])
def test_filters_by_a_ids_find_nothing(world, path, params):
    resolved = {k: world["a_ids"][v] for k, v in params.items()}
    resp = world["b"].get(path, params=resolved)
    assert json_of(resp, 200) == []
    assert resp.headers.get("x-total-count") == "0"


def test_search_does_not_cross_tenants(world):
    a = world["a"]
    a_part = a.one(f"/parts/{world['a_ids']['part']}")
    a_customer = a.one(f"/customers/{world['a_ids']['customer']}")
    a_moto = a.one(f"/motos/{world['a_ids']['moto']}")
    assert world["b"].list("/parts", q=a_part["sku"]) == []
    assert world["b"].list("/customers", q=a_customer["document"]) == []
    assert world["b"].list("/motos", plate=a_moto["plate"]) == []


# --------------------------------------------------------------------------- A's tenant id in B's path

PATH_ROUTES = [
    ("GET", "/customers", None), ("GET", "/customers/{customer}", None),
    ("POST", "/customers", {"name": "X"}), ("PATCH", "/customers/{customer}", {"name": "X"}),
    ("DELETE", "/customers/{customer}", None),
    ("GET", "/motos", None), ("GET", "/motos/{moto}", None),
    ("POST", "/motos", {"customer_id": "{customer}"}), ("PATCH", "/motos/{moto}", {"model": "X"}),
    ("DELETE", "/motos/{moto}", None),
    ("GET", "/parts", None), ("GET", "/parts/{part}", None),
    ("POST", "/parts", {"sku": "X-1", "name": "X"}), ("PATCH", "/parts/{part}", {"name": "X"}),
    ("DELETE", "/parts/{part}", None),
    ("POST", "/parts/{part}/stock-movement", {"movement_type": "in", "quantity": 1}),
    ("GET", "/parts/{part}/movements", None),
    ("GET", "/os", None), ("GET", "/os/{order}", None),
    ("POST", "/os", {"customer_id": "{customer}", "motorcycle_id": "{moto}"}),
    ("PATCH", "/os/{order}", {"description": "X"}),
    ("PATCH", "/os/{order}/status", {"status": "IN_PROGRESS"}),
    ("POST", "/os/{order}/items", {"item_type": "labor", "unit_price": 1, "description": "X"}),
    ("PATCH", "/os/{order}/items/{litem}", {"quantity": 2}),
    ("DELETE", "/os/{order}/items/{litem}", None),
]


def _resolve_body(body, ids_):
    if body is None:
        return None
    return {k: (ids_[v[1:-1]] if isinstance(v, str) and v.startswith("{") else v) for k, v in body.items()}


@pytest.mark.parametrize("api", ["", "/api"])
@pytest.mark.parametrize("ids_of", ["a", "b"], ids=["a-rows", "b-rows"])
@pytest.mark.parametrize("method,path,body", PATH_ROUTES, ids=[f"{m} {p}" for m, p, _ in PATH_ROUTES])
def test_other_tenant_in_path_is_tenant_mismatch(world, method, path, body, ids_of, api):
    """B names A's tenant in the path: 403 whether the ids are A's or B's own."""
    b = world["b"]
    row_ids = world[ids_of + "_ids"]
    url = f"{api}/management/{world['a'].tenant_id}{_fill(path, row_ids)}"
    kwargs = {"headers": b.headers}
    if body is not None:
        kwargs["json"] = _resolve_body(body, row_ids)
    resp = b.client.request(method, url, **kwargs)
    assert_error(resp, 403, "tenant_mismatch")
    if method != "GET":
        assert_a_unchanged(world)


@pytest.mark.parametrize("api", ["", "/api"])
def test_own_tenant_in_path_works(world, api):
    b = world["b"]
    base = f"{api}/management/{b.tenant_id}"
    s = b.under(base)
    assert str(world["b_ids"]["order"]) in ids(s.list("/os"))
    assert s.get_order(world["b_ids"]["order"])["id"] == world["b_ids"]["order"]
    # and A's rows under B's own tenant path are still just not found
    assert_error(s.get(f"/os/{world['a_ids']['order']}"), 404, "not_found")


# --------------------------------------------------------------------------- A's tenant id in B's body

BODY_ROUTES = [
    ("POST", "/customers", {"name": "Com tenant", "document": "CPF"}),
    ("PATCH", "/customers/{customer}", {"name": "Com tenant"}),
    ("POST", "/motos", {"customer_id": "{customer}", "plate": "PLATE"}),
    ("PATCH", "/motos/{moto}", {"model": "Com tenant"}),
    ("POST", "/parts", {"sku": "SKU", "name": "Com tenant", "unit_price": 1}),
    ("PATCH", "/parts/{part}", {"name": "Com tenant"}),
    ("POST", "/parts/{part}/stock-movement", {"movement_type": "in", "quantity": 1}),
    ("POST", "/os", {"customer_id": "{customer}", "motorcycle_id": "{moto}"}),
    ("PATCH", "/os/{order}", {"description": "Com tenant"}),
    ("PATCH", "/os/{order}/status", {"status": "IN_PROGRESS"}),
    ("POST", "/os/{order}/items", {"item_type": "labor", "unit_price": 1, "description": "Com tenant"}),
    ("PATCH", "/os/{order}/items/{litem}", {"quantity": 2}),
]


def _fresh_values(body):
    out = {}
    for k, v in body.items():
        out[k] = {"CPF": cpf(), "PLATE": unique_plate(), "SKU": unique_sku()}.get(v, v) if isinstance(v, str) else v
    return out


@pytest.mark.parametrize("method,path,body", BODY_ROUTES, ids=[f"{m} {p}" for m, p, _ in BODY_ROUTES])
def test_other_tenant_in_body_is_tenant_mismatch(world, method, path, body):
    b = world["b"]
    b_ids = world["b_ids"]
    before = snapshot(b, b_ids)
    payload = {**_fresh_values(_resolve_body(body, b_ids)), "tenant_id": world["a"].tenant_id}
    resp = b.client.request(method, "/management" + _fill(path, b_ids), json=payload, headers=b.headers)
    assert_error(resp, 403, "tenant_mismatch")
    after = snapshot(b, b_ids)
    assert after == before, "a refused request must not change the caller's rows"
    assert_a_unchanged(world)


def test_own_tenant_in_body_is_fine(world):
    b = world["b"]
    tid = b.tenant_id
    created = json_of(b.post("/customers", {"name": "Tenant próprio", "tenant_id": tid}), 201)
    json_of(b.patch(f"/customers/{created['id']}", {"notes": "ok", "tenant_id": tid}), 200)


# --------------------------------------------------------------------------- borrowing A's rows by id

def _refused(resp):
    # Another tenant's row named in a body is a field problem: 422, like a missing one.
    assert_error(resp, 422, "validation_error")


def test_b_cannot_open_an_order_with_a_customer_or_bike(world):
    b, a_ids, b_ids = world["b"], world["a_ids"], world["b_ids"]
    orders_before = b.list("/os")
    _refused(b.post("/os", {"customer_id": a_ids["customer"], "motorcycle_id": b_ids["moto"]}))
    _refused(b.post("/os", {"customer_id": b_ids["customer"], "motorcycle_id": a_ids["moto"]}))
    _refused(b.post("/os", {"customer_id": a_ids["customer"], "motorcycle_id": a_ids["moto"]}))
    assert b.list("/os") == orders_before
    assert_a_unchanged(world)


def test_b_cannot_register_a_bike_for_a_customer(world):
    b, a_ids = world["b"], world["a_ids"]
    _refused(b.post("/motos", {"customer_id": a_ids["customer"], "plate": unique_plate()}))
    _refused(b.patch(f"/motos/{world['b_ids']['moto']}", {"customer_id": a_ids["customer"]}))
    assert_a_unchanged(world)


def test_b_cannot_put_a_part_on_its_order(world):
    b, a_ids, b_ids = world["b"], world["a_ids"], world["b_ids"]
    order_before = b.get_order(b_ids["order"])
    _refused(b.add_item(b_ids["order"], {"item_type": "part", "part_id": a_ids["part"]}))
    _refused(b.add_item(b_ids["order"], {"item_type": "part", "part_id": a_ids["part"], "quantity": 1,
                                         "unit_price": "1.00"}))
    order_after = b.get_order(b_ids["order"])
    assert order_after["items"] == order_before["items"]
    assert order_after["total_amount"] == order_before["total_amount"]
    assert_a_unchanged(world)  # A's part stock is still 8


def test_b_cannot_point_a_stock_movement_at_a_order(world):
    b, a_ids, b_ids = world["b"], world["a_ids"], world["b_ids"]
    stock = b.stock(b_ids["part"])
    _refused(b.move(b_ids["part"], "in", 1, related_order_id=a_ids["order"]))
    assert b.stock(b_ids["part"]) == stock
    assert_a_unchanged(world)


def test_a_still_works_after_all_probes(world):
    a, a_ids = world["a"], world["a_ids"]
    assert_a_unchanged(world)
    json_of(a.patch(f"/os/{a_ids['order']}/items/{a_ids['pitem']}", {"quantity": 3}), 200)
    assert a.stock(a_ids["part"]) == 7
    json_of(a.patch(f"/os/{a_ids['order']}/items/{a_ids['pitem']}", {"quantity": 2}), 200)
    assert a.stock(a_ids["part"]) == 8
    world["a_snapshot"] = snapshot(a, a_ids)
