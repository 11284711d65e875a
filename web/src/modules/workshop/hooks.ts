import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Query } from '@/lib/api/client';
import { useCreateMutation } from '@/lib/api/useCreateMutation';
import { gatewayKeys } from '@/modules/gateway/keys';
import { workshopApi } from './api';
import { workshopKeys } from './keys';
import { OPEN_STATUSES } from './status';
import type {
  CustomerInput,
  Id,
  ItemInput,
  ItemPatch,
  MotorcycleInput,
  OrderFilters,
  OrderInput,
  OrderPatch,
  OrderStatus,
  PartInput,
  StockMovementInput,
} from './types';

// ---- customers

export function useCustomers(params: Query, enabled = true) {
  return useQuery({
    queryKey: workshopKeys.customers.list(params),
    queryFn: () => workshopApi.customers.list(params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCustomer(id: Id | undefined) {
  return useQuery({
    queryKey: workshopKeys.customers.detail(id ?? ''),
    queryFn: () => workshopApi.customers.get(id as Id),
    enabled: id !== undefined && id !== '',
  });
}

/** Creates (no `id`, under an Idempotency-Key) or updates a customer. */
export function useSaveCustomer() {
  const qc = useQueryClient();
  return useCreateMutation(
    async ({ id, input }: { id?: Id; input: CustomerInput }, key) => {
      if (id !== undefined) {
        await workshopApi.customers.update(id, input);
        return { id, name: input.name };
      }
      return workshopApi.customers.create(input, key);
    },
    {
      onSuccess: () => {
        void qc.invalidateQueries({ queryKey: workshopKeys.customers.all });
        void qc.invalidateQueries({ queryKey: workshopKeys.orders.all });
      },
    },
  );
}

export function useDeactivateCustomer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: Id) => workshopApi.customers.deactivate(id),
    onSuccess: () => qc.invalidateQueries({ queryKey: workshopKeys.customers.all }),
  });
}

// ---- motorcycles

export function useMotos(params: Query, enabled = true) {
  return useQuery({
    queryKey: workshopKeys.motos.list(params),
    queryFn: () => workshopApi.motos.list(params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMoto(id: Id | undefined) {
  return useQuery({
    queryKey: workshopKeys.motos.detail(id ?? ''),
    queryFn: () => workshopApi.motos.get(id as Id),
    enabled: id !== undefined && id !== '',
  });
}

/** Creates (no `id`, under an Idempotency-Key) or updates a motorcycle. */
export function useSaveMoto() {
  const qc = useQueryClient();
  return useCreateMutation(
    async ({ id, input }: { id?: Id; input: MotorcycleInput }, key) => {
      if (id !== undefined) {
        await workshopApi.motos.update(id, input);
        return { id, plate: input.plate ?? null };
      }
      return workshopApi.motos.create(input, key);
    },
    {
      onSuccess: () => {
        void qc.invalidateQueries({ queryKey: workshopKeys.motos.all });
        void qc.invalidateQueries({ queryKey: workshopKeys.customers.all });
      },
    },
  );
}

export function useDeactivateMoto() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: Id) => workshopApi.motos.deactivate(id),
    onSuccess: () => qc.invalidateQueries({ queryKey: workshopKeys.motos.all }),
  });
}

// ---- parts

