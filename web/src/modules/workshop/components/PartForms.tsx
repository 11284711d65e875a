import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { applyServerErrors } from '@/lib/forms';
import { centsToApi, centsToInput, parseMoneyInput, toCents } from '@/lib/money';
import { Button } from '@/ui/Button';
import { Dialog } from '@/ui/Dialog';
import { SelectField, TextField } from '@/ui/Field';
import { Alert } from '@/ui/States';
import { useToast } from '@/ui/Toast';
import { useSavePart, useStockMovement } from '../hooks';
import { movementSchema, partSchema, type MovementForm, type PartForm as Form } from '../schemas';
import type { MovementType, Part, PartInput } from '../types';

export const MOVEMENT_LABELS: Record<MovementType, string> = {
  in: 'Entrada',
  out: 'Saída',
  adjust: 'Ajuste',
};

export function toPartInput(values: Form): PartInput {
  const input: PartInput = {
    sku: values.sku.trim(),
    name: values.name.trim(),
    unit_price: centsToApi(parseMoneyInput(values.unit_price) ?? 0),
    location: (values.location ?? '').trim(),
    min_stock: values.min_stock ? Number(values.min_stock) : 0,
  };
  const cost = values.cost_price ? parseMoneyInput(values.cost_price) : null;
  if (cost !== null) input.cost_price = centsToApi(cost);
  return input;
}

const FIELDS = ['sku', 'name', 'unit_price', 'cost_price', 'min_stock', 'location'] as const;

function PartFormBody({ part, onDone }: { part?: Part; onDone: () => void }) {
  const save = useSavePart();
  const toast = useToast();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<Form>({
    resolver: zodResolver(partSchema),
    defaultValues: {
      sku: part?.sku ?? '',
      name: part?.name ?? '',
      unit_price: part ? centsToInput(toCents(part.unit_price)) : '',
      cost_price: part?.cost_price != null ? centsToInput(toCents(part.cost_price)) : '',
      min_stock: part ? String(part.min_stock ?? 0) : '',
      location: part?.location ?? '',
      initial_stock: '',
    },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await save.mutateAsync({
        id: part?.id,
        input: toPartInput(values),
        initialStock: part ? undefined : Number(values.initial_stock || 0),
      });
      toast.show(part ? 'Peça salva.' : 'Peça cadastrada.');
      onDone();
    } catch (error) {
      setFormError(applyServerErrors(error, setError, FIELDS));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label="Dados da peça">
      {formError && <Alert>{formError}</Alert>}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TextField
          label="Código (SKU)"
          autoComplete="off"
          error={errors.sku?.message}
          {...register('sku')}
        />
        <TextField
          label="Nome"
          autoComplete="off"
          error={errors.name?.message}
          {...register('name')}
        />
        <TextField
          label="Preço de venda (R$)"
          inputMode="decimal"
          placeholder="0,00"
          error={errors.unit_price?.message}
          {...register('unit_price')}
        />
        <TextField
          label="Preço de custo (R$)"
          inputMode="decimal"
          placeholder="0,00"
          error={errors.cost_price?.message}
          {...register('cost_price')}
        />
        <TextField
          label="Estoque mínimo"
          inputMode="numeric"
          error={errors.min_stock?.message}
          {...register('min_stock')}
        />
        <TextField
          label="Localização"
          placeholder="Prateleira A2"
          error={errors.location?.message}
          {...register('location')}
        />
        {!part && (
          <TextField
            label="Estoque inicial"
            inputMode="numeric"
            hint="Lançado como uma entrada de estoque."
            error={errors.initial_stock?.message}
            {...register('initial_stock')}
          />
        )}
      </div>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Cancelar
        </Button>
        <Button type="submit" loading={save.isPending}>
          {part ? 'Salvar peça' : 'Cadastrar peça'}
        </Button>
      </div>
    </form>
  );
}

export function PartFormDialog({
  open,
  part,
  onClose,
}: {
  open: boolean;
  part?: Part;
  onClose: () => void;
}) {
  return (
    <Dialog open={open} title={part ? 'Editar peça' : 'Nova peça'} onClose={onClose}>
      {open && <PartFormBody part={part} onDone={onClose} />}
    </Dialog>
  );
}

function MovementFormBody({ part, onDone }: { part: Part; onDone: () => void }) {
  const move = useStockMovement();
  const toast = useToast();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors },
  } = useForm<MovementForm>({
    resolver: zodResolver(
      movementSchema.superRefine((v, ctx) => {
        if (v.movement_type !== 'adjust' && Number(v.quantity) <= 0) {
          ctx.addIssue({
            code: 'custom',
            path: ['quantity'],
            message: 'Quantidade maior que zero.',
          });
        }
      }),
    ),
    defaultValues: { movement_type: 'in', quantity: '', reason: '' },
  });
  const type = watch('movement_type');
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const answer = await move.mutateAsync({
        id: part.id,
        input: {
          movement_type: values.movement_type,
          quantity: Number(values.quantity),
          reason: values.reason.trim(),
        },
      });
      toast.show(`Estoque atualizado: ${answer.stock}.`);
      onDone();
    } catch (error) {
      setFormError(applyServerErrors(error, setError, ['movement_type', 'quantity', 'reason']));
    }
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-3"
      aria-label="Movimentação de estoque"
    >
      <p className="text-sm text-slate-600">
        {part.name} ({part.sku}) · Estoque atual: <strong>{part.quantity_in_stock}</strong>
      </p>
      {formError && <Alert>{formError}</Alert>}
      <div className="grid grid-cols-2 gap-3">
        <SelectField
          label="Tipo"
          error={errors.movement_type?.message}
          {...register('movement_type')}
        >
          <option value="in">Entrada</option>
          <option value="out">Saída</option>
          <option value="adjust">Ajuste</option>
        </SelectField>
        <TextField
          label={type === 'adjust' ? 'Nova quantidade' : 'Quantidade'}
          inputMode="numeric"
          error={errors.quantity?.message}
          {...register('quantity')}
        />
      </div>
      <TextField
        label="Motivo"
        placeholder="Compra do fornecedor, inventário…"
        error={errors.reason?.message}
        {...register('reason')}
      />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Cancelar
        </Button>
        <Button type="submit" loading={move.isPending}>
          Registrar
        </Button>
      </div>
    </form>
  );
}

export function StockMovementDialog({ part, onClose }: { part: Part | null; onClose: () => void }) {
  return (
    <Dialog open={part !== null} title="Movimentar estoque" onClose={onClose}>
      {part && <MovementFormBody part={part} onDone={onClose} />}
    </Dialog>
  );
}
