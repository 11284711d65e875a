-- POST /api/management/os: a new order of a random tenant for one of its
-- real (customer, motorcycle) pairs.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")
bench.fields = { "pairs" }
function bench.next(t)
  local p = bench.pick(t.pairs)
  return bench.post(t, "/api/management/os", string.format(
    '{"customer_id":%d,"motorcycle_id":%d,"description":"Revisão (benchmark)"}', p[1], p[2]))
end
bench.run()
