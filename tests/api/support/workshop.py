"""Helpers for the workshop API tests (API.md §3 `/management`).

`Shop` wraps one logged-in account and the shared httpx client: `shop.post(...)`
returns the raw response (for error assertions), `shop.customer(...)` and friends
create a row, assert the contract's success status and return the created row as
the server reads it back. Values (CPF, CNPJ, plates, SKUs) are random and valid,
so tests sharing a workshop never collide.
"""
from __future__ import annotations

import datetime
import random
import re
import string
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import Any, Callable, Iterable, Optional, Sequence

import socket

import httpx
import pytest

from support.helpers import (Account, assert_error, describe, details_of, json_of, register,
                             unique_name)

# --------------------------------------------------------------------------- the HTTP client

def _nodelay_pool(max_connections: int = 100):
    """An httpcore pool whose sockets set TCP_NODELAY. httpx 0.23 writes a request's
    head and body in two send() calls; with Nagle on, the body waits for the server's
    delayed ACK of the head, so every POST/PATCH costs ~40 ms on loopback. None when
    this httpcore has no pluggable backend (then the plain client is used)."""
    try:
        import httpcore
        from httpcore.backends.sync import SyncBackend
    except ImportError:  # another httpcore layout
        return None

    class NoDelayBackend(SyncBackend):
        def connect_tcp(self, *args, **kwargs):
            stream = super().connect_tcp(*args, **kwargs)
            sock = stream.get_extra_info("socket")
            if sock is not None:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            return stream

    try:
        return httpcore.ConnectionPool(max_connections=max_connections, max_keepalive_connections=20,
                                       keepalive_expiry=5.0, network_backend=NoDelayBackend())
    except TypeError:
        return None


def fast_client(base_url: str, timeout: float = 15.0) -> httpx.Client:
    """An httpx client for plain HTTP on loopback: no CA bundle loaded, TCP_NODELAY set."""
    transport = httpx.HTTPTransport(verify=False)
    pool = _nodelay_pool()
    if pool is not None:
        transport._pool = pool
    return httpx.Client(base_url=base_url, timeout=timeout, transport=transport)


@pytest.fixture(scope="module")
def wclient(server):
    """The workshop tests' own client of the shared server (see fast_client)."""
    with fast_client(server.url) as client:
        yield client


@pytest.fixture(scope="module")
def shop(team, wclient):
    """The OWNER of the module's team workshop."""
    return Shop(wclient, team["OWNER"])


@pytest.fixture(scope="module")
def other_shop(server, wclient):
    """A second workshop, for isolation checks."""
    return Shop(wclient, register(wclient, unique_name("Oficina Outra")))


# --------------------------------------------------------------------------- documents

_CNPJ_W1 = (5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2)
_CNPJ_W2 = (6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2)


def _mod11(values: Sequence[int], weights: Sequence[int]) -> int:
    rest = sum(v * w for v, w in zip(values, weights)) % 11
    return 0 if rest < 2 else 11 - rest


def cpf_check_digits(nine: str) -> str:
    nums = [int(c) for c in nine]
    d1 = _mod11(nums, range(10, 1, -1))
    d2 = _mod11(nums + [d1], range(11, 1, -1))
    return f"{d1}{d2}"


def cnpj_check_digits(twelve: str) -> str:
    """Check digits of a (possibly alphanumeric, upper-case) CNPJ body: each
    character counts as ord(c) - 48 (the 2026 Receita Federal rule; digits unchanged)."""
    vals = [ord(c) - 48 for c in twelve.upper()]
    d1 = _mod11(vals, _CNPJ_W1)
    d2 = _mod11(vals + [d1], _CNPJ_W2)
    return f"{d1}{d2}"


def cpf(formatted: bool = True) -> str:
    """A random valid CPF (never all digits equal)."""
    while True:
        nine = "".join(random.choice(string.digits) for _ in range(9))
        if len(set(nine)) > 1:
            break
    raw = nine + cpf_check_digits(nine)
    return f"{raw[:3]}.{raw[3:6]}.{raw[6:9]}-{raw[9:]}" if formatted else raw


