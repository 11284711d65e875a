delete from service_order_changes where kind = 'mechanic';
alter table service_order_changes drop column from_staff_id, drop column to_staff_id,
  drop constraint service_order_changes_kind_check,
  add constraint service_order_changes_kind_check check (kind in ('item_price', 'discount'));
alter table service_order_items drop column staff_id;
drop index service_orders_completed;
alter table service_orders drop column assigned_staff_id;
drop table interactions;
drop table tasks;
drop table staff;
