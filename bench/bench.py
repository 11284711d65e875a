#!/usr/bin/python3
"""Helpers for bench/run.sh (Python standard library only).

  freeport                               a free TCP port on 127.0.0.1
  wait-http URL SECONDS                  wait until URL answers 200
  register BASE EMAIL PASSWORD           register one workshop through the API
  login BASE PASSWORD IN OUT             log in one user per tenant; write the Lua tenants file
  preflight BASE TENANTS_FILE ORDERS     check the seeded data through the API
  cpu SERVER_PID POSTMASTER_PID          CPU ticks used so far by the server and by PostgreSQL
  record --name … (see cmd_record)      one measurement (wrk or pgbench) as a JSON line
  report RESULTS META                    the Markdown report
"""
import concurrent.futures
import glob
import json
import os
import re
import socket
import sys
import time
import urllib.error
import urllib.request


def http(method, url, body=None, token=None, timeout=30):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def cmd_freeport():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    print(s.getsockname()[1])
    s.close()


def cmd_wait_http(url, seconds):
    deadline = time.monotonic() + float(seconds)
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return 0
        except (urllib.error.URLError, ConnectionError, socket.timeout):
            pass
        time.sleep(0.2)
    print(f"no answer from {url} within {seconds}s", file=sys.stderr)
    return 1


def cmd_register(base, email, password):
    status, _, body = http("POST", base + "/api/auth/register", {
        "name": "Dono Benchmark", "email": email, "password": password,
        "tenant_name": "Oficina Benchmark (hash)"})
    if status != 201:
        print(f"register: {status} {body[:300]!r}", file=sys.stderr)
        return 1
    return 0


def cmd_login(base, password, in_path, out_path):
    """IN: idx, tenant_id, email, orders, open, pairs (tab-separated, from psql).
    OUT: idx, tenant_id, token, orders, open, pairs (what bench/lua/common.lua reads)."""
    rows = [line.rstrip("\n").split("\t") for line in open(in_path, encoding="utf-8") if line.strip()]

    def login(row):
        status, _, body = http("POST", base + "/api/auth/login",
                               {"email": row[2], "password": password})
        if status != 200:
            raise RuntimeError(f"login {row[2]}: {status} {body[:200]!r}")
        token = json.loads(body)["access_token"]
        return [row[0], row[1], token] + row[3:]

    # Argon2 verification is the cost of a login; two at a time is plenty on a small machine.
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        out = list(pool.map(login, rows))
    with open(out_path, "w", encoding="utf-8") as f:
        for row in out:
            f.write("\t".join(row) + "\n")
    print(len(out))
    return 0


def cmd_preflight(base, tenants_path, orders):
    """One request of each kind for the first tenant, checked the way a client would."""
    row = open(tenants_path, encoding="utf-8").readline().rstrip("\n").split("\t")
    token, order_ids, open_ids, pairs = row[2], row[3].split(), row[4].split(), row[5].split()
    problems = []
    status, headers, body = http("GET", base + "/api/management/os?limit=50", token=token)
    total = {k.lower(): v for k, v in headers.items()}.get("x-total-count")
    if status != 200 or len(json.loads(body)) != min(50, int(orders)) or total != str(orders):
        problems.append(f"list: {status} X-Total-Count={total} (expected {orders})")
    status, _, body = http("GET", base + f"/api/management/os/{order_ids[0]}", token=token)
    if status != 200:
        problems.append(f"get one: {status} {body[:200]!r}")
    else:
        d = json.loads(body)
        items = sum(int(round(float(i["total"]) * 100)) for i in d["items"])
        got = int(round(float(d["total_parts"]) * 100)) + int(round(float(d["total_labor"]) * 100))
        if items != got:
            problems.append(f"order {order_ids[0]}: items add up to {items}, totals say {got}")
    status, _, body = http("GET", base + "/api/management/customers?q=silva", token=token)
    if status != 200 or not json.loads(body):
        problems.append(f"customers?q=silva: {status}, {len(body)} bytes")
    today = time.strftime("%Y-%m-%d", time.gmtime())
    year_ago = time.strftime("%Y-%m-%d", time.gmtime(time.time() - 364 * 86400))
    status, _, body = http("GET", base + f"/api/financial/reports/summary?start={year_ago}&end={today}",
                           token=token)
    if status != 200 or json.loads(body)["revenue"]["payments"] < 1:
        problems.append(f"reports/summary: {status} {body[:200]!r}")
    if problems:
        print("preflight: " + "; ".join(problems), file=sys.stderr)
        return 1
    print(f"preflight ok: tenant {row[1]}, {len(order_ids)} orders, {len(open_ids)} open, "
          f"{len(pairs)} motorcycles")
    return 0


