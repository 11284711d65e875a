import type { TaskFilters } from './types';

/** The task list's quick filters ("minhas", "atrasadas", "hoje"), kept in the URL as `filter`. */
export type QuickFilter = 'mine' | 'late' | 'today';

export const QUICK_FILTERS: QuickFilter[] = ['mine', 'late', 'today'];

export const QUICK_FILTER_LABELS: Record<QuickFilter, string> = {
  mine: 'Minhas',
  late: 'Atrasadas',
  today: 'Hoje',
};

export function parseQuickFilter(value: string | null): QuickFilter | null {
  return QUICK_FILTERS.includes(value as QuickFilter) ? (value as QuickFilter) : null;
}

/**
 * The server's filters for a quick filter (the contract's words: `mine=1`, `late=1`,
 * `due_from`/`due_until` with `only_open=1`). `today` is the browser's date, YYYY-MM-DD. The
 * board leaves `only_open` out: its columns already say the status.
 */
export function quickFilterQuery(
  filter: QuickFilter | null,
  today: string,
  { board = false }: { board?: boolean } = {},
): TaskFilters {
  switch (filter) {
    case 'mine':
      return { mine: '1' };
    case 'late':
      return { late: '1' };
    case 'today':
      return board
        ? { due_from: today, due_until: today }
        : { due_from: today, due_until: today, only_open: '1' };
    default:
      return {};
  }
}
