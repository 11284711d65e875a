import type { Id, StaffFilters, TaskFilters } from './types';

// Query-key factory for the team module. Invalidate `teamKeys.tasks.all` etc. after mutations.
export const teamKeys = {
  all: ['team'] as const,
  staff: {
    all: ['team', 'staff'] as const,
    list: (filters: StaffFilters) => ['team', 'staff', 'list', filters] as const,
    me: () => ['team', 'staff', 'me'] as const,
  },
  tasks: {
    all: ['team', 'tasks'] as const,
    list: (filters: TaskFilters) => ['team', 'tasks', 'list', filters] as const,
  },
  timeline: {
    all: ['team', 'timeline'] as const,
    customer: (customerId: Id, params: Record<string, unknown>) =>
      ['team', 'timeline', String(customerId), params] as const,
  },
  commissions: (start: string, end: string) => ['team', 'commissions', start, end] as const,
};
