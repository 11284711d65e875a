import { useSearchParams } from 'react-router-dom';
import { Columns3, List } from 'lucide-react';
import { useCurrentUser } from '@/modules/identity/session';
import { OrderBoard } from '@/modules/workshop/components/OrderBoard';
import { NewOrderLink } from '@/modules/workshop/components/NewOrderLink';
import { OrderList } from '@/modules/workshop/components/OrderList';
import { PageHeader } from '@/ui/Card';
import { cn } from '@/ui/cn';

export function OrdersPage() {
  const { can } = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'list' ? 'list' : 'board';
  const tab = (v: 'board' | 'list') =>
    cn(
      'inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium',
      view === v ? 'bg-primary text-on-primary' : 'text-slate-700 hover:bg-slate-100',
    );
  return (
    <div>
      <PageHeader title="Ordens de serviço" actions={can.write_orders && <NewOrderLink />} />
      <div
        role="tablist"
        aria-label="Visualização"
        className="mb-3 inline-flex gap-1 rounded-lg border border-slate-200 bg-surface p-1"
      >
        <button
          type="button"
          role="tab"
          aria-selected={view === 'board'}
          className={tab('board')}
          onClick={() => setParams({}, { replace: true })}
        >
          <Columns3 className="h-4 w-4" aria-hidden /> Quadro
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={view === 'list'}
          className={tab('list')}
          onClick={() => setParams({ view: 'list' }, { replace: true })}
        >
          <List className="h-4 w-4" aria-hidden /> Lista
        </button>
      </div>
      {view === 'board' ? <OrderBoard /> : <OrderList />}
    </div>
  );
}
