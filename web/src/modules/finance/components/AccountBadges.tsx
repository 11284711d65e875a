import { AlertTriangle } from 'lucide-react';
import { Badge } from '@/ui/Card';
import { overdueText } from '../accounts';
import { ACCOUNT_STATUS_COLORS, ACCOUNT_STATUS_LABELS } from '../labels';
import type { Account, AccountStatus } from '../types';

export function AccountStatusBadge({ status }: { status: AccountStatus }) {
  return <Badge className={ACCOUNT_STATUS_COLORS[status]}>{ACCOUNT_STATUS_LABELS[status]}</Badge>;
}

/** "Vencida há N dias" in red with an icon: overdue is said, not only coloured. */
export function OverdueBadge({ account }: { account: Account }) {
  const text = overdueText(account);
  if (!text) return null;
  return (
    <Badge className="gap-1 bg-red-100 text-red-800">
      <AlertTriangle className="h-3 w-3" aria-hidden />
      <span data-testid="overdue">{text}</span>
    </Badge>
  );
}
