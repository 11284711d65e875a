import { api } from '@/lib/api/client';
import type {
  AccountCancelled,
  AccountCreated,
  AccountDetail,
  AccountFilters,
  AccountKind,
  Account,
  CashFlow,
  CashMovementCreated,
  CashMovementInput,
  CashRegister,
  CashRegisterClose,
  CashRegisterDetail,
  CashRegisterOpen,
  FinanceReport,
  FinanceSettings,
  FinanceSettingsUpdate,
  Id,
  PayableInput,
  Payment,
  PaymentFilters,
  PaymentInput,
  PixCode,
  ReceivableInput,
  ReceivablePaymentResult,
  PayablePaymentResult,
} from './types';

const F = '/financial';

/** Where a kind of account lives: /financial/receivables or /financial/payables. */
export const accountPath = (kind: AccountKind) =>
  `${F}/${kind === 'receivable' ? 'receivables' : 'payables'}`;

// Creates take the submission's Idempotency-Key (see useCreateMutation); a payment is a
// create too (each payment is its own row).
export const financeApi = {
  accounts: {
    /** `A`: the kind's own row type (Receivable, Payable) where the caller knows it. */
    list: <A extends Account = Account>(kind: AccountKind, filters: AccountFilters) =>
      api.list<A>(accountPath(kind), { ...filters }),
    get: (kind: AccountKind, id: Id) => api.get<AccountDetail>(`${accountPath(kind)}/${id}`),
    create: (kind: AccountKind, input: ReceivableInput | PayableInput, key: string) =>
      api.create<AccountCreated>(accountPath(kind), input, key),
    cancel: (kind: AccountKind, id: Id) =>
      api.delete<AccountCancelled>(`${accountPath(kind)}/${id}`),
    pay: (kind: AccountKind, id: Id, input: PaymentInput, key: string) =>
      api.create<ReceivablePaymentResult | PayablePaymentResult>(
        `${accountPath(kind)}/${id}/pay`,
        input,
        key,
      ),
    refund: (kind: AccountKind, id: Id, paymentId: Id) =>
      api.delete<unknown>(`${accountPath(kind)}/${id}/payments/${paymentId}`),
  },
  pix: (receivableId: Id) => api.get<PixCode>(`${F}/receivables/${receivableId}/pix`),
  payments: (filters: PaymentFilters) => api.list<Payment>(`${F}/payments`, { ...filters }),
  cashflow: (start: string, end: string) =>
    api.get<CashFlow>(`${F}/cashflow/summary`, { start, end }),
  report: (start: string, end: string) =>
    api.get<FinanceReport>(`${F}/reports/summary`, { start, end }),
  registers: {
    list: (query: { limit?: number; offset?: number }) =>
      api.list<CashRegister>(`${F}/cash-registers`, query),
    current: () => api.get<CashRegisterDetail>(`${F}/cash-registers/current`),
    get: (id: Id) => api.get<CashRegisterDetail>(`${F}/cash-registers/${id}`),
    open: (input: CashRegisterOpen, key: string) =>
      api.create<CashRegisterDetail>(`${F}/cash-registers`, input, key),
    movement: (id: Id, input: CashMovementInput, key: string) =>
      api.create<CashMovementCreated>(`${F}/cash-registers/${id}/movements`, input, key),
    close: (id: Id, input: CashRegisterClose) =>
      api.post<CashRegisterDetail>(`${F}/cash-registers/${id}/close`, input),
  },
  settings: {
    get: () => api.get<FinanceSettings>(`${F}/settings`),
    update: (patch: FinanceSettingsUpdate) => api.patch<FinanceSettings>(`${F}/settings`, patch),
  },
};
