import { Suspense, useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { ChevronDown, LogOut, Menu, Wrench, X } from 'lucide-react';
import { useCurrentUser, useSession } from '@/modules/identity/session';
import { planLabel, ROLE_LABELS } from '@/modules/identity/labels';
import { NewTaskButton } from '@/modules/team/components/NewTaskButton';
import { cn } from '@/ui/cn';
import { Loading } from '@/ui/States';
import { navFor } from './nav';
import { ThemeApplier } from './ThemeApplier';

function SideNav({ onNavigate }: { onNavigate?: () => void }) {
  const user = useCurrentUser();
  return (
    <nav aria-label="Menu principal" className="flex flex-col gap-4">
      {navFor(user.can).map((section, i) => (
        <div key={section.title ?? i} className="flex flex-col gap-1">
          {section.title && (
            <p className="px-3 text-xs font-semibold uppercase tracking-wide text-on-secondary/60">
              {section.title}
            </p>
          )}
          {section.items.map((item) => (
            <NavLink
              key={item.to}
              to={item.to}
              end={item.end}
              onClick={onNavigate}
              className={({ isActive }) =>
                cn(
                  'flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium',
                  'focus:outline-none focus-visible:ring-2 focus-visible:ring-on-secondary',
                  isActive
                    ? 'bg-on-secondary/15 text-on-secondary'
                    : 'text-on-secondary/80 hover:bg-on-secondary/10',
                )
              }
            >
              <item.icon className="h-4 w-4" aria-hidden />
              {item.label}
            </NavLink>
          ))}
        </div>
      ))}
    </nav>
  );
}

function Brand() {
  return (
    <div className="flex items-center gap-2 px-3 text-lg font-bold text-on-secondary">
      <Wrench className="h-5 w-5" aria-hidden />
      MotoGestor
    </div>
  );
}

function UserMenu() {
  const user = useCurrentUser();
  const { signOut } = useSession();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onClick = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', onClick);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onClick);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="relative" ref={ref}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((v) => !v)}
        className="flex items-center gap-1 rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100"
      >
        <span className="max-w-[8rem] truncate">{user.name}</span>
        <ChevronDown className="h-4 w-4" aria-hidden />
      </button>
      {open && (
        <div
          role="menu"
          className="absolute right-0 z-40 mt-1 w-56 rounded-md border border-slate-200 bg-surface p-1 shadow-lg"
        >
          <div className="px-3 py-2 text-xs text-slate-500">
            <p className="truncate font-medium text-slate-800">{user.name}</p>
            <p className="truncate">{user.email}</p>
            <p>{ROLE_LABELS[user.role] ?? user.role}</p>
          </div>
          <button
            type="button"
            role="menuitem"
            onClick={() => void signOut()}
            className="flex w-full items-center gap-2 rounded px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-100"
          >
            <LogOut className="h-4 w-4" aria-hidden />
            Sair
          </button>
        </div>
      )}
    </div>
  );
}

export function AppShell() {
  const user = useCurrentUser();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();

  useEffect(() => setDrawerOpen(false), [location.pathname]);

  return (
    <div className="min-h-screen bg-background print:bg-surface">
      <ThemeApplier />
      <a
        href="#conteudo"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2"
      >
        Pular para o conteúdo
      </a>
      <aside className="fixed inset-y-0 left-0 hidden w-60 flex-col gap-6 bg-secondary py-4 md:flex print:hidden">
        <Brand />
        <div className="px-2">
          <SideNav />
        </div>
      </aside>

      {drawerOpen && (
        <div className="fixed inset-0 z-40 md:hidden print:hidden">
          <div
            className="absolute inset-0 bg-slate-900/50"
            onClick={() => setDrawerOpen(false)}
            aria-hidden
          />
          <div
            role="dialog"
            aria-modal="true"
            aria-label="Menu"
            className="absolute inset-y-0 left-0 flex w-64 flex-col gap-6 bg-secondary py-4"
          >
            <div className="flex items-center justify-between pr-2">
              <Brand />
              <button
                type="button"
                onClick={() => setDrawerOpen(false)}
                aria-label="Fechar menu"
                className="rounded p-1 text-white hover:bg-on-secondary/10"
              >
                <X className="h-5 w-5" aria-hidden />
              </button>
            </div>
            <div className="px-2">
              <SideNav onNavigate={() => setDrawerOpen(false)} />
            </div>
          </div>
        </div>
      )}

      <div className="flex min-h-screen flex-col md:pl-60 print:pl-0">
        <header className="sticky top-0 z-30 flex items-center gap-2 border-b border-slate-200 bg-surface px-3 py-2 md:px-6 print:hidden">
          <button
            type="button"
            className="rounded p-2 text-slate-700 hover:bg-slate-100 md:hidden"
            aria-label="Abrir menu"
            aria-expanded={drawerOpen}
            onClick={() => setDrawerOpen(true)}
          >
            <Menu className="h-5 w-5" aria-hidden />
          </button>
          <div className="flex min-w-0 flex-1 items-center gap-2">
            <span data-testid="tenant-name" className="truncate font-semibold text-slate-900">
              {user.tenant_name}
            </span>
            <span
              data-testid="tenant-plan"
              className="shrink-0 rounded-full bg-accent/20 px-2 py-0.5 text-xs font-medium text-slate-800"
            >
              {planLabel(user.plan)}
            </span>
          </div>
          <NewTaskButton compact />
          <UserMenu />
        </header>
        <main id="conteudo" className="flex-1 p-3 sm:p-4 md:p-6 print:p-0">
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
