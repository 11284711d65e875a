import type { AccountFilters, AccountKind, Id, PaymentFilters } from './types';

// Query-key factory for the finance module. A payment moves accounts, the cash register, the
// cash flow and the reports: `financeKeys.all` is invalidated after every money mutation.
export const financeKeys = {
  all: ['finance'] as const,
  accounts: {
    all: (kind: AccountKind) => ['finance', kind] as const,
    list: (kind: AccountKind, filters: AccountFilters) =>
      ['finance', kind, 'list', filters] as const,
    detail: (kind: AccountKind, id: Id) => ['finance', kind, 'detail', String(id)] as const,
  },
  pix: (receivableId: Id) => ['finance', 'pix', String(receivableId)] as const,
  payments: (filters: PaymentFilters) => ['finance', 'payments', filters] as const,
  cashflow: (start: string, end: string) => ['finance', 'cashflow', start, end] as const,
  report: (start: string, end: string) => ['finance', 'report', start, end] as const,
  registers: {
    list: (params: Record<string, unknown>) => ['finance', 'registers', 'list', params] as const,
    current: () => ['finance', 'registers', 'current'] as const,
    detail: (id: Id) => ['finance', 'registers', 'detail', String(id)] as const,
  },
  settings: () => ['finance', 'settings'] as const,
};
