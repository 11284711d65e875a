-- Benchmark seed, part 1: tenants, their users, customers, motorcycles and
-- parts (with the stock ledger's opening movement). Orders come from
-- seed_orders.sql, which can be run again to grow the data.
--
-- Runs as the cluster's superuser, which bypasses row-level security; every
-- row still carries its correct tenant_id, and every foreign key holds.
-- Ids are given explicitly (contiguous per tenant, so the order seed can
-- pick a tenant's rows by arithmetic), then the identity sequences are moved
-- past them so the server's own inserts do not clash.
--
-- psql variables (run.sh passes them):
--   tenants     how many workshops
--   customers   customers per workshop (about 1.25 motorcycles each)
--   parts       parts per workshop
--   stock       opening stock of every part (enough for every seeded part item)
--   hash        an Argon2id hash made by the server (users.password_hash)
\set ON_ERROR_STOP on
set client_min_messages = warning;
-- One transaction; foreign-key triggers off for speed (run.sh checks every
-- foreign key afterwards with bench/check.sql).
begin;
set local session_replication_role = replica;
-- Deterministic data: the same inputs give the same rows.
select setseed(0.2024);

-- What the benchmark knows about its tenants (not visible to the app role).
create schema bench;
create table bench.tenants (
  idx int primary key,           -- 1..tenants
  tenant_id bigint not null unique,
  owner_email text not null,
  user_first bigint not null,    -- users: user_first .. user_first+2 (owner, attendant, mechanic)
  customer_first bigint not null,
  customer_count int not null,
  moto_first bigint not null,
  moto_count int not null,
  part_first bigint not null,
  part_count int not null
);
create table bench.meta (key text primary key, value text not null);
insert into bench.meta values ('t0', (date_trunc('hour', now()) - interval '250 days')::text);

select coalesce(max(id), 0) as tbase from tenants \gset
select coalesce(max(id), 0) as ubase from users \gset
select coalesce(max(id), 0) as cbase from customers \gset
select coalesce(max(id), 0) as mbase from motorcycles \gset
select coalesce(max(id), 0) as pbase from parts \gset
select coalesce(max(id), 0) as sbase from stock_movements \gset

-- A valid CPF from nine digits (check digits computed as the server does).
create function pg_temp.cpf(nine text) returns text language plpgsql immutable as $$
declare
  s text := nine;
  sum int;
  rest int;
begin
  for round in 0..1 loop
    sum := 0;
    for i in 1..length(s) loop
      sum := sum + substr(s, i, 1)::int * (length(s) + 2 - i);
    end loop;
    rest := sum % 11;
    s := s || case when rest < 2 then 0 else 11 - rest end;
  end loop;
  return s;
end $$;

-- Tenants
insert into tenants (id, name, plan, created_at)
select :tbase + i, format('Oficina Bench %s', i),
       case when i % 10 = 0 then 'PREMIUM' when i % 25 = 0 then 'ENTERPRISE' else 'BASIC' end,
       now() - interval '400 days'
from generate_series(1, :tenants) i;

insert into bench.tenants
select i, :tbase + i, format('dono%s@bench.motogestor.test', i),
       :ubase + (i - 1) * 3 + 1,
       :cbase + (i - 1) * :customers + 1, :customers,
       0, 0,  -- motorcycles: filled in below
       :pbase + (i - 1) * :parts + 1, :parts
from generate_series(1, :tenants) i;

-- Users: an owner (the one the benchmark logs in as), an attendant, a mechanic.
-- All share one real Argon2id hash, so all log in with the benchmark password.
insert into users (tenant_id, id, name, email, password_hash, role, created_at, updated_at)
select bt.tenant_id, bt.user_first + r - 1,
       (array['Dono', 'Atendente', 'Mecânico'])[r] || ' da Oficina ' || bt.idx,
       case r when 1 then bt.owner_email
              else format('%s%s@bench.motogestor.test', (array['', 'atendente', 'mecanico'])[r], bt.idx) end,
       :'hash', (array['OWNER', 'ATTENDANT', 'MECHANIC'])[r],
       now() - interval '400 days', now() - interval '400 days'
from bench.tenants bt cross join generate_series(1, 3) r;

-- Customers: Brazilian names (with accents, so that q's unaccent matters),
-- phones as digits, some e-mails, valid CPFs unique per tenant.
create temp table first_names as
select row_number() over () as k, n from unnest(array[
  'João', 'Maria', 'José', 'Ana', 'Antônio', 'Francisca', 'Carlos', 'Luciana', 'Paulo',
  'Fernanda', 'Lucas', 'Juliana', 'Marcos', 'Patrícia', 'Rafael', 'Aline', 'Pedro', 'Camila',
  'Gabriel', 'Conceição', 'Thiago', 'Letícia', 'Bruno', 'Simone']) n;
create temp table last_names as
select row_number() over () as k, n from unnest(array[
  'Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Lima', 'Ferreira', 'Costa', 'Rodrigues',
  'Almeida', 'Nascimento', 'Araújo', 'Gonçalves', 'Ribeiro', 'Carvalho', 'Gomes', 'Martins',
  'Rocha', 'Barbosa', 'Mendes', 'Cardoso', 'Teixeira', 'Moreira', 'Batista', 'Simões',
  'Conceição', 'Assunção', 'Magalhães', 'Brandão', 'Falcão']) n;

insert into customers (tenant_id, id, name, phone, email, document, notes, created_at, updated_at)
select bt.tenant_id, bt.customer_first + ck - 1,
       f.n || ' ' || l1.n || case when ck % 3 = 0 then ' ' || l2.n else '' end,
       (array['11', '21', '31', '41', '51', '61', '71', '81', '85'])[1 + (ck + bt.idx) % 9]
         || '9' || lpad(((bt.idx * 7919 + ck * 104729) % 100000000)::text, 8, '0'),
       case when ck % 2 = 0 then
         lower(translate(f.n, 'ãâáàçéêíóôõúü', 'aaaaceeiooouu')) || '.' ||
         lower(translate(l1.n, 'ãâáàçéêíóôõúü', 'aaaaceeiooouu')) || ck || '@email.com.br' end,
       case when ck % 5 <> 0 then pg_temp.cpf(lpad((bt.idx * 100000 + ck)::text, 9, '1')) end,
       case when ck % 17 = 0 then 'Prefere contato por WhatsApp.' end,
       now() - interval '300 days' + ck * interval '1 hour',
       now() - interval '300 days' + ck * interval '1 hour'
from bench.tenants bt
cross join generate_series(1, bt.customer_count) g(ck)
join first_names f on f.k = 1 + (ck * 7 + bt.idx) % 24
join last_names l1 on l1.k = 1 + (ck * 13 + bt.idx * 3) % 30
join last_names l2 on l2.k = 1 + (ck * 11 + bt.idx * 5 + 7) % 30;

-- Motorcycles: one per customer, a second for every fourth customer. Plates
-- in the Mercosul form (ABC1D23), unique per tenant; plate_key = plate for
-- that form (br::plate_key only rewrites the old ABC1234 form).
create temp table motos as
select bt.idx, bt.tenant_id, c.k as customer_k, bt.customer_first + c.k - 1 as customer_id,
       row_number() over (order by bt.idx, c.k, s) as rn,
       (row_number() over (partition by bt.idx order by c.k, s)) - 1 as local
from bench.tenants bt
cross join generate_series(1, bt.customer_count) c(k)
cross join lateral generate_series(1, case when c.k % 4 = 0 then 2 else 1 end) s;

create temp table models as
select row_number() over () as k, b, m from (values
  ('Honda', 'CG 160 Titan'), ('Honda', 'Biz 125'), ('Yamaha', 'Fazer 250'),
  ('Yamaha', 'Factor 150'), ('Honda', 'Pop 110i'), ('Honda', 'XRE 300'),
  ('Yamaha', 'NMax 160'), ('Suzuki', 'Yes 125'), ('Honda', 'CB 300F Twister'),
  ('Yamaha', 'Lander 250'), ('Honda', 'PCX 160'), ('Yamaha', 'Crosser 150')) v(b, m);

insert into motorcycles (tenant_id, id, customer_id, brand, model, plate, plate_key, year, vin,
                         km_current, created_at, updated_at)
select mo.tenant_id, :mbase + mo.rn, mo.customer_id, md.b, md.m, p.plate, p.plate,
       2008 + (mo.rn % 17)::int,
       case when mo.rn % 3 = 0 then '9C2' || upper(substr(md5(mo.rn::text), 1, 14)) end,
       (mo.rn * 7919 % 90000)::int, now() - interval '300 days', now() - interval '300 days'
from motos mo
join models md on md.k = 1 + mo.rn % 12
cross join lateral (select
  chr(65 + ((mo.local / 26000) % 26)::int) || chr(65 + ((mo.idx / 26) % 26)::int) ||
  chr(65 + (mo.idx % 26)::int) || ((mo.local / 2600) % 10)::text ||
  chr(65 + ((mo.local / 100) % 26)::int) || lpad((mo.local % 100)::text, 2, '0') as plate) p;

update bench.tenants bt set moto_first = x.first, moto_count = x.n
from (select idx, :mbase + min(rn) as first, count(*)::int as n from motos group by idx) x
where x.idx = bt.idx;

-- Parts, each with its opening stock movement so that the ledger adds up.
create temp table part_names as
select row_number() over () as k, n, price from (values
  ('Óleo 10W30 1L', 3890), ('Óleo 20W50 1L', 3290), ('Kit relação CG 160', 18990),
  ('Pastilha de freio dianteira', 4590), ('Pastilha de freio traseira', 3990),
  ('Lona de freio traseira', 3490), ('Filtro de óleo', 2890), ('Filtro de ar', 3990),
  ('Vela de ignição NGK', 2990), ('Câmara de ar aro 18', 3590), ('Pneu traseiro 90/90-18', 28990),
  ('Pneu dianteiro 2.75-18', 21990), ('Cabo de embreagem', 3290), ('Cabo do acelerador', 2990),
  ('Lâmpada farol H4 12V', 2490), ('Bateria 5Ah', 18990), ('Corrente 428H', 8990),
  ('Rolamento da direção', 6990), ('Retentor de bengala (par)', 3990),
  ('Fluido de freio DOT 4', 2490), ('Disco de embreagem (jogo)', 9990),
  ('Manete de embreagem', 2590), ('Espelho retrovisor', 2190), ('Pisca dianteiro', 1890)) v(n, price);

insert into parts (tenant_id, id, sku, name, unit_price, cost_price, quantity_in_stock, min_stock,
                   location, created_at, updated_at)
select bt.tenant_id, bt.part_first + pk - 1, format('PEC-%s', lpad(pk::text, 5, '0')),
       pn.n || ' #' || pk, pn.price + (pk % 7) * 100, (pn.price + (pk % 7) * 100) * 6 / 10,
       :stock, 5 + pk % 10, 'Prateleira ' || chr(65 + (pk % 8)) || (1 + pk % 5),
       now() - interval '300 days', now() - interval '300 days'
from bench.tenants bt
cross join generate_series(1, bt.part_count) g(pk)
join part_names pn on pn.k = 1 + pk % 24;

insert into stock_movements (tenant_id, id, part_id, movement_type, quantity, delta, stock_after,
                             reason, user_id, created_at)
select p.tenant_id, :sbase + row_number() over (order by p.tenant_id, p.id), p.id, 'in', :stock,
       :stock, :stock, 'Estoque inicial', bt.user_first, p.created_at
from parts p join bench.tenants bt on bt.tenant_id = p.tenant_id;

-- Move every identity past the explicit ids.
select setval(pg_get_serial_sequence('tenants', 'id'), (select max(id) from tenants));
select setval(pg_get_serial_sequence(t, 'id'), coalesce(m, 1))
from (values ('users', (select max(id) from users)),
             ('customers', (select max(id) from customers)),
             ('motorcycles', (select max(id) from motorcycles)),
             ('parts', (select max(id) from parts)),
             ('stock_movements', (select max(id) from stock_movements))) v(t, m);

commit;
