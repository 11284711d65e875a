-- Login throttling that holds across instances and restarts: counters of
-- failed logins per account, per address and per known source, and the
-- sources (address or browser) an account logged in from before. Read before
-- a tenant is known, so the tables carry no tenant_id; keys are SHA-256
-- hashes, never the e-mail or the address itself.
create table login_throttle (
  key text primary key,                 -- hex sha256 of 'account:<email>', 'address:<ip>', …
  failures integer not null default 0,  -- within the window
  consecutive integer not null default 0,  -- since the last success
  hard_locked boolean not null default false,  -- an OWNER must unlock the account
  first_failure timestamptz,
  locked_until timestamptz,
  updated_at timestamptz not null default now()
);
create index login_throttle_updated on login_throttle (updated_at);

create table login_known_sources (
  key text primary key,                 -- hex sha256 of 'pair:<email>|<ip>' or 'device:<email>|<token>'
  last_success timestamptz not null default now()
);
create index login_known_sources_seen on login_known_sources (last_success);

grant select, insert, update, delete on login_throttle, login_known_sources to motogestor_app;
