import { describe, expect, it } from 'vitest';
import { todayIso } from '@/lib/dates';
import { linesTotalCents, newPaymentLine, paymentLineSchema, toPaymentInput } from './payment';

describe('toPaymentInput', () => {
  it('sends the amount as the API string and no day for a payment of today', () => {
    expect(toPaymentInput(newPaymentLine(20180), todayIso())).toEqual({
      amount: '201.80',
      payment_method: 'PIX',
    });
  });

  it('sends an earlier day, and a credit card its installments and fee', () => {
    const line = {
      ...newPaymentLine(10000, 'CARTAO_CREDITO'),
      installments: '3',
      card_fee_percent: '3,49',
    };
    expect(toPaymentInput(line, '2026-11-20')).toEqual({
      amount: '100.00',
      payment_method: 'CARTAO_CREDITO',
      paid_at: '2026-11-20',
      installments: 3,
      card_fee_percent: '3.49',
    });
  });

  it('gives a debit card its fee but no installments, and cash neither', () => {
    const debit = {
      ...newPaymentLine(5000, 'CARTAO_DEBITO'),
      installments: '4',
      card_fee_percent: '1',
    };
    expect(toPaymentInput(debit)).toEqual({
      amount: '50.00',
      payment_method: 'CARTAO_DEBITO',
      card_fee_percent: '1',
    });
    const cash = { ...newPaymentLine(5000, 'DINHEIRO'), card_fee_percent: '2' };
    expect(toPaymentInput(cash)).toEqual({ amount: '50.00', payment_method: 'DINHEIRO' });
  });
});

describe('paymentLineSchema', () => {
  const problems = (line: object) => {
    const r = paymentLineSchema.safeParse({ ...newPaymentLine(100), ...line });
    return r.success
      ? {}
      : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
  };

  it('asks for an amount above zero', () => {
    expect(problems({ amount: '' })).toHaveProperty('amount');
    expect(problems({ amount: '0,00' })).toHaveProperty('amount');
    expect(problems({ amount: '1,234' })).toHaveProperty('amount');
    expect(problems({ amount: '1.234,56' })).toEqual({});
  });

  it('checks the card installments (1–24) and the fee (0–100 %)', () => {
    expect(problems({ payment_method: 'CARTAO_CREDITO', installments: '25' })).toHaveProperty(
      'installments',
    );
    expect(problems({ payment_method: 'CARTAO_CREDITO', installments: '12' })).toEqual({});
    expect(problems({ payment_method: 'CARTAO_DEBITO', card_fee_percent: '101' })).toHaveProperty(
      'card_fee_percent',
    );
  });
});

describe('linesTotalCents', () => {
  it('adds what was typed, counting what is not an amount as zero', () => {
    expect(linesTotalCents([{ amount: '120,00' }, { amount: '81,80' }, { amount: 'abc' }])).toBe(
      20180,
    );
  });
});
