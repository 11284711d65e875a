-- A mix of every measured endpoint (for the high-concurrency run that
-- measures the server's peak memory): 50% one order, 20% order list,
-- 15% customer search, 10% labor item, 5% new order.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")
bench.fields = { "orders", "open", "pairs" }
local fragments = { "silva", "santos", "souza", "jo%C3%A3o", "conceicao", "araujo", "lima" }
local labor = '{"item_type":"labor","description":"Mão de obra","unit_price":"50.00"}'
function bench.next(t)
  local r = math.random(100)
  if r <= 50 then
    return bench.get(t, "/api/management/os/" .. bench.pick(t.orders))
  elseif r <= 70 then
    return bench.get(t, "/api/management/os?limit=50")
  elseif r <= 85 then
    return bench.get(t, "/api/management/customers?q=" .. bench.pick(fragments))
  elseif r <= 95 then
    return bench.post(t, "/api/management/os/" .. bench.pick(t.open) .. "/items", labor)
  end
  local p = bench.pick(t.pairs)
  return bench.post(t, "/api/management/os", string.format(
    '{"customer_id":%d,"motorcycle_id":%d,"description":"Revisão (benchmark)"}', p[1], p[2]))
end
bench.run()
