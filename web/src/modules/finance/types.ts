import type { QueryOf, Schema } from '@/lib/api/contract';

/** A row's id as the web app holds it: a number from a read, or the text of a URL segment. */
export type Id = number | string;

/** Receivables and payables share their screens; this says which one a screen shows. */
export type AccountKind = 'receivable' | 'payable';

export type AccountStatus = Schema<'AccountStatus'>;
export type PaymentMethod = Schema<'PaymentMethod'>;
export type PayableCategory = Schema<'PayableCategory'>;

export type Receivable = Schema<'Receivable'>;
export type Payable = Schema<'Payable'>;
export type ReceivableDetail = Schema<'ReceivableDetail'>;
export type PayableDetail = Schema<'PayableDetail'>;
export type Account = Receivable | Payable;
export type AccountDetail = ReceivableDetail | PayableDetail;
export type Payment = Schema<'Payment'>;

// The generator makes fields with a `default` required; the server takes them as optional.
type Defaulted = 'installments' | 'interval_days' | 'source_type' | 'category';
type Optional<T, K extends PropertyKey> = Omit<T, K & keyof T> & Partial<Pick<T, K & keyof T>>;
export type ReceivableInput = Optional<Schema<'ReceivableCreate'>, Defaulted>;
export type PayableInput = Optional<Schema<'PayableCreate'>, Defaulted>;
export type AccountCreated = Schema<'AccountCreated'>;
export type AccountCancelled = Schema<'AccountCancelled'>;
export type PaymentInput = Optional<Schema<'PaymentRequest'>, 'installments'>;
export type ReceivablePaymentResult = Schema<'ReceivablePaymentResult'>;
export type PayablePaymentResult = Schema<'PayablePaymentResult'>;

export type ReceivableFilters = QueryOf<'listReceivables'>;
export type PayableFilters = QueryOf<'listPayables'>;
export type AccountFilters = ReceivableFilters & PayableFilters;
export type PaymentFilters = QueryOf<'listPayments'>;

export type PixCode = Schema<'PixCode'>;
export type FinanceSettings = Schema<'FinanceSettings'>;
export type FinanceSettingsUpdate = Schema<'FinanceSettingsUpdate'>;

export type CashRegister = Schema<'CashRegister'>;
export type CashRegisterDetail = Schema<'CashRegisterDetail'>;
export type CashMovement = Schema<'CashMovement'>;
export type CashMovementInput = Schema<'CashMovementCreate'>;
export type CashMovementCreated = Schema<'CashMovementCreated'>;
export type CashRegisterOpen = Schema<'CashRegisterOpen'>;
export type CashRegisterClose = Schema<'CashRegisterClose'>;
export type MethodTotals = Schema<'MethodTotals'>;

export type CashFlow = Schema<'CashFlow'>;
export type CashFlowDay = CashFlow['daily'][number];
export type FinanceReport = Schema<'FinanceReport'>;
export type MoneyBucket = Schema<'MoneyBucket'>;
