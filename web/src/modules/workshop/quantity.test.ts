import { describe, expect, it } from 'vitest';
import { parseQuantity } from './quantity';

describe('parseQuantity', () => {
  it('reads whole and decimal quantities, with a comma or a dot', () => {
    expect(parseQuantity('2')).toBe(2);
    expect(parseQuantity('1,5')).toBe(1.5);
    expect(parseQuantity(' 0.25 ')).toBe(0.25);
  });
  it('refuses decimals where only whole numbers go', () => {
    expect(parseQuantity('1,5', true)).toBeNull();
    expect(parseQuantity('3', true)).toBe(3);
  });
  it('refuses zero, text and more than 2 decimals', () => {
    expect(parseQuantity('0')).toBeNull();
    expect(parseQuantity('abc')).toBeNull();
    expect(parseQuantity('1,234')).toBeNull();
    expect(parseQuantity('1,23')).toBe(1.23);
  });
});
