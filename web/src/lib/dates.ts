// pt-BR dates: dd/mm/aaaa. API dates are YYYY-MM-DD; timestamps are ISO 8601 in UTC.

const pad = (n: number) => n.toString().padStart(2, '0');

/** "2026-11-24" or "2026-11-24T13:05:00Z" → "24/11/2026" (timestamps in local time). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (plain) return `${plain[3]}/${plain[2]}/${plain[1]}`;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '—';
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
}

/** ISO timestamp → "24/11/2026 10:05" in local time. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return formatDate(value);
  return `${formatDate(value)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Local date as YYYY-MM-DD (for API filters and date inputs). */
export function toIsoDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function todayIso(): string {
  return toIsoDate(new Date());
}

/** A YYYY-MM-DD day `days` later (or earlier, when negative), in the calendar. */
export function addDaysIso(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return toIsoDate(new Date(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
}

/** "24/11/2026" → "2026-11-24", or null when it is not a real date. */
export function parseBrDate(value: string): string | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value.trim());
  if (!m) return null;
  const [, d, mo, y] = m;
  const date = new Date(Number(y), Number(mo) - 1, Number(d));
  if (
    date.getFullYear() !== Number(y) ||
    date.getMonth() !== Number(mo) - 1 ||
    date.getDate() !== Number(d)
  ) {
    return null;
  }
  return `${y}-${mo}-${d}`;
}
