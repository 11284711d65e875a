import { can } from '@/modules/identity/permissions';
import { useCurrentUser } from '@/modules/identity/session';
import {
  LowStockParts,
  OrderCounts,
  TodayOrders,
} from '@/modules/workshop/components/DashboardWidgets';
import { NewOrderLink } from '@/modules/workshop/components/NewOrderLink';
import { PageHeader } from '@/ui/Card';

export function DashboardPage() {
  const user = useCurrentUser();
  const canCreate = can(user.role, 'orders.create');
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title="Painel" actions={canCreate && <NewOrderLink />} />
      <OrderCounts />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <TodayOrders />
        <LowStockParts />
      </div>
    </div>
  );
}
