-- The platform: idempotency keys of create requests (API.md §1 "Retries"),
-- and labor quantities with two decimals (hours: 1.5; API.md §3).

create table idempotency_keys (
  tenant_id bigint not null references tenants (id),
  key text not null check (length(key) between 1 and 255),
  fingerprint text not null,  -- SHA-256 of route, path parameters and body
  state text not null check (state in ('running', 'done')),
  status integer,
  content_type text,
  body text,
  created_at timestamptz not null default now(),
  primary key (tenant_id, key)
);
create index idempotency_keys_created on idempotency_keys (created_at);
alter table idempotency_keys enable row level security;
alter table idempotency_keys force row level security;
create policy tenant_isolation on idempotency_keys
  using (tenant_id = current_tenant()) with check (tenant_id = current_tenant());
grant select, insert, update, delete on idempotency_keys to motogestor_app;

-- A part's quantity stays whole (its stock moves in units).
alter table service_order_items alter column quantity type numeric(10, 2);
alter table service_order_items add constraint service_order_items_part_quantity_whole
  check (item_type <> 'part' or quantity = trunc(quantity));
