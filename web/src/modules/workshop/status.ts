import type { OrderStatus } from './types';

// How statuses look. Which moves a user may make comes from the server, with each order
// (`allowed_transitions`).

export const ORDER_STATUSES: OrderStatus[] = [
  'OPEN',
  'IN_PROGRESS',
  'WAITING_PARTS',
  'COMPLETED',
  'CANCELLED',
];

/** The statuses the workshop calls "em aberto" (the overview's `open`). */
export const OPEN_STATUSES: OrderStatus[] = ['OPEN', 'IN_PROGRESS', 'WAITING_PARTS'];

export const STATUS_LABELS: Record<OrderStatus, string> = {
  OPEN: 'Aberta',
  IN_PROGRESS: 'Em andamento',
  WAITING_PARTS: 'Aguardando peças',
  COMPLETED: 'Concluída',
  CANCELLED: 'Cancelada',
};

export const STATUS_COLORS: Record<OrderStatus, string> = {
  OPEN: 'bg-sky-100 text-sky-800',
  IN_PROGRESS: 'bg-amber-100 text-amber-800',
  WAITING_PARTS: 'bg-purple-100 text-purple-800',
  COMPLETED: 'bg-green-100 text-green-800',
  CANCELLED: 'bg-slate-200 text-slate-700',
};

export const STATUS_DOTS: Record<OrderStatus, string> = {
  OPEN: 'bg-sky-500',
  IN_PROGRESS: 'bg-amber-500',
  WAITING_PARTS: 'bg-purple-500',
  COMPLETED: 'bg-green-600',
  CANCELLED: 'bg-slate-400',
};

const ACTIONS: Record<OrderStatus, string> = {
  OPEN: 'Reabrir',
  IN_PROGRESS: 'Iniciar serviço',
  WAITING_PARTS: 'Aguardar peças',
  COMPLETED: 'Concluir',
  CANCELLED: 'Cancelar OS',
};

/** Button text for moving an order from `from` to `to` (a completed order is reopened). */
export function moveLabel(from: OrderStatus, to: OrderStatus): string {
  if (from === 'COMPLETED' && to === 'IN_PROGRESS') return 'Reabrir OS';
  return ACTIONS[to];
}
