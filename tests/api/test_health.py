"""Process-level routes (API.md §6) and tracing (§1 Trace)."""
import uuid

import pytest

from support.helpers import PREFIXES, assert_error, describe, json_of


@pytest.mark.parametrize("prefix", PREFIXES)
def test_health_names_the_gateway(client, prefix):
    resp = client.get(f"{prefix}/health")
    body = json_of(resp, 200)
    assert body.get("status") == "ok", describe(resp)
    assert body.get("service") == "api-gateway", describe(resp)
    assert resp.headers.get("x-trace-id"), "every response carries X-Trace-Id"


@pytest.mark.parametrize("prefix", PREFIXES)
def test_ready_when_database_answers(client, prefix):
    body = json_of(client.get(f"{prefix}/ready"), 200)
    assert body.get("status") == "ok"


@pytest.mark.parametrize("prefix", PREFIXES)
def test_metrics_prometheus_text(client, prefix):
    # Some traffic first, including an authentication error, so every series exists.
    client.get("/health")
    assert_error(client.get("/auth/me"), 401, "unauthorized")
    resp = client.get(f"{prefix}/metrics")
    assert resp.status_code == 200, describe(resp)
    assert resp.headers.get("content-type", "").startswith("text/plain"), describe(resp)
    text = resp.text
    for name in ("http_requests_total{", "http_request_duration_seconds_bucket",
                 "auth_errors_total", "db_pool_connections"):
        assert name in text, f"{name!r} missing from /metrics"


def test_public_routes_need_no_token(client):
    for path in ("/health", "/ready", "/metrics"):
        resp = client.get(path)
        assert resp.status_code == 200, describe(resp)


def test_trace_id_generated_per_request(client):
    first = client.get("/health").headers.get("x-trace-id", "")
    second = client.get("/health").headers.get("x-trace-id", "")
    assert first.strip() and second.strip()
    assert first != second, "a request without a trace id gets a new one"


@pytest.mark.parametrize("path,status", [("/health", 200), ("/auth/me", 401), ("/api/nope", 404)])
def test_trace_id_echoed(client, path, status):
    trace = uuid.uuid4().hex
    resp = client.get(path, headers={"X-Trace-Id": trace})
    assert resp.status_code == status, describe(resp)
    assert resp.headers.get("x-trace-id") == trace


def test_traceparent_trace_id_used(client):
    trace = uuid.uuid4().hex
    resp = client.get("/health", headers={"traceparent": f"00-{trace}-00f067aa0ba902b7-01"})
    assert resp.status_code == 200
    assert resp.headers.get("x-trace-id") == trace


def test_error_response_carries_trace_id_of_request(client):
    trace = uuid.uuid4().hex
    resp = client.post("/auth/login", content=b"{not json", headers={
        "Content-Type": "application/json", "X-Trace-Id": trace})
    assert_error(resp, 400, "bad_request")
    assert resp.headers.get("x-trace-id") == trace


def test_openapi_document(client):
    resp = client.get("/api/openapi.json")
    doc = json_of(resp, 200)
    assert doc.get("openapi") == "3.1.0", describe(resp)
    paths = doc.get("paths")
    assert isinstance(paths, dict) and paths, "the document lists its paths"
    for route in ("/auth/login", "/auth/register", "/users"):
        assert any(p.endswith(route) for p in paths), f"{route} not documented in openapi.json"
