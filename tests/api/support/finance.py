"""Helpers for the finance API tests (API.md §4 `/financial`).

`Money` wraps one logged-in account and the shared httpx client like `Shop` does
for `/management`: `money.post(...)` returns the raw response (for error
assertions); `money.receivable(...)`, `money.payable(...)` create a row, assert
the contract's 201 and return the row as the server reads it back.
"""
from __future__ import annotations

import datetime
import re
import uuid
from decimal import Decimal
from typing import Any, Optional

import httpx
import pytest

from support.helpers import Account, describe, json_of, register, unique_name
from support.workshop import Shop, cents, fast_client

METHODS = ("PIX", "DINHEIRO", "CARTAO_CREDITO", "CARTAO_DEBITO", "BOLETO", "TRANSFERENCIA")
RECEIVABLE_FIELDS = {"id", "source_type", "source_id", "customer_id", "customer_name",
                     "description", "issue_date", "due_date", "amount", "status",
                     "received_amount", "received_at", "payment_method", "notes"}
PAYABLE_FIELDS = {"id", "supplier_name", "category", "description", "issue_date", "due_date",
                  "amount", "status", "paid_amount", "paid_at", "payment_method", "notes"}


@pytest.fixture(scope="module")
def fclient(server):
    """The finance tests' own client of the shared server."""
    with fast_client(server.url) as client:
        yield client


@pytest.fixture(scope="module")
def money(team, fclient):
    """The OWNER of the module's team workshop, on /financial."""
    return Money(fclient, team["OWNER"])


@pytest.fixture(scope="module")
def mshop(team, fclient):
    """The same OWNER, on /management (customers, orders)."""
    return Shop(fclient, team["OWNER"])


@pytest.fixture(scope="module")
def today(money) -> datetime.date:
    """The database's today (a receivable's default issue date), not the test machine's."""
    return money.today()


def unique_customer(prefix: str = "Cliente") -> str:
    return f"{prefix} {uuid.uuid4().hex[:8]}"


def day(base: datetime.date, delta: int = 0) -> str:
    return (base + datetime.timedelta(days=delta)).isoformat()


def reais(value_cents: int) -> float:
    """Cents as the JSON number the API sends (150.75)."""
    return float(Decimal(value_cents) / 100)


class Money:
    """One account of one workshop, speaking to /financial."""

    def __init__(self, client: httpx.Client, account: Account, base: str = "/financial"):
        self.client = client
        self.account = account
        self.base = base

    @property
    def headers(self) -> dict:
        return self.account.headers

    @property
    def tenant_id(self) -> int:
        return self.account.tenant_id

    def as_(self, account: Account) -> "Money":
        return Money(self.client, account, self.base)

    def under(self, base: str) -> "Money":
        return Money(self.client, self.account, base)

    # ---- raw HTTP
    def get(self, path: str, params: Optional[dict] = None) -> httpx.Response:
        return self.client.get(self.base + path, params=params, headers=self.headers)

    def post(self, path: str, body: Any = None, headers: Optional[dict] = None) -> httpx.Response:
        return self.client.post(self.base + path, json=body if body is not None else {},
                                headers={**self.headers, **(headers or {})})

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

    def one(self, path: str, **params) -> dict:
        data = json_of(self.get(path, params=params or None), 200)
        assert isinstance(data, dict), f"expected an object: {data!r}"
        return data

    # ---- receivables
    def receivable(self, amount: Any = "100.00", due_date: Optional[str] = None, **fields) -> dict:
        """Creates one (or a group, with installments=N); returns the first's detail plus
        the POST answer under "_created"."""
        body = {"amount": amount, "due_date": due_date or self._today_text(),
                "customer_name": unique_customer(), **fields}
        body = {k: v for k, v in body.items() if v is not None}
        resp = self.post("/receivables", body)
        created = json_of(resp, 201)
        assert "id" in created, f"POST /receivables answers {{id}}: {describe(resp)}"
        detail = self.one(f"/receivables/{created['id']}")
        detail["_created"] = created
        return detail

    def get_receivable(self, rid: Any) -> dict:
        return self.one(f"/receivables/{rid}")

    def pay(self, rid: Any, amount: Any, method: Optional[str] = "PIX", *, verb: str = "post",
            kind: str = "receivables", **extra) -> httpx.Response:
        body = {"amount": amount, **extra}
        if method is not None:
            body["payment_method"] = method
        path = f"/{kind}/{rid}/pay"
        return self.post(path, body) if verb == "post" else self.patch(path, body)

    def pay_ok(self, rid: Any, amount: Any, method: Optional[str] = "PIX", **extra) -> dict:
        return json_of(self.pay(rid, amount, method, **extra), 200)

    # ---- payables
    def payable(self, amount: Any = "100.00", due_date: Optional[str] = None, **fields) -> dict:
        body = {"amount": amount, "due_date": due_date or self._today_text(),
                "supplier_name": "Fornecedor " + uuid.uuid4().hex[:8], "category": "PARTS",
                **fields}
        body = {k: v for k, v in body.items() if v is not None}
        resp = self.post("/payables", body)
        created = json_of(resp, 201)
        assert "id" in created, f"POST /payables answers {{id}}: {describe(resp)}"
        detail = self.one(f"/payables/{created['id']}")
        detail["_created"] = created
        return detail

    # ---- cash register
    def current_register(self) -> Optional[dict]:
        resp = self.get("/cash-registers/current")
        if resp.status_code == 404:
            return None
        return json_of(resp, 200)

    def open_register(self, opening: Any = "100.00") -> dict:
        return json_of(self.post("/cash-registers", {"opening_balance": opening}), 201)

    def close_current(self, counted: Optional[Any] = None) -> Optional[dict]:
        """Closes the open register (counting what it expects unless told), if any."""
        reg = self.current_register()
        if reg is None:
            return None
        amount = counted if counted is not None else reg["totals"]["expected"]
        return json_of(self.post(f"/cash-registers/{reg['id']}/close",
                                 {"counted_amount": amount}), 200)

    # ---- dates
    _today: Optional[datetime.date] = None

    def today(self) -> datetime.date:
        if Money._today is None:
            resp = self.post("/receivables", {"amount": "1.00", "due_date": "2100-01-01",
                                              "customer_name": "Data do servidor"})
            created = json_of(resp, 201)
            row = self.get_receivable(created["id"])
            json_of(self.delete(f"/receivables/{created['id']}"), 200)
            Money._today = datetime.date.fromisoformat(row["issue_date"])
        return Money._today

    def _today_text(self) -> str:
        return self.today().isoformat()


