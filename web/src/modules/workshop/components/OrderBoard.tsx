import { useState } from 'react';
import type { DragEvent } from 'react';
import { Link } from 'react-router-dom';
import { Wrench } from 'lucide-react';
import { formatDate } from '@/lib/dates';
import { formatPlate } from '@/lib/masks';
import { formatMoney } from '@/lib/money';
import { cn } from '@/ui/cn';
import { Alert, ErrorState, Loading } from '@/ui/States';
import { useOrders } from '../hooks';
import { ORDER_STATUSES, STATUS_DOTS, STATUS_LABELS } from '../status';
import type { Id, OrderFilters, OrderStatus, ServiceOrder } from '../types';
import { useStatusMove } from './useStatusMove';

const COLUMN_LIMIT = 50;
const DRAG_TYPE = 'application/x-motogestor-os';

function OrderCard({
  order,
  onMove,
  onDrag,
  moving,
}: {
  order: ServiceOrder;
  onMove: (order: ServiceOrder, to: OrderStatus) => void;
  /** The card being dragged (null when the drag ends). */
  onDrag: (order: ServiceOrder | null) => void;
  moving: boolean;
}) {
  const moves = order.allowed_transitions;
  const onDragStart = (e: DragEvent<HTMLElement>) => {
    e.dataTransfer.setData(DRAG_TYPE, String(order.id));
    e.dataTransfer.setData('text/plain', String(order.id));
    e.dataTransfer.effectAllowed = 'move';
    onDrag(order);
  };
  return (
    <article
      draggable={moves.length > 0}
      onDragStart={onDragStart}
      onDragEnd={() => onDrag(null)}
      data-testid={`os-card-${order.number}`}
      aria-label={`OS #${order.number}`}
      className={cn(
        'rounded-md border border-slate-200 bg-surface p-3 shadow-sm',
        moves.length > 0 && 'cursor-grab active:cursor-grabbing',
        moving && 'opacity-50',
      )}
    >
      <div className="flex items-center justify-between gap-2">
        <Link to={`/os/${order.id}`} className="font-semibold text-primary underline">
          OS #{order.number}
        </Link>
        <span className="text-xs text-slate-500">{formatDate(order.created_at)}</span>
      </div>
      <p className="mt-1 truncate text-sm text-slate-800">{order.customer_name}</p>
      <p className="truncate text-xs text-slate-600">
        {formatPlate(order.motorcycle_plate)}
        {order.motorcycle_model ? ` · ${order.motorcycle_model}` : ''}
      </p>
      <p className="truncate text-xs text-slate-600" data-testid="os-card-mechanic">
        <Wrench className="mr-1 inline h-3 w-3" aria-hidden />
        <span className="sr-only">Mecânico: </span>
        {order.assigned_staff_name ?? 'Sem mecânico'}
      </p>
      <p className="mt-1 text-sm font-medium text-slate-900">{formatMoney(order.total_amount)}</p>
      {moves.length > 0 && (
        <select
          className="mt-2 block w-full rounded border border-slate-300 bg-surface px-2 py-1 text-xs text-slate-700"
          value=""
          disabled={moving}
          aria-label={`Mover OS #${order.number} para`}
          onChange={(e) => {
            const to = e.target.value as OrderStatus;
            if (to) onMove(order, to);
          }}
        >
          <option value="">Mover para…</option>
          {moves.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      )}
    </article>
  );
}

function Column({
  status,
  filters,
  onMove,
  dragging,
  onDrag,
  movingId,
}: {
  status: OrderStatus;
  filters: OrderFilters;
  onMove: (order: ServiceOrder, to: OrderStatus) => void;
  dragging: ServiceOrder | null;
  onDrag: (order: ServiceOrder | null) => void;
  movingId: Id | null;
}) {
  const orders = useOrders({ ...filters, status, limit: COLUMN_LIMIT });
  const [over, setOver] = useState(false);
  // A column takes a card only when the server offers that move for it.
  const accepts = dragging !== null && dragging.allowed_transitions.includes(status);

  const onDrop = (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    setOver(false);
    if (dragging && accepts) onMove(dragging, status);
    onDrag(null);
  };

  return (
    <section
      aria-label={STATUS_LABELS[status]}
      data-testid={`column-${status}`}
      data-drop-target={accepts || undefined}
      onDragOver={(e) => {
        if (accepts && e.dataTransfer.types.includes(DRAG_TYPE)) {
          e.preventDefault();
          setOver(true);
        }
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      className={cn(
        'flex w-72 shrink-0 snap-start flex-col gap-2 rounded-lg bg-slate-100 p-2 md:w-auto md:min-w-0 md:flex-1',
        accepts && 'ring-1 ring-primary/40',
        over && 'ring-2 ring-primary',
      )}
    >
      <header className="flex items-center justify-between px-1">
        <h2 className="text-sm font-semibold text-slate-800">
          <span
            className={cn('mr-1 inline-block h-2 w-2 rounded-full', STATUS_DOTS[status])}
            aria-hidden
          />
          {STATUS_LABELS[status]}
        </h2>
        <span className="text-xs text-slate-600">{orders.data?.total ?? ''}</span>
      </header>
      {orders.isPending ? (
        <Loading />
      ) : orders.isError ? (
        <ErrorState error={orders.error} onRetry={() => void orders.refetch()} />
      ) : orders.data.items.length === 0 ? (
        <p className="px-1 py-4 text-center text-xs text-slate-500">Nenhuma ordem.</p>
      ) : (
        orders.data.items.map((o) => (
          <OrderCard
            key={o.id}
            order={o}
            onMove={onMove}
            onDrag={onDrag}
            moving={movingId === o.id}
          />
        ))
      )}
      {orders.data && orders.data.total > orders.data.items.length && (
        <Link
          to={`/os?view=list&status=${status}${filters.mine ? '&mine=1' : ''}`}
          className="px-1 text-center text-xs text-primary underline"
        >
          Ver todas ({orders.data.total})
        </Link>
      )}
    </section>
  );
}

/** The orders by status (`filters`: e.g. "Minhas OS", `mine: '1'`). */
export function OrderBoard({ filters = {} }: { filters?: OrderFilters }) {
  const { move, refusal, pending, dialog } = useStatusMove();
  const [dragging, setDragging] = useState<ServiceOrder | null>(null);
  const onMove = (order: ServiceOrder, to: OrderStatus) => void move(order, to);

  return (
    <div className="flex flex-col gap-3">
      {refusal && (
        <div data-testid="move-refused">
          <Alert>Movimentação recusada: {refusal}</Alert>
        </div>
      )}
      <p className="text-xs text-slate-500">
        Arraste um cartão para outra coluna ou use “Mover para…”.
      </p>
      {/* `relative`: what is positioned inside the columns stays inside the scroller. */}
      <div className="relative -mx-3 flex snap-x gap-3 overflow-x-auto px-3 pb-2 md:mx-0 md:px-0">
        {ORDER_STATUSES.map((s) => (
          <Column
            key={s}
            status={s}
            filters={filters}
            onMove={onMove}
            dragging={dragging}
            onDrag={setDragging}
            movingId={pending?.id ?? null}
          />
        ))}
      </div>
      {dialog}
    </div>
  );
}
