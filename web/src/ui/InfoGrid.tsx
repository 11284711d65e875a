import type { ReactNode } from 'react';
import { cn } from './cn';

/**
 * A record's data as label/value pairs. `cols={2}`: one column on a phone, two from `sm`;
 * `cols={3}`: two on a phone, three from `sm`.
 */
export function InfoGrid({ cols = 2, children }: { cols?: 2 | 3; children: ReactNode }) {
  return (
    <dl
      className={cn(
        'grid gap-3 text-sm',
        cols === 3 ? 'grid-cols-2 sm:grid-cols-3' : 'grid-cols-1 sm:grid-cols-2',
      )}
    >
      {children}
    </dl>
  );
}

/** One pair of an InfoGrid; `wide` spans two columns from `sm`. Long values wrap. */
export function InfoItem({
  label,
  children,
  wide,
  valueClassName,
  testId,
}: {
  label: string;
  children: ReactNode;
  wide?: boolean;
  valueClassName?: string;
  testId?: string;
}) {
  return (
    <div className={cn('min-w-0 break-words', wide && 'sm:col-span-2')}>
      <dt className="text-slate-500">{label}</dt>
      <dd className={valueClassName} data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}