def open_cents(row: dict) -> int:
    return cents(row["amount"]) - cents(row.get("received_amount", row.get("paid_amount")))


def fresh_money(client: httpx.Client, name: str = "Oficina Financeiro") -> Money:
    return Money(client, register(client, unique_name(name)))


# --------------------------------------------------------------------------- QR codes

def svg_modules(svg: str) -> tuple[int, list[tuple[int, int, int]]]:
    """The viewBox size and the dark runs (x, y, width) of a QR SVG drawn as one path of
    `Mx yhWv1h-Wz` rectangles."""
    size = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg).group(1))
    path = re.search(r'<path[^>]* d="([^"]+)"', svg).group(1)
    runs = [(int(x), int(y), int(w)) for x, y, w, w2 in
            re.findall(r"M(\d+) (\d+)h(\d+)v1h-(\d+)z", path) if w == w2]
    assert "".join(f"M{x} {y}h{w}v1h-{w}z" for x, y, w in runs) == path, "unexpected path shape"
    return size, runs


def decode_qr(svg: str, scale: int = 4) -> str:
    """Rasterises the SVG's modules and reads the QR back with zbar (what a phone does)."""
    from pyzbar import pyzbar  # Debian's python3-pyzbar

    size, runs = svg_modules(svg)
    side = size * scale
    pixels = bytearray([255]) * (side * side)
    for x, y, w in runs:
        for dy in range(scale):
            row = (y * scale + dy) * side
            start = row + x * scale
            pixels[start:start + w * scale] = bytes(w * scale)
    found = pyzbar.decode((bytes(pixels), side, side))
    assert len(found) == 1, f"expected one QR code, zbar found {len(found)}"
    return found[0].data.decode("utf-8")


def crc16_ccitt_false(data: bytes) -> int:
    crc = 0xFFFF
    for b in data:
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
    return crc


def emv_fields(code: str) -> dict[str, str]:
    """The top-level ID → value of an EMV payload (asserting its lengths add up)."""
    out, i = {}, 0
    while i < len(code):
        tag, length = code[i:i + 2], int(code[i + 2:i + 4])
        out[tag] = code[i + 4:i + 4 + length]
        assert len(out[tag]) == length, f"field {tag} is cut short"
        i += 4 + length
    return out
