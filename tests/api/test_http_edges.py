"""HTTP at the edge (hardening issue, items 7, 9, 10): text is valid UTF-8 or refused,
media types are parsed, HEAD and OPTIONS answer, and answers carry security headers."""
import uuid

import pytest

from support import rawhttp
from support.helpers import assert_error, auth, json_of, register
from support.workshop import shop, wclient  # noqa: F401 (fixtures)

LISTS = ["/customers", "/os", "/parts", "/motos"]


@pytest.mark.parametrize("path", LISTS)
def test_invalid_utf8_in_a_query_is_a_bad_request(server, shop, path):
    # %FF%FE is no UTF-8: written raw, since a client library would re-encode it.
    sock = rawhttp.connect(server.host, server.port)
    try:
        sock.sendall(rawhttp.build_request("GET", f"/management{path}?q=%FF%FE", server.host,
                                           server.port, headers={"Authorization": f"Bearer {shop.account.access_token}"}))
        resp, raw, error = rawhttp.read_response(sock, timeout=5)
    finally:
        sock.close()
    assert resp is not None, error
    assert resp.status == 400 and resp.json()["error"]["code"] == "bad_request", raw[:200]


def test_invalid_utf8_in_a_path_or_a_body_is_a_bad_request(server, shop):
    for target, body in ((b"/management/customers/%C3%28", b""), (b"/management/customers", b'{"name": "\xc3\x28"}')):
        sock = rawhttp.connect(server.host, server.port)
        try:
            method = b"POST" if body else b"GET"
            head = (method + b" " + target + b" HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                    shop.account.access_token.encode() + b"\r\nContent-Type: application/json\r\n" +
                    b"Content-Length: " + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n")
            sock.sendall(head + body)
            resp, raw, error = rawhttp.read_response(sock, timeout=5)
        finally:
            sock.close()
        assert resp is not None, error
        assert resp.status == 400, raw[:200]


def test_nul_and_control_characters_in_text_are_refused(shop):
    err = assert_error(shop.post("/customers", {"name": "Maria\u0000 X"}), 422, "validation_error")
    assert "name" in err["details"]
    sku = "SKU-" + uuid.uuid4().hex[:8]
    json_of(shop.post("/parts", {"sku": sku, "name": "Filtro"}), 201)
    assert_error(shop.post("/parts", {"sku": sku + "\u0000B", "name": "Outro"}), 422, "validation_error")
    assert_error(shop.post("/customers", {"name": "Sino \u0007"}), 422, "validation_error")
    # Tab and newline are text.
    created = json_of(shop.post("/customers", {"name": "Ana", "notes": "linha 1\nlinha 2\tfim"}), 201)
    assert shop.one(f"/customers/{created['id']}")["notes"] == "linha 1\nlinha 2\tfim"


@pytest.mark.parametrize("content_type,status", [
    ("application/json", 201), ("Application/JSON", 201), ("application/json; charset=utf-8", 201),
    ("application/merge-patch+json", 201), ("application/jsonx", 400), ("text/json", 400),
    ("application/x-www-form-urlencoded", 400), ("text/plain", 400)])
def test_the_media_type_is_parsed(shop, content_type, status):
    resp = shop.client.post(shop.base + "/customers", content='{"name": "Mídia"}'.encode(),
                            headers={**shop.headers, "Content-Type": content_type})
    if status == 201:
        json_of(resp, 201)
    else:
        assert_error(resp, 400, "bad_request")


def test_head_answers_like_get_without_a_body(server, shop):
    for path in ("/health", "/management/customers", "/"):
        sock = rawhttp.connect(server.host, server.port)
        try:
            headers = {"Authorization": f"Bearer {shop.account.access_token}"}
            sock.sendall(rawhttp.build_request("GET", path, server.host, server.port, headers=headers))
            get, _, _ = rawhttp.read_response(sock, timeout=5)
        finally:
            sock.close()
        sock = rawhttp.connect(server.host, server.port)
        try:
            sock.sendall(rawhttp.build_request("HEAD", path, server.host, server.port, headers=headers))
            sock.settimeout(2)
            raw = b""
            while b"\r\n\r\n" not in raw:
                raw += sock.recv(4096)
            head_part, _, rest = raw.partition(b"\r\n\r\n")
        finally:
            sock.close()
        assert head_part.startswith(b"HTTP/1.1 200"), head_part
        assert rest == b"", "HEAD has no body"
        length = [l for l in head_part.split(b"\r\n") if l.lower().startswith(b"content-length:")]
        assert length and int(length[0].split(b":")[1]) == len(get.body), path


def test_a_preflight_gets_no_grant_without_an_allowed_origin(client):
    resp = client.options("/api/management/customers",
                          headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert resp.status_code == 204
    assert "access-control-allow-origin" not in resp.headers
    assert {m.strip() for m in resp.headers["allow"].split(",")} == {"GET", "POST", "HEAD", "OPTIONS"}
    assert_error(client.options("/api/nothing/here"), 404, "not_found")


def test_an_allowed_origin_gets_the_grant(server_factory):
    server = server_factory("cors", env={"CORS_ALLOWED_ORIGINS": "https://app.oficina.com.br,https://outra.com.br"})
    with server.client() as c:
        pre = c.options("/api/management/os", headers={"Origin": "https://app.oficina.com.br",
                                                       "Access-Control-Request-Method": "POST"})
        assert pre.status_code == 204
        assert pre.headers["access-control-allow-origin"] == "https://app.oficina.com.br"
        assert "Idempotency-Key" in pre.headers["access-control-allow-headers"]
        acct = register(c)
        resp = c.get("/api/management/customers", headers={**auth(acct.access_token),
                                                           "Origin": "https://outra.com.br"})
        assert resp.headers["access-control-allow-origin"] == "https://outra.com.br"
        assert "X-Total-Count" in resp.headers["access-control-expose-headers"]
        other = c.get("/health", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


def test_api_answers_carry_nosniff_and_no_store(client, shop):
    for resp in (client.get("/health"), shop.get("/customers"), client.get("/api/nope")):
        assert resp.headers["x-content-type-options"] == "nosniff"
        assert resp.headers["cache-control"] == "no-store"


def test_the_web_app_page_carries_a_strict_policy(client):
    resp = client.get("/")
    assert resp.headers["content-type"].startswith("text/html")
    csp = resp.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert resp.headers["x-frame-options"] == "DENY"
    assert resp.headers["referrer-policy"] == "no-referrer"
    assert resp.headers["x-content-type-options"] == "nosniff"
