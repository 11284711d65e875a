import { describe, expect, it } from 'vitest';
import { orderInfoWarnings } from './warnings';

const today = '2026-12-02';

describe('orderInfoWarnings', () => {
  it("warns about a km below the motorcycle's odometer", () => {
    expect(
      orderInfoWarnings({ km_at_entry: '12000', scheduled_date: '' }, { odometer: 23450, today }),
    ).toEqual({ km_at_entry: 'Abaixo do km atual da moto (23.450 km). Confira.' });
  });
  it('says nothing for a km at or above it, or when either is unknown', () => {
    expect(
      orderInfoWarnings({ km_at_entry: '23450', scheduled_date: '' }, { odometer: 23450, today }),
    ).toEqual({});
    expect(
      orderInfoWarnings({ km_at_entry: '', scheduled_date: '' }, { odometer: 5, today }),
    ).toEqual({});
    expect(orderInfoWarnings({ km_at_entry: '1', scheduled_date: '' }, { today })).toEqual({});
  });
  it('warns about a scheduled date in the past, not today or later', () => {
    expect(orderInfoWarnings({ km_at_entry: '', scheduled_date: '2026-12-01' }, { today })).toEqual(
      { scheduled_date: 'Esta data já passou. Confira.' },
    );
    expect(orderInfoWarnings({ km_at_entry: '', scheduled_date: today }, { today })).toEqual({});
  });
  it('leaves an already saved past date alone', () => {
    expect(
      orderInfoWarnings(
        { km_at_entry: '', scheduled_date: '2026-01-10' },
        { savedDate: '2026-01-10', today },
      ),
    ).toEqual({});
  });
});
