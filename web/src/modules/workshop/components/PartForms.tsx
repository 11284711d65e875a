import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useFormSubmit } from '@/lib/forms';
import { centsToApi, centsToInput, moneyInputToApi, parseMoneyInput, toCents } from '@/lib/money';
import { Dialog } from '@/ui/Dialog';
import { SelectField, TextField } from '@/ui/Field';
import { FormActions, FormLayout } from '@/ui/Form';
import { useCurrentUser } from '@/modules/identity/session';
import { useToast } from '@/ui/Toast';
import { useSavePart, useStockMovement } from '../hooks';
import { movementSchema, partSchema, type MovementForm, type PartForm as Form } from '../schemas';
import type { MovementType, Part, PartInput } from '../types';

export const MOVEMENT_LABELS: Record<MovementType, string> = {
  in: 'Entrada',
  out: 'Saída',
  adjust: 'Ajuste',
};
const MOVEMENT_TYPES = Object.keys(MOVEMENT_LABELS) as MovementType[];

/** The part as sent; a new part's initial stock goes with it (its first movement). */
export function toPartInput(values: Form, isNew: boolean): PartInput {
  const input: PartInput = {
    sku: values.sku.trim(),
    name: values.name.trim(),
    unit_price: moneyInputToApi(values.unit_price),
    location: (values.location ?? '').trim(),
    min_stock: values.min_stock ? Number(values.min_stock) : 0,
  };
  const cost = values.cost_price ? parseMoneyInput(values.cost_price) : null;
  if (cost !== null) input.cost_price = centsToApi(cost);
  if (isNew && values.initial_stock) input.quantity_in_stock = Number(values.initial_stock);
  return input;
}

const FIELDS = ['sku', 'name', 'unit_price', 'cost_price', 'min_stock', 'location'] as const;

function PartFormBody({ part, onDone }: { part?: Part; onDone: () => void }) {
  const { can } = useCurrentUser();
  const save = useSavePart();
  const toast = useToast();
  const form = useForm<Form>({
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
  const { onSubmit, formError, field, discard } = useFormSubmit(
    form,
    FIELDS,
    async (values) => {
      await save.mutateAsync({ id: part?.id, input: toPartInput(values, !part) });
      toast.show(part ? 'Peça salva.' : 'Peça cadastrada.');
      onDone();
    },
    { draft: `part:${part?.id ?? 'new'}` },
  );
  const cancel = () => {
    discard();
    onDone();
  };
  return (
    <FormLayout onSubmit={onSubmit} error={formError} label="Dados da peça">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TextField label="Código (SKU)" autoComplete="off" {...field('sku')} />
        <TextField label="Nome" autoComplete="off" {...field('name')} />
        <TextField
          label="Preço de venda (R$)"
          inputMode="decimal"
          placeholder="0,00"
          {...field('unit_price')}
        />
        {can.see_costs && (
          <TextField
            label="Preço de custo (R$)"
            inputMode="decimal"
            placeholder="0,00"
            {...field('cost_price')}
          />
        )}
        <TextField label="Estoque mínimo" inputMode="numeric" {...field('min_stock')} />
        <TextField label="Localização" placeholder="Prateleira A2" {...field('location')} />
        {!part && (
          <TextField
            label="Estoque inicial"
            inputMode="numeric"
            hint="Lançado como uma entrada de estoque."
            {...field('initial_stock')}
          />
        )}
      </div>
      <FormActions
        onCancel={cancel}
        submitLabel={part ? 'Salvar peça' : 'Cadastrar peça'}
        loading={save.isPending}
      />
    </FormLayout>
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
  const form = useForm<MovementForm>({
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
  const type = form.watch('movement_type');
  const { onSubmit, formError, field, discard } = useFormSubmit(
    form,
    ['movement_type', 'quantity', 'reason'],
    async (values) => {
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
    },
    { draft: `stock:${part.id}`, messageOnField: { insufficient_stock: 'quantity' } },
  );
  const cancel = () => {
    discard();
    onDone();
  };
  return (
    <>
      <p className="mb-3 text-sm text-slate-600">
        {part.name} ({part.sku}) · Estoque atual: <strong>{part.quantity_in_stock}</strong>
      </p>
      <FormLayout onSubmit={onSubmit} error={formError} label="Movimentação de estoque">
        <div className="grid grid-cols-2 gap-3">
          <SelectField label="Tipo" {...field('movement_type')}>
            {MOVEMENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {MOVEMENT_LABELS[t]}
              </option>
            ))}
          </SelectField>
          <TextField
            label={type === 'adjust' ? 'Nova quantidade' : 'Quantidade'}
            inputMode="numeric"
            {...field('quantity')}
          />
        </div>
        <TextField
          label="Motivo"
          placeholder="Compra do fornecedor, inventário…"
          {...field('reason')}
        />
        <FormActions onCancel={cancel} submitLabel="Registrar" loading={move.isPending} />
      </FormLayout>
    </>
  );
}

export function StockMovementDialog({ part, onClose }: { part: Part | null; onClose: () => void }) {
  return (
    <Dialog open={part !== null} title="Movimentar estoque" onClose={onClose}>
      {part && <MovementFormBody part={part} onDone={onClose} />}
    </Dialog>
  );
}
