import { Link, useParams } from 'react-router-dom';
import { ArrowLeft } from 'lucide-react';
import { ApiError } from '@/lib/api/errors';
import { usePart } from '@/modules/workshop/hooks';
import { PartDetail } from '@/modules/workshop/components/PartDetail';
import { EmptyState, ErrorState, Loading } from '@/ui/States';

export function PartDetailPage() {
  const { id } = useParams();
  const part = usePart(id);
  return (
    <div className="flex flex-col gap-3">
      <Link to="/estoque" className="inline-flex items-center gap-1 text-sm text-primary underline">
        <ArrowLeft className="h-4 w-4" aria-hidden /> Estoque
      </Link>
      {part.isPending ? (
        <Loading />
      ) : part.isError ? (
        part.error instanceof ApiError && part.error.status === 404 ? (
          <EmptyState title="Peça não encontrada." />
        ) : (
          <ErrorState error={part.error} onRetry={() => void part.refetch()} />
        )
      ) : (
        <PartDetail part={part.data} />
      )}
    </div>
  );
}
