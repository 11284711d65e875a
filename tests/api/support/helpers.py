"""HTTP helpers shared by the API tests (contract: /work/shared/API.md §1–§2)."""
from __future__ import annotations

import datetime
import os
import random
import time
import uuid
import zoneinfo
from dataclasses import dataclass, field
from typing import Any, Callable, Collection, Optional, Union

import httpx

# Every route is served under /api and bare.
PREFIXES = ("", "/api")

ROLES = ("OWNER", "MANAGER", "ATTENDANT", "MECHANIC")
USER_FIELDS = {"id", "name", "email", "tenant_id", "tenant_name", "plan", "role"}
USER_LIST_FIELDS = {"id", "name", "email", "tenant_id", "role", "plan", "is_active"}

# Well above any id a test database reaches, well inside a signed 32-bit int.
MISSING_ID = 2_000_000_000


# --------------------------------------------------------------------------- values

# The test servers run in the default TIME_ZONE: "today" is the workshops' day there.
WORKSHOP_ZONE = zoneinfo.ZoneInfo("America/Sao_Paulo")


def workshop_today(zone: datetime.tzinfo = WORKSHOP_ZONE) -> datetime.date:
    """The server's `current_date`: today in the workshops' time zone, not UTC's."""
    return datetime.datetime.now(zone).date()


def unique_email(prefix: str = "dono") -> str:
    return f"{prefix}.{uuid.uuid4().hex[:20]}@example.com"


def unique_password() -> str:
    return "Senha-" + uuid.uuid4().hex[:12]


def unique_name(prefix: str = "Oficina Teste") -> str:
    return f"{prefix} {uuid.uuid4().hex[:8]}"


def random_loopback() -> str:
    """A loopback source address other than 127.0.0.1 (Linux routes all of 127/8 to lo)."""
    return f"127.{random.randint(1, 254)}.{random.randint(0, 255)}.{random.randint(1, 254)}"


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def describe(resp: httpx.Response) -> str:
    req = resp.request
    body = resp.text
    if len(body) > 800:
        body = body[:800] + "…"
    return (f"{req.method} {req.url.raw_path.decode()} → {resp.status_code} "
            f"[{resp.headers.get('content-type', '-')}] {body}")


# --------------------------------------------------------------------------- assertions

def json_of(resp: httpx.Response, status: Union[int, Collection[int]]) -> Any:
    """Assert the status (one or several) and a JSON body; return the body."""
    allowed = (status,) if isinstance(status, int) else tuple(status)
    assert resp.status_code in allowed, f"expected {allowed}: {describe(resp)}"
    ctype = resp.headers.get("content-type", "")
    assert ctype.startswith("application/json"), f"expected application/json: {describe(resp)}"
    try:
        return resp.json()
    except ValueError as exc:
        raise AssertionError(f"body is not JSON ({exc}): {describe(resp)}") from None


def assert_error(resp: httpx.Response, status: int, code: Union[str, Collection[str]]) -> dict:
    """The one error shape of API.md §1:
    {"error": {"code": <code>, "message": <non-empty str>, "details": <dict, optional>}},
    application/json, an X-Trace-Id header; Retry-After on 429, Allow on 405.
    Returns the inner "error" object."""
    codes = (code,) if isinstance(code, str) else tuple(code)
    assert resp.status_code == status, f"expected {status} {codes}: {describe(resp)}"
    ctype = resp.headers.get("content-type", "")
    assert ctype.startswith("application/json"), f"error must be application/json: {describe(resp)}"
    assert resp.headers.get("x-trace-id", "").strip(), f"missing X-Trace-Id: {describe(resp)}"
    try:
        body = resp.json()
    except ValueError:
        raise AssertionError(f"error body is not JSON: {describe(resp)}") from None
    assert isinstance(body, dict) and set(body) == {"error"}, \
        f"error body must be exactly {{'error': {{...}}}}: {describe(resp)}"
    err = body["error"]
    assert isinstance(err, dict), f"'error' must be an object: {describe(resp)}"
    assert err.get("code") in codes, f"expected code in {codes}: {describe(resp)}"
    message = err.get("message")
    assert isinstance(message, str) and message.strip(), f"'message' must be a non-empty string: {describe(resp)}"
    if "details" in err and err["details"] is not None:
        assert isinstance(err["details"], dict), f"'details' must be an object: {describe(resp)}"
    if status == 429:
        retry_after(resp)
    if status == 405:
        assert resp.headers.get("allow", "").strip(), f"405 without an Allow header: {describe(resp)}"
    return err


def retry_after(resp: httpx.Response) -> int:
    """Retry-After as whole seconds (asserted present and numeric)."""
    value = resp.headers.get("retry-after")
    assert value is not None, f"429 without Retry-After: {describe(resp)}"
    assert value.strip().isdigit(), f"Retry-After must be delay-seconds, got {value!r}"
    return int(value)


def allowed_methods(resp: httpx.Response) -> set[str]:
    return {m.strip().upper() for m in resp.headers.get("allow", "").split(",") if m.strip()}


def details_of(err: dict) -> dict:
    return err.get("details") or {}


# --------------------------------------------------------------------------- waiting

def eventually(probe: Callable[[], Any], check: Callable[[Any], bool], *,
               timeout: float = 8.0, interval: float = 0.2) -> Any:
    """Call probe() until check(result) holds or the timeout passes; return the last result.
    For effects the contract lets lag a little (the per-process revocation cache)."""
    deadline = time.monotonic() + timeout
    result = probe()
    while not check(result) and time.monotonic() < deadline:
        time.sleep(interval)
        result = probe()
    return result


