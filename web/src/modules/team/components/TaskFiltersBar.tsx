import { useSearchParams } from 'react-router-dom';
import { cn } from '@/ui/cn';
import { useActiveStaff, useMyStaff } from '../hooks';
import {
  parseQuickFilter,
  QUICK_FILTER_LABELS,
  QUICK_FILTERS,
  type QuickFilter,
} from '../taskFilters';

/** The task screens' filters as the URL keeps them (`filter`, `assigned_to_id`). */
export function useTaskParams() {
  const [params, setParams] = useSearchParams();
  const quick = parseQuickFilter(params.get('filter'));
  const assignee = params.get('assigned_to_id') ?? '';
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const update = (changes: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (!('offset' in changes)) next.delete('offset');
        return next;
      },
      { replace: true },
    );
  return { params, quick, assignee, offset, update };
}

/**
 * "Todas", "Minhas" (only for a user with a staff record), "Atrasadas", "Hoje", and the
 * responsible person.
 */
export function TaskFiltersBar() {
  const { quick, assignee, update } = useTaskParams();
  const mine = useMyStaff();
  const staff = useActiveStaff();
  const offered = QUICK_FILTERS.filter((f) => f !== 'mine' || mine.data);
  const chip = (active: boolean) =>
    cn(
      'rounded-full border px-3 py-1 text-sm font-medium',
      'focus:outline-none focus-visible:ring-2 focus-visible:ring-primary',
      active
        ? 'border-primary bg-primary text-on-primary'
        : 'border-slate-300 bg-surface text-slate-700 hover:bg-slate-50',
    );
  const choose = (f: QuickFilter | null) => update({ filter: f });
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div role="group" aria-label="Filtros rápidos" className="flex flex-wrap gap-2">
        <button
          type="button"
          aria-pressed={quick === null}
          className={chip(quick === null)}
          onClick={() => choose(null)}
        >
          Todas
        </button>
        {offered.map((f) => (
          <button
            key={f}
            type="button"
            aria-pressed={quick === f}
            className={chip(quick === f)}
            onClick={() => choose(quick === f ? null : f)}
          >
            {QUICK_FILTER_LABELS[f]}
          </button>
        ))}
      </div>
      {staff.data && staff.data.items.length > 0 && (
        <label className="flex items-center gap-2 text-sm text-slate-700">
          Responsável
          <select
            value={assignee}
            onChange={(e) => update({ assigned_to_id: e.target.value })}
            className="max-w-[12rem] rounded border border-slate-300 bg-surface px-2 py-1 text-sm"
          >
            <option value="">Todos</option>
            {staff.data.items.map((s) => (
              <option key={s.id} value={String(s.id)}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
