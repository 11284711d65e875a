import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { todayIso } from '@/lib/dates';
import { useFormSubmit } from '@/lib/forms';
import { formatMoney, toCents } from '@/lib/money';
import { Dialog } from '@/ui/Dialog';
import { TextField } from '@/ui/Field';
import { FormActions, FormLayout } from '@/ui/Form';
import { useToast } from '@/ui/Toast';
import { partyName } from '../accounts';
import { usePayAccount } from '../hooks';
import { KIND_TEXT } from '../labels';
import {
  newPaymentLine,
  PAYMENT_LINE_FIELDS,
  paymentLineSchema,
  toPaymentInput,
  type PaymentLine,
} from '../payment';
import type { Account, AccountKind } from '../types';
import { PaymentLineFields } from './PaymentLineFields';

const paySchema = paymentLineSchema.and(
  z.object({
    paid_at: z
      .string()
      .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v), 'Informe a data do pagamento.')
      .refine((v) => v <= todayIso(), 'A data não pode ser no futuro.'),
  }),
);
type PayForm = PaymentLine & { paid_at: string };

function PayForm({
  kind,
  account,
  onDone,
}: {
  kind: AccountKind;
  account: Account;
  onDone: () => void;
}) {
  const pay = usePayAccount(kind);
  const toast = useToast();
  const open = toCents(account.open_amount);
  const form = useForm<PayForm>({
    resolver: zodResolver(paySchema),
    defaultValues: { ...newPaymentLine(open), paid_at: todayIso() },
  });
  const { onSubmit, formError, field } = useFormSubmit(
    form,
    [...PAYMENT_LINE_FIELDS, 'paid_at'],
    async (values) => {
      await pay.mutateAsync({ id: account.id, input: toPaymentInput(values, values.paid_at) });
      toast.show(KIND_TEXT[kind].paidToast);
      onDone();
    },
    { messageOnField: { overpayment: 'amount' } },
  );
  const method = form.watch('payment_method');
  return (
    <FormLayout onSubmit={onSubmit} error={formError} label="Pagamento">
      <p className="text-sm text-slate-700">
        {partyName(account)} · em aberto{' '}
        <strong data-testid="pay-open-amount">{formatMoney(account.open_amount)}</strong>
      </p>
      <PaymentLineFields
        bind={(name) => field(name)}
        method={method}
        withFee={kind === 'receivable'}
        autoFocus
      />
      <TextField
        label="Data do pagamento"
        type="date"
        max={todayIso()}
        containerClassName="w-44"
        {...field('paid_at')}
      />
      <FormActions
        onCancel={onDone}
        submitLabel={`Registrar ${kind === 'receivable' ? 'recebimento' : 'pagamento'}`}
        loading={pay.isPending}
      />
    </FormLayout>
  );
}

/** Records one payment of an account: the open balance by default, partial allowed. */
export function PayDialog({
  kind,
  account,
  open,
  onClose,
}: {
  kind: AccountKind;
  account: Account;
  open: boolean;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={open}
      title={kind === 'receivable' ? 'Receber pagamento' : 'Pagar conta'}
      onClose={onClose}
    >
      {open && <PayForm kind={kind} account={account} onDone={onClose} />}
    </Dialog>
  );
}
