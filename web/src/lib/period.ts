import { toIsoDate } from '@/lib/dates';

/** The commission report's default period: the first day of `today`'s month up to today. */
export function currentMonth(today: Date): { start: string; end: string } {
  const first = new Date(today.getFullYear(), today.getMonth(), 1);
  return { start: toIsoDate(first), end: toIsoDate(today) };
}

/** The month before `today`'s, whole. */
export function previousMonth(today: Date): { start: string; end: string } {
  const first = new Date(today.getFullYear(), today.getMonth() - 1, 1);
  const last = new Date(today.getFullYear(), today.getMonth(), 0);
  return { start: toIsoDate(first), end: toIsoDate(last) };
}

/** Whether a period can be asked for: two real dates, the start not after the end. */
export function isValidPeriod(start: string, end: string): boolean {
  const re = /^\d{4}-\d{2}-\d{2}$/;
  return re.test(start) && re.test(end) && start <= end;
}
