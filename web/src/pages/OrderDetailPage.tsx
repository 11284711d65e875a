import { Link, useParams } from 'react-router-dom';
import { ArrowLeft } from 'lucide-react';
import { ApiError } from '@/lib/api/errors';
import { useOrder } from '@/modules/workshop/hooks';
import { QuoteCard } from '@/modules/portal/components/QuoteCard';
import { OrderTasks } from '@/modules/team/components/RelatedTasks';
import { OrderDetail } from '@/modules/workshop/components/OrderDetail';
import { EmptyState, ErrorState, Loading } from '@/ui/States';

export function OrderDetailPage() {
  const { id } = useParams();
  const order = useOrder(id);
  return (
    <div className="flex flex-col gap-3">
      <Link
        to="/os"
        className="no-print inline-flex items-center gap-1 text-sm text-primary underline"
      >
        <ArrowLeft className="h-4 w-4" aria-hidden /> Ordens de serviço
      </Link>
      {order.isPending ? (
        <Loading />
      ) : order.isError ? (
        order.error instanceof ApiError && order.error.status === 404 ? (
          <EmptyState title="OS não encontrada." />
        ) : (
          <ErrorState error={order.error} onRetry={() => void order.refetch()} />
        )
      ) : (
        <OrderDetail
          order={order.data}
          aside={
            <>
              <QuoteCard order={order.data} />
              <OrderTasks order={order.data} />
            </>
          }
        />
      )}
    </div>
  );
}