def cnpj(formatted: bool = True, alphanumeric: bool = False) -> str:
    """A random valid CNPJ; alphanumeric=True puts letters in the 12-character body."""
    alphabet = string.digits + (string.ascii_uppercase if alphanumeric else "")
    body = "".join(random.choice(alphabet) for _ in range(8)) + "0001"
    if alphanumeric and not any(c.isalpha() for c in body):
        body = "A" + body[1:]
    raw = body + cnpj_check_digits(body)
    if not formatted:
        return raw
    return f"{raw[:2]}.{raw[2:5]}.{raw[5:8]}/{raw[8:12]}-{raw[12:]}"


def wrong_check_digit(document: str) -> str:
    """The same document with its last check digit changed (so it no longer validates)."""
    last = document[-1]
    return document[:-1] + str((int(last) + 1) % 10)


def only_digits(text: Any) -> str:
    return "".join(c for c in str(text or "") if c.isdigit())


def stored_document(document: str) -> str:
    """How the server stores a document: punctuation removed, upper-case."""
    return "".join(c for c in document if c.isalnum()).upper()


# --------------------------------------------------------------------------- plates, SKUs

def plate_pair() -> tuple[str, str]:
    """A random old-format plate ("ABC1234") and its Mercosul twin ("ABC1C34"):
    the Mercosul plate replaces the 5th character d with the letter 'A' + d."""
    letters = "".join(random.choice(string.ascii_uppercase) for _ in range(3))
    digits = "".join(random.choice(string.digits) for _ in range(4))
    old = letters + digits
    mercosul = letters + digits[0] + chr(ord("A") + int(digits[1])) + digits[2:]
    return old, mercosul


def unique_plate() -> str:
    return plate_pair()[0]


def unique_sku(prefix: str = "SKU") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10].upper()}"


def unique_tag(prefix: str = "t") -> str:
    """A token unlikely to occur anywhere else (for q searches)."""
    return prefix + uuid.uuid4().hex[:10]


# --------------------------------------------------------------------------- money

def cents(value: Any) -> int:
    """A money value of a response (a JSON number in reais) as integer cents."""
    assert isinstance(value, (int, float)) and not isinstance(value, bool), \
        f"money must be a JSON number, got {value!r} ({type(value).__name__})"
    dec = Decimal(str(value)) * 100
    assert dec == dec.to_integral_value(), f"money with more than two decimals: {value!r}"
    return int(dec)


def to_cents(text: str) -> int:
    """Cents of a literal written in a test ("150.75")."""
    return int(Decimal(text) * 100)


def iso_utc(value: Any) -> str:
    assert isinstance(value, str) and value.endswith("Z"), f"timestamp must be ISO 8601 UTC with Z: {value!r}"
    parse_ts(value)
    return value


def parse_ts(value: str) -> datetime.datetime:
    """An ISO 8601 UTC timestamp ("2026-11-24T13:05:00Z", fractions allowed) as an aware datetime."""
    text = value[:-1] + "+00:00" if value.endswith("Z") else value
    if "." in text:  # Python 3.11 wants at most 6 fraction digits
        head, rest = text.split(".", 1)
        frac = re.match(r"\d+", rest).group(0)
        text = f"{head}.{frac[:6].ljust(6, '0')}{rest[len(frac):]}"
    return datetime.datetime.fromisoformat(text)


# --------------------------------------------------------------------------- assertions

def assert_validation(resp: httpx.Response, *fields: str) -> dict:
    """422 validation_error whose details name every given field."""
    err = assert_error(resp, 422, "validation_error")
    details = details_of(err)
    for name in fields:
        assert name in details, f"details should name {name!r}: {describe(resp)}"
    return err


def total_count(resp: httpx.Response) -> int:
    value = resp.headers.get("x-total-count")
    assert value is not None and value.strip().isdigit(), f"missing/invalid X-Total-Count: {describe(resp)}"
    return int(value)


def ids(rows: Iterable[dict]) -> list[str]:
    return [str(r["id"]) for r in rows]


def same_id(a: Any, b: Any) -> bool:
    return a is not None and b is not None and str(a) == str(b)


def is_deleted_status(resp: httpx.Response) -> bool:
    """DELETE deactivates and answers 200 {message, id}."""
    return resp.status_code == 200 and "message" in resp.json()


# --------------------------------------------------------------------------- prefixes

def bases(account: Account) -> list[str]:
    """The four spellings of the workshop prefix: bare, /api, and both with the own tenant id."""
    tid = account.tenant_id
    return ["/management", "/api/management", f"/management/{tid}", f"/api/management/{tid}"]


