"""Every workshop route answers under the four spellings of its prefix (bare, /api,
and both with the caller's own tenant id), and none answers without a valid token
(API.md §1 Prefixes, Authentication, Tenant)."""
import pytest

from support.helpers import MISSING_ID, assert_error, auth, json_of, register, unique_name
from support.workshop import BASE_IDS, Shop, bases, cents, check_order_totals, cpf, unique_plate, unique_sku
from support.workshop import wclient  # noqa: F401  (module-scoped client fixture)

ROUTES = [
    ("GET", "/customers"), ("POST", "/customers"), ("GET", "/customers/{id}"), ("PATCH", "/customers/{id}"),
    ("DELETE", "/customers/{id}"),
    ("GET", "/motos"), ("POST", "/motos"), ("GET", "/motos/{id}"), ("PATCH", "/motos/{id}"),
    ("DELETE", "/motos/{id}"),
    ("GET", "/parts"), ("POST", "/parts"), ("GET", "/parts/{id}"), ("PATCH", "/parts/{id}"),
    ("DELETE", "/parts/{id}"), ("POST", "/parts/{id}/stock-movement"), ("GET", "/parts/{id}/movements"),
    ("GET", "/os"), ("POST", "/os"), ("GET", "/os/{id}"), ("PATCH", "/os/{id}"), ("PATCH", "/os/{id}/status"),
    ("POST", "/os/{id}/items"), ("PATCH", "/os/{id}/items/{item}"), ("DELETE", "/os/{id}/items/{item}"),
]


@pytest.fixture(scope="module")
def owner(wclient):
    return register(wclient, unique_name("Oficina Rotas"))


@pytest.mark.parametrize("base", range(4), ids=BASE_IDS)
def test_whole_lifecycle_under_every_prefix(wclient, owner, base):
    s = Shop(wclient, owner, bases(owner)[base])
    customer = s.customer(document=cpf())
    json_of(s.patch(f"/customers/{customer['id']}", {"notes": "via " + s.base}), 200)
    bike = s.moto(customer["id"], plate=unique_plate(), km_current=100)
    json_of(s.patch(f"/motos/{bike['id']}", {"km_current": 150}), 200)
    part = s.part(sku=unique_sku(), unit_price="10.00", quantity_in_stock=5)
    json_of(s.patch(f"/parts/{part['id']}", {"location": "Z9"}), 200)
    assert json_of(s.move(part["id"], "in", 5), 200)["stock"] == 10
    assert len(s.movements(part["id"])) == 2
    order = s.order(customer["id"], bike["id"], km_at_entry=200)
    json_of(s.patch(f"/os/{order['id']}", {"description": "via " + s.base}), 200)
    pitem = s.part_item(order["id"], part["id"], quantity=3)
    litem = s.labor_item(order["id"], "40.00")
    json_of(s.patch(f"/os/{order['id']}/items/{pitem['id']}", {"quantity": 2}), 200)
    json_of(s.delete(f"/os/{order['id']}/items/{litem['id']}"), 200)
    s.move_to(order["id"], "IN_PROGRESS", "COMPLETED")
    detail = s.get_order(order["id"])
    assert cents(detail["total_amount"]) == 2000
    check_order_totals(detail)
    assert s.stock(part["id"]) == 8
    assert str(order["id"]) in [str(o["id"]) for o in s.list("/os", customer_id=customer["id"])]
    for path in (f"/parts/{part['id']}", f"/motos/{bike['id']}", f"/customers/{customer['id']}"):
        json_of(s.delete(path), 200)
        assert s.one(path)["is_active"] is False


def _url(base, path):
    return base + path.format(id=MISSING_ID, item=MISSING_ID)


@pytest.mark.parametrize("base", ["/management", "/api/management"])
@pytest.mark.parametrize("method,path", ROUTES, ids=[f"{m} {p}" for m, p in ROUTES])
def test_every_route_needs_a_token(wclient, owner, method, path, base):
    kwargs = {"json": {}} if method in ("POST", "PATCH") else {}
    assert_error(wclient.request(method, _url(base, path), **kwargs), 401, "unauthorized")
    bogus = auth(owner.access_token[:-4] + "AAAA")
    assert_error(wclient.request(method, _url(base, path), headers=bogus, **kwargs), 401, "unauthorized")


@pytest.mark.parametrize("path", ["/management/nada", "/api/management/nada", "/api/management/os/1/nada"])
def test_unknown_workshop_paths_are_json_404(wclient, owner, path):
    assert_error(wclient.get(path, headers=owner.headers), 404, "not_found")
