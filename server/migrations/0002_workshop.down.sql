-- The extensions (unaccent, pg_trgm) stay: other objects may use them.
drop table if exists stock_movements;
drop table if exists service_order_history;
drop table if exists service_order_items;
drop table if exists service_orders;
drop table if exists order_counters;
drop table if exists parts;
drop table if exists motorcycles;
drop table if exists customers;
drop function if exists iso_utc(timestamptz);
drop function if exists f_unaccent(text);
