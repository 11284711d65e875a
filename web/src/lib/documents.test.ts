import { describe, expect, it } from 'vitest';
import {
  cpfCheckDigits,
  documentKind,
  isValidCnpj,
  isValidCpf,
  isValidDocument,
} from './documents';

describe('CPF', () => {
  it('accepts valid CPFs with or without punctuation', () => {
    expect(isValidCpf('529.982.247-25')).toBe(true);
    expect(isValidCpf('52998224725')).toBe(true);
    expect(isValidCpf(cpfCheckDigits('123456789'))).toBe(true);
    expect(cpfCheckDigits('123456789')).toBe('12345678909');
  });
  it('refuses wrong check digits, repeated digits and wrong lengths', () => {
    expect(isValidCpf('529.982.247-24')).toBe(false);
    expect(isValidCpf('111.111.111-11')).toBe(false);
    expect(isValidCpf('1234567890')).toBe(false);
  });
});

describe('CNPJ', () => {
  it('accepts valid numeric CNPJs', () => {
    expect(isValidCnpj('11.222.333/0001-81')).toBe(true);
    expect(isValidCnpj('11222333000181')).toBe(true);
  });
  it('accepts valid alphanumeric CNPJs', () => {
    expect(isValidCnpj('12.ABC.345/01DE-35')).toBe(true);
    expect(isValidCnpj('12abc34501de35')).toBe(true);
  });
  it('refuses wrong check digits and bad shapes', () => {
    expect(isValidCnpj('11.222.333/0001-82')).toBe(false);
    expect(isValidCnpj('12.ABC.345/01DE-36')).toBe(false);
    expect(isValidCnpj('00.000.000/0000-00')).toBe(false);
    expect(isValidCnpj('12.ABC.345/01DE-3A')).toBe(false);
  });
});

describe('documents', () => {
  it('tells CPF from CNPJ', () => {
    expect(documentKind('529.982')).toBe('cpf');
    expect(documentKind('12ABC')).toBe('cnpj');
    expect(documentKind('112223330001')).toBe('cnpj');
    expect(isValidDocument('529.982.247-25')).toBe(true);
    expect(isValidDocument('11.222.333/0001-81')).toBe(true);
    expect(isValidDocument('123')).toBe(false);
  });
});
