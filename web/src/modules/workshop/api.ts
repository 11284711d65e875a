import { api } from '@/lib/api/client';
import type { Query } from '@/lib/api/client';
import type {
  Customer,
  CustomerCreated,
  CustomerDetail,
  CustomerInput,
  Id,
  ItemCreated,
  ItemInput,
  ItemPatch,
  Motorcycle,
  MotorcycleCreated,
  MotorcycleDetail,
  MotorcycleInput,
  OrderCreated,
  OrderFilters,
  OrderInput,
  OrderPatch,
  OrderStatus,
  Part,
  PartInput,
  ServiceOrder,
  ServiceOrderDetail,
  StatusChanged,
  StockMovement,
  StockMovementInput,
  StockMovementResult,
} from './types';

const M = '/management';

// Creates take the submission's Idempotency-Key (see useCreateMutation).
export const workshopApi = {
  customers: {
    list: (query: Query) => api.list<Customer>(`${M}/customers`, query),
    get: (id: Id) => api.get<CustomerDetail>(`${M}/customers/${id}`),
    create: (input: CustomerInput, key: string) =>
      api.create<CustomerCreated>(`${M}/customers`, input, key),
    update: (id: Id, input: Partial<CustomerInput>) =>
      api.patch<Customer>(`${M}/customers/${id}`, input),
    deactivate: (id: Id) => api.delete<unknown>(`${M}/customers/${id}`),
  },
  motos: {
    list: (query: Query) => api.list<Motorcycle>(`${M}/motos`, query),
    get: (id: Id) => api.get<MotorcycleDetail>(`${M}/motos/${id}`),
    create: (input: MotorcycleInput, key: string) =>
      api.create<MotorcycleCreated>(`${M}/motos`, input, key),
    update: (id: Id, input: Partial<MotorcycleInput>) =>
      api.patch<Motorcycle>(`${M}/motos/${id}`, input),
    deactivate: (id: Id) => api.delete<unknown>(`${M}/motos/${id}`),
  },
  parts: {
    list: (query: Query) => api.list<Part>(`${M}/parts`, query),
    get: (id: Id) => api.get<Part>(`${M}/parts/${id}`),
    create: (input: PartInput, key: string) => api.create<Part>(`${M}/parts`, input, key),
    update: (id: Id, input: Partial<PartInput>) => api.patch<Part>(`${M}/parts/${id}`, input),
    deactivate: (id: Id) => api.delete<unknown>(`${M}/parts/${id}`),
    move: (id: Id, input: StockMovementInput, key: string) =>
      api.create<StockMovementResult>(`${M}/parts/${id}/stock-movement`, input, key),
    movements: (id: Id) => api.list<StockMovement>(`${M}/parts/${id}/movements`, { limit: 100 }),
  },
  orders: {
    list: (filters: OrderFilters) => api.list<ServiceOrder>(`${M}/os`, { ...filters }),
    get: (id: Id) => api.get<ServiceOrderDetail>(`${M}/os/${id}`),
    create: (input: OrderInput, key: string) => api.create<OrderCreated>(`${M}/os`, input, key),
    update: (id: Id, patch: OrderPatch) => api.patch<unknown>(`${M}/os/${id}`, patch),
    setStatus: (id: Id, status: OrderStatus) =>
      api.patch<StatusChanged>(`${M}/os/${id}/status`, { status }),
    addItem: (id: Id, input: ItemInput, key: string) =>
      api.create<ItemCreated>(`${M}/os/${id}/items`, input, key),
    updateItem: (id: Id, itemId: Id, patch: ItemPatch) =>
      api.patch<unknown>(`${M}/os/${id}/items/${itemId}`, patch),
    removeItem: (id: Id, itemId: Id) => api.delete<unknown>(`${M}/os/${id}/items/${itemId}`),
  },
};
