-- POST /api/management/os/{id}/items: a labor item on one of a random
-- tenant's OPEN or IN_PROGRESS orders (items of those may change).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")
bench.fields = { "open" }
local body = '{"item_type":"labor","description":"Mão de obra","unit_price":"50.00"}'
function bench.next(t)
  return bench.post(t, "/api/management/os/" .. bench.pick(t.open) .. "/items", body)
end
bench.run()
