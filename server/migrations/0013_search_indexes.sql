-- Text search under row-level security (hardening issue, "search the way
-- attendants type").
--
-- Each searched column's trigram index also holds the tenant (btree_gin), so
-- one index scan answers "this workshop's rows whose text has every word":
-- the row-level security condition and the LIKE patterns are its conditions
-- together. A workshop with many customers no longer scans all of them, and a
-- small one no longer meets the others' matches.
--
-- PostgreSQL only puts a LIKE into an index condition under row-level
-- security when textlike is LEAKPROOF, which only a superuser can declare
-- (docs/architecture.md "Search"); without it these indexes serve the tenant
-- alone and the patterns filter, as before.
create extension if not exists btree_gin;

do $$
declare
  t record;
begin
  for t in select * from (values
      ('customers_search', 'customers', 'search'),
      ('motorcycles_search', 'motorcycles', 'search'),
      ('motorcycles_plate_key_search', 'motorcycles', 'plate_key'),
      ('parts_search', 'parts', 'search'),
      ('service_orders_search', 'service_orders', 'search'),
      ('receivables_search', 'receivables', 'search'),
      ('payables_search', 'payables', 'search')) v(index_name, table_name, column_name)
  loop
    execute format('drop index %I', t.index_name);
    execute format('create index %I on %I using gin (tenant_id, %I gin_trgm_ops)',
                   t.index_name, t.table_name, t.column_name);
  end loop;
end $$;
