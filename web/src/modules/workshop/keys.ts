import type { Id, OrderFilters } from './types';

type ListParams = Record<string, unknown>;

// Query-key factory for the workshop module. Invalidate `workshopKeys.orders.all` etc. after
// mutations.
export const workshopKeys = {
  all: ['workshop'] as const,
  customers: {
    all: ['workshop', 'customers'] as const,
    list: (params: ListParams) => ['workshop', 'customers', 'list', params] as const,
    detail: (id: Id) => ['workshop', 'customers', 'detail', String(id)] as const,
  },
  motos: {
    all: ['workshop', 'motos'] as const,
    list: (params: ListParams) => ['workshop', 'motos', 'list', params] as const,
    detail: (id: Id) => ['workshop', 'motos', 'detail', String(id)] as const,
  },
  parts: {
    all: ['workshop', 'parts'] as const,
    list: (params: ListParams) => ['workshop', 'parts', 'list', params] as const,
    detail: (id: Id) => ['workshop', 'parts', 'detail', String(id)] as const,
    movements: (id: Id) => ['workshop', 'parts', 'movements', String(id)] as const,
  },
  orders: {
    all: ['workshop', 'orders'] as const,
    list: (filters: OrderFilters) => ['workshop', 'orders', 'list', filters] as const,
    openCount: (customerId: Id) =>
      ['workshop', 'orders', 'open-count', String(customerId)] as const,
    detail: (id: Id) => ['workshop', 'orders', 'detail', String(id)] as const,
  },
};