BASE_IDS = ["bare", "api", "bare-tenant", "api-tenant"]


# --------------------------------------------------------------------------- the client wrapper

class Shop:
    """One account of one workshop, speaking to /management."""

    def __init__(self, client: httpx.Client, account: Account, base: str = "/management"):
        self.client = client
        self.account = account
        self.base = base

    # ---- identity
    @property
    def headers(self) -> dict:
        return self.account.headers

    @property
    def tenant_id(self) -> int:
        return self.account.tenant_id

    @property
    def user_id(self) -> Any:
        return self.account.id

    def as_(self, account: Account) -> "Shop":
        return Shop(self.client, account, self.base)

    def under(self, base: str) -> "Shop":
        return Shop(self.client, self.account, base)

    # ---- raw HTTP (path relative to the base: "/customers")
    def get(self, path: str, params: Optional[dict] = None) -> httpx.Response:
        return self.client.get(self.base + path, params=params, headers=self.headers)

    def post(self, path: str, body: Any = None, **kw) -> httpx.Response:
        return self.client.post(self.base + path, json=body if body is not None else {},
                                headers=self.headers, **kw)

    def patch(self, path: str, body: Any = None) -> httpx.Response:
        return self.client.patch(self.base + path, json=body if body is not None else {},
                                 headers=self.headers)

    def delete(self, path: str) -> httpx.Response:
        return self.client.delete(self.base + path, headers=self.headers)

    def list(self, path: str, **params) -> list:
        resp = self.get(path, params=params or None)
        data = json_of(resp, 200)
        assert isinstance(data, list), f"a list endpoint answers a JSON array: {describe(resp)}"
        return data

    def one(self, path: str) -> dict:
        data = json_of(self.get(path), 200)
        assert isinstance(data, dict), f"expected an object: {data!r}"
        return data

    # ---- customers
    def customer(self, **fields) -> dict:
        body = {"name": "Cliente " + uuid.uuid4().hex[:6], "document": cpf(), **fields}
        body = {k: v for k, v in body.items() if v is not None}
        resp = self.post("/customers", body)
        data = json_of(resp, 201)
        assert "id" in data, f"POST /customers answers {{id, name}}: {describe(resp)}"
        return self.one(f"/customers/{data['id']}")

    # ---- motorcycles
    def moto(self, customer_id: Any = None, **fields) -> dict:
        if customer_id is None:
            customer_id = self.customer()["id"]
        body = {"customer_id": customer_id, "brand": "Honda", "model": "CG 160 Titan",
                "plate": unique_plate(), "year": 2021, "km_current": 1000, **fields}
        body = {k: v for k, v in body.items() if v is not None}
        resp = self.post("/motos", body)
        data = json_of(resp, 201)
        assert "id" in data, f"POST /motos answers {{id, plate}}: {describe(resp)}"
        return self.one(f"/motos/{data['id']}")

    # ---- parts
    def part(self, **fields) -> dict:
        body = {"sku": unique_sku(), "name": "Peça " + uuid.uuid4().hex[:6], "unit_price": "35.90",
                "cost_price": "20.00", "quantity_in_stock": 10, "min_stock": 2, "location": "A1", **fields}
        body = {k: v for k, v in body.items() if v is not None}
        resp = self.post("/parts", body)
        data = json_of(resp, 201)
        assert "id" in data, f"POST /parts answers the new id: {describe(resp)}"
        return self.one(f"/parts/{data['id']}")

    def stock(self, part_id: Any) -> int:
        return self.one(f"/parts/{part_id}")["quantity_in_stock"]

    def movements(self, part_id: Any) -> list:
        return self.list(f"/parts/{part_id}/movements", limit=500)

    def move(self, part_id: Any, movement_type: str, quantity: Any, **extra) -> httpx.Response:
        return self.post(f"/parts/{part_id}/stock-movement",
                         {"movement_type": movement_type, "quantity": quantity, **extra})

    # ---- service orders
    def order(self, customer_id: Any = None, motorcycle_id: Any = None, **fields) -> dict:
        """Creates an order (a new customer and bike when not given); returns the detail
        plus the POST answer under "_created"."""
        if motorcycle_id is None:
            if customer_id is None:
                customer_id = self.customer()["id"]
            motorcycle_id = self.moto(customer_id)["id"]
        body = {"customer_id": customer_id, "motorcycle_id": motorcycle_id,
                "description": "Revisão geral", **fields}
        resp = self.post("/os", body)
        created = json_of(resp, 201)
        assert {"id", "number", "status"} <= set(created), f"POST /os answers {{id, number, status}}: {describe(resp)}"
        detail = self.one(f"/os/{created['id']}")
        detail["_created"] = created
        return detail

    def get_order(self, order_id: Any) -> dict:
        return self.one(f"/os/{order_id}")

    def add_item(self, order_id: Any, body: dict) -> httpx.Response:
        return self.post(f"/os/{order_id}/items", body)

    def part_item(self, order_id: Any, part_id: Any, quantity: Any = None, **extra) -> dict:
        body = {"item_type": "part", "part_id": part_id, **extra}
        if quantity is not None:
            body["quantity"] = quantity
        return json_of(self.add_item(order_id, body), 201)

    def labor_item(self, order_id: Any, unit_price: Any = "100.00", quantity: Any = None,
                   description: str = "Mão de obra") -> dict:
        body = {"item_type": "labor", "description": description, "unit_price": unit_price}
        if quantity is not None:
            body["quantity"] = quantity
        return json_of(self.add_item(order_id, body), 201)

    def set_status(self, order_id: Any, status: str) -> httpx.Response:
        return self.patch(f"/os/{order_id}/status", {"status": status})

    def move_to(self, order_id: Any, *statuses: str) -> None:
        for status in statuses:
            data = json_of(self.set_status(order_id, status), 200)
            assert data.get("status") == status, f"PATCH status {status} answered {data!r}"


