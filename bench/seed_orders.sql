-- Benchmark seed, part 2: service orders with items, status history and the
-- stock movements of their part items. Brings every tenant with
-- bench.tenants.idx <= :grow_tenants up to :target orders, continuing its
-- counter (numbers stay 1, 2, 3… per tenant with no gap), so running it again
-- with a larger target grows the data. Runs as the superuser (see seed.sql).
--
-- psql variables:
--   target        orders per tenant after this run
--   grow_tenants  only tenants with idx <= this
--   max_orders    the largest target of the whole benchmark: spaces created_at
--                 so that the newest seeded order is still in the past
--
-- Shape of an order (random, deterministic): 60% COMPLETED, 5% CANCELLED,
-- 15% OPEN, 15% IN_PROGRESS, 5% WAITING_PARTS; 0–4 items (about 55% parts,
-- none on cancelled orders); totals are the sums of the items.
-- Speed (a tenfold growth inserts about a million orders): all in one
-- transaction, with foreign-key triggers off (session_replication_role =
-- replica; run.sh then checks every foreign key with an anti-join, see
-- bench/check.sql) and the secondary indexes of the four order tables dropped
-- and rebuilt afterwards from their own definitions (pg_get_indexdef), so the
-- schema ends exactly as the migrations made it. The seed and the growth
-- both do this, so the indexes the two list measurements read were built
-- the same way.
\set ON_ERROR_STOP on
set client_min_messages = warning;
set temp_buffers = '256MB';
set work_mem = '64MB';
set maintenance_work_mem = '256MB';
begin;
set local session_replication_role = replica;
select setseed(:target::float8 / (:target + 1));

create temp table saved_indexes on commit drop as
select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
from pg_index i join pg_class c on c.oid = i.indrelid
where c.relnamespace = 'public'::regnamespace
  and c.relname in ('service_orders', 'service_order_items', 'service_order_history',
                    'stock_movements')
  and not i.indisprimary and not i.indisunique
  and not exists (select from pg_constraint k where k.conindid = i.indexrelid);
do $$
declare r record;
begin
  for r in select name from saved_indexes loop execute 'drop index ' || r.name; end loop;
end $$;

select value as t0 from bench.meta where key = 't0' \gset
select coalesce(max(id), 0) as obase from service_orders \gset
select coalesce(max(id), 0) as ibase from service_order_items \gset
select coalesce(max(id), 0) as hbase from service_order_history \gset
select coalesce(max(id), 0) as sbase from stock_movements \gset

create temp table o0 as
select bt.idx, bt.tenant_id, n::bigint as number, bt.user_first + (random() < 0.5)::int as created_by,
       bt.moto_first + floor(random() * bt.moto_count)::bigint as motorcycle_id,
       bt.part_first, bt.part_count,
       random() as r_status, random() as r_desc, random() as r_km, random() as r_sched,
       random() as r_disc, random() as r_close, floor(random() * 5)::int as n_items
from bench.tenants bt
left join order_counters oc on oc.tenant_id = bt.tenant_id
cross join lateral generate_series(coalesce(oc.last_number, 0) + 1, :target) n
where bt.idx <= :grow_tenants;

create temp table o as
select o0.*, m.customer_id, x.status, x.created_at,
       :obase + row_number() over (order by o0.tenant_id, o0.number) as id,
       (array['Troca de óleo e filtro', 'Revisão completa', 'Freio traseiro fraco',
              'Barulho na corrente, trocar kit relação', 'Moto não pega de manhã',
              'Pneu traseiro careca', 'Revisão dos 10 mil km', 'Embreagem patinando',
              'Farol queimado', 'Vazamento de óleo no motor', 'Regulagem de válvulas',
              'Barulho na suspensão dianteira'])[1 + floor(o0.r_desc * 12)::int] as description,
       1000 + floor(o0.r_km * 79000)::int as km_at_entry,
       case when x.status in ('COMPLETED', 'CANCELLED')
            then x.created_at + (1 + floor(o0.r_close * 72)::int) * interval '1 hour' end as closed_at
from o0
join motorcycles m on m.tenant_id = o0.tenant_id and m.id = o0.motorcycle_id
cross join lateral (select
  case when o0.r_status < 0.60 then 'COMPLETED' when o0.r_status < 0.65 then 'CANCELLED'
       when o0.r_status < 0.80 then 'OPEN' when o0.r_status < 0.95 then 'IN_PROGRESS'
       else 'WAITING_PARTS' end as status,
  :'t0'::timestamptz + o0.number * (interval '240 days' / :max_orders)
    + (o0.idx % 60) * interval '1 second' as created_at) x;

create temp table it as
select o.tenant_id, o.id as order_id, o.created_at, s,
       case when o.status <> 'CANCELLED' and random() < 0.55 then 'part' else 'labor' end as item_type,
       o.part_first + floor(random() * o.part_count)::bigint as part_pick,
       1 + floor(random() * 3)::int as part_qty,
       (4 + floor(random() * 32)::int) * 500 as labor_price,
       (array['Mão de obra', 'Troca de óleo', 'Regulagem de freio', 'Diagnóstico elétrico',
              'Revisão completa', 'Troca do kit relação', 'Alinhamento de roda'])
         [1 + floor(random() * 7)::int] as labor_desc
