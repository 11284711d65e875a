import { useState } from 'react';
import { Link } from 'react-router-dom';
import { HandCoins, Wallet } from 'lucide-react';
import { formatDate } from '@/lib/dates';
import { formatCents, toCents } from '@/lib/money';
import { Button } from '@/ui/Button';
import { Card } from '@/ui/Card';
import { ErrorState, Loading } from '@/ui/States';
import { detailPath, installmentText } from '../accounts';
import { useAccount, useOrderReceivables, usePix } from '../hooks';
import type { Receivable, ReceivableDetail } from '../types';
import { AccountAmounts } from './AccountDetail';
import { AccountStatusBadge, OverdueBadge } from './AccountBadges';
import { PayDialog } from './PayDialog';
import { PaymentsTable } from './PaymentsTable';
import { PixQr } from './PixPanel';

interface OrderRef {
  id: number;
  number: number;
  status: string;
  total_amount: number;
}

/** The order's receivables that stand (a cancelled one is history, not what is owed). */
function live(rows: Receivable[] | undefined): Receivable[] {
  return (rows ?? []).filter((r) => r.status !== 'CANCELLED');
}

/** What is still owed on an order: its receivables' open amounts, else its total. */
export function amountDueCents(order: OrderRef, receivables: Receivable[]): number {
  const rows = live(receivables);
  if (rows.length === 0) return order.status === 'CANCELLED' ? 0 : toCents(order.total_amount);
  return rows.reduce((sum, r) => sum + toCents(r.open_amount), 0);
}

function OneReceivable({ receivable }: { receivable: ReceivableDetail }) {
  const [paying, setPaying] = useState(false);
  return (
    <div className="flex flex-col gap-3" data-testid="order-receivable">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap items-center gap-1">
          <Link
            to={detailPath('receivable', receivable.id)}
            className="text-sm font-medium text-primary underline"
          >
            Vence em {formatDate(receivable.due_date)}
            {installmentText(receivable) ? ` · parcela ${installmentText(receivable)}` : ''}
          </Link>
          <AccountStatusBadge status={receivable.status} />
          <OverdueBadge account={receivable} />
        </div>
        {receivable.can.pay && (
          <Button
            size="sm"
            icon={<HandCoins className="h-4 w-4" aria-hidden />}
            onClick={() => setPaying(true)}
          >
            Receber
          </Button>
        )}
      </div>
      <AccountAmounts kind="receivable" account={receivable} />
      <PaymentsTable kind="receivable" accountId={receivable.id} payments={receivable.payments} />
      <PayDialog
        kind="receivable"
        account={receivable}
        open={paying}
        onClose={() => setPaying(false)}
      />
    </div>
  );
}

function ReceivableById({ id }: { id: number }) {
  const detail = useAccount('receivable', id);
  if (detail.isPending) return <Loading />;
  if (detail.isError)
    return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  return <OneReceivable receivable={detail.data as ReceivableDetail} />;
}

/** The order's receivable(s) on its page: amounts, payments, balance and "Receber". */
export function OrderReceivableCard({ order }: { order: OrderRef }) {
  const receivables = useOrderReceivables(order.id);
  const rows = live(receivables.data?.items);
  return (
    <Card
      title={
        <span className="flex items-center gap-2">
          <Wallet className="h-4 w-4" aria-hidden /> Conta a receber
        </span>
      }
    >
      {receivables.isPending ? (
        <Loading />
      ) : receivables.isError ? (
        <ErrorState error={receivables.error} onRetry={() => void receivables.refetch()} />
      ) : rows.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="order-no-receivable">
          {order.status === 'CANCELLED'
            ? 'OS cancelada: nada a receber.'
            : 'A conta a receber é criada ao concluir a OS.'}
        </p>
      ) : (
        <div className="flex flex-col gap-4 divide-y divide-slate-100">
          {rows.map((r) => (
            <ReceivableById key={r.id} id={r.id} />
          ))}
        </div>
      )}
    </Card>
  );
}

function PrintPix({ receivable }: { receivable: Receivable }) {
  const pix = usePix(receivable.id, receivable.can.pix);
  if (!pix.data) return null;
  return (
    <div className="flex items-center gap-3">
      <PixQr pix={pix.data} size={128} />
      <p className="text-[10pt]">
        Pague com PIX: aponte a câmera do app do banco para o QR Code.
        <span className="block break-all font-mono text-[8pt]">{pix.data.brcode}</span>
      </p>
    </div>
  );
}

/** On the printed order: what is due and, when PIX is set up, the QR to pay it. */
export function OrderAmountDue({ order }: { order: OrderRef }) {
  const receivables = useOrderReceivables(order.id);
  if (!receivables.data) return null;
  const rows = live(receivables.data.items);
  const due = amountDueCents(order, rows);
  const payable = rows.find((r) => r.can.pix);
  return (
    <section
      className="mt-4 flex flex-col gap-2 border-t border-black pt-2"
      data-testid="print-amount-due"
    >
      <p className="text-lg font-bold">Valor a pagar: {formatCents(due)}</p>
      {payable && <PrintPix receivable={payable} />}
    </section>
  );
}
