alter table messaging_channels drop column last_error_at, drop column last_error,
  drop column last_sent_at;
