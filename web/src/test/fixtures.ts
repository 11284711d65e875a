// Server answers for component tests, shaped by the generated contract types. The
// capabilities are what the server answers per role (GET /auth/me); tests never derive
// what a user may do, they state it as the server would.
import type { Capabilities, Role, User } from '@/modules/identity/types';
import type {
  Customer,
  Motorcycle,
  OrderCapabilities,
  Part,
  ServiceOrder,
  ServiceOrderDetail,
} from '@/modules/workshop/types';
import type { Staff, Task } from '@/modules/team/types';
import type {
  CashRegisterDetail,
  Payable,
  Payment,
  Receivable,
  ReceivableDetail,
} from '@/modules/finance/types';

const ALL: Capabilities = {
  manage_users: true,
  read_users: true,
  read_workshop: true,
  write_customers: true,
  deactivate_customers: true,
  manage_parts: true,
  write_orders: true,
  write_order_items: true,
  change_order_status: true,
  cancel_reopen_orders: true,
  finance: true,
  manage_staff: true,
  work_tasks: true,
  set_prices: true,
  see_costs: true,
};

export const CAN_BY_ROLE: Record<Role, Capabilities> = {
  OWNER: ALL,
  MANAGER: { ...ALL, manage_users: false },
  ATTENDANT: {
    ...ALL,
    manage_users: false,
    read_users: false,
    deactivate_customers: false,
    manage_parts: false,
    cancel_reopen_orders: false,
    finance: false,
    manage_staff: false,
    see_costs: false,
  },
  MECHANIC: {
    ...ALL,
    manage_users: false,
    read_users: false,
    write_customers: false,
    deactivate_customers: false,
    manage_parts: false,
    write_orders: false,
    cancel_reopen_orders: false,
    finance: false,
    manage_staff: false,
    set_prices: false,
    see_costs: false,
  },
};

export function makeUser(role: Role = 'OWNER', overrides: Partial<User> = {}): User {
  return {
    id: 1,
    name: 'Ana Dona',
    email: 'ana@oficina.com',
    tenant_id: 10,
    tenant_name: 'Oficina da Ana',
    plan: 'BASIC',
    role,
    can: CAN_BY_ROLE[role],
    ...overrides,
  };
}

const AT = '2026-11-24T12:00:00Z';

export const ORDER_CAN_ALL: OrderCapabilities = {
  edit: true,
  edit_items: true,
  edit_prices: true,
  discount: true,
  cancel: true,
  reopen: false,
  assign_mechanic: true,
  assign_item_staff: true,
};

export function makeListOrder(overrides: Partial<ServiceOrder> = {}): ServiceOrder {
  return {
    id: 3,
    number: 12,
    status: 'OPEN',
    customer_id: 4,
    customer_name: 'João Silva',
    motorcycle_id: 5,
    motorcycle_plate: 'ABC1D23',
    motorcycle_model: 'CG 160',
    description: 'Revisão',
    total_parts: 91.8,
    total_labor: 120,
    discount: 10,
    total_amount: 201.8,
    created_at: AT,
    scheduled_date: null,
    closed_at: null,
    customer: 'João Silva',
    plate: 'ABC1D23',
    bike_model: 'CG 160',
    allowed_transitions: ['IN_PROGRESS', 'WAITING_PARTS', 'COMPLETED', 'CANCELLED'],
    can: ORDER_CAN_ALL,
    assigned_staff_id: null,
    assigned_staff_name: null,
    ...overrides,
  };
}

export function makeOrder(overrides: Partial<ServiceOrderDetail> = {}): ServiceOrderDetail {
  return {
    ...makeListOrder(),
    km_at_entry: 12000,
    items: [
      {
        id: 1,
        item_type: 'part',
        part_id: 7,
        description: 'Óleo 10W30',
        quantity: 2,
        unit_price: 45.9,
        total: 91.8,
        staff_id: null,
        staff_name: null,
      },
      {
        id: 2,
        item_type: 'labor',
        part_id: null,
        description: 'Troca de óleo',
        quantity: 1,
        unit_price: 120,
        total: 120,
        staff_id: null,
        staff_name: null,
      },
    ],
    history: [{ status: 'OPEN', at: AT, user_id: 1 }],
    changes: [],
    approval: null,
    ...overrides,
  };
}

