-- Shared by every wrk script of bench/: loads the tenants file that run.sh
-- writes, spreads requests over tenants, counts every response that is not
-- 2xx, and prints one machine-readable line from done().
--
-- wrk runs each script once per thread (own Lua state) plus once in the main
-- state for setup()/done(). A script sets `bench.fields` (the columns it
-- needs) and `bench.next(t)` (the request for tenant t), then calls
-- bench.run().
--
-- Script arguments (after `--`): <tenants file> [<use only the first N tenants>]
--
-- Tenants file: one line per tenant, tab-separated:
--   idx  tenant_id  token  order_ids  open_order_ids  customer:motorcycle pairs
-- (ids space-separated, all read from the database by run.sh).

bench = { fields = {} }

local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
  thread:set("tid", #threads)
end

local COLUMNS = { idx = 1, tenant_id = 2, token = 3, orders = 4, open = 5, pairs = 6 }

local function split_tabs(line)
  local out, start = {}, 1
  while true do
    local i = string.find(line, "\t", start, true)
    if not i then out[#out + 1] = string.sub(line, start); return out end
    out[#out + 1] = string.sub(line, start, i - 1)
    start = i + 1
  end
end

local function numbers(text)
  local out = {}
  for n in string.gmatch(text or "", "%d+") do out[#out + 1] = tonumber(n) end
  return out
end

local function pairs_of(text)
  local out = {}
  for c, m in string.gmatch(text or "", "(%d+):(%d+)") do
    out[#out + 1] = { tonumber(c), tonumber(m) }
  end
  return out
end

-- Loads the tenants; a tenant lacking a needed list (no open order, say) is skipped.
function bench.load(path, limit)
  local tenants = {}
  for line in io.lines(path) do
    local f = split_tabs(line)
    if limit and tonumber(f[COLUMNS.idx]) > limit then break end
    local t = { idx = tonumber(f[1]), tenant_id = tonumber(f[2]), token = f[3] }
    local ok = true
    for _, name in ipairs(bench.fields) do
      local col = f[COLUMNS[name]]
      t[name] = name == "pairs" and pairs_of(col) or numbers(col)
      if #t[name] == 0 then ok = false end
    end
    if ok then tenants[#tenants + 1] = t end
  end
  return tenants
end

-- A GET request for tenant t, path built per request; header text made once.
function bench.get_template(t)
  local r = wrk.format("GET", "@@PATH@@", { ["Authorization"] = "Bearer " .. t.token })
  local i, j = string.find(r, "@@PATH@@", 1, true)
  return { string.sub(r, 1, i - 1), string.sub(r, j + 1) }
end

function bench.get(t, path)
  local tpl = t.tpl
  if not tpl then tpl = bench.get_template(t); t.tpl = tpl end
  return tpl[1] .. path .. tpl[2]
end

function bench.post(t, path, body)
  return wrk.format("POST", path, {
    ["Authorization"] = "Bearer " .. t.token,
    ["Content-Type"] = "application/json",
  }, body)
end

function bench.pick(list) return list[math.random(#list)] end

function bench.run()
  function init(args)
    math.randomseed(os.time() * 131 + (tid or 0) * 7919)
    local limit = args[2] and tonumber(args[2]) or nil
    tenants = bench.load(args[1], limit)
    if #tenants == 0 then error("no usable tenant in " .. tostring(args[1])) end
    non2xx, ok2xx, codes, first_error, ntenants = 0, 0, {}, "", #tenants
  end

  function request()
    return bench.next(tenants[math.random(#tenants)])
  end

  function response(status, headers, body)
    if status >= 200 and status < 300 then
      ok2xx = ok2xx + 1
    else
      non2xx = non2xx + 1
      codes[status] = (codes[status] or 0) + 1
      if first_error == "" then
        first_error = status .. " " .. string.sub(body or "", 1, 300)
      end
    end
  end

  function done(summary, latency, requests)
    local bad, good, merged, first, nt = 0, 0, {}, "", 0
    for _, t in ipairs(threads) do
      nt = math.max(nt, t:get("ntenants") or 0)
      bad = bad + (t:get("non2xx") or 0)
      good = good + (t:get("ok2xx") or 0)
      for code, n in pairs(t:get("codes") or {}) do merged[code] = (merged[code] or 0) + n end
      local fe = t:get("first_error") or ""
      if first == "" then first = fe end
    end
    local parts = {}
    for code, n in pairs(merged) do parts[#parts + 1] = string.format('"%d":%d', code, n) end
    local e = summary.errors
    local secs = summary.duration / 1e6
    io.write(string.format(
      'BENCH_JSON {"requests":%d,"duration_s":%.3f,"rps":%.1f,"ok2xx":%d,"non2xx":%d,' ..
      '"codes":{%s},"connect_errors":%d,"read_errors":%d,"write_errors":%d,"timeouts":%d,' ..
      '"status_errors":%d,"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"p999_ms":%.3f,' ..
      '"mean_ms":%.3f,"max_ms":%.3f,"tenants":%d}\n',
      summary.requests, secs, summary.requests / secs, good, bad, table.concat(parts, ","),
      e.connect, e.read, e.write, e.timeout, e.status,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000,
      latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
      latency.mean / 1000, latency.max / 1000, nt))
    if first ~= "" then
      io.write("BENCH_FIRST_ERROR " .. string.gsub(first, "[\r\n]", " ") .. "\n")
    end
  end
end