# --------------------------------------------------------------------------- invariants

def movement_sum(movements: list[dict]) -> int:
    """What in/out movements add up to (asserts there is no adjust among them)."""
    total = 0
    for mv in movements:
        kind = mv["movement_type"]
        assert kind in ("in", "out"), f"unexpected movement type {kind!r} in {mv!r}"
        total += mv["quantity"] if kind == "in" else -mv["quantity"]
    return total


def check_order_totals(order: dict) -> None:
    """total_parts/total_labor are the sums of the items; total_amount the difference
    with the discount, never below zero; every item's total is quantity × unit_price."""
    parts = labor = 0
    for item in order["items"]:
        total = cents(item["total"])
        assert total == item["quantity"] * cents(item["unit_price"]), f"item total wrong: {item!r}"
        if item["item_type"] == "part":
            parts += total
        else:
            assert item["item_type"] == "labor", item
            labor += total
    assert cents(order["total_parts"]) == parts, f"total_parts {order['total_parts']} != items {parts / 100}"
    assert cents(order["total_labor"]) == labor, f"total_labor {order['total_labor']} != items {labor / 100}"
    expected = max(0, parts + labor - cents(order["discount"]))
    assert cents(order["total_amount"]) == expected, \
        f"total_amount {order['total_amount']} != {expected / 100} (parts {parts}, labor {labor}, discount {order['discount']})"


# --------------------------------------------------------------------------- parallel requests

STATS = {"503": 0}

def parallel(server_url: str, calls: Sequence[Callable[[httpx.Client], httpx.Response]], *,
             workers: int = 50, retries_503: int = 20) -> list[httpx.Response]:
    """Run calls concurrently, each on its thread's own httpx client (its own
    connection). A 503 carrying Retry-After is the contract's back-pressure answer,
    not a result: such calls are retried after a short pause."""
    local = threading.local()
    clients: list[httpx.Client] = []
    lock = threading.Lock()
    barrier = threading.Barrier(min(workers, len(calls)))

    def run(call):
        client = getattr(local, "client", None)
        if client is None:
            client = fast_client(server_url, timeout=30.0)
            local.client = client
            with lock:
                clients.append(client)
            try:  # line up the first wave so that it really overlaps
                barrier.wait(timeout=10)
            except threading.BrokenBarrierError:
                pass
        for _ in range(retries_503):
            resp = call(client)
            if resp.status_code != 503:
                return resp
            with lock:
                STATS["503"] += 1
            time.sleep(0.05 + random.random() * 0.1)
        return resp

    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(run, calls))
    finally:
        for client in clients:
            client.close()
