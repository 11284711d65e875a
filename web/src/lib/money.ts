// Money in the API is a JSON number in reais with 2 decimals (150.75). We compute in
// integer cents and send strings ("150.75") to avoid binary floating point.

export type MoneyValue = number | string | null | undefined;

/** Converts an API money value (number or numeric string in reais) to integer cents. */
export function toCents(value: MoneyValue): number {
  if (value === null || value === undefined || value === '') return 0;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 0;
    return Math.round(value * 100);
  }
  const parsed = parseMoneyInput(value);
  return parsed ?? 0;
}

/** Integer cents → the string sent to the API ("150.75", "-3.00"). */
export function centsToApi(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  const reais = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${sign}${reais}.${rest.toString().padStart(2, '0')}`;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Formats reais as pt-BR currency: 1234.56 → "R$ 1.234,56". */
export function formatMoney(value: MoneyValue): string {
  return formatCents(toCents(value));
}

export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  const reais = Math.floor(abs / 100).toString();
  const rest = (abs % 100).toString().padStart(2, '0');
  return `${sign}R$ ${groupThousands(reais)},${rest}`;
}

/** Cents → the text shown in a money input ("1.234,56"). */
export function centsToInput(cents: number): string {
  return formatCents(cents).replace('R$ ', '');
}

/**
 * Reads what a person typed as money: "1.234,56", "1234,5", "150.75", "R$ 10", "10".
 * Returns integer cents, or null when it is not a valid amount (more than 2 decimals,
 * letters, empty).
 */
export function parseMoneyInput(input: string): number | null {
  let text = input.replace(/R\$/i, '').replace(/[\s\u00a0]/g, '');
  if (text === '') return null;
  let negative = false;
  if (text.startsWith('-')) {
    negative = true;
    text = text.slice(1);
  }
  let integerPart: string;
  let decimalPart = '';
  if (text.includes(',')) {
    const parts = text.split(',');
    if (parts.length !== 2) return null;
    integerPart = (parts[0] ?? '').replace(/\./g, '');
    decimalPart = parts[1] ?? '';
    if (!/^\d{1,3}(\.\d{3})*$|^\d*$/.test(parts[0] ?? '')) return null;
  } else {
    const dots = text.split('.');
    if (dots.length === 2 && (dots[1] ?? '').length <= 2) {
      integerPart = dots[0] ?? '';
      decimalPart = dots[1] ?? '';
    } else {
      if (dots.length > 1 && !/^\d{1,3}(\.\d{3})+$/.test(text)) return null;
      integerPart = text.replace(/\./g, '');
    }
  }
  if (integerPart === '' && decimalPart === '') return null;
  if (!/^\d*$/.test(integerPart) || !/^\d{0,2}$/.test(decimalPart)) return null;
  const cents = Number(integerPart || '0') * 100 + Number(decimalPart.padEnd(2, '0') || '0');
  if (!Number.isSafeInteger(cents)) return null;
  return negative ? -cents : cents;
}

/** What a person typed as money → the API's decimal string; "0.00" when it is not an amount. */
export function moneyInputToApi(input: string): string {
  return centsToApi(parseMoneyInput(input) ?? 0);
}

/** Multiplies a quantity (may be fractional, up to 3 decimals) by a unit price in cents. */
export function lineTotalCents(quantity: number, unitCents: number): number {
  return Math.round((Math.round(quantity * 1000) * unitCents) / 1000);
}

/**
 * A difference with its sign, a real minus (U+2212) or a plus: −R$ 1,00, +R$ 2,50, R$ 0,00.
 */
export function formatSignedMoney(value: MoneyValue): string {
  const cents = toCents(value);
  if (cents === 0) return formatCents(0);
  return `${cents < 0 ? '\u2212' : '+'}${formatCents(Math.abs(cents))}`;
}
