import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { AlertTriangle, CalendarClock } from 'lucide-react';
import { formatPlate } from '@/lib/masks';
import { formatMoney } from '@/lib/money';
import { todayIso } from '@/lib/dates';
import { Card } from '@/ui/Card';
import { EmptyState, ErrorState, Loading } from '@/ui/States';
import { useOverview } from '@/modules/gateway/hooks';
import { available } from '@/modules/gateway/summary';
import { useOrders, useParts } from '../hooks';
import { ORDER_STATUSES, STATUS_LABELS } from '../status';
import type { OrderStatus } from '../types';
import { StatusBadge } from './StatusBadge';

function CountCard({ status, count }: { status: OrderStatus; count: ReactNode }) {
  return (
    <Link
      to={`/os?view=list&status=${status}`}
      className="rounded-lg border border-slate-200 bg-surface p-3 shadow-sm hover:border-primary focus:outline-none focus-visible:ring-2 focus-visible:ring-primary"
      data-testid={`count-${status}`}
    >
      <p className="text-xs font-medium text-slate-600">{STATUS_LABELS[status]}</p>
      <p className="mt-1 text-2xl font-semibold text-slate-900">{count}</p>
    </Link>
  );
}

/** Orders per status, from the overview (one request for the five counts). */
export function OrderCounts() {
  const overview = useOverview();
  const orders = available(overview.data?.service_orders);
  const unavailable = overview.isError || (overview.data !== undefined && orders === null);
  return (
    <section aria-label="Ordens por situação" className="flex flex-col gap-2">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {ORDER_STATUSES.map((s) => (
          <CountCard
            key={s}
            status={s}
            count={overview.isPending ? '…' : orders ? orders.by_status[s] : '—'}
          />
        ))}
      </div>
      {unavailable && (
        <p className="text-sm text-slate-600">
          Contagem de ordens indisponível no momento.{' '}
          <button
            type="button"
            className="text-primary underline"
            onClick={() => void overview.refetch()}
          >
            Tentar novamente
          </button>
        </p>
      )}
    </section>
  );
}

/** Orders scheduled for today (the browser's local date), cancelled ones left out. */
export function TodayOrders() {
  const orders = useOrders({ scheduled_date: todayIso(), limit: 100 });
  const list = (orders.data?.items ?? []).filter((o) => o.status !== 'CANCELLED');
  return (
    <Card
      title={
        <span className="flex items-center gap-2">
          <CalendarClock className="h-4 w-4" aria-hidden /> Agendadas para hoje
        </span>
      }
    >
      {orders.isPending ? (
        <Loading />
      ) : orders.isError ? (
        <ErrorState error={orders.error} onRetry={() => void orders.refetch()} />
      ) : list.length === 0 ? (
        <EmptyState title="Nenhuma ordem agendada para hoje." />
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Agendadas para hoje">
          {list.map((o) => (
            <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <Link to={`/os/${o.id}`} className="font-medium text-primary underline">
                OS #{o.number}
              </Link>
              <span className="min-w-0 flex-1 truncate text-sm text-slate-700">
                {o.customer_name} · {formatPlate(o.motorcycle_plate)}
              </span>
              <StatusBadge status={o.status} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function LowStockParts() {
  const parts = useParts({ low_stock: 1, limit: 20 });
  return (
    <Card
      title={
        <span className="flex items-center gap-2">
          <AlertTriangle className="h-4 w-4 text-amber-600" aria-hidden /> Peças abaixo do mínimo
        </span>
      }
      actions={
        <Link to="/estoque?low_stock=1" className="text-sm text-primary underline">
          Ver estoque
        </Link>
      }
    >
      {parts.isPending ? (
        <Loading />
      ) : parts.isError ? (
        <ErrorState error={parts.error} onRetry={() => void parts.refetch()} />
      ) : parts.data.items.length === 0 ? (
        <EmptyState title="Nenhuma peça abaixo do mínimo." />
      ) : (
        <ul className="divide-y divide-slate-100">
          {parts.data.items.map((p) => (
            <li
              key={p.id}
              className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
            >
              <Link
                to={`/estoque/${p.id}`}
                className="min-w-0 flex-1 truncate text-primary underline"
              >
                {p.name} <span className="text-slate-500">({p.sku})</span>
              </Link>
              <span className="text-slate-700">
                {p.quantity_in_stock} / mín. {p.min_stock}
              </span>
              <span className="text-slate-500">{formatMoney(p.unit_price)}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
