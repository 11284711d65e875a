drop function if exists auth_find_login(text);
drop table if exists sessions;
drop table if exists users;
drop table if exists tenants;
drop function if exists current_tenant();
