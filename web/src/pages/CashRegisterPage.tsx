import { CashRegisterView } from '@/modules/finance/components/CashRegisterView';
import { FinanceOnly } from '@/modules/finance/components/FinanceOnly';

export function CashRegisterPage() {
  return (
    <FinanceOnly>
      <CashRegisterView />
    </FinanceOnly>
  );
}
