import { describe, expect, it } from 'vitest';
import { addDaysIso, formatDate, formatDateTime, parseBrDate, toIsoDate } from './dates';

describe('dates', () => {
  it('formats API dates as dd/mm/aaaa without a time-zone shift', () => {
    expect(formatDate('2026-11-24')).toBe('24/11/2026');
    expect(formatDate('2026-01-05')).toBe('05/01/2026');
  });
  it('formats timestamps in local time', () => {
    const iso = new Date(2026, 10, 24, 9, 5).toISOString();
    expect(formatDate(iso)).toBe('24/11/2026');
    expect(formatDateTime(iso)).toBe('24/11/2026 09:05');
  });
  it('shows a dash for missing or bad values', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDate('')).toBe('—');
    expect(formatDate('not a date')).toBe('—');
  });
  it('parses dd/mm/aaaa', () => {
    expect(parseBrDate('24/11/2026')).toBe('2026-11-24');
    expect(parseBrDate('31/02/2026')).toBeNull();
    expect(parseBrDate('2026-11-24')).toBeNull();
  });
  it('builds local ISO dates', () => {
    expect(toIsoDate(new Date(2026, 0, 9))).toBe('2026-01-09');
  });
});

describe('addDaysIso', () => {
  it('crosses months and years by the calendar', () => {
    expect(addDaysIso('2026-11-28', 7)).toBe('2026-12-05');
    expect(addDaysIso('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDaysIso('2026-03-01', -1)).toBe('2026-02-28');
  });
});
