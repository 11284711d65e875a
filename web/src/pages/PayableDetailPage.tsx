import { useParams } from 'react-router-dom';
import { AccountDetail } from '@/modules/finance/components/AccountDetail';
import { FinanceOnly } from '@/modules/finance/components/FinanceOnly';

export function PayableDetailPage() {
  const { id } = useParams();
  return (
    <FinanceOnly>
      <AccountDetail kind="payable" id={id} />
    </FinanceOnly>
  );
}
