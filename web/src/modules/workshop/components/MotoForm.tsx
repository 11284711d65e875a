import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useFormSubmit } from '@/lib/forms';
import { maskPlate, normalizePlate } from '@/lib/masks';
import { TextField } from '@/ui/Field';
import { FormActions, FormLayout } from '@/ui/Form';
import { MaskedField } from '@/ui/MaskedField';
import { useSaveMoto } from '../hooks';
import { motoSchema, type MotoForm as Form } from '../schemas';
import type { Id, Motorcycle, MotorcycleInput } from '../types';

const FIELDS = ['plate', 'brand', 'model', 'year', 'vin', 'km_current'] as const;

export function toMotoInput(customerId: Id, values: Form): MotorcycleInput {
  const input: MotorcycleInput = {
    customer_id: customerId,
    plate: normalizePlate(values.plate),
    brand: (values.brand ?? '').trim(),
    model: (values.model ?? '').trim(),
    vin: (values.vin ?? '').trim().toUpperCase(),
  };
  if (values.year) input.year = Number(values.year);
  if (values.km_current) input.km_current = Number(values.km_current);
  return input;
}

export interface MotoFormProps {
  customerId: Id;
  moto?: Motorcycle;
  initialPlate?: string;
  onSaved: (saved: { id: Id; plate: string | null }) => void;
  onCancel?: () => void;
  submitLabel?: string;
}

export function MotoForm({
  customerId,
  moto,
  initialPlate,
  onSaved,
  onCancel,
  submitLabel,
}: MotoFormProps) {
  const save = useSaveMoto();
  const form = useForm<Form>({
    resolver: zodResolver(motoSchema),
    defaultValues: {
      plate: maskPlate(moto?.plate ?? initialPlate ?? ''),
      brand: moto?.brand ?? '',
      model: moto?.model ?? '',
      year: moto?.year ? String(moto.year) : '',
      vin: moto?.vin ?? '',
      km_current: moto?.km_current != null ? String(moto.km_current) : '',
    },
  });
  const { onSubmit, formError, field, discard } = useFormSubmit(
    form,
    FIELDS,
    async (values) => {
      onSaved(await save.mutateAsync({ id: moto?.id, input: toMotoInput(customerId, values) }));
    },
    { draft: moto ? `moto:${moto.id}` : `moto:new:${customerId}` },
  );

  return (
    <FormLayout onSubmit={onSubmit} error={formError} label="Dados da moto">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <MaskedField
          control={form.control}
          name="plate"
          mask={maskPlate}
          label="Placa"
          placeholder="ABC1D23"
          autoCapitalize="characters"
          autoComplete="off"
        />
        <TextField label="Marca" placeholder="Honda" {...field('brand')} />
        <TextField label="Modelo" placeholder="CG 160" {...field('model')} />
        <TextField label="Ano" inputMode="numeric" maxLength={4} {...field('year')} />
        <TextField label="Km atual" inputMode="numeric" {...field('km_current')} />
        <TextField label="Chassi" {...field('vin')} />
      </div>
      <FormActions
        onCancel={
          onCancel &&
          (() => {
            discard();
            onCancel();
          })
        }
        loading={save.isPending}
        submitLabel={submitLabel ?? (moto ? 'Salvar moto' : 'Cadastrar moto')}
      />
    </FormLayout>
  );
}
