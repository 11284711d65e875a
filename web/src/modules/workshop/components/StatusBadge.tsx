import { Badge } from '@/ui/Card';
import { STATUS_COLORS, STATUS_LABELS } from '../status';
import type { OrderStatus } from '../types';

export function StatusBadge({ status }: { status: OrderStatus }) {
  return <Badge className={STATUS_COLORS[status]}>{STATUS_LABELS[status] ?? status}</Badge>;
}
