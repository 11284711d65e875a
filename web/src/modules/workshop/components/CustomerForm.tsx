import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { cleanDocument } from '@/lib/documents';
import { applyServerErrors } from '@/lib/forms';
import { digitsOnly, maskDocument, maskPhone } from '@/lib/masks';
import { Button } from '@/ui/Button';
import { TextAreaField, TextField } from '@/ui/Field';
import { Alert } from '@/ui/States';
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
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<Form>({
    resolver: zodResolver(customerSchema),
    defaultValues: {
      name: customer?.name ?? initialName ?? '',
      phone: maskPhone(customer?.phone ?? ''),
      email: customer?.email ?? '',
      document: maskDocument(customer?.document ?? ''),
      notes: customer?.notes ?? '',
    },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const saved = await save.mutateAsync({ id: customer?.id, input: toCustomerInput(values) });
      onSaved(saved);
    } catch (error) {
      setFormError(applyServerErrors(error, setError, FIELDS));
    }
  });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-3"
      aria-label="Dados do cliente"
    >
      {formError && <Alert>{formError}</Alert>}
      <TextField
        label="Nome"
        autoComplete="off"
        error={errors.name?.message}
        {...register('name')}
      />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Controller
          control={control}
          name="phone"
          render={({ field }) => (
            <TextField
              label="Telefone"
              type="tel"
              inputMode="tel"
              placeholder="(11) 98888-7777"
              error={errors.phone?.message}
              {...field}
              onChange={(e) => field.onChange(maskPhone(e.target.value))}
            />
          )}
        />
        <Controller
          control={control}
          name="document"
          render={({ field }) => (
            <TextField
              label="CPF/CNPJ"
              placeholder="000.000.000-00"
              autoCapitalize="characters"
              error={errors.document?.message}
              {...field}
              onChange={(e) => field.onChange(maskDocument(e.target.value))}
            />
          )}
        />
      </div>
      <TextField label="E-mail" type="email" error={errors.email?.message} {...register('email')} />
      <TextAreaField
        label="Observações"
        rows={2}
        error={errors.notes?.message}
        {...register('notes')}
      />
      <div className="flex flex-wrap justify-end gap-2">
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            Cancelar
          </Button>
        )}
        <Button type="submit" loading={save.isPending}>
          {submitLabel ?? (customer ? 'Salvar cliente' : 'Cadastrar cliente')}
        </Button>
      </div>
    </form>
  );
}
