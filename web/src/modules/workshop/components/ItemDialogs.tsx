import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { BindField } from '@/lib/forms';
import { useFormSubmit } from '@/lib/forms';
import { useDebounced } from '@/lib/hooks';
import { centsToInput, formatMoney, moneyInputToApi, toCents } from '@/lib/money';
import { ChoiceButton } from '@/ui/Button';
import { Dialog } from '@/ui/Dialog';
import { SearchField, SelectField, TextField } from '@/ui/Field';
import { FormActions, FormLayout } from '@/ui/Form';
import { useActiveStaff } from '@/modules/team/hooks';
import { EmptyState, ErrorState, Loading } from '@/ui/States';
import { cn } from '@/ui/cn';
import { useAddItem, useParts, useUpdateItem } from '../hooks';
import { parseQuantity } from '../quantity';
import { moneyField } from '../schemas';
import type { Id, OrderItem, Part } from '../types';

const quantityField = (integerOnly: boolean) =>
  z
    .string()
    .refine(
      (v) => parseQuantity(v, integerOnly) !== null,
      integerOnly
        ? 'Quantidade inteira maior que zero.'
        : 'Quantidade inválida (até duas casas decimais, ex.: 1,5).',
    );

const ITEM_FIELDS = ['description', 'quantity', 'unit_price', 'staff_id'] as const;

/**
 * Quantity and unit price side by side: what every kind of item asks for. The price only for
 * whom the order lets set prices (`prices`).
 */
function QuantityPriceFields({
  field,
  integerOnly,
  prices,
  quantityWarning,
  priceLabel = 'Valor unitário (R$)',
  pricePlaceholder,
  autoFocus,
  noPriceHint,
}: {
  field: BindField<{ quantity: string; unit_price: string }>;
  integerOnly: boolean;
  prices: boolean;
  /** A remark on the quantity before sending (e.g. more than in stock). */
  quantityWarning?: string;
  priceLabel?: string;
  pricePlaceholder?: string;
  autoFocus?: boolean;
  /** Said under the quantity when there is no price to set (e.g. a mechanic's labor line). */
  noPriceHint?: string;
}) {
  return (
    <div className="grid grid-cols-2 gap-3">
      <TextField
        label="Quantidade"
        inputMode={integerOnly ? 'numeric' : 'decimal'}
        autoFocus={autoFocus}
        warning={quantityWarning}
        hint={prices ? undefined : noPriceHint}
        {...field('quantity')}
      />
      {prices && (
        <TextField
          label={priceLabel}
          inputMode="decimal"
          placeholder={pricePlaceholder}
          {...field('unit_price')}
        />
      )}
    </div>
  );
}

/**
 * Who did a labor line: a staff member, or nobody (the order's mechanic). Offered to whom the
 * order lets name the doer (`can.assign_item_staff`); a mechanic's own lines are his.
 */
function WhoDidField({
  field,
  current,
}: {
  field: BindField<{ staff_id: string }>;
  current?: { id: number; name: string | null };
}) {
  const staff = useActiveStaff();
  const options = (staff.data?.items ?? []).map((s) => ({ id: s.id, name: s.name }));
  if (current && !options.some((o) => o.id === current.id)) {
    options.push({ id: current.id, name: current.name ?? '—' });
  }
  return (
    <SelectField label="Feito por" {...field('staff_id')}>
      <option value="">Mecânico da OS</option>
      {options.map((o) => (
        <option key={o.id} value={String(o.id)}>
          {o.name}
        </option>
      ))}
    </SelectField>
  );
}

/** The staff member sent with a labor line: only from a form that offered the choice. */
const staffToApi = (offered: boolean, value: string, none: null | undefined) =>
  offered ? (value ? Number(value) : none) : undefined;

/** Where a server's stock refusal goes: on the quantity, once (not above the form too). */
const STOCK_ON_QUANTITY = { messageOnField: { insufficient_stock: 'quantity' as const } };

