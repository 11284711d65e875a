-- GET /api/management/customers?q=<fragment>: customer search of a random
-- tenant. The fragments occur in the seeded names (bench/seed.sql); some are
-- typed without the accent the name has, some with it (URL-encoded UTF-8).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")
bench.fields = {}
local fragments = {
  "silva", "santos", "souza", "oliveira", "pereira", "lima", "costa", "ribeiro",
  "joao", "jo%C3%A3o", "maria", "antonio", "conceicao", "concei%C3%A7%C3%A3o", "araujo",
  "gon%C3%A7alves", "magalhaes", "leticia", "simoes", "brand",
}
function bench.next(t)
  return bench.get(t, "/api/management/customers?q=" .. bench.pick(fragments))
end
bench.run()
