import { api } from '@/lib/api/client';
import type { Query } from '@/lib/api/client';
import type {
  Customer,
  CustomerInput,
  Id,
  ItemInput,
  ItemPatch,
  Motorcycle,
  MotorcycleDetail,
  MotorcycleInput,
  OrderFilters,
  OrderInput,
  OrderItem,
  OrderPatch,
  OrderStatus,
  Part,
  PartInput,
  ServiceOrder,
  ServiceOrderDetail,
  StockMovement,
  StockMovementInput,
} from './types';

const M = '/management';

export interface ItemCreated extends OrderItem {
  order_totals: { total_parts: number; total_labor: number; total_amount: number };
}

export const workshopApi = {
  customers: {
    list: (query: Query) => api.list<Customer>(`${M}/customers`, query),
    get: (id: Id) => api.get<Customer>(`${M}/customers/${id}`),
    create: (input: CustomerInput) => api.post<{ id: Id; name: string }>(`${M}/customers`, input),
    update: (id: Id, input: Partial<CustomerInput>) =>
      api.patch<Customer>(`${M}/customers/${id}`, input),
    deactivate: (id: Id) => api.delete<unknown>(`${M}/customers/${id}`),
  },
  motos: {
    list: (query: Query) => api.list<Motorcycle>(`${M}/motos`, query),
    get: (id: Id) => api.get<MotorcycleDetail>(`${M}/motos/${id}`),
    create: (input: MotorcycleInput) => api.post<{ id: Id; plate: string }>(`${M}/motos`, input),
    update: (id: Id, input: Partial<MotorcycleInput>) =>
      api.patch<Motorcycle>(`${M}/motos/${id}`, input),
    deactivate: (id: Id) => api.delete<unknown>(`${M}/motos/${id}`),
  },
  parts: {
    list: (query: Query) => api.list<Part>(`${M}/parts`, query),
    get: (id: Id) => api.get<Part>(`${M}/parts/${id}`),
    create: (input: PartInput) => api.post<{ id: Id }>(`${M}/parts`, input),
    update: (id: Id, input: Partial<PartInput>) => api.patch<Part>(`${M}/parts/${id}`, input),
    deactivate: (id: Id) => api.delete<unknown>(`${M}/parts/${id}`),
    move: (id: Id, input: StockMovementInput) =>
      api.post<{ message: string; stock: number }>(`${M}/parts/${id}/stock-movement`, input),
    movements: (id: Id) => api.list<StockMovement>(`${M}/parts/${id}/movements`, { limit: 100 }),
  },
  orders: {
    list: (filters: OrderFilters) => api.list<ServiceOrder>(`${M}/os`, { ...filters }),
    get: (id: Id) => api.get<ServiceOrderDetail>(`${M}/os/${id}`),
    create: (input: OrderInput) =>
      api.post<{ id: Id; number: number; status: OrderStatus }>(`${M}/os`, input),
    update: (id: Id, patch: OrderPatch) => api.patch<unknown>(`${M}/os/${id}`, patch),
    setStatus: (id: Id, status: OrderStatus) =>
      api.patch<{ id: Id; status: OrderStatus }>(`${M}/os/${id}/status`, { status }),
    addItem: (id: Id, input: ItemInput) => api.post<ItemCreated>(`${M}/os/${id}/items`, input),
    updateItem: (id: Id, itemId: Id, patch: ItemPatch) =>
      api.patch<unknown>(`${M}/os/${id}/items/${itemId}`, patch),
    removeItem: (id: Id, itemId: Id) => api.delete<unknown>(`${M}/os/${id}/items/${itemId}`),
  },
};
