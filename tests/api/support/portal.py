"""Helpers of the quote and portal tests (API.md §7 "Quotes and the customer portal")."""
from __future__ import annotations

import os
import subprocess
from typing import Any, Optional
from urllib.parse import urlsplit, urlunsplit

import httpx
import pytest

from support import server as srv
from support.helpers import Account, json_of, random_loopback, register, unique_name
from support.workshop import Shop

QUOTE_SENT_FIELDS = {"version", "token", "url", "expires_at", "whatsapp_url"}
APPROVAL_FIELDS = {"state", "version", "sent_at", "expires_at", "decided_at", "decided_by_name",
                   "outdated"}
# Exactly what the public page may read (API.md §7): nothing else of the customer.
PUBLIC_KEYS = {"workshop", "order", "quote"}
PUBLIC_WORKSHOP_KEYS = {"name", "phone"}
PUBLIC_ORDER_KEYS = {"number", "status", "motorcycle"}
PUBLIC_MOTORCYCLE_KEYS = {"model", "plate"}
PUBLIC_QUOTE_KEYS = {"version", "state", "expires_at", "items", "totals"}
PUBLIC_ITEM_KEYS = {"id", "item_type", "description", "quantity", "unit_price", "total"}


def cli(*args: str, database_url: Optional[str] = None) -> subprocess.CompletedProcess:
    """`motogestor <args…>` with the owner role's URL (the operator's commands)."""
    url = database_url or srv.require_env("TEST_DATABASE_OWNER_URL")
    return subprocess.run([str(srv.require_binary()), *args, "--database-url", url],
                          capture_output=True, text=True, env=srv.server_env(), cwd=srv.REPO_ROOT,
                          timeout=60)


def refresh(client: httpx.Client, account: Account) -> Account:
    """A token refresh: the new access token carries the workshop's current plan."""
    data = json_of(client.post("/auth/refresh", json={"refresh_token": account.refresh_token}), 200)
    account.access_token, account.refresh_token = data["access_token"], data["refresh_token"]
    return account


def set_plan(client: httpx.Client, account: Account, plan: str) -> Account:
    done = cli("tenant", "plan", str(account.tenant_id), plan)
    assert done.returncode == 0, f"tenant plan exited {done.returncode}: {done.stderr}"
    return refresh(client, account)


def premium(client: httpx.Client, name: str = "Oficina Portal") -> Account:
    """A fresh workshop moved to PREMIUM by the operator's CLI, its OWNER's token refreshed."""
    return set_plan(client, register(client, unique_name(name)), "PREMIUM")


def psql_app_db(sql: str) -> str:
    """Runs SQL as the superuser on the application's database (test set-up only: making a
    link expire)."""
    admin = urlsplit(srv.require_env("TEST_DATABASE_ADMIN_URL"))
    app = urlsplit(srv.require_env("TEST_DATABASE_URL"))
    url = urlunsplit((admin.scheme, admin.netloc, app.path, admin.query, ""))
    out = subprocess.run(["psql", url, "-XAtc", sql], check=True, capture_output=True, text=True)
    return out.stdout.strip()


class Quoting:
    """A premium workshop's OWNER and the public portal of the same server."""

    def __init__(self, client: httpx.Client, account: Account):
        self.client = client
        self.shop = Shop(client, account)

    def order_with_three_items(self) -> dict:
        """An order with two part lines (2× part A, 1× part B) and one labor line."""
        s = self.shop
        self.part_a = s.part(unit_price="35.50", quantity_in_stock=10)
        self.part_b = s.part(unit_price="120.00", quantity_in_stock=5)
        order = s.order()
        self.item_a = s.part_item(order["id"], self.part_a["id"], quantity=2)
        self.item_b = s.part_item(order["id"], self.part_b["id"], quantity=1)
        self.labor = s.labor_item(order["id"], unit_price="80.00", quantity="1.5",
                                  description="Troca de pastilhas")
        return s.get_order(order["id"])

    def send(self, order_id: Any, body: Optional[dict] = None, account: Optional[Account] = None,
             path: Optional[str] = None) -> httpx.Response:
        headers = (account or self.shop.account).headers
        return self.client.post(path or f"/management/os/{order_id}/quote", json=body or {},
                                headers=headers)

    def sent(self, order_id: Any, body: Optional[dict] = None) -> dict:
        return json_of(self.send(order_id, body), 201)

    def view(self, token: str, **kw) -> httpx.Response:
        return self.client.get(f"/api/portal/{token}", **kw)

    def decide(self, token: str, approved: list, name: str = "Maria da Silva",
               accept: Any = True, **kw) -> httpx.Response:
        return self.client.post(f"/api/portal/{token}/decision",
                                json={"approved_item_ids": approved, "name": name,
                                      "accept_terms": accept}, **kw)


@pytest.fixture(scope="module")
def pclient(server):
    """The shared server from an address of its own: the portal's limit per address is then
    this module's alone."""
    with server.client(source_address=random_loopback()) as client:
        yield client


@pytest.fixture(scope="module")
def quoting(pclient) -> Quoting:
    return Quoting(pclient, premium(pclient))


def parse_ts_safe(value: str):
    from support.workshop import parse_ts
    return parse_ts(value)
