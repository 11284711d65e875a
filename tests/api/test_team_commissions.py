"""`GET /teamcrm/commissions?start&end` (OWNER, MANAGER): per staff member, from the
orders COMPLETED with closed_at in the period (both days inclusive, UTC), the labor
they did (a labor line's `staff_id`, else the order's mechanic) times their labor
percentage, plus the parts of the orders assigned to them times their parts
percentage; each order's commission rounded half up to the cent, a line's total the
sum of its orders'. Checked against a case computed by hand."""
import pytest

from support.helpers import assert_error, json_of
from support.team import day, new_workshop, tclient  # noqa: F401
from support.workshop import cents

AMOUNTS = ("labor_base", "parts_base", "labor_commission", "parts_commission", "total")


@pytest.fixture(scope="module")
def case(tclient):
    """Two mechanics, four orders:

    Carlos (labor 10.5 %, parts 2.25 %), Rafael (labor 8 %, parts 0 %), Diego (5 %).

    #A Carlos's: labor 150.00 (no doer: Carlos's) + labor 1.5 h × 33.33 = 50.00 (Rafael did
       it; 49.995 rounds up) + part 2 × 45.50 = 91.00; discount 20.00 (does not reduce the
       bases).
         Carlos: labor 150.00 × 10.5 % = 15.75; parts 91.00 × 2.25 % = 2.0475 → 2.05
         Rafael: labor 50.00 × 8 % = 4.00
    #B Rafael's: labor 99.99 → 7.9992 → 8.00; part 120.00 × 0 % = 0.00
    #C Carlos's: labor 33.33 → 3.49965 → 3.50; part 10.01 → 0.225225 → 0.23
    #D nobody's: labor 80.00 by Diego → 4.00
    Not counted: #E completed but then reopened (IN_PROGRESS), #F still open, #G cancelled.
    """
    crm = new_workshop(tclient, "Oficina Comissões")
    shop = crm.shop
    carlos = crm.staff(name="Carlos Mendes", labor_commission_percent="10.5",
                       parts_commission_percent=2.25)
    rafael = crm.staff(name="Rafael Teixeira", labor_commission_percent=8)
    diego = crm.staff(name="Diego Ferreira", labor_commission_percent=5)
    part = shop.part(unit_price="45.50", quantity_in_stock=100)
    cheap = shop.part(unit_price="10.01", quantity_in_stock=100)
    big = shop.part(unit_price="120.00", quantity_in_stock=100)

    def order(mechanic, *items, discount=None, moves=("COMPLETED",)):
        o = shop.order(**({"assigned_staff_id": mechanic["id"]} if mechanic else {}))
        for item in items:
            json_of(shop.add_item(o["id"], item), 201)
        if discount:
            json_of(shop.patch(f"/os/{o['id']}", {"discount": discount}), 200)
        shop.move_to(o["id"], *moves)
        return shop.get_order(o["id"])

    def labor(price, staff=None, quantity=None):
        body = {"item_type": "labor", "description": "Serviço", "unit_price": price}
        if staff:
            body["staff_id"] = staff["id"]
        if quantity:
            body["quantity"] = quantity
        return body

    def parts(p, quantity=1):
        return {"item_type": "part", "part_id": p["id"], "quantity": quantity}

    a = order(carlos, labor("150.00"), labor("33.33", rafael, "1.5"), parts(part, 2),
              discount="20.00")
    b = order(rafael, labor("99.99"), parts(big))
    c = order(carlos, labor("33.33"), parts(cheap))
    d = order(None, labor("80.00", diego))
    order(carlos, labor("500.00"), moves=("COMPLETED", "IN_PROGRESS"))
    order(carlos, labor("500.00"), moves=())
    order(rafael, labor("500.00"), moves=("CANCELLED",))
    return {"crm": crm, "carlos": carlos, "rafael": rafael, "diego": diego,
            "a": a, "b": b, "c": c, "d": d}


