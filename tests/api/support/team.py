"""Helpers for the team and CRM API tests (API.md §5 `/teamcrm`).

`Crm` wraps one logged-in account and the shared httpx client, like `Shop` does for
`/management`: `crm.post(...)` returns the raw response (for error assertions),
`crm.staff(...)`, `crm.task(...)` and `crm.interaction(...)` create a row, assert the
contract's success status and return the created row as the server answers it.
`crm.shop` is the same account speaking to `/management` (customers, orders).
"""
from __future__ import annotations

import datetime
import uuid
from typing import Any, Optional

import httpx
import pytest

from support.helpers import Account, describe, json_of, register, unique_name, workshop_today
from support.workshop import Shop, fast_client

TASK_STATUSES = ("OPEN", "IN_PROGRESS", "WAITING", "DONE", "CANCELLED")
PRIORITIES = ("LOW", "NORMAL", "HIGH", "URGENT")
CHANNELS = ("WHATSAPP", "TELEGRAM", "PHONE", "IN_PERSON", "EMAIL", "OTHER")

STAFF_FIELDS = {"id", "name", "role", "phone", "email", "user_id", "user_name", "user_email",
                "is_active", "labor_commission_percent", "parts_commission_percent",
                "created_at", "updated_at", "can"}
TASK_FIELDS = {"id", "title", "description", "priority", "status", "assigned_to_id",
               "assigned_to_name", "related_order_id", "related_order_number", "customer_id",
               "customer_name", "due_date", "late", "created_by", "created_by_name",
               "created_at", "updated_at", "completed_at", "can"}
INTERACTION_FIELDS = {"id", "channel", "direction", "summary", "details", "customer_id",
                      "customer_name", "related_order_id", "related_order_number", "staff_id",
                      "staff_name", "occurred_at", "created_by", "created_at"}


def today() -> datetime.date:
    """The server's "today": the workshops' date (TIME_ZONE), as `current_date` is."""
    return workshop_today()


def day(offset: int = 0) -> str:
    return (today() + datetime.timedelta(days=offset)).isoformat()


def ago(**delta) -> str:
    """An ISO 8601 UTC timestamp `delta` before now (ago(days=3))."""
    t = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(**delta)
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture(scope="module")
def tclient(server):
    """The team tests' own client of the shared server."""
    with fast_client(server.url) as client:
        yield client


class Crm:
    """One account of one workshop, speaking to /teamcrm."""

    def __init__(self, client: httpx.Client, account: Account, base: str = "/teamcrm"):
        self.client = client
        self.account = account
        self.base = base
        self.shop = Shop(client, account)

    @property
    def headers(self) -> dict:
        return self.account.headers

    @property
    def tenant_id(self) -> int:
        return self.account.tenant_id

    def as_(self, account: Account) -> "Crm":
        return Crm(self.client, account, self.base)

    def under(self, base: str) -> "Crm":
        return Crm(self.client, self.account, base)

    # ---- raw HTTP (path relative to the base: "/tasks")
    def get(self, path: str, params: Optional[dict] = None) -> httpx.Response:
        return self.client.get(self.base + path, params=params, headers=self.headers)

    def post(self, path: str, body: Any = None, **kw) -> httpx.Response:
        return self.client.post(self.base + path, json=body if body is not None else {},
                                headers={**self.headers, **kw.pop("headers", {})}, **kw)

    def patch(self, path: str, body: Any = None) -> httpx.Response:
        return self.client.patch(self.base + path, json=body if body is not None else {},
                                 headers=self.headers)

    def list(self, path: str, **params) -> list:
        resp = self.get(path, params=params or None)
        data = json_of(resp, 200)
        assert isinstance(data, list), f"a list endpoint answers a JSON array: {describe(resp)}"
        return data

    def one(self, path: str) -> dict:
        data = json_of(self.get(path), 200)
        assert isinstance(data, dict), f"expected an object: {data!r}"
        return data

    # ---- rows
    def staff(self, **fields) -> dict:
        body = {"name": "Mecânico " + uuid.uuid4().hex[:6], "role": "Mecânico", **fields}
        body = {k: v for k, v in body.items() if v is not None}
        data = json_of(self.post("/staff", body), 201)
        assert set(data) == STAFF_FIELDS, f"staff fields: {sorted(data)}"
        return data

    def task(self, **fields) -> dict:
        body = {"title": "Tarefa " + uuid.uuid4().hex[:6], **fields}
        data = json_of(self.post("/tasks", body), 201)
        assert set(data) == TASK_FIELDS, f"task fields: {sorted(data)}"
        return data

    def set_task(self, task_id: Any, **fields) -> dict:
        return json_of(self.patch(f"/tasks/{task_id}", fields), 200)

    def interaction(self, **fields) -> dict:
        body = {"channel": "WHATSAPP", "summary": "Contato " + uuid.uuid4().hex[:6], **fields}
        data = json_of(self.post("/interactions", body), 201)
        assert set(data) == INTERACTION_FIELDS, f"interaction fields: {sorted(data)}"
        return data


def new_workshop(client: httpx.Client, prefix: str = "Oficina Equipe") -> Crm:
    return Crm(client, register(client, unique_name(prefix)))
