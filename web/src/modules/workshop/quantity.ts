/**
 * "1,5" or "2" → number; null when not a positive quantity with at most 2 decimals (the
 * server's limit for labor hours: 1,5 h; 0,25 h).
 */
export function parseQuantity(text: string, integerOnly = false): number | null {
  const t = text.trim().replace(',', '.');
  const re = integerOnly ? /^\d+$/ : /^\d+(\.\d{1,2})?$/;
  if (!re.test(t)) return null;
  const n = Number(t);
  return n > 0 ? n : null;
}
