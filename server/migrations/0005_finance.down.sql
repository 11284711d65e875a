drop table if exists payments;
drop table if exists cash_movements;
drop table if exists cash_registers;
drop table if exists payables;
drop table if exists receivables;
drop table if exists finance_settings;
