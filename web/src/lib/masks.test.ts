import { describe, expect, it } from 'vitest';
import {
  formatPlate,
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
  it("drops Brazil's country code from a pasted phone", () => {
    expect(maskPhone('+55 11 98765-4321')).toBe('(11) 98765-4321');
    expect(maskPhone('+55 (21) 3333-4444')).toBe('(21) 3333-4444');
    expect(maskPhone('5511987654321')).toBe('(11) 98765-4321');
    // DDD 55 (Rio Grande do Sul) stays: only a 55 beyond 11 digits is the country code.
    expect(maskPhone('55999998888')).toBe('(55) 99999-8888');
  });
  it('shows every plate the same way', () => {
    expect(formatPlate('HGF3344')).toBe('HGF-3344');
    expect(formatPlate('hgf-3344')).toBe('HGF-3344');
    expect(formatPlate('ABC1D23')).toBe('ABC1D23');
    expect(formatPlate('MOTO2024XY')).toBe('MOTO2024XY');
    expect(formatPlate(null)).toBe('—');
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
