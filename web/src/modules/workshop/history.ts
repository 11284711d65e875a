import { formatMoney } from '@/lib/money';
import type { OrderChange, OrderHistoryEntry, ServiceOrderDetail } from './types';

/** One line of an order's history: a status move or a change (price, discount, mechanic). */
export type HistoryEvent =
  | { kind: 'status'; at: string; entry: OrderHistoryEntry }
  | { kind: 'change'; at: string; change: OrderChange };

/** Status moves and changes together, oldest first (each list is already in order). */
export function historyEvents(
  order: Pick<ServiceOrderDetail, 'history' | 'changes'>,
): HistoryEvent[] {
  const events: HistoryEvent[] = [
    ...order.history.map((entry) => ({ kind: 'status' as const, at: entry.at, entry })),
    ...(order.changes ?? []).map((change) => ({ kind: 'change' as const, at: change.at, change })),
  ];
  const time = (at: string) => {
    const t = Date.parse(at);
    return Number.isNaN(t) ? 0 : t;
  };
  // A stable sort: what happened at the same instant keeps its list's order.
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => time(a.e.at) - time(b.e.at) || a.i - b.i)
    .map(({ e }) => e);
}

/** A change as a person reads it: what changed, from → to. */
export function changeText(change: OrderChange): string {
  switch (change.kind) {
    case 'item_price':
      return `Preço de “${change.description ?? 'item'}”: ${formatMoney(change.from)} → ${formatMoney(change.to)}`;
    case 'discount':
      return `Desconto: ${formatMoney(change.from)} → ${formatMoney(change.to)}`;
    case 'mechanic':
      return `Mecânico: ${change.from_staff_name ?? 'nenhum'} → ${change.to_staff_name ?? 'nenhum'}`;
    default:
      return change.description ?? '';
  }
}
