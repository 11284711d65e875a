-- Service reminders (REMINDER_DUE, issue 11): the interval after a
-- motorcycle's last completed order, per workshop, on the REMINDER_DUE
-- template's row (null: the default, 180 days), and the narrow lookup the
-- relay's sweep starts from.
alter table messaging_templates add column reminder_after_days integer
  check (reminder_after_days between 30 and 730),
  add constraint messaging_templates_reminder_check
    check (event = 'REMINDER_DUE' or reminder_after_days is null);

-- The tenants after p_after (pages in id order) that may have a reminder to
-- queue: an active channel and the reminder not switched off. The plan,
-- consent and visits are read in the tenant's own transaction; a workshop
-- without messaging is never visited.
create policy messaging_lookup on messaging_templates for select to motogestor_auth using (true);
grant select on messaging_templates to motogestor_auth;

create function messaging_reminder_tenants(p_after bigint, p_limit integer)
  returns table (tenant_id bigint)
  language sql stable security definer
  set search_path = public, pg_temp
  as $$
    select distinct ch.tenant_id from messaging_channels ch
    where ch.is_active and ch.tenant_id > p_after
      and not exists (select 1 from messaging_templates tp
                      where tp.tenant_id = ch.tenant_id and tp.event = 'REMINDER_DUE'
                        and not tp.enabled)
    order by ch.tenant_id
    limit p_limit
  $$;

grant create on schema public to motogestor_auth;
alter function messaging_reminder_tenants(bigint, integer) owner to motogestor_auth;
revoke create on schema public from motogestor_auth;
revoke all on function messaging_reminder_tenants(bigint, integer) from public;
grant execute on function messaging_reminder_tenants(bigint, integer) to motogestor_app;
