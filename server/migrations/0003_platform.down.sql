alter table service_order_items drop constraint service_order_items_part_quantity_whole;
alter table service_order_items alter column quantity type integer using ceil(quantity)::integer;
drop table idempotency_keys;
