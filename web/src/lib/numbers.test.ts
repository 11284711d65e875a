import { describe, expect, it } from 'vitest';
import { formatKm } from './numbers';

describe('formatKm', () => {
  it('groups thousands the pt-BR way', () => {
    expect(formatKm(23450)).toBe('23.450');
    expect(formatKm(1234567)).toBe('1.234.567');
    expect(formatKm(0)).toBe('0');
  });
  it('shows a dash when unknown', () => {
    expect(formatKm(null)).toBe('—');
    expect(formatKm(undefined)).toBe('—');
  });
});
