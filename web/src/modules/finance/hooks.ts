import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/api/errors';
import { useCreateMutation } from '@/lib/api/useCreateMutation';
import { gatewayKeys } from '@/modules/gateway/keys';
import { financeApi } from './api';
import { financeKeys } from './keys';
import type {
  AccountFilters,
  AccountKind,
  CashMovementInput,
  CashRegisterDetail,
  FinanceSettingsUpdate,
  Id,
  PayableInput,
  PaymentFilters,
  PaymentInput,
  Receivable,
  ReceivableInput,
} from './types';

/** After money moved: every finance read and the overview's figures are read again. */
function useInvalidateFinance() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: financeKeys.all }),
      qc.invalidateQueries({ queryKey: gatewayKeys.overview() }),
    ]);
}

// ---- receivables and payables

export function useAccounts(kind: AccountKind, filters: AccountFilters, enabled = true) {
  return useQuery({
    queryKey: financeKeys.accounts.list(kind, filters),
    queryFn: () => financeApi.accounts.list(kind, filters),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAccount(kind: AccountKind, id: Id | undefined) {
  return useQuery({
    queryKey: financeKeys.accounts.detail(kind, id ?? ''),
    queryFn: () => financeApi.accounts.get(kind, id as Id),
    enabled: id !== undefined && id !== '',
  });
}

/** The receivables of a service order (its installments, or a cancelled one before). */
export function useOrderReceivables(orderId: Id, enabled = true) {
  const filters: AccountFilters = { source_type: 'OS', source_id: Number(orderId) };
  return useQuery({
    queryKey: financeKeys.accounts.list('receivable', filters),
    queryFn: () => financeApi.accounts.list<Receivable>('receivable', filters),
    enabled,
  });
}

export function useCreateAccount(kind: AccountKind) {
  const invalidate = useInvalidateFinance();
  return useCreateMutation(
    (input: ReceivableInput | PayableInput, key) => financeApi.accounts.create(kind, input, key),
    { onSuccess: invalidate },
  );
}

export function useCancelAccount(kind: AccountKind) {
  const invalidate = useInvalidateFinance();
  return useMutation({
    mutationFn: (id: Id) => financeApi.accounts.cancel(kind, id),
    onSuccess: invalidate,
  });
}

/** Records one payment (a row of its own) under the submission's Idempotency-Key. */
export function usePayAccount(kind: AccountKind) {
  const invalidate = useInvalidateFinance();
  return useCreateMutation(
    ({ id, input }: { id: Id; input: PaymentInput }, key) =>
      financeApi.accounts.pay(kind, id, input, key),
    { onSettled: invalidate },
  );
}

export function useRefundPayment(kind: AccountKind) {
  const invalidate = useInvalidateFinance();
  return useMutation({
    mutationFn: ({ id, paymentId }: { id: Id; paymentId: Id }) =>
      financeApi.accounts.refund(kind, id, paymentId),
    onSuccess: invalidate,
  });
}

/** The PIX code of a receivable's open amount; null when the workshop has no PIX set (409). */
export function usePix(receivableId: Id, enabled = true) {
  return useQuery({
    queryKey: financeKeys.pix(receivableId),
    queryFn: async () => {
      try {
        return await financeApi.pix(receivableId);
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) return null;
        throw error;
      }
    },
    enabled,
  });
}

export function usePayments(filters: PaymentFilters, enabled = true) {
  return useQuery({
    queryKey: financeKeys.payments(filters),
    queryFn: () => financeApi.payments(filters),
    enabled,
  });
}

// ---- cash flow and reports

export function useCashFlow(start: string, end: string, enabled = true) {
  return useQuery({
    queryKey: financeKeys.cashflow(start, end),
    queryFn: () => financeApi.cashflow(start, end),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useFinanceReport(start: string, end: string, enabled = true) {
  return useQuery({
    queryKey: financeKeys.report(start, end),
    queryFn: () => financeApi.report(start, end),
    placeholderData: keepPreviousData,
    enabled,
  });
}

// ---- cash register

/** The open register, or null when none is open (the server's 404). */
export function useCurrentRegister() {
  return useQuery({
    queryKey: financeKeys.registers.current(),
    queryFn: async (): Promise<CashRegisterDetail | null> => {
      try {
        return await financeApi.registers.current();
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

export function useRegister(id: Id | undefined) {
  return useQuery({
    queryKey: financeKeys.registers.detail(id ?? ''),
    queryFn: () => financeApi.registers.get(id as Id),
    enabled: id !== undefined && id !== '',
  });
}

export function useRegisters(params: { limit: number; offset: number }) {
  return useQuery({
    queryKey: financeKeys.registers.list(params),
    queryFn: () => financeApi.registers.list(params),
    placeholderData: keepPreviousData,
  });
}

export function useOpenRegister() {
  const invalidate = useInvalidateFinance();
  return useCreateMutation(
    (input: { opening_balance: string; notes?: string }, key) =>
      financeApi.registers.open(input, key),
    { onSuccess: invalidate },
  );
}

export function useCashMovement(registerId: Id) {
  const invalidate = useInvalidateFinance();
  return useCreateMutation(
    (input: CashMovementInput, key) => financeApi.registers.movement(registerId, input, key),
    { onSuccess: invalidate },
  );
}

export function useCloseRegister(registerId: Id) {
  const invalidate = useInvalidateFinance();
  return useMutation({
    mutationFn: (input: { counted_amount: string; notes?: string }) =>
      financeApi.registers.close(registerId, input),
    onSuccess: invalidate,
  });
}

// ---- settings

export function useFinanceSettings(enabled = true) {
  return useQuery({
    queryKey: financeKeys.settings(),
    queryFn: financeApi.settings.get,
    enabled,
  });
}

export function useUpdateFinanceSettings() {
  const invalidate = useInvalidateFinance();
  return useMutation({
    mutationFn: (patch: FinanceSettingsUpdate) => financeApi.settings.update(patch),
    onSuccess: invalidate,
  });
}
