import { useState } from 'react';
import { PAGE_SIZE } from '@/lib/hooks';
import { Pagination } from '@/ui/Pagination';
import { EmptyState, ErrorState, Loading } from '@/ui/States';
import { useOrders } from '../hooks';
import type { Id } from '../types';
import { OrdersTable } from './OrdersTable';

/** Service orders of a customer, paginated. */
export function CustomerOrders({ customerId }: { customerId: Id }) {
  const [offset, setOffset] = useState(0);
  const orders = useOrders({ customer_id: Number(customerId), limit: PAGE_SIZE, offset });
  if (orders.isPending) return <Loading />;
  if (orders.isError)
    return <ErrorState error={orders.error} onRetry={() => void orders.refetch()} />;
  if (orders.data.items.length === 0) return <EmptyState title="Nenhuma OS para este cliente." />;
  return (
    <>
      <OrdersTable
        label="Ordens de serviço do cliente"
        orders={orders.data.items}
        moto="plate"
        cardsOnPhone
      />
      <Pagination
        total={orders.data.total}
        limit={PAGE_SIZE}
        offset={offset}
        onChange={setOffset}
      />
    </>
  );
}
