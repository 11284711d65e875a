// Commission percentages: the API sends numbers (10.5) and takes a number or a decimal string
// ("10.5"); people type "10,5".

/** "10,5", "10.5", "10", "" → the API's string ("10.5", "10", "0"); null when not 0–100 with two decimals. */
export function parsePercentInput(text: string): string | null {
  const t = text.trim().replace('%', '').trim().replace(',', '.');
  if (t === '') return '0';
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(t)) return null;
  const n = Number(t);
  if (n > 100) return null;
  return String(n);
}

/** 10.5 → "10,5 %"; null → "—". */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${String(value).replace('.', ',')} %`;
}

/** 10.5 → "10,5" (what a percent input shows); null → "". */
export function percentToInput(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value).replace('.', ',');
}
