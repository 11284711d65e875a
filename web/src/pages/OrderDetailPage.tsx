import { Link, useParams } from 'react-router-dom';
import { ArrowLeft } from 'lucide-react';
import { ApiError } from '@/lib/api/errors';
import { useOrder } from '@/modules/workshop/hooks';
import { QuoteCard } from '@/modules/portal/components/QuoteCard';
import { OrderConversationCard } from '@/modules/messaging/components/OrderConversationCard';
import { OrderTasks } from '@/modules/team/components/RelatedTasks';
import { OrderDetail } from '@/modules/workshop/components/OrderDetail';
import type { CompletionDialog } from '@/modules/workshop/components/OrderDetail';
import { CompleteOrderDialog } from '@/modules/finance/components/CompleteOrderDialog';
import { OrderAmountDue, OrderReceivableCard } from '@/modules/finance/components/OrderReceivable';
import { useCurrentUser } from '@/modules/identity/session';
import { EmptyState, ErrorState, Loading } from '@/ui/States';

// Whom the finance lets see money get the order's receivable and take payment on completion.
const completeAndPay: CompletionDialog = (props) => <CompleteOrderDialog {...props} />;

export function OrderDetailPage() {
  const { id } = useParams();
  const { can } = useCurrentUser();
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
              <OrderConversationCard order={order.data} />
              <OrderTasks order={order.data} />
            </>
          }
          money={can.finance && <OrderReceivableCard order={order.data} />}
          printExtra={can.finance && <OrderAmountDue order={order.data} />}
          completion={can.finance ? completeAndPay : undefined}
        />
      )}
    </div>
  );
}
