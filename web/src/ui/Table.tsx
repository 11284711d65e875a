import type { ReactNode } from 'react';

/** A table that scrolls sideways on narrow screens. */
export function Table({ children, label }: { children: ReactNode; label?: string }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-surface">
      <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label={label}>
        {children}
      </table>
    </div>
  );
}

export const th =
  'px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600';
export const td = 'px-3 py-2 align-middle text-slate-800';
