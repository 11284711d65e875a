create index customers_name on customers (tenant_id, lower(name), id);
drop index customers_list;
