import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { cleanDocument } from '@/lib/documents';
import { useFormSubmit } from '@/lib/forms';
import { digitsOnly, maskDocument, maskPhone } from '@/lib/masks';
import { TextAreaField, TextField } from '@/ui/Field';
import { FormActions, FormLayout } from '@/ui/Form';
import { MaskedField } from '@/ui/MaskedField';
import { useSaveCustomer } from '../hooks';
import { customerSchema, type CustomerForm as Form } from '../schemas';
import type { Customer, CustomerInput, Id } from '../types';

const FIELDS = ['name', 'phone', 'email', 'document', 'notes'] as const;

export function toCustomerInput(values: Form): CustomerInput {
  return {
    name: values.name.trim(),
    phone: digitsOnly(values.phone),
    email: values.email.trim(),
    document: cleanDocument(values.document),
    notes: (values.notes ?? '').trim(),
  };
}

export interface CustomerFormProps {
  customer?: Customer;
  /** Prefills the name of a new customer (e.g. from a search). */
  initialName?: string;
  onSaved: (saved: { id: Id; name: string }) => void;
  onCancel?: () => void;
  submitLabel?: string;
}

export function CustomerForm({
  customer,
  initialName,
  onSaved,
  onCancel,
  submitLabel,
}: CustomerFormProps) {
  const save = useSaveCustomer();
  const form = useForm<Form>({
    resolver: zodResolver(customerSchema),
    defaultValues: {
      name: customer?.name ?? initialName ?? '',
      phone: maskPhone(customer?.phone ?? ''),
      email: customer?.email ?? '',
      document: maskDocument(customer?.document ?? ''),
      notes: customer?.notes ?? '',
    },
  });
  const { onSubmit, formError, field, discard } = useFormSubmit(
    form,
    FIELDS,
    async (values) => {
      onSaved(await save.mutateAsync({ id: customer?.id, input: toCustomerInput(values) }));
    },
    { draft: `customer:${customer?.id ?? 'new'}` },
  );

  return (
    <FormLayout onSubmit={onSubmit} error={formError} label="Dados do cliente">
      <TextField label="Nome" autoComplete="off" {...field('name')} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <MaskedField
          control={form.control}
          name="phone"
          mask={maskPhone}
          label="Telefone"
          type="tel"
          inputMode="tel"
          placeholder="(11) 98888-7777"
        />
        <MaskedField
          control={form.control}
          name="document"
          mask={maskDocument}
          label="CPF/CNPJ"
          placeholder="000.000.000-00"
          autoCapitalize="characters"
        />
      </div>
      <TextField label="E-mail" type="email" {...field('email')} />
      <TextAreaField label="Observações" rows={2} {...field('notes')} />
      <FormActions
        onCancel={
          onCancel &&
          (() => {
            discard();
            onCancel();
          })
        }
        loading={save.isPending}
        submitLabel={submitLabel ?? (customer ? 'Salvar cliente' : 'Cadastrar cliente')}
      />
    </FormLayout>
  );
}
