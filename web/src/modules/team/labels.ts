import type { Channel, Direction, TaskPriority, TaskStatus } from './types';

// How tasks, priorities and channels read and look. Who may do what comes from the server
// (each task's `can`, the user's `can`).

export const TASK_STATUSES: TaskStatus[] = ['OPEN', 'IN_PROGRESS', 'WAITING', 'DONE', 'CANCELLED'];

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  OPEN: 'A fazer',
  IN_PROGRESS: 'Em andamento',
  WAITING: 'Aguardando',
  DONE: 'Concluída',
  CANCELLED: 'Cancelada',
};

export const TASK_STATUS_COLORS: Record<TaskStatus, string> = {
  OPEN: 'bg-sky-100 text-sky-800',
  IN_PROGRESS: 'bg-amber-100 text-amber-800',
  WAITING: 'bg-purple-100 text-purple-800',
  DONE: 'bg-green-100 text-green-800',
  CANCELLED: 'bg-slate-200 text-slate-700',
};

export const TASK_STATUS_DOTS: Record<TaskStatus, string> = {
  OPEN: 'bg-sky-500',
  IN_PROGRESS: 'bg-amber-500',
  WAITING: 'bg-purple-500',
  DONE: 'bg-green-600',
  CANCELLED: 'bg-slate-400',
};

export const PRIORITIES: TaskPriority[] = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];

export const PRIORITY_LABELS: Record<TaskPriority, string> = {
  LOW: 'Baixa',
  NORMAL: 'Normal',
  HIGH: 'Alta',
  URGENT: 'Urgente',
};

export const PRIORITY_COLORS: Record<TaskPriority, string> = {
  LOW: 'bg-slate-100 text-slate-700',
  NORMAL: 'bg-sky-100 text-sky-800',
  HIGH: 'bg-orange-100 text-orange-800',
  URGENT: 'bg-red-100 text-red-800',
};

/** In the order a front desk uses them most: the first three are the quick ones. */
export const CHANNELS: Channel[] = ['PHONE', 'IN_PERSON', 'WHATSAPP', 'EMAIL', 'TELEGRAM', 'OTHER'];

export const CHANNEL_LABELS: Record<Channel, string> = {
  PHONE: 'Ligação',
  IN_PERSON: 'Visita',
  WHATSAPP: 'WhatsApp',
  EMAIL: 'E-mail',
  TELEGRAM: 'Telegram',
  OTHER: 'Outro',
};

export const DIRECTION_LABELS: Record<Direction, string> = {
  OUT: 'Feito pela oficina',
  IN: 'Feito pelo cliente',
};
