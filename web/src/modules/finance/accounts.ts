import type { Account, AccountKind } from './types';

/** What was received (a receivable) or paid (a payable) so far. */
export function settledAmount(account: Account): number {
  return 'received_amount' in account ? account.received_amount : account.paid_amount;
}

/** The customer of a receivable or the supplier of a payable. */
export function partyName(account: Account): string {
  if ('supplier_name' in account) return account.supplier_name;
  return account.customer_name || '—';
}

/** "2/3" for an installment of a group; null for a single account. */
export function installmentText(account: Account): string | null {
  if (account.installment_count <= 1) return null;
  return `${account.installment_number}/${account.installment_count}`;
}

/** "Vencida há 1 dia", "Vencida há 12 dias": said in words, not only in red. */
export function overdueText(account: Account): string | null {
  if (!account.overdue) return null;
  const days = account.days_overdue;
  return days <= 0 ? 'Vencida' : `Vencida há ${days} ${days === 1 ? 'dia' : 'dias'}`;
}

export function detailPath(kind: AccountKind, id: number | string): string {
  return `${kind === 'receivable' ? '/financeiro/receber' : '/financeiro/pagar'}/${id}`;
}
