import type { QueryOf, Schema } from '@/lib/api/contract';

/** A row's id as the web app holds it: a number from a read, or the text of a URL segment. */
export type Id = number | string;

export type Customer = Schema<'Customer'>;
export type CustomerDetail = Schema<'CustomerDetail'>;
export type CustomerInput = Schema<'CustomerCreate'>;
export type CustomerCreated = Schema<'CustomerCreated'>;
/** What a customer's or motorcycle's reader may do with it. */
export type RowCapabilities = Schema<'RowCapabilities'>;

export type Motorcycle = Schema<'Motorcycle'>;
export type MotorcycleDetail = Schema<'MotorcycleDetail'>;
export type MotorcycleOrder = Schema<'MotorcycleOrderSummary'>;
export type MotorcycleInput = Schema<'MotorcycleCreate'>;
export type MotorcycleCreated = Schema<'MotorcycleCreated'>;

export type Part = Schema<'Part'>;
export type PartInput = Schema<'PartCreate'>;
export type StockMovement = Schema<'StockMovement'>;
export type StockMovementInput = Schema<'StockMovementRequest'>;
export type StockMovementResult = Schema<'StockMovementResult'>;
export type MovementType = StockMovement['movement_type'];

export type ServiceOrder = Schema<'ServiceOrderListItem'>;
export type ServiceOrderDetail = Schema<'ServiceOrderDetail'>;
export type OrderStatus = ServiceOrder['status'];
export type OrderCapabilities = Schema<'OrderCapabilities'>;
export type OrderItem = Schema<'OrderItem'>;
export type ItemType = OrderItem['item_type'];
export type OrderHistoryEntry = Schema<'OrderHistoryEntry'>;
/** A price, discount or mechanic change of an order, with who made it. */
export type OrderChange = Schema<'OrderChange'>;
export type OrderInput = Schema<'ServiceOrderCreate'>;
export type OrderCreated = Schema<'ServiceOrderCreated'>;
export type OrderPatch = Schema<'ServiceOrderUpdate'>;
export type ItemInput = Schema<'OrderItemCreate'>;
export type ItemPatch = Schema<'OrderItemUpdate'>;
export type ItemCreated = Schema<'OrderItemResult'>;
export type StatusChanged = Schema<'StatusChanged'>;

/** The filters of the order list (GET /management/os). */
export type OrderFilters = QueryOf<'listServiceOrders'>;
