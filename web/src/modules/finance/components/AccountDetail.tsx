import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ArrowLeft, Ban, HandCoins } from 'lucide-react';
import { ApiError, errorMessage } from '@/lib/api/errors';
import { formatDate } from '@/lib/dates';
import { formatMoney } from '@/lib/money';
import { Button } from '@/ui/Button';
import { Card } from '@/ui/Card';
import { useConfirm } from '@/ui/Confirm';
import { InfoGrid, InfoItem } from '@/ui/InfoGrid';
import { Alert, EmptyState, ErrorState, Loading } from '@/ui/States';
import { useToast } from '@/ui/Toast';
import { installmentText, partyName, settledAmount } from '../accounts';
import { useAccount, useCancelAccount } from '../hooks';
import { CATEGORY_LABELS, KIND_TEXT, SOURCE_LABELS } from '../labels';
import type { AccountDetail as Detail, AccountKind } from '../types';
import { AccountStatusBadge, OverdueBadge } from './AccountBadges';
import { PayDialog } from './PayDialog';
import { PaymentsTable } from './PaymentsTable';
import { PixPanel } from './PixPanel';

/** Amount, what was settled and the open balance: the figures an account is about. */
export function AccountAmounts({ kind, account }: { kind: AccountKind; account: Detail }) {
  return (
    <dl className="grid grid-cols-3 gap-2 text-sm" data-testid="account-amounts">
      <div>
        <dt className="text-slate-500">Valor</dt>
        <dd className="font-medium" data-testid="account-amount">
          {formatMoney(account.amount)}
        </dd>
      </div>
      <div>
        <dt className="text-slate-500">{KIND_TEXT[kind].settled}</dt>
        <dd className="font-medium" data-testid="account-settled">
          {formatMoney(settledAmount(account))}
        </dd>
      </div>
      <div>
        <dt className="text-slate-500">Saldo em aberto</dt>
        <dd className="font-semibold" data-testid="account-open">
          {formatMoney(account.open_amount)}
        </dd>
      </div>
    </dl>
  );
}

function Actions({ kind, account }: { kind: AccountKind; account: Detail }) {
  const [paying, setPaying] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const cancel = useCancelAccount(kind);
  const toast = useToast();
  const [confirm, dialog] = useConfirm();
  const onCancel = async () => {
    const ok = await confirm({
      title: 'Cancelar conta?',
      message: `Cancelar a conta de ${partyName(account)} de ${formatMoney(account.amount)}?`,
      confirmLabel: 'Cancelar conta',
      danger: true,
    });
    if (!ok) return;
    setRefusal(null);
    cancel.mutate(account.id, {
      onSuccess: () => toast.show('Conta cancelada.'),
      // A conflict (payments recorded meanwhile) says why, in the server's words.
      onError: (error) => setRefusal(errorMessage(error)),
    });
  };
  if (!account.can.pay && !account.can.cancel) return null;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {account.can.pay && (
          <Button
            icon={<HandCoins className="h-4 w-4" aria-hidden />}
            onClick={() => setPaying(true)}
          >
            {KIND_TEXT[kind].payVerb}
          </Button>
        )}
        {account.can.cancel && (
          <Button
            variant="danger"
            icon={<Ban className="h-4 w-4" aria-hidden />}
            loading={cancel.isPending}
            onClick={() => void onCancel()}
          >
            Cancelar conta
          </Button>
        )}
      </div>
      {refusal && <Alert>{refusal}</Alert>}
      <PayDialog kind={kind} account={account} open={paying} onClose={() => setPaying(false)} />
      {dialog}
    </div>
  );
}

function DetailBody({ kind, account }: { kind: AccountKind; account: Detail }) {
  const text = KIND_TEXT[kind];
  const installment = installmentText(account);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-semibold text-slate-900">{partyName(account)}</h1>
        <span data-testid="account-status">
          <AccountStatusBadge status={account.status} />
        </span>
        <OverdueBadge account={account} />
      </div>
      <Actions kind={kind} account={account} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-4 lg:col-span-2">
          <Card title={text.one}>
            <AccountAmounts kind={kind} account={account} />
            <div className="mt-4">
              <InfoGrid>
                <InfoItem label="Vencimento">
                  <span className={account.overdue ? 'font-semibold text-red-700' : undefined}>
                    {formatDate(account.due_date)}
                  </span>
                </InfoItem>
                <InfoItem label="Emissão">{formatDate(account.issue_date)}</InfoItem>
                {'category' in account && (
                  <InfoItem label="Categoria">{CATEGORY_LABELS[account.category]}</InfoItem>
                )}
                {'source_type' in account && (
                  <InfoItem label="Origem">
                    {account.source_type === 'OS' && account.source_id != null ? (
                      <Link to={`/os/${account.source_id}`} className="text-primary underline">
                        {account.description || 'Ordem de serviço'}
                      </Link>
                    ) : (
                      SOURCE_LABELS[account.source_type]
                    )}
                  </InfoItem>
                )}
                {installment && <InfoItem label="Parcela">{installment}</InfoItem>}
                <InfoItem label="Descrição" wide>
                  {account.description || '—'}
                </InfoItem>
                {account.notes && (
                  <InfoItem label="Observações" wide valueClassName="whitespace-pre-line">
                    {account.notes}
                  </InfoItem>
                )}
              </InfoGrid>
            </div>
          </Card>
          <Card title="Pagamentos">
            <PaymentsTable kind={kind} accountId={account.id} payments={account.payments} />
          </Card>
        </div>
        {'pix' in account.can && account.can.pix && (
          <div className="flex min-w-0 flex-col gap-4">
            <Card title="PIX">
              <PixPanel receivableId={account.id} />
            </Card>
          </div>
        )}
      </div>
    </div>
  );
}

/** One receivable or payable: amounts, payments, pay and cancel; a receivable's PIX. */
export function AccountDetail({ kind, id }: { kind: AccountKind; id: string | undefined }) {
  const account = useAccount(kind, id);
  const text = KIND_TEXT[kind];
  return (
    <div className="flex flex-col gap-3">
      <Link
        to={text.path}
        className="inline-flex items-center gap-1 self-start text-sm text-primary underline"
      >
        <ArrowLeft className="h-4 w-4" aria-hidden /> {text.title}
      </Link>
      {account.isPending ? (
        <Loading />
      ) : account.isError ? (
        account.error instanceof ApiError && account.error.status === 404 ? (
          <EmptyState title="Conta não encontrada." />
        ) : (
          <ErrorState error={account.error} onRetry={() => void account.refetch()} />
        )
      ) : (
        <DetailBody kind={kind} account={account.data} />
      )}
    </div>
  );
}
