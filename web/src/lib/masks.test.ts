import { describe, expect, it } from 'vitest';
import {
  isValidPhone,
  isValidPlate,
  looksLikePlate,
  maskCnpj,
  maskCpf,
  maskDocument,
  maskPhone,
  maskPlate,
  normalizePlate,
} from './masks';

describe('masks', () => {
  it('masks CPF progressively', () => {
    expect(maskCpf('529')).toBe('529');
    expect(maskCpf('5299822')).toBe('529.982.2');
    expect(maskCpf('52998224725')).toBe('529.982.247-25');
    expect(maskCpf('529982247251234')).toBe('529.982.247-25');
  });
  it('masks CNPJ, alphanumeric too', () => {
    expect(maskCnpj('11222333000181')).toBe('11.222.333/0001-81');
    expect(maskCnpj('12abc34501de35')).toBe('12.ABC.345/01DE-35');
  });
  it('switches from CPF to CNPJ mask', () => {
    expect(maskDocument('52998224725')).toBe('529.982.247-25');
    expect(maskDocument('112223330001')).toBe('11.222.333/0001');
    expect(maskDocument('12A')).toBe('12.A');
  });
  it('masks phones', () => {
    expect(maskPhone('11988887777')).toBe('(11) 98888-7777');
    expect(maskPhone('1133334444')).toBe('(11) 3333-4444');
    expect(maskPhone('119')).toBe('(11) 9');
    expect(maskPhone('')).toBe('');
    expect(isValidPhone('(11) 98888-7777')).toBe(true);
    expect(isValidPhone('98888-7777')).toBe(false);
  });
  it('normalizes and validates plates', () => {
    expect(normalizePlate(' abc-1234 ')).toBe('ABC1234');
    expect(maskPlate('abc1234')).toBe('ABC-1234');
    expect(maskPlate('abc1d23')).toBe('ABC1D23');
    expect(isValidPlate('ABC-1234')).toBe(true);
    expect(isValidPlate('ABC1D23')).toBe(true);
    expect(isValidPlate('AB12345')).toBe(false);
    expect(isValidPlate('ABC12')).toBe(false);
    expect(looksLikePlate('ABC1')).toBe(true);
    expect(looksLikePlate('Maria')).toBe(false);
  });
});
