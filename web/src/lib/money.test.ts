import { describe, expect, it } from 'vitest';
import {
  centsToApi,
  centsToInput,
  formatCents,
  formatMoney,
  formatSignedMoney,
  lineTotalCents,
  parseMoneyInput,
  toCents,
} from './money';

describe('formatMoney', () => {
  it('formats reais in pt-BR', () => {
    expect(formatMoney(1234.56)).toBe('R$ 1.234,56');
    expect(formatMoney(150.75)).toBe('R$ 150,75');
    expect(formatMoney(0)).toBe('R$ 0,00');
    expect(formatMoney(1000000)).toBe('R$ 1.000.000,00');
    expect(formatMoney(0.1 + 0.2)).toBe('R$ 0,30');
  });
  it('accepts strings, null and negatives', () => {
    expect(formatMoney('150.75')).toBe('R$ 150,75');
    expect(formatMoney(null)).toBe('R$ 0,00');
    expect(formatMoney(-10)).toBe('-R$ 10,00');
    expect(formatCents(5)).toBe('R$ 0,05');
  });
});

describe('parseMoneyInput', () => {
  it('reads pt-BR and dotted input', () => {
    expect(parseMoneyInput('1.234,56')).toBe(123456);
    expect(parseMoneyInput('R$ 1.234,56')).toBe(123456);
    expect(parseMoneyInput('150,7')).toBe(15070);
    expect(parseMoneyInput('150.75')).toBe(15075);
    expect(parseMoneyInput('10')).toBe(1000);
    expect(parseMoneyInput('1.234')).toBe(123400);
    expect(parseMoneyInput('0,5')).toBe(50);
    expect(parseMoneyInput(',5')).toBe(50);
  });
  it('refuses what is not money', () => {
    expect(parseMoneyInput('')).toBeNull();
    expect(parseMoneyInput('abc')).toBeNull();
    expect(parseMoneyInput('1,234')).toBeNull();
    expect(parseMoneyInput('1,2,3')).toBeNull();
    expect(parseMoneyInput('12.34.5')).toBeNull();
  });
});

describe('cents conversions', () => {
  it('sends strings with two decimals', () => {
    expect(centsToApi(15075)).toBe('150.75');
    expect(centsToApi(5)).toBe('0.05');
    expect(centsToApi(100000)).toBe('1000.00');
    expect(centsToApi(-300)).toBe('-3.00');
  });
  it('round-trips API numbers without float drift', () => {
    expect(toCents(150.75)).toBe(15075);
    expect(toCents(19.99)).toBe(1999);
    expect(toCents('0.10')).toBe(10);
    expect(centsToInput(123456)).toBe('1.234,56');
  });
  it('computes line totals in cents', () => {
    expect(lineTotalCents(3, 1999)).toBe(5997);
    expect(lineTotalCents(1.5, 10000)).toBe(15000);
  });
});

describe('formatSignedMoney', () => {
  it('says the sign of a difference with a real minus', () => {
    expect(formatSignedMoney(-1)).toBe('\u2212R$ 1,00');
    expect(formatSignedMoney('2.5')).toBe('+R$ 2,50');
    expect(formatSignedMoney(0)).toBe('R$ 0,00');
  });
});
