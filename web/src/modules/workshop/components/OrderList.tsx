import { useSearchParams, Link } from 'react-router-dom';
import { Search } from 'lucide-react';
import { formatDate } from '@/lib/dates';
import { PAGE_SIZE, useDebounced } from '@/lib/hooks';
import { formatMoney } from '@/lib/money';
import { SelectField, TextField } from '@/ui/Field';
import { Pagination } from '@/ui/Pagination';
import { EmptyState, ErrorState, Loading } from '@/ui/States';
import { Table, td, th } from '@/ui/Table';
import { useOrders } from '../hooks';
import { ORDER_STATUSES, STATUS_LABELS } from '../status';
import type { OrderStatus } from '../types';
import { StatusBadge } from './StatusBadge';

export function OrderList() {
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? '') as OrderStatus | '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const q = params.get('q') ?? '';
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
    status,
    from,
    to,
    q: debouncedQ.trim(),
    limit: PAGE_SIZE,
    offset,
  });

  return (
    <div className="flex flex-col gap-3">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className="relative">
          <TextField
            label="Buscar"
            type="search"
            placeholder="Cliente, placa, descrição…"
            value={q}
            onChange={(e) => update({ q: e.target.value })}
          />
          <Search
            className="pointer-events-none absolute right-3 top-9 h-4 w-4 text-slate-400"
            aria-hidden
          />
        </div>
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
          title="Nenhuma ordem de serviço encontrada."
          description="Ajuste os filtros ou crie uma nova OS."
        />
      ) : (
        <>
          <Table label="Ordens de serviço">
            <thead className="bg-slate-50">
              <tr>
                <th className={th}>OS</th>
                <th className={th}>Cliente</th>
                <th className={th}>Moto</th>
                <th className={th}>Situação</th>
                <th className={th}>Abertura</th>
                <th className={`${th} text-right`}>Total</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {orders.data.items.map((o) => (
                <tr key={o.id} className="hover:bg-slate-50">
                  <td className={td}>
                    <Link to={`/os/${o.id}`} className="font-medium text-primary underline">
                      #{o.number}
                    </Link>
                  </td>
                  <td className={td}>{o.customer_name}</td>
                  <td className={td}>
                    {o.motorcycle_plate}
                    {o.motorcycle_model ? ` · ${o.motorcycle_model}` : ''}
                  </td>
                  <td className={td}>
                    <StatusBadge status={o.status} />
                  </td>
                  <td className={td}>{formatDate(o.created_at)}</td>
                  <td className={`${td} whitespace-nowrap text-right`}>
                    {formatMoney(o.total_amount)}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
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