# The codes API.md §1 allows for each status.
CODES_BY_STATUS = {
    400: {"bad_request"},
    401: {"unauthorized", "invalid_credentials", "token_expired", "token_revoked"},
    403: {"forbidden", "tenant_mismatch", "plan_required"},
    404: {"not_found"},
    409: {"conflict"},
    413: {"payload_too_large"},
    422: {"validation_error", "insufficient_stock", "invalid_transition", "overpayment"},
    429: {"rate_limited"},
    503: {"unavailable"},
}


def assert_refusal(resp: httpx.Response) -> dict:
    """A clean refusal of bad input: a 4xx of API.md §1 whose code belongs to that
    status, in the one error shape. For fuzzing, where many values are thrown at a
    field and each may be accepted or refused; the tests of each rule pin their one
    answer."""
    assert 400 <= resp.status_code < 500, f"expected a 4xx refusal: {describe(resp)}"
    assert resp.status_code in CODES_BY_STATUS, f"a status API.md does not use: {describe(resp)}"
    return assert_error(resp, resp.status_code, tuple(CODES_BY_STATUS[resp.status_code]))


def error_code(resp: httpx.Response) -> Optional[str]:
    try:
        body = resp.json()
        return body["error"]["code"]
    except Exception:
        return None


def eventually_error(probe: Callable[[], httpx.Response], status: int, code: Union[str, Collection[str]],
                     timeout: float = 8.0) -> dict:
    codes = (code,) if isinstance(code, str) else tuple(code)
    resp = eventually(probe, lambda r: r.status_code == status and error_code(r) in codes, timeout=timeout)
    return assert_error(resp, status, codes)


# --------------------------------------------------------------------------- accounts

@dataclass
class Account:
    email: str
    password: str
    user: dict = field(default_factory=dict)
    access_token: Optional[str] = None
    refresh_token: Optional[str] = None

    @property
    def id(self) -> Any:
        return self.user["id"]

    @property
    def tenant_id(self) -> int:
        return self.user["tenant_id"]

    @property
    def role(self) -> str:
        return self.user.get("role")

    @property
    def headers(self) -> dict[str, str]:
        assert self.access_token, f"{self.email} has no access token (not logged in)"
        return auth(self.access_token)


def _check_token_body(body: Any, resp: httpx.Response) -> None:
    assert isinstance(body, dict), describe(resp)
    for key in ("access_token", "refresh_token"):
        assert isinstance(body.get(key), str) and body[key].count(".") == 2, \
            f"{key} missing or not a JWT: {describe(resp)}"


def register(client: httpx.Client, tenant_name: Optional[str] = None, *, name: str = "Dono Teste",
             email: Optional[str] = None, password: Optional[str] = None, prefix: str = "") -> Account:
    """POST /auth/register a fresh workshop; asserts 201 and the login-shaped body.
    tenant_name=None leaves it out (the server then names it "Nova Oficina")."""
    email = email or unique_email()
    password = password or unique_password()
    body = {"name": name, "email": email, "password": password}
    if tenant_name is not None:
        body["tenant_name"] = tenant_name
    resp = client.post(f"{prefix}/auth/register", json=body)
    data = json_of(resp, 201)
    _check_token_body(data, resp)
    assert isinstance(data.get("user"), dict), f"register answers user: {describe(resp)}"
    return Account(email=email, password=password, user=data["user"],
                   access_token=data["access_token"], refresh_token=data["refresh_token"])


def login(client: httpx.Client, email: str, password: str, *, prefix: str = "",
          headers: Optional[dict] = None) -> httpx.Response:
    return client.post(f"{prefix}/auth/login", json={"email": email, "password": password},
                       headers=headers)


def login_ok(client: httpx.Client, email: str, password: str, *, prefix: str = "") -> Account:
    resp = login(client, email, password, prefix=prefix)
    data = json_of(resp, 200)
    _check_token_body(data, resp)
    assert isinstance(data.get("user"), dict), f"login answers user: {describe(resp)}"
    return Account(email=email, password=password, user=data["user"],
                   access_token=data["access_token"], refresh_token=data["refresh_token"])


def relogin(client: httpx.Client, account: Account) -> Account:
    """A new session for the same account."""
    return login_ok(client, account.email, account.password)


def list_users(client: httpx.Client, account: Account) -> list[dict]:
    data = json_of(client.get("/users", headers=account.headers), 200)
    assert isinstance(data, list), f"GET /users answers a JSON array, got {type(data).__name__}"
    return data


def create_user(client: httpx.Client, owner: Account, role: str, *, name: Optional[str] = None,
                email: Optional[str] = None, password: Optional[str] = None,
                extra: Optional[dict] = None, do_login: bool = True) -> Account:
    """POST /users as `owner` (asserts 201), then — unless do_login=False — log the
    new user in so the returned Account carries tokens."""
    email = email or unique_email(role.lower())
    password = password or unique_password()
    name = name or f"{role.title()} Teste"
    body = {"name": name, "email": email, "password": password, "role": role, **(extra or {})}
    resp = client.post("/users", json=body, headers=owner.headers)
    data = json_of(resp, 201)
    user = data if isinstance(data, dict) and "id" in data else None
    if user is None:  # the contract does not fix the 201 body: find the row instead
        user = next((u for u in list_users(client, owner) if u.get("email", "").lower() == email.lower()), None)
        assert user is not None, f"created user {email} not listed by GET /users"
    if do_login:
        return login_ok(client, email, password)
    return Account(email=email, password=password, user=dict(user))


def find_user(users: list[dict], user_id: Any) -> Optional[dict]:
    return next((u for u in users if str(u.get("id")) == str(user_id)), None)