def report(crm, start=None, end=None):
    return json_of(crm.get("/commissions", params={"start": start or day(-1),
                                                   "end": end or day(1)}), 200)


def amounts(row):
    return tuple(cents(row[k]) for k in AMOUNTS)


def test_the_hand_computed_case(case):
    body = report(case["crm"])
    assert (body["start"], body["end"]) == (day(-1), day(1))
    # By name: Carlos, Diego, Rafael.
    assert [s["staff_id"] for s in body["staff"]] == [case["carlos"]["id"], case["diego"]["id"],
                                                      case["rafael"]["id"]]
    carlos, diego, rafael = body["staff"]
    assert carlos["staff_name"] == "Carlos Mendes"
    assert (carlos["labor_commission_percent"], carlos["parts_commission_percent"]) == (10.5, 2.25)
    assert [o["order_id"] for o in carlos["orders"]] == [case["a"]["id"], case["c"]["id"]]
    assert amounts(carlos["orders"][0]) == (15000, 9100, 1575, 205, 1780)
    assert amounts(carlos["orders"][1]) == (3333, 1001, 350, 23, 373)
    assert amounts(carlos) == (18333, 10101, 1925, 228, 2153)
    assert carlos["orders"][0]["number"] == case["a"]["number"]
    assert carlos["orders"][0]["customer_name"] == case["a"]["customer_name"]
    assert carlos["orders"][0]["closed_at"] == case["a"]["closed_at"]

    assert [o["order_id"] for o in rafael["orders"]] == [case["a"]["id"], case["b"]["id"]]
    assert amounts(rafael["orders"][0]) == (5000, 0, 400, 0, 400)
    assert amounts(rafael["orders"][1]) == (9999, 12000, 800, 0, 800)
    assert amounts(rafael) == (14999, 12000, 1200, 0, 1200)

    assert [o["order_id"] for o in diego["orders"]] == [case["d"]["id"]]
    assert amounts(diego) == (8000, 0, 400, 0, 400)

    assert amounts(body["totals"]) == (41332, 22101, 3525, 228, 3753)
    # Every line adds up to the orders behind it.
    for s in body["staff"]:
        for i, key in enumerate(AMOUNTS):
            assert sum(cents(o[key]) for o in s["orders"]) == amounts(s)[i]


def test_the_period_is_closed_at_both_days_inclusive(case):
    assert report(case["crm"], day(0), day(0))["staff"] != []
    empty = report(case["crm"], day(-30), day(-1))
    assert empty["staff"] == []
    assert amounts(empty["totals"]) == (0, 0, 0, 0, 0)
    assert report(case["crm"], day(1), day(30))["staff"] == []


def test_the_current_rule_applies(case):
    crm = case["crm"]
    json_of(crm.patch(f"/staff/{case['diego']['id']}", {"labor_commission_percent": 0}), 200)
    diego = next(s for s in report(crm)["staff"] if s["staff_id"] == case["diego"]["id"])
    assert amounts(diego) == (8000, 0, 0, 0, 0)  # listed: the work was done
    json_of(crm.patch(f"/staff/{case['diego']['id']}", {"labor_commission_percent": 5}), 200)


@pytest.mark.parametrize("params", [
    {}, {"start": "{today}"}, {"end": "{today}"}, {"start": "01/12/2026", "end": "{today}"},
    {"start": "{today}", "end": "2026-02-30"}, {"start": "{tomorrow}", "end": "{today}"},
])
def test_bad_periods_are_400(case, params):
    params = {k: v.format(today=day(0), tomorrow=day(1)) for k, v in params.items()}
    assert_error(case["crm"].get("/commissions", params=params), 400, "bad_request")


def test_another_workshop_sees_none_of_it(case, tclient):
    other = new_workshop(tclient, "Oficina Comissões Outra")
    assert report(other)["staff"] == []