/** The unit price sent with an item: none when the user may not set prices. */
const priceToApi = (prices: boolean, text: string) => (prices ? moneyInputToApi(text) : undefined);

// ---- part picker

const partItemSchema = (prices: boolean) =>
  z.object({ quantity: quantityField(true), unit_price: moneyField(prices) });
type PartItemForm = z.infer<ReturnType<typeof partItemSchema>>;

function PartItemForm({
  orderId,
  part,
  prices,
  onDone,
  onBack,
}: {
  orderId: Id;
  part: Part;
  prices: boolean;
  onDone: () => void;
  onBack: () => void;
}) {
  const add = useAddItem(orderId);
  const form = useForm<PartItemForm>({
    resolver: zodResolver(partItemSchema(prices)),
    defaultValues: { quantity: '1', unit_price: centsToInput(toCents(part.unit_price)) },
  });
  const qty = parseQuantity(form.watch('quantity'), true) ?? 0;
  const short = qty > part.quantity_in_stock;
  const { onSubmit, formError, field } = useFormSubmit(
    form,
    ['quantity', 'unit_price'],
    async (values) => {
      await add.mutateAsync({
        item_type: 'part',
        part_id: part.id,
        description: part.name,
        quantity: parseQuantity(values.quantity, true) ?? 1,
        unit_price: priceToApi(prices, values.unit_price),
      });
      onDone();
    },
    STOCK_ON_QUANTITY,
  );

  return (
    <FormLayout onSubmit={onSubmit} error={formError} label="Adicionar peça">
      <div className="rounded-md bg-slate-50 p-3 text-sm">
        <p className="font-medium text-slate-900">{part.name}</p>
        <p className="text-slate-600">
          {part.sku} · Estoque: {part.quantity_in_stock} · {formatMoney(part.unit_price)}
        </p>
      </div>
      <QuantityPriceFields
        field={field}
        integerOnly
        prices={prices}
        quantityWarning={
          short ? `Estoque insuficiente: há ${part.quantity_in_stock} em estoque.` : undefined
        }
        priceLabel="Preço unitário (R$)"
        autoFocus
      />
      <FormActions
        onCancel={onBack}
        cancelLabel="Voltar"
        submitLabel="Adicionar peça"
        loading={add.isPending}
      />
    </FormLayout>
  );
}

