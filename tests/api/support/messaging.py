"""Helpers for the messaging API tests (API.md §7 "Messaging"): a PREMIUM workshop,
its channels on the provider fakes, opted-in customers, waiting for the relay."""
from __future__ import annotations

import contextlib
import subprocess
import time
import uuid
from urllib.parse import urlsplit, urlunsplit
from typing import Any, Callable, Optional

import httpx

from .fakes import Fake, token
from .helpers import Account, json_of, login_ok, register, create_user, describe
from .server import require_env
from .workshop import unique_plate

# Every messaging server of a run uses the same settings: several may share the
# database (pytest -n), and each one's relay delivers every tenant's messages.
MESSAGING_ENV = {
    "MESSAGING_RELAY_INTERVAL_MS": "100",
    "MESSAGING_RETRY_BASE_MS": "200",
    "MESSAGING_MAX_ATTEMPTS": "3",
    "MESSAGING_LEASE_SECONDS": "4",
    "MESSAGING_HTTP_TIMEOUT_MS": "1500",
    "MESSAGING_DAILY_CAP": "6",
}


# What the messaging servers of the tests say they are reached at (webhook links); the
# fakes deliver to the real address (`local`).
PUBLIC_BASE_URL = "https://motogestor.example"


def local(webhook_url: str, server) -> str:
    assert webhook_url.startswith(PUBLIC_BASE_URL + "/messaging/webhooks/"), webhook_url
    return server.url + webhook_url[len(PUBLIC_BASE_URL):]


def admin_url() -> str:
    """The superuser, on the application's database (the admin URL names another)."""
    admin, app = urlsplit(require_env("TEST_DATABASE_ADMIN_URL")), urlsplit(
        require_env("TEST_DATABASE_URL"))
    return urlunsplit(admin._replace(path=app.path))


def psql(sql: str, urls: Optional[dict] = None) -> str:
    """`sql` as the superuser, on the run's database or on `urls`' (a private one)."""
    out = subprocess.run(["psql", urls["admin"] if urls else admin_url(), "-XAtc", sql],
                         check=True, capture_output=True, text=True)
    return out.stdout.strip()


@contextlib.contextmanager
def private_database(database_urls: dict):
    """A migrated database of its own (the URLs of database_urls, renamed): its servers'
    relays are the only ones that see its messages."""
    from . import server as srv
    name = "mg_msg_" + uuid.uuid4().hex[:10]
    owner_role = urlsplit(database_urls["owner"]).username
    subprocess.run(["psql", database_urls["admin"], "-XAtc",
                    f"create database {name} owner {owner_role}"], check=True,
                   capture_output=True)
    urls = {k: urlunsplit(urlsplit(v)._replace(path="/" + name))
            for k, v in database_urls.items()}
    try:
        srv.migrate_up(urls["owner"])
        yield urls
    finally:
        subprocess.run(["psql", database_urls["admin"], "-XAtc",
                        f"drop database if exists {name} with (force)"], capture_output=True)


def premium(client: httpx.Client, plan: str = "PREMIUM", roles=(),
            urls: Optional[dict] = None) -> dict[str, Account]:
    """A fresh workshop on `plan` with its OWNER (and users of `roles`), logged in again
    after the plan changed (the plan travels in the token); `urls`: a private database's."""
    owner = register(client, "Oficina Mensagens " + uuid.uuid4().hex[:6])
    members = {r: create_user(client, owner, r) for r in roles}
    psql(f"update tenants set plan = '{plan}' where id = {int(owner.tenant_id)}", urls)
    out = {"OWNER": login_ok(client, owner.email, owner.password)}
    for role, account in members.items():
        out[role] = login_ok(client, account.email, account.password)
    return out


def eventually(probe: Callable[[], Any], check: Callable[[Any], bool], timeout: float = 15.0,
               interval: float = 0.1) -> Any:
    deadline = time.monotonic() + timeout
    value = probe()
    while not check(value) and time.monotonic() < deadline:
        time.sleep(interval)
        value = probe()
    return value