export function makePart(overrides: Partial<Part> = {}): Part {
  return {
    id: 7,
    sku: 'OLEO-10W30',
    name: 'Óleo 10W30',
    unit_price: 45.9,
    cost_price: 30,
    quantity_in_stock: 2,
    min_stock: 5,
    location: 'A1',
    is_active: true,
    low_stock: true,
    created_at: AT,
    updated_at: AT,
    can: { edit: true, move_stock: true, deactivate: true },
    ...overrides,
  };
}

export function makeCustomer(overrides: Partial<Customer> = {}): Customer {
  return {
    id: 4,
    name: 'João Silva',
    phone: '11988887777',
    email: null,
    document: null,
    notes: null,
    is_active: true,
    created_at: AT,
    updated_at: AT,
    messaging_opt_in: false,
    messaging_opt_in_at: null,
    messaging_opt_in_source: null,
    can: { edit: true, deactivate: true },
    ...overrides,
  };
}

export function makeMoto(overrides: Partial<Motorcycle> = {}): Motorcycle {
  return {
    id: 5,
    customer_id: 4,
    customer_name: 'João Silva',
    brand: 'Honda',
    model: 'CG 160',
    plate: 'ABC1D23',
    year: 2022,
    vin: null,
    km_current: 12000,
    is_active: true,
    created_at: AT,
    updated_at: AT,
    can: { edit: true, deactivate: true },
    ...overrides,
  };
}

export function makeStaff(overrides: Partial<Staff> = {}): Staff {
  return {
    id: 21,
    name: 'Carlos Mendes',
    role: 'Mecânico chefe',
    phone: '11991230001',
    email: 'carlos@oficina.com',
    user_id: 2,
    user_name: 'Carlos',
    user_email: 'carlos@oficina.com',
    is_active: true,
    labor_commission_percent: 10,
    parts_commission_percent: 3,
    created_at: AT,
    updated_at: AT,
    can: { edit: true },
    ...overrides,
  };
}

export function makeTask(overrides: Partial<Task> = {}): Task {
  return {
    id: 31,
    title: 'Ligar para o cliente',
    description: null,
    priority: 'HIGH',
    status: 'OPEN',
    assigned_to_id: 21,
    assigned_to_name: 'Carlos Mendes',
    related_order_id: 3,
    related_order_number: 12,
    customer_id: 4,
    customer_name: 'João Silva',
    due_date: '2026-11-24',
    late: false,
    created_by: 1,
    created_by_name: 'Ana Dona',
    created_at: AT,
    updated_at: AT,
    completed_at: null,
    can: { edit: true, change_status: true },
    ...overrides,
  };
}

/** What receivables and payables share, as the server answers a fresh single account. */
const ACCOUNT_COMMON = {
  payment_method: null,
  notes: null,
  overdue: false,
  days_overdue: 0,
  installment_group: null,
  installment_number: 1,
  installment_count: 1,
  created_at: AT,
  updated_at: AT,
  cancelled_at: null,
};

export function makeReceivable(overrides: Partial<Receivable> = {}): Receivable {
  return {
    id: 41,
    source_type: 'OS',
    source_id: 3,
    customer_id: 4,
    customer_name: 'João Silva',
    description: 'OS #12',
    issue_date: '2026-11-24',
    due_date: '2026-11-24',
    amount: 201.8,
    status: 'PENDING',
    received_amount: 0,
    received_at: null,
    open_amount: 201.8,
    ...ACCOUNT_COMMON,
    can: { edit: true, pay: true, cancel: true, pix: true },
    ...overrides,
  };
}

