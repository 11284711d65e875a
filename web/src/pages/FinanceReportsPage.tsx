import { FinanceOnly } from '@/modules/finance/components/FinanceOnly';
import { FinanceReportView } from '@/modules/finance/components/FinanceReportView';

export function FinanceReportsPage() {
  return (
    <FinanceOnly>
      <FinanceReportView />
    </FinanceOnly>
  );
}
