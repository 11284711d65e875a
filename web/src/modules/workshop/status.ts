import type { Role } from '@/modules/identity/types';
import type { OrderStatus } from './types';

export const ORDER_STATUSES: OrderStatus[] = [
  'OPEN',
  'IN_PROGRESS',
  'WAITING_PARTS',
  'COMPLETED',
  'CANCELLED',
];

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

/** Button text for moving an order to a status. */
export const STATUS_ACTIONS: Record<OrderStatus, string> = {
  OPEN: 'Reabrir',
  IN_PROGRESS: 'Iniciar serviço',
  WAITING_PARTS: 'Aguardar peças',
  COMPLETED: 'Concluir',
  CANCELLED: 'Cancelar OS',
};

const TRANSITIONS: Record<OrderStatus, OrderStatus[]> = {
  OPEN: ['IN_PROGRESS', 'WAITING_PARTS', 'COMPLETED', 'CANCELLED'],
  IN_PROGRESS: ['WAITING_PARTS', 'COMPLETED', 'CANCELLED'],
  WAITING_PARTS: ['IN_PROGRESS', 'COMPLETED', 'CANCELLED'],
  COMPLETED: ['IN_PROGRESS'],
  CANCELLED: [],
};

/** Whether the server's state machine allows the move (API.md §3). */
export function isTransitionAllowed(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Moves the role may make from a status (role table of API.md §2). */
export function allowedTransitions(from: OrderStatus, role: Role | undefined): OrderStatus[] {
  if (!role) return [];
  return TRANSITIONS[from].filter((to) => {
    if (role === 'OWNER' || role === 'MANAGER') return true;
    if (to === 'CANCELLED') return false;
    if (from === 'COMPLETED') return false; // reopen: OWNER/MANAGER
    if (role === 'MECHANIC') return ['IN_PROGRESS', 'WAITING_PARTS', 'COMPLETED'].includes(to);
    return true;
  });
}

export function isClosed(status: OrderStatus): boolean {
  return status === 'COMPLETED' || status === 'CANCELLED';
}

export const STATUS_DOTS: Record<OrderStatus, string> = {
  OPEN: 'bg-sky-500',
  IN_PROGRESS: 'bg-amber-500',
  WAITING_PARTS: 'bg-purple-500',
  COMPLETED: 'bg-green-600',
  CANCELLED: 'bg-slate-400',
};
