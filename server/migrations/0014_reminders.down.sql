drop function messaging_reminder_tenants(bigint, integer);
revoke select on messaging_templates from motogestor_auth;
drop policy messaging_lookup on messaging_templates;
alter table messaging_templates drop constraint messaging_templates_reminder_check,
  drop column reminder_after_days;
