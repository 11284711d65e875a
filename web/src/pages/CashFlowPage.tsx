import { CashFlowView } from '@/modules/finance/components/CashFlowView';
import { FinanceOnly } from '@/modules/finance/components/FinanceOnly';

export function CashFlowPage() {
  return (
    <FinanceOnly>
      <CashFlowView />
    </FinanceOnly>
  );
}
