"""Text search under row-level security uses the trigram indexes (hardening issue,
item 14; docs/architecture.md "Search"): the index holds the tenant and the
words, and LIKE may be one of its conditions because the database declares
textlike LEAKPROOF — done by the test cluster's script as the embedded cluster
does it; a server on a database without it says so at start."""
import json
import subprocess
import uuid
from urllib.parse import urlsplit, urlunsplit

from support import server as srv
from support.helpers import json_of, register

WARNING = "text search cannot use its indexes"


def _on_database(url: str, database: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path="/" + database))


def _psql(url: str, sql: str) -> str:
    out = subprocess.run(["psql", url, "-XAtq", "-v", "ON_ERROR_STOP=1", "-c", sql],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def _search_plan(app_url: str, tenant: int, words: list[str]) -> dict:
    """The generic plan of a customer search shaped as the server's (one condition per word)."""
    conds = " and ".join(f"c.search like (select '%' || lower(f_unaccent(${i + 1})) || '%')"
                         for i in range(len(words)))
    args = ", ".join("'" + w + "'" for w in words)
    sql = (f"select set_config('app.current_tenant', '{tenant}', false); "
           "set plan_cache_mode = force_generic_plan; set random_page_cost = 1.1; "
           f"prepare s({', '.join(['text'] * len(words))}) as "
           f"select c.id from customers c where {conds} order by lower(c.name), c.id limit 50; "
           f"explain (format json) execute s({args})")
    out = _psql(app_url, sql)
    return json.loads(out[out.index("["):])[0]["Plan"]


def _index_conditions(plan: dict) -> list[tuple[str, str]]:
    found = []
    if "Index Name" in plan:
        found.append((plan["Index Name"], plan.get("Index Cond", "")))
    for child in plan.get("Plans", []):
        found.extend(_index_conditions(child))
    return found


def test_a_customer_search_is_answered_by_the_workshops_trigram_index(client, migrated):
    tenant = register(client).tenant_id
    admin = _on_database(migrated["admin"], urlsplit(migrated["app"]).path.lstrip("/"))
    _psql(admin, "insert into customers (tenant_id, name, phone) "
                 f"select {tenant}, 'Cliente ' || md5(g::text), '1199' || lpad(g::text, 7, '0') "
                 "from generate_series(1, 20000) g; analyze customers")
    plan = _search_plan(migrated["app"], tenant, ["silva", "3f9a"])
    conditions = _index_conditions(plan)
    searched = [cond for name, cond in conditions if name == "customers_search"]
    assert searched, f"no customers_search index scan: {json.dumps(plan, indent=1)[:3000]}"
    assert "current_tenant" in searched[0] and searched[0].count("~~") == 2, searched[0]


def test_a_database_without_the_grant_gets_a_warning(server, server_factory, migrated):
    # The shared log holds raw bytes of bad-input tests: compare bytes.
    assert WARNING.encode() not in server.log_path.read_bytes(), "the test cluster declares textlike LEAKPROOF"
    name = "mg_plain_" + uuid.uuid4().hex[:8]
    _psql(migrated["admin"], f"create database {name} owner mg_owner")
    try:
        srv.migrate_up(_on_database(migrated["owner"], name))
        plain = server_factory("search-no-grant", database_url=_on_database(migrated["app"], name))
        with plain.client() as c:
            json_of(c.get("/health"), 200)
        assert WARNING in plain.log_tail(60), plain.describe(30)
        plain.stop(timeout=10)
    finally:
        _psql(migrated["admin"], f"drop database if exists {name} with (force)")