export function PartPickerDialog({
  orderId,
  prices,
  open,
  onClose,
}: {
  orderId: Id;
  prices: boolean;
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
          prices={prices}
          onDone={close}
          onBack={() => setPicked(null)}
        />
      ) : (
        <div className="flex flex-col gap-3">
          <SearchField
            label="Buscar peça (nome ou código)"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
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
                    <ChoiceButton
                      onClick={() => setPicked(p)}
                      className="flex-wrap justify-between gap-2"
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
                    </ChoiceButton>
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

const laborSchema = (prices: boolean) =>
  z.object({
    description: z.string().trim().min(1, 'Descreva o serviço.'),
    quantity: quantityField(false),
    unit_price: moneyField(prices),
    staff_id: z.string(),
  });
type LaborForm = z.infer<ReturnType<typeof laborSchema>>;

/**
 * A labor line; without `prices` it goes without a price, for whom may set prices later;
 * with `whoDid`, the user names who did it.
 */
export function LaborDialog({
  orderId,
  prices,
  whoDid,
  open,
  onClose,
}: {
  orderId: Id;
  prices: boolean;
  whoDid: boolean;
  open: boolean;
  onClose: () => void;
}) {
  const add = useAddItem(orderId);
  const form = useForm<LaborForm>({
    resolver: zodResolver(laborSchema(prices)),
    defaultValues: { description: '', quantity: '1', unit_price: '', staff_id: '' },
  });
  const { onSubmit, formError, resetForm, field } = useFormSubmit(
    form,
    ITEM_FIELDS,
    async (values) => {
      await add.mutateAsync({
        item_type: 'labor',
        description: values.description.trim(),
        quantity: parseQuantity(values.quantity) ?? 1,
        unit_price: priceToApi(prices, values.unit_price),
        staff_id: staffToApi(whoDid, values.staff_id, undefined),
      });
      close();
    },
    { draft: open ? `labor:${orderId}` : undefined },
  );
  const close = () => {
    resetForm();
    onClose();
  };
  return (
    <Dialog open={open} title="Adicionar mão de obra" onClose={close}>
      <FormLayout onSubmit={onSubmit} error={formError} label="Mão de obra">
        <TextField label="Descrição do serviço" {...field('description')} />
        <QuantityPriceFields
          field={field}
          integerOnly={false}
          prices={prices}
          pricePlaceholder="0,00"
          noPriceHint="Horas, ex.: 1,5. O valor é definido pela recepção."
        />
        {whoDid && <WhoDidField field={field} />}
        <FormActions onCancel={close} submitLabel="Adicionar mão de obra" loading={add.isPending} />
      </FormLayout>
    </Dialog>
  );
}

// ---- edit an item

const editSchema = (integerOnly: boolean, prices: boolean) =>
  z.object({
    description: z.string().trim().min(1, 'Informe a descrição.'),
    quantity: quantityField(integerOnly),
    unit_price: moneyField(prices),
    staff_id: z.string(),
  });
type EditForm = z.infer<ReturnType<typeof editSchema>>;

export function EditItemDialog({
  orderId,
  prices,
  whoDid,
  item,
  onClose,
}: {
  orderId: Id;
  prices: boolean;
  whoDid: boolean;
  item: OrderItem | null;
  onClose: () => void;
}) {
  return (
    <Dialog open={item !== null} title="Editar item" onClose={onClose}>
      {item && (
        <EditItemForm
          orderId={orderId}
          prices={prices}
          whoDid={whoDid}
          item={item}
          onClose={onClose}
        />
      )}
    </Dialog>
  );
}

function EditItemForm({
  orderId,
  prices,
  whoDid: mayName,
  item,
  onClose,
}: {
  orderId: Id;
  prices: boolean;
  whoDid: boolean;
  item: OrderItem;
  onClose: () => void;
}) {
  const update = useUpdateItem(orderId);
  const integerOnly = item.item_type === 'part';
  const form = useForm<EditForm>({
    resolver: zodResolver(editSchema(integerOnly, prices)),
    defaultValues: {
      description: item.description,
      quantity: String(item.quantity).replace('.', ','),
      unit_price: centsToInput(toCents(item.unit_price)),
      staff_id: item.staff_id != null ? String(item.staff_id) : '',
    },
  });
  const whoDid = mayName && item.item_type === 'labor';
  const { onSubmit, formError, field, discard } = useFormSubmit(
    form,
    ITEM_FIELDS,
    async (values) => {
      await update.mutateAsync({
        itemId: item.id,
        patch: {
          description: values.description.trim(),
          quantity: parseQuantity(values.quantity, integerOnly) ?? item.quantity,
          unit_price: priceToApi(prices, values.unit_price),
          staff_id: staffToApi(whoDid, values.staff_id, null),
        },
      });
      onClose();
    },
    { ...STOCK_ON_QUANTITY, draft: `item:${item.id}` },
  );
  const cancel = () => {
    discard();
    onClose();
  };
  return (
    <FormLayout onSubmit={onSubmit} error={formError} label="Editar item">
      <TextField label="Descrição" {...field('description')} />
      <QuantityPriceFields field={field} integerOnly={integerOnly} prices={prices} />
      {whoDid && (
        <WhoDidField
          field={field}
          current={item.staff_id != null ? { id: item.staff_id, name: item.staff_name } : undefined}
        />
      )}
      <FormActions onCancel={cancel} submitLabel="Salvar item" loading={update.isPending} />
    </FormLayout>
  );
}
