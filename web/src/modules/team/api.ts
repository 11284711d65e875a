import { api } from '@/lib/api/client';
import type { Query } from '@/lib/api/client';
import type {
  CommissionReport,
  Id,
  Interaction,
  InteractionInput,
  Staff,
  StaffFilters,
  StaffInput,
  StaffPatch,
  Task,
  TaskFilters,
  TaskInput,
  TaskPatch,
  TimelineEntry,
} from './types';

const T = '/teamcrm';

// Creates take the submission's Idempotency-Key (see useCreateMutation).
export const teamApi = {
  staff: {
    list: (filters: StaffFilters) => api.list<Staff>(`${T}/staff`, { ...filters }),
    get: (id: Id) => api.get<Staff>(`${T}/staff/${id}`),
    /** The caller's own staff record; 404 when their login is linked to none. */
    me: () => api.get<Staff>(`${T}/staff/me`),
    create: (input: StaffInput, key: string) => api.create<Staff>(`${T}/staff`, input, key),
    update: (id: Id, patch: StaffPatch) => api.patch<Staff>(`${T}/staff/${id}`, patch),
  },
  tasks: {
    list: (filters: TaskFilters) => api.list<Task>(`${T}/tasks`, { ...filters }),
    get: (id: Id) => api.get<Task>(`${T}/tasks/${id}`),
    create: (input: TaskInput, key: string) => api.create<Task>(`${T}/tasks`, input, key),
    update: (id: Id, patch: TaskPatch) => api.patch<Task>(`${T}/tasks/${id}`, patch),
  },
  interactions: {
    create: (input: InteractionInput, key: string) =>
      api.create<Interaction>(`${T}/interactions`, input, key),
  },
  timeline: (customerId: Id, query: Query) =>
    api.list<TimelineEntry>(`${T}/customers/${customerId}/timeline`, query),
  commissions: (start: string, end: string) =>
    api.get<CommissionReport>(`${T}/commissions`, { start, end }),
};
