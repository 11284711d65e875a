import type { ReactNode, Ref } from 'react';
import { cn } from './cn';

export function Card({
  title,
  actions,
  children,
  className,
  headingRef,
}: {
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  /** Makes the title focusable from code (e.g. a wizard moving focus to its next step). */
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  return (
    <section
      className={cn('rounded-lg border border-slate-200 bg-surface p-4 shadow-sm', className)}
    >
      {(title || actions) && (
        <header className="mb-3 flex flex-wrap items-center justify-between gap-2">
          {title && (
            <h2
              ref={headingRef}
              tabIndex={headingRef ? -1 : undefined}
              className="text-base font-semibold text-slate-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-primary"
            >
              {title}
            </h2>
          )}
          {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
        </header>
      )}
      {children}
    </section>
  );
}

export function PageHeader({ title, actions }: { title: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
      <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
    </div>
  );
}

export function Badge({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <span
      className={cn(
        'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium',
        className ?? 'bg-slate-100 text-slate-700',
      )}
    >
      {children}
    </span>
  );
}
