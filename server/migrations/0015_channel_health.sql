-- A channel's health (issue 11): when it last delivered, and the last failed try
-- since (an expired WhatsApp token fails every message alike), so Configurações can
-- say a channel is failing before the outbox fills with dead letters.
alter table messaging_channels add column last_sent_at timestamptz,
  add column last_error text,
  add column last_error_at timestamptz;
