-- Benchmark seed, part 3: the money. For every tenant, :receivables receivables
-- of its customers (due over the last year) settled by two payments each —
-- about 80% paid in full, the rest partly —, by every method (card payments
-- with a 3% fee), and :payables payables with one payment each. With the
-- defaults (200 tenants × 2500 receivables) that is 1,000,000 receipts, what
-- the report measurement reads. Runs as the superuser with the correct
-- tenant_id on every row, like seed.sql; bench/check.sql then checks that
-- every account's paid_amount is the sum of its payments.
--
-- psql variables:
--   receivables  receivables per tenant (each gets two payments)
--   payables     payables per tenant (each gets one payment)
\set ON_ERROR_STOP on
set client_min_messages = warning;
set work_mem = '64MB';
set maintenance_work_mem = '256MB';
begin;
set local session_replication_role = replica;
select setseed(0.5);

create temp table saved_indexes on commit drop as
select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
from pg_index i join pg_class c on c.oid = i.indrelid
where c.relnamespace = 'public'::regnamespace
  and c.relname in ('receivables', 'payables', 'payments')
  and not i.indisprimary and not i.indisunique
  and not exists (select from pg_constraint k where k.conindid = i.indexrelid);
do $$
declare r record;
begin
  for r in select name from saved_indexes loop execute 'drop index ' || r.name; end loop;
end $$;

select coalesce(max(id), 0) as rbase from receivables \gset
select coalesce(max(id), 0) as bbase from payables \gset
select coalesce(max(id), 0) as pbase from payments \gset

create temp table r0 as
select bt.tenant_id, bt.user_first, :rbase + row_number() over (order by bt.idx, k) as id,
       bt.customer_first + floor(random() * bt.customer_count)::bigint as customer_id,
       current_date - floor(random() * 365)::int as due_date,
       (5000 + floor(random() * 195000))::bigint as amount,
       0.3 + random() * 0.4 as r_first, random() as r_full,
       floor(random() * 6)::int as m1, floor(random() * 6)::int as m2,
       floor(random() * 6)::int as lag1, floor(random() * 10)::int as lag2
from bench.tenants bt cross join generate_series(1, :receivables) k;

create temp table r1 as
select r0.*, c.name as customer_name,
       floor(r0.amount * r0.r_first)::bigint as p1,
       case when r0.r_full < 0.8 then r0.amount - floor(r0.amount * r0.r_first)::bigint
            else (r0.amount - floor(r0.amount * r0.r_first)::bigint) / 2 end as p2
from r0 join customers c on c.tenant_id = r0.tenant_id and c.id = r0.customer_id;

insert into receivables (tenant_id, id, source_type, customer_id, customer_name, description,
                         issue_date, due_date, amount, paid_amount, notes, created_at, updated_at,
                         created_by)
select tenant_id, id, 'MANUAL', customer_id, customer_name,
       (array['Revisão', 'Troca de óleo', 'Venda de peças', 'Serviço de freio', 'Pneus',
              'Parcela do carnê'])[1 + (id % 6)::int],
       due_date - 10, due_date, amount, p1 + p2, null,
       (due_date - 10) + time '09:00', (due_date - 10) + time '09:00', user_first
from r1;

create temp table methods as
select row_number() over () - 1 as k, m from unnest(array['PIX', 'DINHEIRO', 'CARTAO_CREDITO',
  'CARTAO_DEBITO', 'BOLETO', 'TRANSFERENCIA']) m;

insert into payments (tenant_id, id, direction, receivable_id, customer_id, amount, fee, method,
                      installments, paid_at, paid_on, created_at, created_by)
select x.tenant_id, :pbase + row_number() over (order by x.id, x.n), 'IN', x.id, x.customer_id,
       x.amount,
       case when m.m like 'CARTAO%' then x.amount * 3 / 100 else 0 end, m.m,
       case when m.m = 'CARTAO_CREDITO' then 1 + (x.id % 3)::int else 1 end,
       x.paid_on + time '10:00' + x.n * interval '1 hour', x.paid_on,
       x.paid_on + time '10:00' + x.n * interval '1 hour', x.user_first
from (select tenant_id, id, customer_id, user_first, 1 as n, p1 as amount, m1 as mk,
             least(due_date + lag1 - 3, current_date) as paid_on from r1
      union all
      select tenant_id, id, customer_id, user_first, 2, p2, m2,
             least(due_date + lag2, current_date) from r1
      where p2 > 0) x
join methods m on m.k = x.mk;

insert into payables (tenant_id, id, supplier_name, category, description, issue_date, due_date,
                      amount, paid_amount, created_at, updated_at, created_by)
select bt.tenant_id, :bbase + row_number() over (order by bt.idx, k),
       (array['Distribuidora Moto Peças', 'Imobiliária Central', 'Enel', 'Sabesp',
              'Receita Federal', 'Contador'])[1 + k % 6],
       (array['PARTS', 'RENT', 'UTILITIES', 'UTILITIES', 'TAXES', 'OTHER'])[1 + k % 6],
       'Conta ' || k, current_date - (k % 365) - 5, current_date - (k % 365),
       (2000 + (k * 7919) % 300000)::bigint, (2000 + (k * 7919) % 300000)::bigint,
       now() - (k % 365) * interval '1 day', now() - (k % 365) * interval '1 day', bt.user_first
from bench.tenants bt cross join generate_series(1, :payables) k;

insert into payments (tenant_id, id, direction, payable_id, amount, method, paid_at, paid_on,
                      created_at, created_by)
select b.tenant_id, (select coalesce(max(id), 0) from payments) + row_number() over (order by b.id),
       'OUT', b.id, b.amount, (array['BOLETO', 'PIX', 'TRANSFERENCIA'])[1 + (b.id % 3)::int],
       b.due_date + time '11:00', b.due_date, b.due_date + time '11:00', b.created_by
from payables b where b.id > :bbase;

select setval(pg_get_serial_sequence(t, 'id'), coalesce(m, 1))
from (values ('receivables', (select max(id) from receivables)),
             ('payables', (select max(id) from payables)),
             ('payments', (select max(id) from payments))) v(t, m);

do $$
declare r record;
begin
  for r in select def from saved_indexes loop execute r.def; end loop;
end $$;

drop table r0, r1, methods;
commit;
