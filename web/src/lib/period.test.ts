import { describe, expect, it } from 'vitest';
import { currentMonth, isValidPeriod, previousMonth } from './period';

describe('commission periods', () => {
  it('start at the first of the month and end today', () => {
    expect(currentMonth(new Date(2026, 10, 24))).toEqual({
      start: '2026-11-01',
      end: '2026-11-24',
    });
  });
  it('take the whole previous month, across a year', () => {
    expect(previousMonth(new Date(2026, 0, 15))).toEqual({
      start: '2025-12-01',
      end: '2025-12-31',
    });
    expect(previousMonth(new Date(2024, 2, 10))).toEqual({
      start: '2024-02-01',
      end: '2024-02-29',
    });
  });
  it('need two dates, the start not after the end', () => {
    expect(isValidPeriod('2026-11-01', '2026-11-30')).toBe(true);
    expect(isValidPeriod('2026-11-01', '2026-11-01')).toBe(true);
    expect(isValidPeriod('2026-11-30', '2026-11-01')).toBe(false);
    expect(isValidPeriod('', '2026-11-01')).toBe(false);
  });
});
