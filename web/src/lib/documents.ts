// CPF and CNPJ check digits. CNPJ may be alphanumeric (Receita Federal, from July 2026):
// 12 characters of [0-9A-Z] followed by 2 numeric check digits; each character counts as
// its ASCII code minus 48.

export function cleanDocument(value: string): string {
  return value.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

export function isValidCpf(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  if (digits.length !== 11 || /^(\d)\1{10}$/.test(digits)) return false;
  const nums = digits.split('').map(Number);
  const check = (len: number) => {
    let sum = 0;
    for (let i = 0; i < len; i++) sum += (nums[i] ?? 0) * (len + 1 - i);
    const r = (sum * 10) % 11;
    return r === 10 ? 0 : r;
  };
  return check(9) === nums[9] && check(10) === nums[10];
}

function cnpjCharValue(ch: string): number {
  return ch.charCodeAt(0) - 48;
}

export function isValidCnpj(value: string): boolean {
  const clean = cleanDocument(value);
  if (!/^[0-9A-Z]{12}\d{2}$/.test(clean)) return false;
  if (/^(\d)\1{13}$/.test(clean)) return false;
  const chars = clean.split('');
  const check = (len: number) => {
    const weights =
      len === 12 ? [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] : [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    let sum = 0;
    for (let i = 0; i < len; i++) sum += cnpjCharValue(chars[i] ?? '0') * (weights[i] ?? 0);
    const r = sum % 11;
    return r < 2 ? 0 : 11 - r;
  };
  return check(12) === Number(chars[12]) && check(13) === Number(chars[13]);
}

export type DocumentKind = 'cpf' | 'cnpj';

/** Which kind a (possibly partial) document looks like. */
export function documentKind(value: string): DocumentKind {
  const clean = cleanDocument(value);
  return clean.length <= 11 && /^\d*$/.test(clean) ? 'cpf' : 'cnpj';
}

/** Valid CPF or CNPJ. */
export function isValidDocument(value: string): boolean {
  const clean = cleanDocument(value);
  if (clean.length === 11) return isValidCpf(clean);
  if (clean.length === 14) return isValidCnpj(clean);
  return false;
}

/** Check-digit generator, used by tests and fixtures. */
export function cpfCheckDigits(nine: string): string {
  const nums = nine.split('').map(Number);
  const calc = (arr: number[]) => {
    const len = arr.length;
    let sum = 0;
    for (let i = 0; i < len; i++) sum += (arr[i] ?? 0) * (len + 1 - i);
    const r = (sum * 10) % 11;
    return r === 10 ? 0 : r;
  };
  const d1 = calc(nums);
  const d2 = calc([...nums, d1]);
  return `${nine}${d1}${d2}`;
}
