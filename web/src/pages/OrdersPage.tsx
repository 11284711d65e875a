import { useSearchParams } from 'react-router-dom';
import { Columns3, List, UserRound } from 'lucide-react';
import { useCurrentUser } from '@/modules/identity/session';
import { useMyStaff } from '@/modules/team/hooks';
import { OrderBoard } from '@/modules/workshop/components/OrderBoard';
import { NewOrderLink } from '@/modules/workshop/components/NewOrderLink';
import { OrderList } from '@/modules/workshop/components/OrderList';
import { PageHeader } from '@/ui/Card';
import { cn } from '@/ui/cn';

export function OrdersPage() {
  const { can } = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'list' ? 'list' : 'board';
  // "Minhas OS" for a user linked to a staff record (none: the server answers 404).
  const myStaff = useMyStaff();
  const mine = Boolean(myStaff.data) && params.get('mine') === '1';
  const show = (v: 'board' | 'list', onlyMine: boolean) =>
    setParams(
      { ...(v === 'list' ? { view: 'list' } : {}), ...(onlyMine ? { mine: '1' } : {}) },
      { replace: true },
    );
  const tab = (v: 'board' | 'list') =>
    cn(
      'inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium',
      view === v ? 'bg-primary text-on-primary' : 'text-slate-700 hover:bg-slate-100',
    );
  return (
    <div>
      <PageHeader title="Ordens de serviço" actions={can.write_orders && <NewOrderLink />} />
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <div
          role="tablist"
          aria-label="Visualização"
          className="inline-flex gap-1 rounded-lg border border-slate-200 bg-surface p-1"
        >
          <button
            type="button"
            role="tab"
            aria-selected={view === 'board'}
            className={tab('board')}
            onClick={() => show('board', mine)}
          >
            <Columns3 className="h-4 w-4" aria-hidden /> Quadro
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={view === 'list'}
            className={tab('list')}
            onClick={() => show('list', mine)}
          >
            <List className="h-4 w-4" aria-hidden /> Lista
          </button>
        </div>
        {myStaff.data && (
          <button
            type="button"
            aria-pressed={mine}
            onClick={() => show(view, !mine)}
            className={cn(
              'inline-flex items-center gap-1.5 rounded-lg border px-3 py-2 text-sm font-medium',
              'focus:outline-none focus-visible:ring-2 focus-visible:ring-primary',
              mine
                ? 'border-primary bg-primary text-on-primary'
                : 'border-slate-200 bg-surface text-slate-700 hover:bg-slate-100',
            )}
          >
            <UserRound className="h-4 w-4" aria-hidden /> Minhas OS
          </button>
        )}
      </div>
      {view === 'board' ? (
        <OrderBoard filters={mine ? { mine: '1' } : {}} />
      ) : (
        <OrderList mine={mine} />
      )}
    </div>
  );
}
