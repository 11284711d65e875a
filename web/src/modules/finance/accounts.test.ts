import { describe, expect, it } from 'vitest';
import { makePayable, makeReceivable } from '@/test/fixtures';
import { detailPath, installmentText, overdueText, partyName, settledAmount } from './accounts';

describe('accounts', () => {
  it('say how late an overdue account is, in words', () => {
    expect(overdueText(makeReceivable())).toBeNull();
    expect(overdueText(makeReceivable({ overdue: true, days_overdue: 1 }))).toBe(
      'Vencida há 1 dia',
    );
    expect(overdueText(makeReceivable({ overdue: true, days_overdue: 12 }))).toBe(
      'Vencida há 12 dias',
    );
  });

  it('read the party and what was settled of either kind', () => {
    expect(partyName(makeReceivable({ customer_name: null }))).toBe('—');
    expect(partyName(makePayable())).toBe('Distribuidora Moto Peças');
    expect(settledAmount(makeReceivable({ received_amount: 10 }))).toBe(10);
    expect(settledAmount(makePayable({ paid_amount: 20 }))).toBe(20);
  });

  it('number installments and link to their screens', () => {
    expect(installmentText(makeReceivable())).toBeNull();
    expect(installmentText(makeReceivable({ installment_number: 2, installment_count: 3 }))).toBe(
      '2/3',
    );
    expect(detailPath('receivable', 4)).toBe('/financeiro/receber/4');
    expect(detailPath('payable', 5)).toBe('/financeiro/pagar/5');
  });
});
