import { Link } from 'react-router-dom';
import { EmptyState } from '@/ui/States';

export function NotFoundPage() {
  return (
    <EmptyState
      title="Página não encontrada"
      description="O endereço não existe ou foi movido."
      action={
        <Link to="/" className="text-sm font-medium text-primary underline">
          Voltar ao painel
        </Link>
      }
    />
  );
}
