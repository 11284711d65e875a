import { useCurrentUser } from '@/modules/identity/session';
import { ModuleSummaries } from '@/modules/gateway/components/ModuleSummaries';
import {
  LowStockParts,
  OrderCounts,
  TodayOrders,
} from '@/modules/workshop/components/DashboardWidgets';
import { NewOrderLink } from '@/modules/workshop/components/NewOrderLink';
import { PageHeader } from '@/ui/Card';

export function DashboardPage() {
  const { can } = useCurrentUser();
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title="Painel" actions={can.write_orders && <NewOrderLink />} />
      <OrderCounts />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <TodayOrders />
        <LowStockParts />
      </div>
      <ModuleSummaries />
    </div>
  );
}
