import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { UseQueryResult } from '@tanstack/react-query';
import { currentMonth, isValidPeriod, previousMonth } from '@/lib/period';
import { Button } from './Button';
import { Card } from './Card';
import { TextField } from './Field';
import { Alert, ErrorState, Loading } from './States';

/** A report's period as the URL keeps it (`start`, `end`); this month by default. */
export function usePeriodParams() {
  const [params, setParams] = useSearchParams();
  const fallback = currentMonth(new Date());
  const start = params.get('start') ?? fallback.start;
  const end = params.get('end') ?? fallback.end;
  const set = (period: { start?: string; end?: string }) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('start', period.start ?? start);
        next.set('end', period.end ?? end);
        return next;
      },
      { replace: true },
    );
  return { start, end, set, valid: isValidPeriod(start, end) };
}

/** "De", "Até" and the quick choices of a report's period. */
export function PeriodPicker({
  start,
  end,
  set,
}: {
  start: string;
  end: string;
  set: (period: { start?: string; end?: string }) => void;
}) {
  return (
    <form
      aria-label="Período"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => e.preventDefault()}
    >
      <TextField
        label="De"
        type="date"
        value={start}
        max={end || undefined}
        onChange={(e) => set({ start: e.target.value })}
        containerClassName="w-40"
      />
      <TextField
        label="Até"
        type="date"
        value={end}
        min={start || undefined}
        onChange={(e) => set({ end: e.target.value })}
        containerClassName="w-40"
      />
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" size="sm" onClick={() => set(currentMonth(new Date()))}>
          Este mês
        </Button>
        <Button variant="secondary" size="sm" onClick={() => set(previousMonth(new Date()))}>
          Mês passado
        </Button>
      </div>
    </form>
  );
}

export const INVALID_PERIOD =
  'Escolha um período válido: a data inicial não pode ser depois da final.';

/** The picker in a card, with a line on what the report counts. */
export function PeriodCard({
  period,
  note,
  className,
}: {
  period: ReturnType<typeof usePeriodParams>;
  note: ReactNode;
  className?: string;
}) {
  return (
    <Card className={className}>
      <PeriodPicker start={period.start} end={period.end} set={period.set} />
      <p className="mt-2 text-xs text-slate-500">{note}</p>
    </Card>
  );
}

/** A period report's answer: a wrong period said, then loading, failure, or `children(data)`. */
export function PeriodResult<T>({
  valid,
  query,
  children,
}: {
  valid: boolean;
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  if (!valid) return <Alert>{INVALID_PERIOD}</Alert>;
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
