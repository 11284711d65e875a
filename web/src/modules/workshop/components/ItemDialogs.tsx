import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Search } from 'lucide-react';
import { applyServerErrors } from '@/lib/forms';
import { useDebounced } from '@/lib/hooks';
import { centsToApi, centsToInput, formatMoney, parseMoneyInput, toCents } from '@/lib/money';
import { Button } from '@/ui/Button';
import { Dialog } from '@/ui/Dialog';
import { TextField } from '@/ui/Field';
import { Alert, EmptyState, ErrorState, Loading } from '@/ui/States';
import { cn } from '@/ui/cn';
import { useAddItem, useParts, useUpdateItem } from '../hooks';
import { moneyField } from '../schemas';
import type { Id, OrderItem, Part } from '../types';

/** "1,5" or "2" → number; null when not a positive quantity with at most 3 decimals. */
export function parseQuantity(text: string, integerOnly = false): number | null {
  const t = text.trim().replace(',', '.');
  const re = integerOnly ? /^\d+$/ : /^\d+(\.\d{1,3})?$/;
  if (!re.test(t)) return null;
  const n = Number(t);
  return n > 0 ? n : null;
}

const quantityField = (integerOnly: boolean) =>
  z
    .string()
    .refine(
      (v) => parseQuantity(v, integerOnly) !== null,
      integerOnly ? 'Quantidade inteira maior que zero.' : 'Quantidade inválida.',
    );

// ---- part picker

const partItemSchema = z.object({
  quantity: quantityField(true),
  unit_price: moneyField(true),
});
type PartItemForm = z.infer<typeof partItemSchema>;

function PartItemForm({
  orderId,
  part,
  onDone,
  onBack,
}: {
  orderId: Id;
  part: Part;
  onDone: () => void;
  onBack: () => void;
}) {
  const add = useAddItem(orderId);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors },
  } = useForm<PartItemForm>({
    resolver: zodResolver(partItemSchema),
    defaultValues: { quantity: '1', unit_price: centsToInput(toCents(part.unit_price)) },
  });
  const qty = parseQuantity(watch('quantity'), true) ?? 0;
  const short = qty > part.quantity_in_stock;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await add.mutateAsync({
        item_type: 'part',
        part_id: part.id,
        description: part.name,
        quantity: parseQuantity(values.quantity, true) ?? 1,
        unit_price: centsToApi(parseMoneyInput(values.unit_price) ?? 0),
      });
      onDone();
    } catch (error) {
      setFormError(applyServerErrors(error, setError, ['quantity', 'unit_price']));
    }
  });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-3"
      aria-label="Adicionar peça"
    >
      {formError && <Alert>{formError}</Alert>}
      <div className="rounded-md bg-slate-50 p-3 text-sm">
        <p className="font-medium text-slate-900">{part.name}</p>
        <p className="text-slate-600">
          {part.sku} · Estoque: {part.quantity_in_stock} · {formatMoney(part.unit_price)}
        </p>
      </div>
      <div className="grid grid-cols-2 gap-3">
        <TextField
          label="Quantidade"
          inputMode="numeric"
          autoFocus
          error={errors.quantity?.message}
          {...register('quantity')}
        />
        <TextField
          label="Preço unitário (R$)"
          inputMode="decimal"
          error={errors.unit_price?.message}
          {...register('unit_price')}
        />
      </div>
      {short && (
        <Alert tone="info">Estoque insuficiente: há {part.quantity_in_stock} em estoque.</Alert>
      )}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onBack}>
          Voltar
        </Button>
        <Button type="submit" loading={add.isPending}>
          Adicionar peça
        </Button>
      </div>
    </form>
  );
}

export function PartPickerDialog({
  orderId,
  open,
  onClose,
}: {
  orderId: Id;
  open: boolean;
  onClose: () => void;
}) {
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<Part | null>(null);
  const q = useDebounced(text.trim(), 250);
  const parts = useParts({ q, limit: 10 }, open);
  const close = () => {
    setPicked(null);
    setText('');
    onClose();
  };
  return (
    <Dialog open={open} title="Adicionar peça" onClose={close}>
      {picked ? (
        <PartItemForm
          orderId={orderId}
          part={picked}
          onDone={close}
          onBack={() => setPicked(null)}
        />
      ) : (
        <div className="flex flex-col gap-3">
          <div className="relative">
            <TextField
              label="Buscar peça (nome ou código)"
              type="search"
              autoComplete="off"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <Search
              className="pointer-events-none absolute right-3 top-9 h-4 w-4 text-slate-400"
              aria-hidden
            />
          </div>
          {parts.isPending ? (
            <Loading />
          ) : parts.isError ? (
            <ErrorState error={parts.error} onRetry={() => void parts.refetch()} />
          ) : parts.data.items.length === 0 ? (
            <EmptyState title="Nenhuma peça encontrada." />
          ) : (
            <ul aria-label="Peças" className="flex max-h-80 flex-col gap-1 overflow-y-auto">
              {parts.data.items
                .filter((p) => p.is_active !== false)
                .map((p) => (
                  <li key={p.id}>
                    <button
                      type="button"
                      onClick={() => setPicked(p)}
                      className="flex w-full flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 bg-surface px-3 py-2 text-left text-sm hover:border-primary focus:outline-none focus-visible:ring-2 focus-visible:ring-primary"
                    >
                      <span className="min-w-0 flex-1">
                        <span className="block font-medium text-slate-900">{p.name}</span>
                        <span className="block text-xs text-slate-500">{p.sku}</span>
                      </span>
                      <span
                        className={cn(
                          'text-xs',
                          p.quantity_in_stock <= 0 ? 'text-red-600' : 'text-slate-600',
                        )}
                      >
                        Estoque: {p.quantity_in_stock}
                      </span>
                      <span className="whitespace-nowrap font-medium">
                        {formatMoney(p.unit_price)}
                      </span>
                    </button>
                  </li>
                ))}
            </ul>
          )}
        </div>
      )}
    </Dialog>
  );
}

