import { AccountList } from '@/modules/finance/components/AccountList';
import { FinanceOnly } from '@/modules/finance/components/FinanceOnly';

export function PayablesPage() {
  return (
    <FinanceOnly>
      <AccountList kind="payable" />
    </FinanceOnly>
  );
}
