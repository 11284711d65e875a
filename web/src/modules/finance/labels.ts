import type { AccountKind, AccountStatus, PayableCategory, PaymentMethod } from './types';

// How accounts, methods and categories read and look. What may be done with an account comes
// from the server (each account's `can`).

export const PAYMENT_METHODS = [
  'PIX',
  'DINHEIRO',
  'CARTAO_CREDITO',
  'CARTAO_DEBITO',
  'BOLETO',
  'TRANSFERENCIA',
] as const satisfies readonly PaymentMethod[];

export const METHOD_LABELS: Record<PaymentMethod | 'NAO_INFORMADO', string> = {
  PIX: 'PIX',
  DINHEIRO: 'Dinheiro',
  CARTAO_CREDITO: 'Cartão de crédito',
  CARTAO_DEBITO: 'Cartão de débito',
  BOLETO: 'Boleto',
  TRANSFERENCIA: 'Transferência',
  NAO_INFORMADO: 'Não informado',
};

export const isCard = (method: string) => method === 'CARTAO_CREDITO' || method === 'CARTAO_DEBITO';

export const ACCOUNT_STATUSES: AccountStatus[] = ['PENDING', 'PARTIAL', 'PAID', 'CANCELLED'];

export const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = {
  PENDING: 'Em aberto',
  PARTIAL: 'Parcial',
  PAID: 'Paga',
  CANCELLED: 'Cancelada',
};

export const ACCOUNT_STATUS_COLORS: Record<AccountStatus, string> = {
  PENDING: 'bg-sky-100 text-sky-800',
  PARTIAL: 'bg-amber-100 text-amber-800',
  PAID: 'bg-green-100 text-green-800',
  CANCELLED: 'bg-slate-200 text-slate-700',
};

export const PAYABLE_CATEGORIES: PayableCategory[] = [
  'PARTS',
  'RENT',
  'UTILITIES',
  'PAYROLL',
  'TAXES',
  'OTHER',
];

export const CATEGORY_LABELS: Record<PayableCategory, string> = {
  PARTS: 'Peças',
  RENT: 'Aluguel',
  UTILITIES: 'Água, luz, internet',
  PAYROLL: 'Folha de pagamento',
  TAXES: 'Impostos',
  OTHER: 'Outros',
};

export const SOURCE_LABELS: Record<'MANUAL' | 'OS', string> = {
  MANUAL: 'Manual',
  OS: 'Ordem de serviço',
};

/** The words of each kind of account's screens. */
export const KIND_TEXT: Record<
  AccountKind,
  {
    title: string;
    one: string;
    path: string;
    party: string;
    settled: string;
    newTitle: string;
    payVerb: string;
    paidToast: string;
  }
> = {
  receivable: {
    title: 'Contas a receber',
    one: 'Conta a receber',
    path: '/financeiro/receber',
    party: 'Cliente',
    settled: 'Recebido',
    newTitle: 'Nova conta a receber',
    payVerb: 'Receber',
    paidToast: 'Pagamento recebido.',
  },
  payable: {
    title: 'Contas a pagar',
    one: 'Conta a pagar',
    path: '/financeiro/pagar',
    party: 'Fornecedor',
    settled: 'Pago',
    newTitle: 'Nova conta a pagar',
    payVerb: 'Pagar',
    paidToast: 'Pagamento registrado.',
  },
};