class Inbox:
    """One workshop's messaging, through one account."""

    def __init__(self, client: httpx.Client, account: Account):
        self.client = client
        self.account = account

    @property
    def headers(self) -> dict:
        return self.account.headers

    def get(self, path: str, **params) -> httpx.Response:
        return self.client.get(path, params=params or None, headers=self.headers)

    def post(self, path: str, body: Any = None, **kw) -> httpx.Response:
        return self.client.post(path, json=body if body is not None else {}, headers=self.headers,
                                **kw)

    def patch(self, path: str, body: Any = None) -> httpx.Response:
        return self.client.patch(path, json=body, headers=self.headers)

    def delete(self, path: str) -> httpx.Response:
        return self.client.delete(path, headers=self.headers)

    # --- channels on the fakes
    def whatsapp(self, fake: Fake, **extra) -> tuple[dict, dict]:
        creds = {"phone_number_id": str(uuid.uuid4().int % 10**15), "access_token": "EAAG" + token(),
                 "app_secret": token(), "verify_token": token()}
        fake.account(**creds, templates=extra.pop("templates", []))
        channel = json_of(self.post("/messaging/channels", {
            "kind": "WHATSAPP_CLOUD", "name": "WhatsApp", "api_base_url": fake.url + "/v21.0",
            "credentials": creds}), 201)
        return channel, creds

    def evolution(self, fake: Fake) -> tuple[dict, dict]:
        creds = {"instance": "oficina-" + token()[:8], "api_key": token()}
        fake.account(**creds)
        channel = json_of(self.post("/messaging/channels", {
            "kind": "EVOLUTION", "api_base_url": fake.url, "credentials": creds}), 201)
        return channel, creds

    def telegram(self, fake: Fake) -> tuple[dict, dict]:
        creds = {"bot_token": f"{uuid.uuid4().int % 10**9}:AA{token()}",
                 "bot_username": "oficina_" + token()[:6] + "_bot"}
        fake.account(**creds)
        channel = json_of(self.post("/messaging/channels", {
            "kind": "TELEGRAM", "api_base_url": fake.url, "credentials": creds}), 201)
        return channel, creds

    # --- customers
    def customer(self, phone: Optional[str] = None, opt_in: bool = True, **fields) -> dict:
        body = {"name": "Cliente " + uuid.uuid4().hex[:6],
                "phone": phone or "11" + str(900000000 + uuid.uuid4().int % 99999999), **fields}
        created = json_of(self.post("/management/customers", body), 201)
        if opt_in:
            self.consent(created["id"], True)
        return json_of(self.get(f"/management/customers/{created['id']}"), 200)

    def consent(self, customer_id: Any, opt_in: bool, source: str = "IN_PERSON") -> dict:
        return json_of(self.patch(f"/messaging/customers/{customer_id}",
                                  {"messaging_opt_in": opt_in, "source": source}), 200)

    def order(self, customer_id: Any) -> dict:
        moto = json_of(self.post("/management/motos", {
            "customer_id": customer_id, "brand": "Honda", "model": "CG 160",
            "plate": unique_plate()}), 201)
        return json_of(self.post("/management/os", {"customer_id": customer_id,
                                                    "motorcycle_id": moto["id"],
                                                    "description": "Revisão"}), 201)

    def status(self, order_id: Any, status: str) -> dict:
        return json_of(self.patch(f"/management/os/{order_id}/status", {"status": status}), 200)

    def messages(self, **params) -> list:
        resp = self.get("/messaging/messages", **params)
        data = json_of(resp, 200)
        assert isinstance(data, list), describe(resp)
        return data

    def wait_messages(self, check: Callable[[list], bool], timeout: float = 15.0, **params) -> list:
        return eventually(lambda: self.messages(**params), check, timeout)
