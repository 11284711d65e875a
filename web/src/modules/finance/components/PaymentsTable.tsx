import { errorMessage } from '@/lib/api/errors';
import { formatDateTime } from '@/lib/dates';
import { formatMoney, toCents } from '@/lib/money';
import { Badge } from '@/ui/Card';
import { useConfirm } from '@/ui/Confirm';
import { Table, td, th } from '@/ui/Table';
import { useToast } from '@/ui/Toast';
import { useRefundPayment } from '../hooks';
import { METHOD_LABELS } from '../labels';
import type { AccountKind, Id, Payment } from '../types';

const money = `${td} whitespace-nowrap text-right`;

function methodText(p: Payment): string {
  const method = METHOD_LABELS[p.payment_method ?? 'NAO_INFORMADO'];
  return p.installments > 1 ? `${method} em ${p.installments}x` : method;
}

/** An account's payments, newest first; refunded ones stay, struck through and said. */
export function PaymentsTable({
  kind,
  accountId,
  payments,
}: {
  kind: AccountKind;
  accountId: Id;
  payments: Payment[];
}) {
  const refund = useRefundPayment(kind);
  const toast = useToast();
  const [confirm, dialog] = useConfirm();
  if (payments.length === 0) {
    return <p className="text-sm text-slate-500">Nenhum pagamento registrado.</p>;
  }
  const withFees = payments.some((p) => toCents(p.fee) > 0);
  const onRefund = async (p: Payment) => {
    const ok = await confirm({
      title: 'Estornar pagamento?',
      message: `Estornar ${formatMoney(p.amount)} (${methodText(p)}) de ${formatDateTime(p.paid_at)}?`,
      confirmLabel: 'Estornar',
      danger: true,
    });
    if (!ok) return;
    refund.mutate(
      { id: accountId, paymentId: p.id },
      {
        onSuccess: () => toast.show('Pagamento estornado.'),
        onError: (error) => toast.show(errorMessage(error), 'error'),
      },
    );
  };
  return (
    <>
      <Table label="Pagamentos">
        <thead className="bg-slate-50">
          <tr>
            <th className={th}>Data</th>
            <th className={th}>Forma</th>
            <th className={`${th} text-right`}>Valor</th>
            {withFees && <th className={`${th} hidden text-right sm:table-cell`}>Taxa</th>}
            <th className={th}>
              <span className="sr-only">Ações</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {payments.map((p) => {
            const refunded = p.status === 'CANCELLED';
            return (
              <tr key={p.id} data-testid="payment-row" className={refunded ? 'text-slate-500' : ''}>
                <td className={`${td} whitespace-nowrap`}>
                  {formatDateTime(p.paid_at)}
                  {p.created_by_name && (
                    <span className="block text-xs text-slate-500">{p.created_by_name}</span>
                  )}
                </td>
                <td className={td}>
                  {methodText(p)}
                  {refunded && (
                    <Badge className="ml-1 bg-slate-200 text-slate-700">Estornado</Badge>
                  )}
                </td>
                <td className={`${money} ${refunded ? 'line-through' : ''}`}>
                  {formatMoney(p.amount)}
                </td>
                {withFees && (
                  <td className={`${money} hidden sm:table-cell`}>{formatMoney(p.fee)}</td>
                )}
                <td className={`${td} text-right`}>
                  {p.can.cancel && (
                    <button
                      type="button"
                      className="rounded px-2 py-1 text-xs font-medium text-red-700 hover:bg-red-50"
                      onClick={() => void onRefund(p)}
                    >
                      Estornar
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      {dialog}
    </>
  );
}
