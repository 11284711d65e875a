-- The trigram indexes without the tenant again; btree_gin stays (other
-- objects may use it).
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
    execute format('create index %I on %I using gin (%I gin_trgm_ops)',
                   t.index_name, t.table_name, t.column_name);
  end loop;
end $$;
