/** The search text as sent to the API: digits only when it is a phone or a document. */
export function customerQuery(text: string): string {
  const t = text.trim();
  if (/^[\d\s().\-/+]+$/.test(t) && /\d/.test(t)) return t.replace(/\D/g, '');
  return t;
}