def proc_ticks(pid, children=False):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # fields[0] is state (field 3); utime=14, stime=15, cutime=16, cstime=17
    t = int(fields[11]) + int(fields[12])
    if children:
        t += int(fields[13]) + int(fields[14])
    return t


def cmd_cpu(server_pid, postmaster_pid, snapshot=""):
    """Ticks of the server; ticks of PostgreSQL = postmaster with its reaped
    children plus the live children (backends that exit land in cutime).
    With SNAPSHOT, also every process's ticks (to name the noise)."""
    pg = proc_ticks(postmaster_pid, children=True)
    procs = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                head, rest = f.read().rsplit(")", 1)
            fields = rest.split()
            ticks = int(fields[11]) + int(fields[12])
            procs[d] = [head.split("(", 1)[1], fields[1], ticks]
            if fields[1] == str(postmaster_pid):
                pg += ticks
        except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
            pass
    if snapshot:
        with open(snapshot, "w") as f:
            json.dump(procs, f)
    server = proc_ticks(server_pid) if server_pid != "0" else 0
    with open("/proc/stat") as f:
        cpu = [int(x) for x in f.readline().split()[1:]]
    # user nice system idle iowait irq softirq steal: process time, and the
    # kernel's interrupt work (loopback networking lands there) apart.
    print(server, pg, cpu[0] + cpu[1] + cpu[2], cpu[5] + cpu[6] + cpu[7])