// ---- labor line

const laborSchema = z.object({
  description: z.string().trim().min(1, 'Descreva o serviço.'),
  quantity: quantityField(false),
  unit_price: moneyField(true),
});
type LaborForm = z.infer<typeof laborSchema>;

export function LaborDialog({
  orderId,
  open,
  onClose,
}: {
  orderId: Id;
  open: boolean;
  onClose: () => void;
}) {
  const add = useAddItem(orderId);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<LaborForm>({
    resolver: zodResolver(laborSchema),
    defaultValues: { description: '', quantity: '1', unit_price: '' },
  });
  const close = () => {
    reset();
    setFormError(null);
    onClose();
  };
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await add.mutateAsync({
        item_type: 'labor',
        description: values.description.trim(),
        quantity: parseQuantity(values.quantity) ?? 1,
        unit_price: centsToApi(parseMoneyInput(values.unit_price) ?? 0),
      });
      close();
    } catch (error) {
      setFormError(applyServerErrors(error, setError, ['description', 'quantity', 'unit_price']));
    }
  });
  return (
    <Dialog open={open} title="Adicionar mão de obra" onClose={close}>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label="Mão de obra">
        {formError && <Alert>{formError}</Alert>}
        <TextField
          label="Descrição do serviço"
          error={errors.description?.message}
          {...register('description')}
        />
        <div className="grid grid-cols-2 gap-3">
          <TextField
            label="Quantidade"
            inputMode="decimal"
            error={errors.quantity?.message}
            {...register('quantity')}
          />
          <TextField
            label="Valor unitário (R$)"
            inputMode="decimal"
            placeholder="0,00"
            error={errors.unit_price?.message}
            {...register('unit_price')}
          />
        </div>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            Cancelar
          </Button>
          <Button type="submit" loading={add.isPending}>
            Adicionar mão de obra
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

// ---- edit an item

const editSchema = z.object({
  description: z.string().trim().min(1, 'Informe a descrição.'),
  quantity: z.string(),
  unit_price: moneyField(true),
});
type EditForm = z.infer<typeof editSchema>;

export function EditItemDialog({
  orderId,
  item,
  onClose,
}: {
  orderId: Id;
  item: OrderItem | null;
  onClose: () => void;
}) {
  return (
    <Dialog open={item !== null} title="Editar item" onClose={onClose}>
      {item && <EditItemForm orderId={orderId} item={item} onClose={onClose} />}
    </Dialog>
  );
}

function EditItemForm({
  orderId,
  item,
  onClose,
}: {
  orderId: Id;
  item: OrderItem;
  onClose: () => void;
}) {
  const update = useUpdateItem(orderId);
  const integerOnly = item.item_type === 'part';
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<EditForm>({
    resolver: zodResolver(editSchema.extend({ quantity: quantityField(integerOnly) })),
    defaultValues: {
      description: item.description,
      quantity: String(item.quantity).replace('.', ','),
      unit_price: centsToInput(toCents(item.unit_price)),
    },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await update.mutateAsync({
        itemId: item.id,
        patch: {
          description: values.description.trim(),
          quantity: parseQuantity(values.quantity, integerOnly) ?? item.quantity,
          unit_price: centsToApi(parseMoneyInput(values.unit_price) ?? 0),
        },
      });
      onClose();
    } catch (error) {
      setFormError(applyServerErrors(error, setError, ['description', 'quantity', 'unit_price']));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label="Editar item">
      {formError && <Alert>{formError}</Alert>}
      <TextField
        label="Descrição"
        error={errors.description?.message}
        {...register('description')}
      />
      <div className="grid grid-cols-2 gap-3">
        <TextField
          label="Quantidade"
          inputMode={integerOnly ? 'numeric' : 'decimal'}
          error={errors.quantity?.message}
          {...register('quantity')}
        />
        <TextField
          label="Valor unitário (R$)"
          inputMode="decimal"
          error={errors.unit_price?.message}
          {...register('unit_price')}
        />
      </div>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Cancelar
        </Button>
        <Button type="submit" loading={update.isPending}>
          Salvar item
        </Button>
      </div>
    </form>
  );
}
