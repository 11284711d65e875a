export type Id = string | number;
export type Money = number | string;

export type OrderStatus = 'OPEN' | 'IN_PROGRESS' | 'WAITING_PARTS' | 'COMPLETED' | 'CANCELLED';

export interface Customer {
  id: Id;
  name: string;
  phone: string | null;
  email: string | null;
  document: string | null;
  notes: string | null;
  is_active: boolean;
  created_at?: string;
  updated_at?: string;
}

export interface CustomerInput {
  name: string;
  phone?: string;
  email?: string;
  document?: string;
  notes?: string;
}

export interface Motorcycle {
  id: Id;
  customer_id: Id;
  brand: string | null;
  model: string | null;
  plate: string;
  year: number | null;
  vin: string | null;
  km_current: number | null;
  is_active: boolean;
}

export interface MotorcycleOrder {
  id: Id;
  number: number;
  status: OrderStatus;
  km_at_entry: number | null;
  created_at: string;
  total_amount: Money;
}

export interface MotorcycleDetail extends Motorcycle {
  service_orders?: MotorcycleOrder[];
}

export interface MotorcycleInput {
  customer_id: Id;
  plate: string;
  brand?: string;
  model?: string;
  year?: number;
  vin?: string;
  km_current?: number;
}

export interface Part {
  id: Id;
  sku: string;
  name: string;
  unit_price: Money;
  cost_price: Money | null;
  quantity_in_stock: number;
  min_stock: number;
  location: string | null;
  is_active: boolean;
}

export interface PartInput {
  sku: string;
  name: string;
  unit_price: string;
  cost_price?: string;
  min_stock?: number;
  location?: string;
}

export type MovementType = 'in' | 'out' | 'adjust';

export interface StockMovement {
  id: Id;
  movement_type: MovementType;
  quantity: number;
  reason: string | null;
  related_order_id: Id | null;
  created_at: string;
  user_id: Id | null;
}

export interface StockMovementInput {
  movement_type: MovementType;
  quantity: number;
  reason: string;
  related_order_id?: Id;
}

export interface ServiceOrder {
  id: Id;
  number: number;
  status: OrderStatus;
  customer_id: Id;
  customer_name: string;
  motorcycle_id: Id;
  motorcycle_plate: string;
  motorcycle_model: string | null;
  description: string | null;
  total_parts: Money;
  total_labor: Money;
  discount: Money;
  total_amount: Money;
  created_at: string;
  scheduled_date: string | null;
  closed_at: string | null;
}

export type ItemType = 'part' | 'labor';

export interface OrderItem {
  id: Id;
  item_type: ItemType;
  part_id: Id | null;
  description: string;
  quantity: number;
  unit_price: Money;
  total: Money;
}

export interface OrderHistoryEntry {
  status: OrderStatus;
  at: string;
  user_id: Id | null;
  /** The user's name (newer servers); absent or null on older ones. */
  user_name?: string | null;
}

export interface ServiceOrderDetail extends ServiceOrder {
  km_at_entry: number | null;
  items: OrderItem[];
  history: OrderHistoryEntry[];
}

export interface OrderInput {
  customer_id: Id;
  motorcycle_id: Id;
  description?: string;
  scheduled_date?: string;
  km_at_entry?: number;
}

export interface OrderPatch {
  description?: string;
  scheduled_date?: string | null;
  km_at_entry?: number | null;
  discount?: string;
}

export interface ItemInput {
  item_type: ItemType;
  part_id?: Id;
  description?: string;
  quantity: number;
  unit_price?: string;
}

export interface ItemPatch {
  description?: string;
  quantity?: number;
  unit_price?: string;
}

export interface OrderFilters {
  status?: OrderStatus | '';
  q?: string;
  from?: string;
  to?: string;
  customer_id?: Id;
  motorcycle_id?: Id;
  limit?: number;
  offset?: number;
}
