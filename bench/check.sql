-- The seeded data must be what the app itself would have written; run by
-- run.sh after the seed, and again after the write runs and the growth.
-- Any problem raises an error (and stops the benchmark).
\set ON_ERROR_STOP on
set client_min_messages = warning;
do $$
declare
  r record;
  bad bigint;
begin
  -- Every foreign key of the schema (the seed ran with their triggers off),
  -- found in the catalog so that a new table or key is checked too.
  for r in
    select c.conname, c.conrelid::regclass as child, c.confrelid::regclass as parent,
           (select string_agg(format('c.%I = p.%I', a1.attname, a2.attname), ' and ')
              from unnest(c.conkey, c.confkey) k(ck, pk)
              join pg_attribute a1 on a1.attrelid = c.conrelid and a1.attnum = k.ck
              join pg_attribute a2 on a2.attrelid = c.confrelid and a2.attnum = k.pk) as joined,
           (select string_agg(format('c.%I is not null', a.attname), ' and ')
              from unnest(c.conkey) k(ck)
              join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.ck) as present
    from pg_constraint c
    where c.contype = 'f' and c.connamespace = 'public'::regnamespace
  loop
    execute format('select count(*) from %s c where %s and not exists (select from %s p where %s)',
                   r.child, r.present, r.parent, r.joined) into bad;
    if bad > 0 then
      raise exception 'foreign key % of %: % rows point nowhere', r.conname, r.child, bad;
    end if;
  end loop;

  -- An order's motorcycle belongs to the order's customer.
  select count(*) into bad from service_orders o
    join motorcycles m on m.tenant_id = o.tenant_id and m.id = o.motorcycle_id
    where m.customer_id <> o.customer_id;
  if bad > 0 then raise exception '% orders name a motorcycle of another customer', bad; end if;

  -- Per-tenant counters: numbers 1..n with no gap, the counter at n.
  select count(*) into bad from (
    select t.id from tenants t
    left join order_counters oc on oc.tenant_id = t.id
    left join (select tenant_id, count(*) n, max(number) mx from service_orders group by tenant_id) o
      on o.tenant_id = t.id
    where coalesce(oc.last_number, 0) <> coalesce(o.n, 0) or coalesce(o.mx, 0) <> coalesce(o.n, 0)) x;
  if bad > 0 then raise exception 'order counters inconsistent for % tenants', bad; end if;

  -- A part's stock is the sum of its movements.
  select count(*) into bad from parts p
    left join (select tenant_id, part_id, sum(delta) s from stock_movements group by 1, 2) m
      on m.tenant_id = p.tenant_id and m.part_id = p.id
    where p.quantity_in_stock <> coalesce(m.s, 0);
  if bad > 0 then raise exception 'stock ledger does not add up for % parts', bad; end if;

  -- Totals are the sums of the items.
  select count(*) into bad from service_orders o
    left join (select tenant_id, order_id,
                      sum(total) filter (where item_type = 'part') p,
                      sum(total) filter (where item_type = 'labor') l
               from service_order_items group by 1, 2) i
      on i.tenant_id = o.tenant_id and i.order_id = o.id
    where o.total_parts <> coalesce(i.p, 0) or o.total_labor <> coalesce(i.l, 0)
       or o.total_amount <> greatest(coalesce(i.p, 0) + coalesce(i.l, 0) - o.discount, 0);
  if bad > 0 then raise exception 'order totals differ from their items for % orders', bad; end if;

  -- An account's paid amount is the sum of its payments that stand.
  select count(*) into bad from receivables rc
    left join (select tenant_id, receivable_id, sum(amount) s from payments
               where cancelled_at is null and receivable_id is not null group by 1, 2) p
      on p.tenant_id = rc.tenant_id and p.receivable_id = rc.id
    where rc.paid_amount <> coalesce(p.s, 0);
  if bad > 0 then raise exception 'receivables: paid_amount differs from the payments for %', bad; end if;
  select count(*) into bad from payables b
    left join (select tenant_id, payable_id, sum(amount) s from payments
               where cancelled_at is null and payable_id is not null group by 1, 2) p
      on p.tenant_id = b.tenant_id and p.payable_id = b.id
    where b.paid_amount <> coalesce(p.s, 0);
  if bad > 0 then raise exception 'payables: paid_amount differs from the payments for %', bad; end if;
  -- A receipt carries its receivable's customer.
  select count(*) into bad from payments p
    join receivables rc on rc.tenant_id = p.tenant_id and rc.id = p.receivable_id
    where p.customer_id is distinct from rc.customer_id;
  if bad > 0 then raise exception '% payments name another customer than their receivable', bad; end if;
end $$;
