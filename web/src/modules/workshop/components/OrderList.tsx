import { useSearchParams } from 'react-router-dom';
import { PAGE_SIZE, useDebounced } from '@/lib/hooks';
import { SearchField, SelectField, TextField } from '@/ui/Field';
import { Pagination } from '@/ui/Pagination';
import { EmptyState, ErrorState, Loading } from '@/ui/States';
import { useActiveStaff } from '@/modules/team/hooks';
import { useOrders } from '../hooks';
import { ORDER_STATUSES, STATUS_LABELS } from '../status';
import type { OrderStatus } from '../types';
import { OrdersTable } from './OrdersTable';

/** The orders as a filtered list; `mine`: only the user's own ("Minhas OS"). */
export function OrderList({ mine = false }: { mine?: boolean }) {
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? '') as OrderStatus | '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const q = params.get('q') ?? '';
  const mechanic = params.get('assigned_staff_id') ?? '';
  const staff = useActiveStaff();
  const offset = Number(params.get('offset') ?? 0) || 0;
  const debouncedQ = useDebounced(q, 300);

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('offset' in changes)) next.delete('offset');
    setParams(next, { replace: true });
  };

  const orders = useOrders({
    status: status || undefined,
    from,
    to,
    q: debouncedQ.trim(),
    mine: mine ? '1' : undefined,
    assigned_staff_id: !mine && mechanic ? Number(mechanic) : undefined,
    limit: PAGE_SIZE,
    offset,
  });

  return (
    <div className="flex flex-col gap-3">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <SearchField
          label="Buscar"
          placeholder="Cliente, placa, descrição…"
          value={q}
          onChange={(e) => update({ q: e.target.value })}
        />
        <SelectField
          label="Situação"
          value={status}
          onChange={(e) => update({ status: e.target.value })}
        >
          <option value="">Todas</option>
          {ORDER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </SelectField>
        {!mine && (
          <SelectField
            label="Mecânico"
            value={mechanic}
            onChange={(e) => update({ assigned_staff_id: e.target.value })}
          >
            <option value="">Todos</option>
            {(staff.data?.items ?? []).map((m) => (
              <option key={m.id} value={String(m.id)}>
                {m.name}
              </option>
            ))}
          </SelectField>
        )}
        <TextField
          label="Aberta de"
          type="date"
          value={from}
          onChange={(e) => update({ from: e.target.value })}
        />
        <TextField
          label="Aberta até"
          type="date"
          value={to}
          onChange={(e) => update({ to: e.target.value })}
        />
      </div>
      {orders.isPending ? (
        <Loading />
      ) : orders.isError ? (
        <ErrorState error={orders.error} onRetry={() => void orders.refetch()} />
      ) : orders.data.items.length === 0 ? (
        <EmptyState
          title={mine ? 'Nenhuma OS sua.' : 'Nenhuma ordem de serviço encontrada.'}
          description={
            mine
              ? 'As OS em que você é o mecânico aparecem aqui.'
              : 'Ajuste os filtros ou crie uma nova OS.'
          }
        />
      ) : (
        <>
          <OrdersTable
            label="Ordens de serviço"
            orders={orders.data.items}
            customer
            moto="full"
            mechanic
          />
          <Pagination
            total={orders.data.total}
            limit={PAGE_SIZE}
            offset={offset}
            onChange={(o) => update({ offset: String(o) })}
          />
        </>
      )}
    </div>
  );
}
