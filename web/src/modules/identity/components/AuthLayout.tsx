import type { ReactNode } from 'react';
import { Wrench } from 'lucide-react';

export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="flex min-h-screen items-center justify-center bg-background px-4 py-8">
      <div className="w-full max-w-md">
        <div className="mb-6 flex items-center justify-center gap-2 text-2xl font-bold text-primary">
          <Wrench className="h-7 w-7" aria-hidden />
          MotoGestor
        </div>
        <main className="rounded-xl border border-slate-200 bg-surface p-6 shadow-sm">
          <h1 className="mb-4 text-xl font-semibold text-slate-900">{title}</h1>
          {children}
        </main>
      </div>
    </div>
  );
}
