drop table service_order_changes;
