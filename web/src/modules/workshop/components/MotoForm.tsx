import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { applyServerErrors } from '@/lib/forms';
import { maskPlate, normalizePlate } from '@/lib/masks';
import { Button } from '@/ui/Button';
import { TextField } from '@/ui/Field';
import { Alert } from '@/ui/States';
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
  onSaved: (saved: { id: Id; plate: string }) => void;
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
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<Form>({
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

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const saved = await save.mutateAsync({
        id: moto?.id,
        input: toMotoInput(customerId, values),
      });
      onSaved(saved);
    } catch (error) {
      setFormError(applyServerErrors(error, setError, FIELDS));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label="Dados da moto">
      {formError && <Alert>{formError}</Alert>}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Controller
          control={control}
          name="plate"
          render={({ field }) => (
            <TextField
              label="Placa"
              placeholder="ABC1D23"
              autoCapitalize="characters"
              autoComplete="off"
              error={errors.plate?.message}
              {...field}
              onChange={(e) => field.onChange(maskPlate(e.target.value))}
            />
          )}
        />
        <TextField
          label="Marca"
          placeholder="Honda"
          error={errors.brand?.message}
          {...register('brand')}
        />
        <TextField
          label="Modelo"
          placeholder="CG 160"
          error={errors.model?.message}
          {...register('model')}
        />
        <TextField
          label="Ano"
          inputMode="numeric"
          maxLength={4}
          error={errors.year?.message}
          {...register('year')}
        />
        <TextField
          label="Km atual"
          inputMode="numeric"
          error={errors.km_current?.message}
          {...register('km_current')}
        />
        <TextField label="Chassi" error={errors.vin?.message} {...register('vin')} />
      </div>
      <div className="flex flex-wrap justify-end gap-2">
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            Cancelar
          </Button>
        )}
        <Button type="submit" loading={save.isPending}>
          {submitLabel ?? (moto ? 'Salvar moto' : 'Cadastrar moto')}
        </Button>
      </div>
    </form>
  );
}
