import { describe, expect, it } from 'vitest';
import { CREDENTIAL_FIELDS, outboxStatus, planHasMessaging } from './labels';

describe('messaging labels', () => {
  it('names a dead-lettered message before its status', () => {
    expect(outboxStatus({ status: 'FAILED', dead_letter: true })).toBe('Descartada');
    expect(outboxStatus({ status: 'FAILED', dead_letter: false })).toBe('Falhou');
    expect(outboxStatus({ status: 'QUEUED', dead_letter: false })).toBe('Na fila');
  });

  it('says when the provider never confirmed a sent message', () => {
    expect(outboxStatus({ status: 'SENT', dead_letter: false, unconfirmed: true })).toBe(
      'Enviada, sem confirmação',
    );
    expect(outboxStatus({ status: 'SENT', dead_letter: false, unconfirmed: false })).toBe(
      'Enviada',
    );
  });

  it('asks each kind for the credentials the server requires', () => {
    expect(CREDENTIAL_FIELDS.WHATSAPP_CLOUD.map((f) => f.key)).toEqual([
      'phone_number_id',
      'access_token',
      'app_secret',
      'verify_token',
    ]);
    expect(CREDENTIAL_FIELDS.EVOLUTION.map((f) => f.key)).toEqual(['instance', 'api_key']);
    expect(CREDENTIAL_FIELDS.TELEGRAM.map((f) => f.key)).toEqual(['bot_token', 'bot_username']);
  });

  it('shows messaging from PREMIUM up', () => {
    expect(planHasMessaging('BASIC')).toBe(false);
    expect(planHasMessaging('PREMIUM')).toBe(true);
    expect(planHasMessaging('ENTERPRISE')).toBe(true);
  });
});
