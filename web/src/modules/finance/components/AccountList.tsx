import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Plus } from 'lucide-react';
import { formatDate } from '@/lib/dates';
import { PAGE_SIZE } from '@/lib/hooks';
import { formatMoney } from '@/lib/money';
import { Button } from '@/ui/Button';
import { PageHeader } from '@/ui/Card';
import { cn } from '@/ui/cn';
import { Pagination } from '@/ui/Pagination';
import { EmptyState, ErrorState, Loading } from '@/ui/States';
import { Table, td, th } from '@/ui/Table';
import { detailPath, installmentText, partyName } from '../accounts';
import { useAccounts } from '../hooks';
import { CATEGORY_LABELS, KIND_TEXT, SOURCE_LABELS } from '../labels';
import type { Account, AccountKind } from '../types';
import { AccountFormDialog } from './AccountForm';
import { AccountStatusBadge, OverdueBadge } from './AccountBadges';
import { AccountFiltersBar, useAccountParams } from './AccountFiltersBar';

const money = `${td} whitespace-nowrap text-right`;

function origin(kind: AccountKind, account: Account): string {
  if ('category' in account) return CATEGORY_LABELS[account.category];
  if (kind === 'receivable' && 'source_type' in account) return SOURCE_LABELS[account.source_type];
  return '—';
}

/** Receivables or payables, by due date, with filters kept in the URL; overdue in red, said. */
export function AccountList({ kind }: { kind: AccountKind }) {
  const text = KIND_TEXT[kind];
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const params = useAccountParams(kind);
  const accounts = useAccounts(kind, { ...params.filters, limit: PAGE_SIZE });
  return (
    <div className="flex flex-col gap-3">
      <PageHeader
        title={text.title}
        actions={
          <Button icon={<Plus className="h-4 w-4" aria-hidden />} onClick={() => setCreating(true)}>
            Nova conta
          </Button>
        }
      />
      <AccountFiltersBar kind={kind} />
      {accounts.isPending ? (
        <Loading />
      ) : accounts.isError ? (
        <ErrorState error={accounts.error} onRetry={() => void accounts.refetch()} />
      ) : accounts.data.items.length === 0 ? (
        <EmptyState
          title="Nenhuma conta encontrada."
          description="Mude os filtros ou crie uma conta."
        />
      ) : (
        <>
          <Table label={text.title}>
            <thead className="bg-slate-50">
              <tr>
                <th className={th}>Vencimento</th>
                <th className={th}>{text.party}</th>
                <th className={`${th} hidden md:table-cell`}>
                  {kind === 'receivable' ? 'Origem' : 'Categoria'}
                </th>
                <th className={`${th} text-right`}>Valor</th>
                <th className={`${th} hidden text-right sm:table-cell`}>Em aberto</th>
                <th className={th}>Situação</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {accounts.data.items.map((a) => (
                <tr
                  key={a.id}
                  data-testid="account-row"
                  data-overdue={a.overdue || undefined}
                  className={cn('hover:bg-slate-50', a.overdue && 'bg-red-50/60')}
                >
                  <td
                    className={cn(
                      `${td} whitespace-nowrap`,
                      a.overdue && 'font-semibold text-red-700',
                    )}
                  >
                    {formatDate(a.due_date)}
                  </td>
                  <td className={td}>
                    <Link
                      to={detailPath(kind, a.id)}
                      className="font-medium text-primary underline"
                    >
                      {partyName(a)}
                    </Link>
                    {installmentText(a) && (
                      <span className="ml-1 text-xs text-slate-600">
                        parcela {installmentText(a)}
                      </span>
                    )}
                    {a.description && (
                      <span className="block text-xs text-slate-600">{a.description}</span>
                    )}
                  </td>
                  <td className={`${td} hidden md:table-cell`}>{origin(kind, a)}</td>
                  <td className={money}>{formatMoney(a.amount)}</td>
                  <td className={`${money} hidden sm:table-cell`}>{formatMoney(a.open_amount)}</td>
                  <td className={td}>
                    <div className="flex flex-wrap gap-1">
                      <AccountStatusBadge status={a.status} />
                      <OverdueBadge account={a} />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination
            total={accounts.data.total}
            limit={PAGE_SIZE}
            offset={params.offset}
            onChange={(offset) => params.update({ offset: offset > 0 ? String(offset) : null })}
          />
        </>
      )}
      <AccountFormDialog
        kind={kind}
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => navigate(detailPath(kind, id))}
      />
    </div>
  );
}
