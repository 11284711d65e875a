import { Link, useParams } from 'react-router-dom';
import { ArrowLeft } from 'lucide-react';
import { ApiError } from '@/lib/api/errors';
import { useMoto } from '@/modules/workshop/hooks';
import { DeclinedItemsCard } from '@/modules/portal/components/DeclinedItemsCard';
import { MotoDetail } from '@/modules/workshop/components/MotoDetail';
import { EmptyState, ErrorState, Loading } from '@/ui/States';

export function MotoDetailPage() {
  const { id } = useParams();
  const moto = useMoto(id);
  return (
    <div className="flex flex-col gap-3">
      <Link to="/motos" className="inline-flex items-center gap-1 text-sm text-primary underline">
        <ArrowLeft className="h-4 w-4" aria-hidden /> Motos
      </Link>
      {moto.isPending ? (
        <Loading />
      ) : moto.isError ? (
        moto.error instanceof ApiError && moto.error.status === 404 ? (
          <EmptyState title="Moto não encontrada." />
        ) : (
          <ErrorState error={moto.error} onRetry={() => void moto.refetch()} />
        )
      ) : (
        <>
          <MotoDetail moto={moto.data} />
          <DeclinedItemsCard items={moto.data.declined_items} />
        </>
      )}
    </div>
  );
}
