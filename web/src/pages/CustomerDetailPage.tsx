import { Link, useParams } from 'react-router-dom';
import { ArrowLeft } from 'lucide-react';
import { ApiError } from '@/lib/api/errors';
import { useCustomer } from '@/modules/workshop/hooks';
import { CustomerMessagesCard } from '@/modules/messaging/components/CustomerMessagesCard';
import { CustomerTasks } from '@/modules/team/components/RelatedTasks';
import { CustomerTimeline } from '@/modules/team/components/CustomerTimeline';
import { CustomerDetail } from '@/modules/workshop/components/CustomerDetail';
import { EmptyState, ErrorState, Loading } from '@/ui/States';

export function CustomerDetailPage() {
  const { id } = useParams();
  const customer = useCustomer(id);
  return (
    <div className="flex flex-col gap-3">
      <Link
        to="/clientes"
        className="inline-flex items-center gap-1 text-sm text-primary underline"
      >
        <ArrowLeft className="h-4 w-4" aria-hidden /> Clientes
      </Link>
      {customer.isPending ? (
        <Loading />
      ) : customer.isError ? (
        customer.error instanceof ApiError && customer.error.status === 404 ? (
          <EmptyState title="Cliente não encontrado." />
        ) : (
          <ErrorState error={customer.error} onRetry={() => void customer.refetch()} />
        )
      ) : (
        <CustomerDetail customer={customer.data}>
          <CustomerMessagesCard customerId={customer.data.id} />
          <CustomerTimeline customerId={customer.data.id} />
          <CustomerTasks customer={customer.data} />
        </CustomerDetail>
      )}
    </div>
  );
}
