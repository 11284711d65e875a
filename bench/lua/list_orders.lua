-- GET /api/management/os?limit=50: the first page of a random tenant's
-- orders, newest first (with X-Total-Count).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")
bench.fields = {}
function bench.next(t)
  return bench.get(t, "/api/management/os?limit=50")
end
bench.run()