export function useParts(params: Query, enabled = true) {
  return useQuery({
    queryKey: workshopKeys.parts.list(params),
    queryFn: () => workshopApi.parts.list(params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePart(id: Id | undefined) {
  return useQuery({
    queryKey: workshopKeys.parts.detail(id ?? ''),
    queryFn: () => workshopApi.parts.get(id as Id),
    enabled: id !== undefined && id !== '',
  });
}

export function usePartMovements(id: Id | undefined) {
  return useQuery({
    queryKey: workshopKeys.parts.movements(id ?? ''),
    queryFn: () => workshopApi.parts.movements(id as Id),
    enabled: id !== undefined && id !== '',
  });
}

/**
 * Creates (no `id`, under an Idempotency-Key; the initial stock goes in the same request) or
 * updates a part.
 */
export function useSavePart() {
  const qc = useQueryClient();
  return useCreateMutation(
    async ({ id, input }: { id?: Id; input: PartInput }, key) => {
      if (id !== undefined) {
        await workshopApi.parts.update(id, input);
        return { id };
      }
      return workshopApi.parts.create(input, key);
    },
    { onSuccess: () => qc.invalidateQueries({ queryKey: workshopKeys.parts.all }) },
  );
}

export function useStockMovement() {
  const qc = useQueryClient();
  return useCreateMutation(
    ({ id, input }: { id: Id; input: StockMovementInput }, key) =>
      workshopApi.parts.move(id, input, key),
    { onSuccess: () => qc.invalidateQueries({ queryKey: workshopKeys.parts.all }) },
  );
}

export function useDeactivatePart() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: Id) => workshopApi.parts.deactivate(id),
    onSuccess: () => qc.invalidateQueries({ queryKey: workshopKeys.parts.all }),
  });
}

// ---- service orders

export function useOrders(filters: OrderFilters, enabled = true) {
  return useQuery({
    queryKey: workshopKeys.orders.list(filters),
    queryFn: () => workshopApi.orders.list(filters),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** How many orders of a customer are open (OPEN, IN_PROGRESS, WAITING_PARTS). */
export function useOpenOrderCount(customerId: Id, enabled = true) {
  return useQuery({
    queryKey: workshopKeys.orders.openCount(customerId),
    queryFn: async () => {
      const counts = await Promise.all(
        OPEN_STATUSES.map(
          async (status) =>
            (await workshopApi.orders.list({ customer_id: Number(customerId), status, limit: 1 }))
              .total,
        ),
      );
      return counts.reduce((a, b) => a + b, 0);
    },
    enabled,
  });
}

export function useOrder(id: Id | undefined) {
  return useQuery({
    queryKey: workshopKeys.orders.detail(id ?? ''),
    queryFn: () => workshopApi.orders.get(id as Id),
    enabled: id !== undefined && id !== '',
  });
}

function useInvalidateOrders() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: workshopKeys.orders.all });
    void qc.invalidateQueries({ queryKey: workshopKeys.motos.all });
    void qc.invalidateQueries({ queryKey: workshopKeys.parts.all });
    void qc.invalidateQueries({ queryKey: gatewayKeys.overview() });
  };
}

export function useCreateOrder() {
  const invalidate = useInvalidateOrders();
  return useCreateMutation((input: OrderInput, key) => workshopApi.orders.create(input, key), {
    onSuccess: invalidate,
  });
}

export function useUpdateOrder(id: Id) {
  const invalidate = useInvalidateOrders();
  return useMutation({
    mutationFn: (patch: OrderPatch) => workshopApi.orders.update(id, patch),
    onSuccess: invalidate,
  });
}

export function useSetOrderStatus() {
  const invalidate = useInvalidateOrders();
  return useMutation({
    mutationFn: ({ id, status }: { id: Id; status: OrderStatus }) =>
      workshopApi.orders.setStatus(id, status),
    onSettled: invalidate,
  });
}

export function useAddItem(orderId: Id) {
  const invalidate = useInvalidateOrders();
  return useCreateMutation(
    (input: ItemInput, key) => workshopApi.orders.addItem(orderId, input, key),
    { onSuccess: invalidate },
  );
}

export function useUpdateItem(orderId: Id) {
  const invalidate = useInvalidateOrders();
  return useMutation({
    mutationFn: ({ itemId, patch }: { itemId: Id; patch: ItemPatch }) =>
      workshopApi.orders.updateItem(orderId, itemId, patch),
    onSuccess: invalidate,
  });
}

export function useRemoveItem(orderId: Id) {
  const invalidate = useInvalidateOrders();
  return useMutation({
    mutationFn: (itemId: Id) => workshopApi.orders.removeItem(orderId, itemId),
    onSuccess: invalidate,
  });
}
