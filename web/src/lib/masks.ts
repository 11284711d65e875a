import { cleanDocument, documentKind } from './documents';

/** 12345678909 → 123.456.789-09 (partial input is masked as far as it goes). */
export function maskCpf(value: string): string {
  const d = value.replace(/\D/g, '').slice(0, 11);
  if (d.length <= 3) return d;
  if (d.length <= 6) return `${d.slice(0, 3)}.${d.slice(3)}`;
  if (d.length <= 9) return `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`;
  return `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6, 9)}-${d.slice(9)}`;
}

/** 12ABC34501DE35 → 12.ABC.345/01DE-35 (alphanumeric allowed in the first 12). */
export function maskCnpj(value: string): string {
  const c = cleanDocument(value).slice(0, 14);
  const parts = [c.slice(0, 2), c.slice(2, 5), c.slice(5, 8), c.slice(8, 12), c.slice(12, 14)];
  let out = parts[0] ?? '';
  if (c.length > 2) out += `.${parts[1]}`;
  if (c.length > 5) out += `.${parts[2]}`;
  if (c.length > 8) out += `/${parts[3]}`;
  if (c.length > 12) out += `-${parts[4]}`;
  return out;
}

/** CPF mask while it can still be a CPF, CNPJ mask after that. */
export function maskDocument(value: string): string {
  const clean = cleanDocument(value);
  if (clean.length <= 11 && documentKind(clean) === 'cpf') return maskCpf(clean);
  return maskCnpj(clean);
}

/**
 * The national digits of a phone as typed or pasted: without Brazil's country code (+55, or
 * 55 before a full DDD + number), at most 11.
 */
function nationalDigits(value: string): string {
  let d = value.replace(/\D/g, '');
  if (value.trim().startsWith('+')) d = d.startsWith('55') ? d.slice(2) : d;
  else if (d.length > 11 && d.startsWith('55')) d = d.slice(2);
  return d.slice(0, 11);
}

/** 11988887777 → (11) 98888-7777; 1133334444 → (11) 3333-4444; "+55 11 98765-4321" too. */
export function maskPhone(value: string): string {
  const d = nationalDigits(value);
  if (d.length === 0) return '';
  if (d.length <= 2) return `(${d}`;
  if (d.length <= 6) return `(${d.slice(0, 2)}) ${d.slice(2)}`;
  if (d.length <= 10) return `(${d.slice(0, 2)}) ${d.slice(2, 6)}-${d.slice(6)}`;
  return `(${d.slice(0, 2)}) ${d.slice(2, 7)}-${d.slice(7)}`;
}

export function isValidPhone(value: string): boolean {
  const d = value.replace(/\D/g, '');
  return d.length === 10 || d.length === 11;
}

export function digitsOnly(value: string): string {
  return value.replace(/\D/g, '');
}

/** Plate as typed → upper case, letters and digits only, at most 7 (ABC1234, ABC1D23). */
export function normalizePlate(value: string): string {
  return value
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 7);
}

/** Input mask: old format gets a hyphen (ABC-1234); Mercosul stays ABC1D23. */
export function maskPlate(value: string | null | undefined): string {
  const p = normalizePlate(value ?? '');
  if (/^[A-Z]{3}\d{4}$/.test(p)) return `${p.slice(0, 3)}-${p.slice(3)}`;
  return p;
}

/**
 * A plate as shown, the same on every screen: old format with a hyphen (HGF-3344), Mercosul
 * as is (ABC1D23), anything else upper-case as stored; "—" when there is none.
 */
export function formatPlate(plate: string | null | undefined): string {
  if (!plate) return '—';
  const p = plate.toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z]{3}\d{4}$/.test(p) ? `${p.slice(0, 3)}-${p.slice(3)}` : plate.toUpperCase();
}

/** Brazilian plate: old (ABC1234 / ABC-1234) or Mercosul (ABC1D23). */
export function isValidPlate(value: string): boolean {
  const p = value.toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z]{3}\d[A-Z0-9]\d{2}$/.test(p);
}

/** Whether a search text looks like a plate, to also search motorcycles by plate. */
export function looksLikePlate(value: string): boolean {
  const p = value.toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z]{3}\d[A-Z0-9]?\d{0,2}$/.test(p);
}
