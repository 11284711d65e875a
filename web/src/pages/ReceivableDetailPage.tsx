import { useParams } from 'react-router-dom';
import { AccountDetail } from '@/modules/finance/components/AccountDetail';
import { FinanceOnly } from '@/modules/finance/components/FinanceOnly';

export function ReceivableDetailPage() {
  const { id } = useParams();
  return (
    <FinanceOnly>
      <AccountDetail kind="receivable" id={id} />
    </FinanceOnly>
  );
}
