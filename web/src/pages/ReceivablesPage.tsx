import { AccountList } from '@/modules/finance/components/AccountList';
import { FinanceOnly } from '@/modules/finance/components/FinanceOnly';

export function ReceivablesPage() {
  return (
    <FinanceOnly>
      <AccountList kind="receivable" />
    </FinanceOnly>
  );
}
