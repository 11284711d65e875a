import { describe, expect, it } from 'vitest';
import { parseQuickFilter, quickFilterQuery } from './taskFilters';

describe('quickFilterQuery', () => {
  it("asks for the caller's own tasks with mine=1", () => {
    expect(quickFilterQuery('mine', '2026-11-24')).toEqual({ mine: '1' });
  });
  it('asks for the late ones with late=1', () => {
    expect(quickFilterQuery('late', '2026-11-24')).toEqual({ late: '1' });
  });
  it("asks for today's open ones by due date", () => {
    expect(quickFilterQuery('today', '2026-11-24')).toEqual({
      due_from: '2026-11-24',
      due_until: '2026-11-24',
      only_open: '1',
    });
  });
  it("leaves only_open to the board's columns", () => {
    expect(quickFilterQuery('today', '2026-11-24', { board: true })).toEqual({
      due_from: '2026-11-24',
      due_until: '2026-11-24',
    });
  });
  it('asks for nothing more without a quick filter', () => {
    expect(quickFilterQuery(null, '2026-11-24')).toEqual({});
  });
});

describe('parseQuickFilter', () => {
  it('reads the known filters from the URL and ignores the rest', () => {
    expect(parseQuickFilter('late')).toBe('late');
    expect(parseQuickFilter('today')).toBe('today');
    expect(parseQuickFilter('mine')).toBe('mine');
    expect(parseQuickFilter('whatever')).toBeNull();
    expect(parseQuickFilter(null)).toBeNull();
  });
});
