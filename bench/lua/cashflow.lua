-- GET /api/financial/cashflow/summary over the last 30 days (every day, zeros
-- included, and the totals per method).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")
bench.fields = {}
local last = os.time()
local range = "start=" .. os.date("!%Y-%m-%d", last - 29 * 86400) .. "&end=" .. os.date("!%Y-%m-%d", last)
function bench.next(t)
  return bench.get(t, "/api/financial/cashflow/summary?" .. range)
end
bench.run()