def percentile(sorted_values, p):
    if not sorted_values:
        return None
    k = max(0, min(len(sorted_values) - 1, int(round(p / 100 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


def pgbench_result(out_path, logdir):
    text = open(out_path, encoding="utf-8", errors="replace").read()
    m = re.search(r"tps = ([\d.]+) \(without initial connection time\)", text)
    failed = re.search(r"number of failed transactions: (\d+)", text)
    done = re.search(r"number of transactions actually processed: (\d+)", text)
    lat = []
    for path in glob.glob(os.path.join(logdir, "pgbench_log.*")):
        with open(path) as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 3:
                    lat.append(int(parts[2]))
    lat.sort()
    if not m:
        raise RuntimeError(f"no tps line in {out_path}")
    return {"rps": float(m.group(1)), "requests": int(done.group(1)) if done else None,
            "non2xx": int(failed.group(1)) if failed else 0,
            "p50_ms": percentile(lat, 50) / 1000 if lat else None,
            "p99_ms": percentile(lat, 99) / 1000 if lat else None,
            "latency_samples": len(lat)}


def wrk_result(out_path):
    text = open(out_path, encoding="utf-8", errors="replace").read()
    m = re.search(r"^BENCH_JSON (\{.*\})$", text, re.M)
    if not m:
        raise RuntimeError(f"no BENCH_JSON line in {out_path}")
    r = json.loads(m.group(1))
    e = re.search(r"^BENCH_FIRST_ERROR (.*)$", text, re.M)
    r["first_error"] = e.group(1)[:300] if e else ""
    return r


def busiest_others(snap0, snap1, ours, tick, real):
    """The processes that are none of ours (server, PostgreSQL, wrk/pgbench,
    this helper) and used the most CPU between two snapshots: [name, %]."""
    p0, p1 = json.load(open(snap0)), json.load(open(snap1))
    ours = set(ours)
    by_name = {}
    for pid, (comm, ppid, ticks) in p1.items():
        if pid in ours or ppid in ours or comm in ("wrk", "pgbench"):
            continue
        before = p0.get(pid)
        d = ticks - (before[2] if before else 0)
        name = comm.split("/", 1)[0] if comm.startswith("kworker") else comm
        if d > 0:
            by_name[name] = by_name.get(name, 0) + d
    top = sorted(by_name.items(), key=lambda kv: -kv[1])[:4]
    return [[name, round(t / tick / real * 100, 1)] for name, t in top if t / tick / real >= 0.02]


def cmd_record(*argv):
    """record --name N --label L --conc C --kind wrk|pgbench --out FILE [--logdir D]
    [--ceiling NAME] --cpu0 "S P" --cpu1 "S P" --time FILE [--hwm KIB]: one JSON line."""
    import argparse
    ap = argparse.ArgumentParser(prog="bench.py record")
    for a in ("name", "label", "kind", "out", "cpu0", "cpu1", "time"):
        ap.add_argument("--" + a, required=True)
    ap.add_argument("--conc", type=int, required=True)
    ap.add_argument("--logdir", default="")
    ap.add_argument("--ceiling", default="")
    ap.add_argument("--hwm", type=int, default=0)
    ap.add_argument("--pgss", default="")
    ap.add_argument("--snap0", default="")
    ap.add_argument("--snap1", default="")
    ap.add_argument("--exclude-pids", default="")
    a = ap.parse_args(argv)
    r = wrk_result(a.out) if a.kind == "wrk" else pgbench_result(a.out, a.logdir)
    tick = os.sysconf("SC_CLK_TCK")
    real, user, sys_ = (float(x) for x in open(a.time).read().split()[-3:])
    (s0, p0, b0, k0), (s1, p1, b1, k1) = ([int(x) for x in a.cpu0.split()],
                                          [int(x) for x in a.cpu1.split()])
    pct = lambda ticks: ticks / tick / real * 100
    cpu = {"server": pct(s1 - s0), "postgres": pct(p1 - p0),
           "client": (user + sys_) / real * 100,
           "irq": pct(k1 - k0), "machine": pct(b1 - b0 + k1 - k0)}
    # Process time beyond the three of us: other processes (noise).
    cpu["other"] = max(0.0, pct(b1 - b0) - cpu["server"] - cpu["postgres"] - cpu["client"])
    r.update({
        "name": a.name, "label": a.label, "kind": a.kind, "conc": a.conc, "ceiling": a.ceiling,
        "wall_s": real,
        "cpu": cpu,
        "rss_hwm_kib": a.hwm or None,
    })
    errors = r.get("non2xx", 0) + sum(r.get(k, 0) for k in
                                      ("connect_errors", "read_errors", "write_errors", "timeouts"))
    r["invalid"] = errors > 0 or not r.get("rps")
    if a.snap0 and a.snap1:
        r["other_top"] = busiest_others(a.snap0, a.snap1, a.exclude_pids.split(), tick, real)
    if a.pgss and os.path.exists(a.pgss):
        r["pgss"] = []
        for line in open(a.pgss, encoding="utf-8"):
            f = line.rstrip("\n").split("\t")
            if len(f) == 5:
                r["pgss"].append({"calls": int(f[0]), "plans": int(f[1]), "exec_ms": float(f[2]),
                                  "plan_ms": float(f[3]), "query": f[4]})
    print(json.dumps(r, ensure_ascii=False))
    return 0


# ---------------------------------------------------------------- report

def error_count(r):
    return r.get("non2xx", 0) + sum(r.get(k, 0) for k in
                                    ("connect_errors", "read_errors", "write_errors", "timeouts"))


def fmt(v, digits=1):
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:,.{digits}f}"
    return f"{v:,}"


def cpu_per_request(r, who):
    """CPU microseconds of `who` per request answered; None without a rate."""
    pct = r.get("cpu", {}).get(who)
    if pct is None or not r.get("rps") or (who == "server" and r.get("kind") == "pgbench"):
        return None
    return pct / 100 / r["rps"] * 1e6


def cmd_report(results_path, meta_path):
    # META: tab-separated key/value lines; keys starting with "_" steer the
    # report, the others are listed as the environment, in order.
    meta = {"environment": []}
    for line in open(meta_path, encoding="utf-8"):
        if "\t" not in line:
            continue
        k, v = line.rstrip("\n").split("\t", 1)
        if k.startswith("_"):
            meta[k[1:]] = v
        else:
            meta["environment"].append((k, v))
    meta["cores"] = int(meta.get("cores", "1"))
    if meta.get("server_lifetime_hwm_kib"):
        meta["server_lifetime_hwm_kib"] = int(meta["server_lifetime_hwm_kib"])
    rows = [json.loads(l) for l in open(results_path, encoding="utf-8") if l.strip()]
    by = {r["name"]: r for r in rows}
    out = []
    w = out.append
    w(f"# MotoGestor benchmark — {meta['started']}")
    w("")
    invalid = [r for r in rows if r.get("invalid")]
    if invalid:
        w("**INVALID RUN**: " + ", ".join(f"`{r['name']}`" for r in invalid) +
          " had errors (non-2xx answers or socket errors). Figures with errors are not results.")
        w("")
    w("## Results")
    w("")
    w("| measurement | conc | req/s | p50 ms | p99 ms | vs ceiling | errors "
      "| CPU server | CPU PostgreSQL | CPU client | CPU others "
      "| server CPU µs/req | PostgreSQL CPU µs/req | server peak RSS |")
    w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    short = {"pgbench_select": "pgbench -S", "pgbench_nonselect": "pgbench -N"}
    for r in rows:
        ceiling = by.get(r.get("ceiling", ""))
        ratio = ""
        if ceiling and r.get("rps") and ceiling.get("rps"):
            ratio = f"{r['rps'] / ceiling['rps']:.2f} × {short.get(ceiling['name'], ceiling['name'])}"
        errors = error_count(r)
        cpu = r.get("cpu", {})
        rss = r.get("rss_hwm_kib")
        w(f"| {r['label']} | {r['conc']} | {fmt(r.get('rps'))} | {fmt(r.get('p50_ms'), 2)} | "
          f"{fmt(r.get('p99_ms'), 2)} | {ratio} | {errors}{' ⚠' if errors else ''} | "
          f"{fmt(cpu.get('server'), 0)}% | {fmt(cpu.get('postgres'), 0)}% | "
          f"{fmt(cpu.get('client'), 0)}% | {fmt(cpu.get('other'), 0)}% | "
          f"{fmt(cpu_per_request(r, 'server'), 0)} | {fmt(cpu_per_request(r, 'postgres'), 0)} | "
          f"{fmt(rss / 1024, 1) + ' MiB' if rss else ''} |")
    w("")
    cap = meta["cores"] * 100
    w(f"CPU: share of one core over the measurement; the machine has {meta['cores']} cores, so "
      f"{cap}% is all of it. *client* is wrk or pgbench; *others* is every other process on the "
      "machine (noise: should be near 0%); the kernel's interrupt time (softirq: loopback "
      "networking) is in no column but counts in *What bounds each figure*. *CPU µs/req*: the "
      "process's CPU time over the measurement (`/proc/<pid>/stat` before and after) divided by "
      "the requests answered (for pgbench, its transactions); PostgreSQL's is the postmaster's "
      "with every backend's. Peak RSS is the server's VmHWM, reset "
      "(`/proc/<pid>/clear_refs`) after the warm-up of each measurement.")
    for r in rows:
        if r.get("first_error"):
            w("")
            w(f"First error of `{r['name']}`: `{r['first_error']}`; codes {json.dumps(r.get('codes', {}))}")
    w("")
    w("## What bounds each figure")
    w("")
    for r in rows:
        cpu = r.get("cpu", {})
        if not cpu:
            continue
        used = cpu.get("machine", 0)
        parts = sorted(((cpu.get(k, 0), n) for k, n in
                        (("server", "server"), ("postgres", "PostgreSQL"), ("client", "client"),
                         ("irq", "kernel interrupts"), ("other", "other processes"))),
                       reverse=True)
        named = ", ".join(f"{n} {v:.0f}%" for n, v in r.get("other_top", []))
        split = ", ".join(f"{n} {v:.0f}%" + (f" ({named})" if n == "other processes" and named else "")
                          for v, n in parts if v >= 1)
        if used >= 0.9 * cap:
            verdict = f"CPU-bound (machine {used:.0f}% of {cap}%): {split}"
        else:
            verdict = (f"not CPU-bound (machine {used:.0f}% of {cap}%: {split}); the rest is "
                       "waiting — round trips, locks, commits, or too few workers/connections")
        w(f"- {r['label']} (c={r['conc']}): {verdict}.")
    w("")
    w("## Where PostgreSQL spends its time")
    w("")
    w("pg_stat_statements, reset after each warm-up: the statements with the most execution + "
      "planning time during the measurement. *per req* is calls per HTTP request (per "
      "transaction for pgbench); *plan* is the mean planning time and how often a statement "
      "was planned (custom plans are planned at every call); *share* is of the time of the "
      "statements listed.")
    for r in rows:
        stats = r.get("pgss")
        if not stats:
            continue
        total = sum(x["exec_ms"] + x["plan_ms"] for x in stats) or 1
        n = r.get("requests") or (r["rps"] * r.get("wall_s", 1) if r.get("rps") else 0) or 1
        w("")
        w(f"**{r['label']}** (c={r['conc']})")
        w("")
        w("| statement | per req | exec ms | plan ms (planned) | share |")
        w("|---|---:|---:|---:|---:|")
        for x in stats[:5]:
            q = x["query"].replace("|", "\\|")
            q = q if len(q) <= 110 else q[:107] + "…"
            calls = x["calls"] or 1
            w(f"| `{q}` | {x['calls'] / n:.2f} | {x['exec_ms'] / calls:.3f} | "
              f"{(x['plan_ms'] / x['plans']) if x['plans'] else 0:.3f} ({x['plans'] / calls:.0%}) | "
              f"{(x['exec_ms'] + x['plan_ms']) / total:.0%} |")
    w("")
    w("## Targets (reported, not asserted)")
    w("")
    w("| target | measured | met? |")
    w("|---|---|---|")
    for t in evaluate_targets(by, meta):
        w(f"| {t[0]} | {t[1]} | {t[2]} |")
    w("")
    w("## Growth")
    w("")
    w(meta.get("growth_note", "").replace("\\n", "\n"))
    w("")
    w("## Environment and settings")
    w("")
    for k, v in meta["environment"]:
        w(f"- **{k}**: {v}")
    w("")
    print("\n".join(out))
    return 0


def evaluate_targets(by, meta):
    out = []

    def ratio(a, b):
        if a in by and b in by and by[a].get("rps") and by[b].get("rps"):
            return by[a]["rps"] / by[b]["rps"]
        return None

    def yn(ok):
        return "–" if ok is None else ("yes" if ok else "**no**")

    def at_least(label, name, ceiling, goal):
        r = ratio(name, ceiling)
        out.append((label, f"{r:.2f} ×" if r is not None else "–",
                    yn(None if r is None else r >= goal)))

    # The performance issue's table (bench/README.md "Targets").
    at_least("GET one order ÷ pgbench -S (c=64) ≥ 0.35", "get_order", "pgbench_select", 0.35)
    p99 = by.get("get_order", {}).get("p99_ms")
    out.append(("GET one order p99 at c=64 < 5 ms", f"{p99:.2f} ms" if p99 is not None else "–",
                yn(None if p99 is None else p99 < 5)))
    at_least("GET page of 50 orders ÷ pgbench -S ≥ 0.12", "list_orders", "pgbench_select", 0.12)
    at_least("GET customers ?q= ÷ pgbench -S ≥ 0.15", "search_customers", "pgbench_select", 0.15)
    at_least("POST labor item ÷ pgbench -N (c=16) ≥ 0.6", "add_labor_item", "pgbench_nonselect",
             0.6)
    get = by.get("get_order", {})
    s_us, p_us = cpu_per_request(get, "server"), cpu_per_request(get, "postgres")
    if s_us is not None and p_us:
        out.append(("server CPU per GET one order ÷ PostgreSQL CPU per GET one order ≤ 0.35",
                    f"{s_us:.0f} µs ÷ {p_us:.0f} µs = {s_us / p_us:.2f}", yn(s_us / p_us <= 0.35)))
    else:
        out.append(("server CPU per GET one order ÷ PostgreSQL CPU per GET one order ≤ 0.35",
                    "–", "–"))
    base, grown = by.get(meta.get("growth_base", "list_base")), by.get("list_grown")
    if base and grown and base.get("p50_ms") and grown.get("p50_ms"):
        g = grown["p50_ms"] / base["p50_ms"]
        out.append((f"page of 50, p50 at 10× data ÷ at 1× ≤ 1.3 ({meta.get('growth_label', '')})",
                    f"{base['p50_ms']:.2f} → {grown['p50_ms']:.2f} ms ({g:.2f} ×)", yn(g <= 1.3)))
    else:
        out.append(("page of 50, p50 at 10× data ÷ at 1× ≤ 1.3", "not measured", "–"))
    rss = by.get("mixed_c256", {}).get("rss_hwm_kib")
    out.append(("server peak RSS at c=256 (no logins running) < 64 MiB",
                f"{rss / 1024:.1f} MiB" if rss else "–", yn(None if not rss else rss / 1024 < 64)))
    life = meta.get("server_lifetime_hwm_kib")
    if life:
        out.append(("(server peak RSS over its whole life, logins and all)", f"{life / 1024:.1f} MiB", ""))
    return out


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    cmd, args = argv[1], argv[2:]
    fn = {
        "freeport": cmd_freeport, "wait-http": cmd_wait_http, "register": cmd_register,
        "login": cmd_login, "preflight": cmd_preflight, "cpu": cmd_cpu,
        "record": cmd_record, "report": cmd_report,
    }.get(cmd)
    if not fn:
        print(__doc__)
        return 2
    return fn(*args) or 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
