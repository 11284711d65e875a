-- GET /api/financial/reports/summary over the last year: revenue by day and
-- month, completed orders, aging, payables, top customers (one round trip)
-- over the tenant's ~5,000 payments of the year.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")
bench.fields = {}
local last = os.time()
local range = "start=" .. os.date("!%Y-%m-%d", last - 364 * 86400) .. "&end=" .. os.date("!%Y-%m-%d", last)
function bench.next(t)
  return bench.get(t, "/api/financial/reports/summary?" .. range)
end
bench.run()
