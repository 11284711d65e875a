drop function messaging_due_tenants(integer);
drop function messaging_channel_tenant(bigint);
drop table messaging_messages;
drop table messaging_telegram_links;
drop table messaging_contacts;
drop table messaging_templates;
drop table messaging_channels;