from o cross join lateral generate_series(1, o.n_items) s;

create temp table items as
select it.tenant_id, :ibase + row_number() over (order by it.tenant_id, it.order_id, it.s) as id,
       it.order_id, it.item_type, p.id as part_id,
       coalesce(p.name, it.labor_desc) as description,
       case when p.id is null then 1 else it.part_qty end as quantity,
       coalesce(p.unit_price, it.labor_price) as unit_price,
       it.created_at + it.s * interval '10 minutes' as created_at
from it
left join parts p on it.item_type = 'part' and p.tenant_id = it.tenant_id and p.id = it.part_pick;

insert into service_orders (tenant_id, id, number, customer_id, motorcycle_id, status, description,
                            km_at_entry, scheduled_date, total_parts, total_labor, discount,
                            total_amount, created_by, created_at, updated_at, closed_at)
select o.tenant_id, o.id, o.number, o.customer_id, o.motorcycle_id, o.status, o.description,
       o.km_at_entry,
       case when o.r_sched < 0.3 then (o.created_at + interval '2 days')::date end,
       t.parts, t.labor, d.discount, greatest(t.parts + t.labor - d.discount, 0),
       o.created_by, o.created_at, coalesce(o.closed_at, o.created_at), o.closed_at
from o
left join (
  select order_id,
         sum(quantity * unit_price) filter (where item_type = 'part') as parts,
         sum(quantity * unit_price) filter (where item_type = 'labor') as labor
  from items group by order_id) s on s.order_id = o.id
cross join lateral (select coalesce(s.parts, 0) as parts, coalesce(s.labor, 0) as labor) t
cross join lateral (select case when o.r_disc < 0.1
  then least(500 + floor(o.r_disc * 150)::int * 100, t.parts + t.labor) else 0 end as discount) d
order by o.id;

insert into service_order_items (tenant_id, id, order_id, item_type, part_id, description, quantity,
                                 unit_price, total, created_at)
select tenant_id, id, order_id, item_type, part_id, description, quantity, unit_price,
       quantity * unit_price, created_at
from items order by id;

insert into service_order_history (tenant_id, id, order_id, status, at, user_id)
select o.tenant_id, :hbase + row_number() over (order by o.id, h.ord), o.id, h.status,
       case when h.status in ('COMPLETED', 'CANCELLED') then o.closed_at
            else o.created_at + (h.ord - 1) * interval '30 minutes' end,
       o.created_by
from o cross join lateral unnest(case o.status
  when 'OPEN' then array['OPEN']
  when 'IN_PROGRESS' then array['OPEN', 'IN_PROGRESS']
  when 'WAITING_PARTS' then array['OPEN', 'IN_PROGRESS', 'WAITING_PARTS']
  when 'COMPLETED' then array['OPEN', 'IN_PROGRESS', 'COMPLETED']
  else array['OPEN', 'CANCELLED'] end) with ordinality h(status, ord);

-- The ledger: each part item took its quantity out of stock; stock_after is
-- the running count, and the part's quantity_in_stock ends at the last one.
insert into stock_movements (tenant_id, id, part_id, movement_type, quantity, delta, stock_after,
                             reason, related_order_id, user_id, created_at)
select x.tenant_id, :sbase + row_number() over (order by x.id), x.part_id, 'out', x.quantity,
       -x.quantity, x.after, 'OS #' || o.number, x.order_id, o.created_by, x.created_at
from (select i.*, p.quantity_in_stock
               - sum(i.quantity) over (partition by i.tenant_id, i.part_id order by i.id) as after
      from items i join parts p on p.tenant_id = i.tenant_id and p.id = i.part_id
      where i.item_type = 'part') x
join o on o.id = x.order_id;

update parts p set quantity_in_stock = p.quantity_in_stock - x.q, updated_at = now()
from (select tenant_id, part_id, sum(quantity) as q from items where item_type = 'part'
      group by tenant_id, part_id) x
where p.tenant_id = x.tenant_id and p.id = x.part_id;

insert into order_counters (tenant_id, last_number)
select tenant_id, max(number) from o group by tenant_id
on conflict (tenant_id) do update
  set last_number = greatest(order_counters.last_number, excluded.last_number);

select setval(pg_get_serial_sequence(t, 'id'), coalesce(m, 1))
from (values ('service_orders', (select max(id) from service_orders)),
             ('service_order_items', (select max(id) from service_order_items)),
             ('service_order_history', (select max(id) from service_order_history)),
             ('stock_movements', (select max(id) from stock_movements))) v(t, m);

do $$
declare r record;
begin
  for r in select def from saved_indexes loop execute r.def; end loop;
end $$;

drop table o0, o, it, items;
commit;
