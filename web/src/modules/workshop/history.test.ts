import { describe, expect, it } from 'vitest';
import { changeText, historyEvents } from './history';
import type { OrderChange } from './types';

const change = (overrides: Partial<OrderChange>): OrderChange => ({
  kind: 'discount',
  item_id: null,
  description: null,
  from: null,
  to: null,
  from_staff_id: null,
  to_staff_id: null,
  from_staff_name: null,
  to_staff_name: null,
  at: '2026-11-24T12:00:00Z',
  user_id: 1,
  user_name: 'Ana',
  ...overrides,
});

describe('historyEvents', () => {
  it('puts status moves and changes in one line of time, oldest first', () => {
    const events = historyEvents({
      history: [
        { status: 'OPEN', at: '2026-11-24T10:00:00Z', user_id: 1 },
        { status: 'IN_PROGRESS', at: '2026-11-24T14:00:00Z', user_id: 1 },
      ],
      changes: [
        change({ kind: 'mechanic', at: '2026-11-24T11:00:00Z' }),
        change({ kind: 'discount', at: '2026-11-24T14:00:00Z' }),
      ],
    });
    expect(events.map((e) => (e.kind === 'status' ? e.entry.status : e.change.kind))).toEqual([
      'OPEN',
      'mechanic',
      'IN_PROGRESS',
      'discount',
    ]);
  });
});

describe('changeText', () => {
  it('says a price change from → to in reais', () => {
    expect(
      changeText(
        change({ kind: 'item_price', description: 'Troca de óleo', from: 100, to: 120.5 }),
      ),
    ).toBe('Preço de “Troca de óleo”: R$ 100,00 → R$ 120,50');
    expect(changeText(change({ kind: 'discount', from: 0, to: 10 }))).toBe(
      'Desconto: R$ 0,00 → R$ 10,00',
    );
  });
  it('says a mechanic change by name, "nenhum" for none', () => {
    expect(changeText(change({ kind: 'mechanic', to_staff_name: 'Carlos' }))).toBe(
      'Mecânico: nenhum → Carlos',
    );
    expect(
      changeText(change({ kind: 'mechanic', from_staff_name: 'Carlos', to_staff_name: 'Rafael' })),
    ).toBe('Mecânico: Carlos → Rafael');
  });
});
