import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { todayIso } from '@/lib/dates';
import { useFormSubmit } from '@/lib/forms';
import { moneyInputToApi, parseMoneyInput } from '@/lib/money';
import { Dialog } from '@/ui/Dialog';
import { SelectField, TextAreaField, TextField } from '@/ui/Field';
import { FormActions, FormLayout } from '@/ui/Form';
import { useToast } from '@/ui/Toast';
import { useCreateAccount } from '../hooks';
import { CATEGORY_LABELS, KIND_TEXT, PAYABLE_CATEGORIES } from '../labels';
import type { AccountKind, PayableCategory, PayableInput, ReceivableInput } from '../types';

const wholeIn = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .refine((v) => /^\d{1,3}$/.test(v) && Number(v) >= min && Number(v) <= max, message);

export const accountSchema = z.object({
  // Both, so the server's problems land on the field shown (the kind shows one).
  customer_name: z.string().trim().max(120, 'Nome muito longo.'),
  supplier_name: z.string().trim().max(120, 'Nome muito longo.'),
  category: z.string(),
  description: z.string().trim().max(500, 'Descrição muito longa.'),
  amount: z
    .string()
    .trim()
    .refine((v) => (parseMoneyInput(v) ?? 0) > 0, 'Informe um valor maior que zero (ex.: 150,75).'),
  due_date: z.string().refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v), 'Informe o vencimento.'),
  installments: wholeIn(1, 48, 'De 1 a 48 parcelas.'),
  interval_days: wholeIn(1, 365, 'De 1 a 365 dias.'),
  notes: z.string().trim().max(2000, 'Observações muito longas.'),
});
export type AccountForm = z.infer<typeof accountSchema>;

/** A payable needs its supplier; a receivable may go without a customer's name. */
const payableSchema = accountSchema.refine((v) => v.supplier_name !== '', {
  path: ['supplier_name'],
  message: 'Informe o fornecedor.',
});

const FIELDS = [
  'customer_name',
  'supplier_name',
  'category',
  'description',
  'amount',
  'due_date',
  'installments',
  'interval_days',
  'notes',
] as const;

export function toAccountInput(kind: AccountKind, v: AccountForm): ReceivableInput | PayableInput {
  const common = {
    amount: moneyInputToApi(v.amount),
    due_date: v.due_date,
    description: v.description || undefined,
    notes: v.notes || undefined,
    installments: Number(v.installments),
    interval_days: Number(v.interval_days),
  };
  if (kind === 'payable') {
    return { ...common, supplier_name: v.supplier_name, category: v.category as PayableCategory };
  }
  return { ...common, customer_name: v.customer_name || undefined };
}

function AccountFormBody({
  kind,
  onDone,
  onCreated,
}: {
  kind: AccountKind;
  onDone: () => void;
  onCreated: (id: number) => void;
}) {
  const create = useCreateAccount(kind);
  const toast = useToast();
  const form = useForm<AccountForm>({
    resolver: zodResolver(kind === 'payable' ? payableSchema : accountSchema),
    defaultValues: {
      customer_name: '',
      supplier_name: '',
      category: 'OTHER',
      description: '',
      amount: '',
      due_date: todayIso(),
      installments: '1',
      interval_days: '30',
      notes: '',
    },
  });
  const { onSubmit, formError, field, discard } = useFormSubmit(
    form,
    FIELDS,
    async (values) => {
      const created = await create.mutateAsync(toAccountInput(kind, values));
      const n = created.installments.length;
      toast.show(n > 1 ? `${n} parcelas criadas.` : 'Conta criada.');
      onDone();
      onCreated(created.id);
    },
    { draft: `${kind}:new` },
  );
  const installments = Number(form.watch('installments')) || 1;
  const cancel = () => {
    discard();
    onDone();
  };
  return (
    <FormLayout onSubmit={onSubmit} error={formError} label={KIND_TEXT[kind].newTitle}>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TextField
          label={kind === 'receivable' ? 'Cliente' : 'Fornecedor'}
          autoComplete="off"
          autoFocus
          {...field(kind === 'receivable' ? 'customer_name' : 'supplier_name')}
        />
        {kind === 'payable' && (
          <SelectField label="Categoria" {...field('category')}>
            {PAYABLE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABELS[c]}
              </option>
            ))}
          </SelectField>
        )}
        <TextField label="Descrição" containerClassName="sm:col-span-2" {...field('description')} />
        <TextField label="Valor total (R$)" inputMode="decimal" {...field('amount')} />
        <TextField
          label={installments > 1 ? 'Vencimento da 1ª parcela' : 'Vencimento'}
          type="date"
          {...field('due_date')}
        />
        <TextField
          label="Parcelas"
          inputMode="numeric"
          hint="O valor é dividido igualmente; os centavos que sobram vão na primeira."
          {...field('installments')}
        />
        {installments > 1 && (
          <TextField
            label="Intervalo entre parcelas (dias)"
            inputMode="numeric"
            {...field('interval_days')}
          />
        )}
        <TextAreaField label="Observações" containerClassName="sm:col-span-2" {...field('notes')} />
      </div>
      <FormActions onCancel={cancel} submitLabel="Criar conta" loading={create.isPending} />
    </FormLayout>
  );
}

export function AccountFormDialog({
  kind,
  open,
  onClose,
  onCreated,
}: {
  kind: AccountKind;
  open: boolean;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  return (
    <Dialog open={open} title={KIND_TEXT[kind].newTitle} onClose={onClose}>
      {open && <AccountFormBody kind={kind} onDone={onClose} onCreated={onCreated} />}
    </Dialog>
  );
}