export function makePayment(overrides: Partial<Payment> = {}): Payment {
  return {
    id: 51,
    direction: 'IN',
    receivable_id: 41,
    payable_id: null,
    party_name: 'João Silva',
    amount: 100,
    fee: 0,
    net_amount: 100,
    payment_method: 'PIX',
    installments: 1,
    paid_at: AT,
    paid_on: '2026-11-24',
    cash_register_id: null,
    cash_register_status: null,
    notes: null,
    created_at: AT,
    created_by: 1,
    created_by_name: 'Ana Dona',
    cancelled_at: null,
    cancelled_by: null,
    status: 'CONFIRMED',
    can: { cancel: true },
    ...overrides,
  };
}

export function makeReceivableDetail(overrides: Partial<ReceivableDetail> = {}): ReceivableDetail {
  return { ...makeReceivable(), payments: [], ...overrides };
}

export function makePayable(overrides: Partial<Payable> = {}): Payable {
  return {
    id: 61,
    supplier_name: 'Distribuidora Moto Peças',
    category: 'PARTS',
    description: 'Pastilhas',
    issue_date: '2026-11-20',
    due_date: '2026-11-28',
    amount: 350,
    status: 'PENDING',
    paid_amount: 0,
    paid_at: null,
    open_amount: 350,
    ...ACCOUNT_COMMON,
    can: { edit: true, pay: true, cancel: true },
    ...overrides,
  };
}

const NO_METHOD_TOTALS = {
  PIX: 0,
  DINHEIRO: 0,
  CARTAO_CREDITO: 0,
  CARTAO_DEBITO: 0,
  BOLETO: 0,
  TRANSFERENCIA: 0,
  NAO_INFORMADO: 0,
};

export function makeRegister(overrides: Partial<CashRegisterDetail> = {}): CashRegisterDetail {
  return {
    id: 71,
    business_date: '2026-11-24',
    status: 'OPEN',
    opening_balance: 100,
    opened_at: AT,
    opened_by: 1,
    opened_by_name: 'Ana Dona',
    closed_at: null,
    closed_by: null,
    closed_by_name: null,
    expected_amount: null,
    counted_amount: null,
    difference: null,
    notes: null,
    can: { add_movement: true, close: true },
    totals: {
      opening_balance: 100,
      cash_in: 80,
      cash_out: 0,
      supplies: 0,
      withdrawals: 0,
      expected: 180,
    },
    by_method: {
      received: { ...NO_METHOD_TOTALS, PIX: 120, DINHEIRO: 80 },
      paid: NO_METHOD_TOTALS,
      card_fees: 0,
      payments: 2,
    },
    movements: [],
    outside_register: { count: 0, total: 0 },
    ...overrides,
  };
}

export { NO_METHOD_TOTALS };

/** A list answer: the rows and their X-Total-Count. */
export const listOf = <T>(rows: T[], total = rows.length) => ({
  body: rows,
  headers: { 'X-Total-Count': String(total) },
});

/** GET /teamcrm/staff/me of a login linked to no staff record. */
export const NO_STAFF_RECORD = {
  status: 404,
  body: { error: { code: 'not_found', message: 'Nenhum cadastro de equipe para este login.' } },
};

/** GET /tenant/plan: on PREMIUM (quotes included) or on BASIC. */
export function makeTenantPlan(included = true) {
  return {
    plan: included ? 'PREMIUM' : 'BASIC',
    label: included ? 'Premium' : 'Básico',
    plans: [
      { plan: 'BASIC', label: 'Básico', current: !included, features: [] },
      { plan: 'PREMIUM', label: 'Premium', current: included, features: ['quotes', 'messaging'] },
      {
        plan: 'ENTERPRISE',
        label: 'Enterprise',
        current: false,
        features: ['quotes', 'messaging'],
      },
    ],
    features: [
      {
        feature: 'quotes',
        label: 'Orçamento pelo portal do cliente',
        minimum_plan: 'PREMIUM',
        included,
      },
      {
        feature: 'messaging',
        label: 'Mensagens por WhatsApp e Telegram',
        minimum_plan: 'PREMIUM',
        included,
      },
    ],
  };
}
