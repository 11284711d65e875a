-- GET /api/management/os/{id}: one order with items and history; a random
-- tenant, one of its real order ids.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")
bench.fields = { "orders" }
function bench.next(t)
  return bench.get(t, "/api/management/os/" .. bench.pick(t.orders))
end
bench.run()
