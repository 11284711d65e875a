import { describe, expect, it } from 'vitest';
import { customerQuery } from './search';

describe('customerQuery', () => {
  it('sends phones and documents as digits', () => {
    expect(customerQuery('(11) 98888-7777')).toBe('11988887777');
    expect(customerQuery('529.982.247-25')).toBe('52998224725');
    expect(customerQuery(' +55 11 98888-7777 ')).toBe('5511988887777');
  });
  it('sends names and plates as typed, trimmed', () => {
    expect(customerQuery(' João ')).toBe('João');
    expect(customerQuery('ABC1D23')).toBe('ABC1D23');
  });
});
