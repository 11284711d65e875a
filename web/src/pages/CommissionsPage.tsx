import { CommissionReport } from '@/modules/team/components/CommissionReport';
import { useCurrentUser } from '@/modules/identity/session';
import { EmptyState } from '@/ui/States';

export function CommissionsPage() {
  const { can } = useCurrentUser();
  if (!can.finance) return <EmptyState title="Relatório disponível para a gerência." />;
  return <CommissionReport />;
}
