import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatDate } from '@/lib/dates';
import { PAGE_SIZE } from '@/lib/hooks';
import { formatMoney } from '@/lib/money';
import { Pagination } from '@/ui/Pagination';
import { EmptyState, ErrorState, Loading } from '@/ui/States';
import { Table, td, th } from '@/ui/Table';
import { useOrders } from '../hooks';
import type { Id } from '../types';
import { StatusBadge } from './StatusBadge';

/** Service orders of a customer, paginated. */
export function CustomerOrders({ customerId }: { customerId: Id }) {
  const [offset, setOffset] = useState(0);
  const orders = useOrders({ customer_id: customerId, limit: PAGE_SIZE, offset });
  if (orders.isPending) return <Loading />;
  if (orders.isError)
    return <ErrorState error={orders.error} onRetry={() => void orders.refetch()} />;
  if (orders.data.items.length === 0) return <EmptyState title="Nenhuma OS para este cliente." />;
  return (
    <>
      <Table label="Ordens de serviço do cliente">
        <thead className="bg-slate-50">
          <tr>
            <th className={th}>OS</th>
            <th className={th}>Moto</th>
            <th className={th}>Situação</th>
            <th className={th}>Abertura</th>
            <th className={`${th} text-right`}>Total</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {orders.data.items.map((o) => (
            <tr key={o.id}>
              <td className={td}>
                <Link to={`/os/${o.id}`} className="font-medium text-primary underline">
                  #{o.number}
                </Link>
              </td>
              <td className={td}>{o.motorcycle_plate}</td>
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
        onChange={setOffset}
      />
    </>
  );
}
