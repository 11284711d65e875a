-- Read paths measured by make bench (performance issue).
--
-- A customer search scans the workshop's customers (a pattern with a leading
-- wildcard cannot seek): with the columns the search reads in the index, the
-- scan reads index pages, in name order, and only the rows of the page come
-- from the table. Replaces customers_name (same key).
create index customers_list on customers (tenant_id, lower(name), id)
  include (name, is_active, search, phone, document);
drop index customers_name;
