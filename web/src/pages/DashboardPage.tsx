import { Link } from 'react-router-dom';
import { Plus } from 'lucide-react';
import { can } from '@/modules/identity/permissions';
import { useCurrentUser } from '@/modules/identity/session';
import {
  LowStockParts,
  OrderCounts,
  TodayOrders,
} from '@/modules/workshop/components/DashboardWidgets';
import { PageHeader } from '@/ui/Card';

export function DashboardPage() {
  const user = useCurrentUser();
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title="Painel"
        actions={
          can(user.role, 'orders.create') && (
            <Link
              to="/os/nova"
              className="inline-flex items-center gap-1.5 rounded-md bg-primary px-3.5 py-2 text-sm font-medium text-on-primary hover:bg-primary/90"
            >
              <Plus className="h-4 w-4" aria-hidden /> Nova OS
            </Link>
          )
        }
      />
      <OrderCounts />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <TodayOrders />
        <LowStockParts />
      </div>
    </div>
  );
}
