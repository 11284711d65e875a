import { describe, expect, it } from 'vitest';
import { plural } from './plural';

describe('plural', () => {
  it('agrees with the count', () => {
    expect(plural(0, 'conta vencida', 'contas vencidas')).toBe('0 contas vencidas');
    expect(plural(1, 'conta vencida', 'contas vencidas')).toBe('1 conta vencida');
    expect(plural(2, 'conta vencida', 'contas vencidas')).toBe('2 contas vencidas');
  });
});
