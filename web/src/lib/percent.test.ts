import { describe, expect, it } from 'vitest';
import { formatPercent, parsePercentInput, percentToInput } from './percent';

describe('parsePercentInput', () => {
  it('reads a comma or a dot, and a trailing %', () => {
    expect(parsePercentInput('10,5')).toBe('10.5');
    expect(parsePercentInput('10.25')).toBe('10.25');
    expect(parsePercentInput(' 8 %')).toBe('8');
    expect(parsePercentInput('100')).toBe('100');
  });
  it('takes an empty field as no commission', () => {
    expect(parsePercentInput('')).toBe('0');
  });
  it('refuses more than two decimals, more than 100 and what is not a number', () => {
    expect(parsePercentInput('10,555')).toBeNull();
    expect(parsePercentInput('100,01')).toBeNull();
    expect(parsePercentInput('-1')).toBeNull();
    expect(parsePercentInput('dez')).toBeNull();
  });
});

describe('formatPercent', () => {
  it('writes pt-BR percentages', () => {
    expect(formatPercent(10.5)).toBe('10,5 %');
    expect(formatPercent(0)).toBe('0 %');
    expect(formatPercent(null)).toBe('—');
  });
  it('gives what the input shows', () => {
    expect(percentToInput(8.5)).toBe('8,5');
    expect(percentToInput(null)).toBe('');
  });
});
