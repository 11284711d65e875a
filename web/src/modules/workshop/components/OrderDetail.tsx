import { useState } from 'react';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Pencil, Plus, Printer, Trash2, Wrench } from 'lucide-react';
import { errorMessage } from '@/lib/api/errors';
import { formatDate, formatDateTime, todayIso } from '@/lib/dates';
import { useFormSubmit } from '@/lib/forms';
import { formatPlate, maskPhone } from '@/lib/masks';
import { formatKm } from '@/lib/numbers';
import { centsToInput, formatMoney, moneyInputToApi, toCents } from '@/lib/money';
import { Button } from '@/ui/Button';
import { Card } from '@/ui/Card';
import { Dialog } from '@/ui/Dialog';
import { TextField } from '@/ui/Field';
import { FormActions, FormLayout } from '@/ui/Form';
import { InfoGrid, InfoItem } from '@/ui/InfoGrid';
import { Alert, EmptyState } from '@/ui/States';
import { Table, td, th } from '@/ui/Table';
import { useToast } from '@/ui/Toast';
import { useConfirm } from '@/ui/Confirm';
import { useCustomer, useMoto, useRemoveItem, useUpdateOrder } from '../hooks';
import { moneyField, ORDER_INFO_FIELDS, orderInfoSchema, type OrderInfoForm } from '../schemas';
import { moveLabel } from '../status';
import { changeText, historyEvents } from '../history';
import type { OrderChange, OrderHistoryEntry, OrderItem, ServiceOrderDetail } from '../types';
import { EditItemDialog, LaborDialog, PartPickerDialog } from './ItemDialogs';
import { MechanicField } from './MechanicField';
import { OrderInfoFields } from './OrderInfoFields';
import { orderInfoWarnings } from '../warnings';
import { OrderPrintView } from './OrderPrintView';
import { StatusBadge } from './StatusBadge';
import { useStatusMove } from './useStatusMove';

/** What the page may put in place of the plain "Concluir" confirmation (e.g. taking payment). */
export type CompletionDialog = (props: {
  order: ServiceOrderDetail;
  open: boolean;
  onClose: () => void;
}) => ReactNode;

function StatusActions({
  order,
  completion,
}: {
  order: ServiceOrderDetail;
  completion?: CompletionDialog;
}) {
  const { move, refusal, pending, dialog } = useStatusMove();
  const [completing, setCompleting] = useState(false);
  const moves = order.allowed_transitions;
  return (
    <div className="flex flex-col gap-2">
      {moves.length > 0 && (
        <div className="flex flex-wrap gap-2" role="group" aria-label="Mudar situação">
          {moves.map((to) => (
            <Button
              key={to}
              size="sm"
              variant={to === 'CANCELLED' ? 'danger' : to === 'COMPLETED' ? 'primary' : 'secondary'}
              loading={pending?.status === to}
              disabled={pending !== undefined}
              onClick={() =>
                to === 'COMPLETED' && completion ? setCompleting(true) : void move(order, to)
              }
            >
              {moveLabel(order.status, to)}
            </Button>
          ))}
        </div>
      )}
      {refusal && <Alert>Movimentação recusada: {refusal}</Alert>}
      {dialog}
      {completion?.({ order, open: completing, onClose: () => setCompleting(false) })}
    </div>
  );
}

function EditInfoDialog({
  order,
  open,
  onClose,
}: {
  order: ServiceOrderDetail;
  open: boolean;
  onClose: () => void;
}) {
  const update = useUpdateOrder(order.id);
  const moto = useMoto(open ? order.motorcycle_id : undefined);
  const savedDate = order.scheduled_date?.slice(0, 10) ?? '';
  const form = useForm<OrderInfoForm>({
    resolver: zodResolver(orderInfoSchema),
    values: {
      description: order.description ?? '',
      km_at_entry: order.km_at_entry != null ? String(order.km_at_entry) : '',
      scheduled_date: savedDate,
    },
  });
  const { onSubmit, formError, field, resetForm } = useFormSubmit(
    form,
    ORDER_INFO_FIELDS,
    async (values) => {
      await update.mutateAsync({
        description: values.description,
        km_at_entry: values.km_at_entry ? Number(values.km_at_entry) : null,
        scheduled_date: values.scheduled_date || null,
      });
      onClose();
    },
    { draft: open ? `order:${order.id}` : undefined },
  );
  const close = () => {
    resetForm();
    onClose();
  };
  const warnings = orderInfoWarnings(form.watch(), {
    odometer: moto.data?.km_current,
    savedDate,
    today: todayIso(),
  });
  return (
    <Dialog open={open} title="Editar dados da OS" onClose={close}>
      <FormLayout onSubmit={onSubmit} error={formError}>
        <OrderInfoFields field={field} warnings={warnings} />
        <FormActions onCancel={close} submitLabel="Salvar" loading={update.isPending} />
      </FormLayout>
    </Dialog>
  );
}

const discountSchema = z.object({ discount: moneyField(false) });

function DiscountForm({ order, onDone }: { order: ServiceOrderDetail; onDone: () => void }) {
  const update = useUpdateOrder(order.id);
  const form = useForm<{ discount: string }>({
    resolver: zodResolver(discountSchema),
    defaultValues: { discount: centsToInput(toCents(order.discount)) },
  });
  const { onSubmit, formError, field } = useFormSubmit(form, ['discount'], async (values) => {
    await update.mutateAsync({ discount: moneyInputToApi(values.discount) });
    onDone();
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-wrap items-end gap-2"
      aria-label="Desconto"
    >
      <TextField
        label="Desconto (R$)"
        inputMode="decimal"
        autoFocus
        containerClassName="w-36"
        {...field('discount')}
      />
      <Button type="submit" size="sm" loading={update.isPending}>
        Aplicar
      </Button>
      <Button variant="ghost" size="sm" onClick={onDone}>
        Cancelar
      </Button>
      {formError && <Alert>{formError}</Alert>}
    </form>
  );
}

function Totals({
  order,
  canEditDiscount,
}: {
  order: ServiceOrderDetail;
  canEditDiscount: boolean;
}) {
  const [editing, setEditing] = useState(false);
  return (
    <dl className="ml-auto flex w-full max-w-xs flex-col gap-1 text-sm" data-testid="order-totals">
      <div className="flex justify-between">
        <dt className="text-slate-600">Peças</dt>
        <dd data-testid="total-parts">{formatMoney(order.total_parts)}</dd>
      </div>
      <div className="flex justify-between">
        <dt className="text-slate-600">Mão de obra</dt>
        <dd data-testid="total-labor">{formatMoney(order.total_labor)}</dd>
      </div>
      <div className="flex items-center justify-between gap-2">
        <dt className="text-slate-600">Desconto</dt>
        <dd className="flex items-center gap-1" data-testid="total-discount">
          − {formatMoney(order.discount)}
          {canEditDiscount && !editing && (
            <button
              type="button"
              onClick={() => setEditing(true)}
              className="rounded p-1 text-slate-500 hover:bg-slate-100"
              aria-label="Editar desconto"
            >
              <Pencil className="h-3.5 w-3.5" aria-hidden />
            </button>
          )}
        </dd>
      </div>
      {editing && <DiscountForm order={order} onDone={() => setEditing(false)} />}
      <div className="mt-1 flex justify-between border-t border-slate-200 pt-2 text-base font-semibold">
        <dt>Total</dt>
        <dd data-testid="total-amount">{formatMoney(order.total_amount)}</dd>
      </div>
    </dl>
  );
}

function ItemsCard({ order }: { order: ServiceOrderDetail }) {
  const toast = useToast();
  const editable = order.can.edit_items;
  const prices = order.can.edit_prices;
  const [partOpen, setPartOpen] = useState(false);
  const [laborOpen, setLaborOpen] = useState(false);
  const [editing, setEditing] = useState<OrderItem | null>(null);
  const remove = useRemoveItem(order.id);
  const [confirm, confirmDialog] = useConfirm();

  const onRemove = async (item: OrderItem) => {
    const ok = await confirm({
      title: 'Remover item?',
      message: `Remover "${item.description}" da OS?`,
      confirmLabel: 'Remover',
      danger: true,
    });
    if (!ok) return;
    remove.mutate(item.id, {
      onSuccess: () => toast.show('Item removido.'),
      onError: (error) => toast.show(errorMessage(error), 'error'),
    });
  };

  return (
    <Card
      title="Itens"
      actions={
        editable && (
          <>
            <Button
              size="sm"
              variant="secondary"
              icon={<Plus className="h-4 w-4" aria-hidden />}
              onClick={() => setPartOpen(true)}
            >
              Adicionar peça
            </Button>
            <Button
              size="sm"
              variant="secondary"
              icon={<Wrench className="h-4 w-4" aria-hidden />}
              onClick={() => setLaborOpen(true)}
            >
              Adicionar mão de obra
            </Button>
          </>
        )
      }
    >
      {order.items.length === 0 ? (
        <EmptyState
          title="Nenhum item nesta OS."
          description={editable ? 'Adicione peças e mão de obra.' : undefined}
        />
      ) : (
        <Table label="Itens da OS">
          <thead className="bg-slate-50">
            <tr>
              <th className={th}>Descrição</th>
              <th className={`${th} hidden sm:table-cell`}>Tipo</th>
              <th className={`${th} text-right`}>Qtd.</th>
              <th className={`${th} hidden text-right sm:table-cell`}>Unitário</th>
              <th className={`${th} text-right`}>Total</th>
              {editable && (
                <th className={th}>
                  <span className="sr-only">Ações</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {order.items.map((item) => (
              <tr key={item.id} data-testid="order-item">
                <td className={td}>
                  {item.description}
                  {item.item_type === 'labor' && item.staff_name && (
                    <span className="block text-xs text-slate-600" data-testid="item-staff">
                      Feito por {item.staff_name}
                    </span>
                  )}
                  <span className="block text-xs text-slate-500 sm:hidden">
                    {item.item_type === 'part' ? 'Peça' : 'Mão de obra'} ·{' '}
                    {formatMoney(item.unit_price)}
                  </span>
                </td>
                <td className={`${td} hidden sm:table-cell`}>
                  {item.item_type === 'part' ? 'Peça' : 'Mão de obra'}
                </td>
                <td className={`${td} text-right`}>{String(item.quantity).replace('.', ',')}</td>
                <td className={`${td} hidden whitespace-nowrap text-right sm:table-cell`}>
                  {formatMoney(item.unit_price)}
                </td>
                <td className={`${td} whitespace-nowrap text-right`}>{formatMoney(item.total)}</td>
                {editable && (
                  <td className={`${td} whitespace-nowrap text-right`}>
                    <button
                      type="button"
                      onClick={() => setEditing(item)}
                      className="rounded p-1.5 text-slate-600 hover:bg-slate-100"
                      aria-label={`Editar ${item.description}`}
                    >
                      <Pencil className="h-4 w-4" aria-hidden />
                    </button>
                    <button
                      type="button"
                      onClick={() => void onRemove(item)}
                      className="rounded p-1.5 text-red-600 hover:bg-red-50"
                      aria-label={`Remover ${item.description}`}
                    >
                      <Trash2 className="h-4 w-4" aria-hidden />
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <div className="mt-4 flex">
        <Totals order={order} canEditDiscount={order.can.discount} />
      </div>
      <PartPickerDialog
        orderId={order.id}
        prices={prices}
        open={partOpen}
        onClose={() => setPartOpen(false)}
      />
      <LaborDialog
        orderId={order.id}
        prices={prices}
        whoDid={order.can.assign_item_staff}
        open={laborOpen}
        onClose={() => setLaborOpen(false)}
      />
      <EditItemDialog
        orderId={order.id}
        prices={prices}
        whoDid={order.can.assign_item_staff}
        item={editing}
        onClose={() => setEditing(null)}
      />
      {confirmDialog}
    </Card>
  );
}

function InfoCard({ order }: { order: ServiceOrderDetail }) {
  const customer = useCustomer(order.customer_id);
  const [editing, setEditing] = useState(false);
  const canEdit = order.can.edit;
  return (
    <Card
      title="Dados"
      actions={
        canEdit && (
          <Button
            size="sm"
            variant="ghost"
            icon={<Pencil className="h-4 w-4" aria-hidden />}
            onClick={() => setEditing(true)}
          >
            Editar
          </Button>
        )
      }
    >
      <InfoGrid>
        <InfoItem label="Cliente">
          <Link
            to={`/clientes/${order.customer_id}`}
            className="font-medium text-primary underline"
          >
            {order.customer_name}
          </Link>
          {customer.data?.phone && (
            <span className="block text-slate-600">{maskPhone(customer.data.phone)}</span>
          )}
        </InfoItem>
        <InfoItem label="Moto">
          <Link to={`/motos/${order.motorcycle_id}`} className="font-medium text-primary underline">
            {formatPlate(order.motorcycle_plate)}
          </Link>
          {order.motorcycle_model && (
            <span className="text-slate-600"> · {order.motorcycle_model}</span>
          )}
        </InfoItem>
        <InfoItem label="Mecânico">
          <MechanicField order={order} />
        </InfoItem>
        <InfoItem label="Km na entrada">{formatKm(order.km_at_entry)}</InfoItem>
        <InfoItem label="Abertura">{formatDate(order.created_at)}</InfoItem>
        <InfoItem label="Agendada para">{formatDate(order.scheduled_date)}</InfoItem>
        <InfoItem label="Fechamento">{formatDate(order.closed_at)}</InfoItem>
        <InfoItem label="Descrição" wide valueClassName="whitespace-pre-line">
          {order.description || '—'}
        </InfoItem>
      </InfoGrid>
      {canEdit && <EditInfoDialog order={order} open={editing} onClose={() => setEditing(false)} />}
    </Card>
  );
}

/** Who made a status move: the user's name, or "usuário N" from a server without names. */
export function historyAuthor(entry: OrderHistoryEntry): string | null {
  if (entry.user_name) return entry.user_name;
  return entry.user_id != null ? `usuário ${String(entry.user_id)}` : null;
}

/** Who made a change: the user's name, or "usuário N" from a server without names. */
function changeAuthor(change: OrderChange): string | null {
  if (change.user_name) return change.user_name;
  return change.user_id != null ? `usuário ${String(change.user_id)}` : null;
}

/** Status moves and price, discount and mechanic changes, oldest first, with who and when. */
function HistoryCard({ order }: { order: ServiceOrderDetail }) {
  const events = historyEvents(order);
  return (
    <Card title="Histórico">
      {events.length === 0 ? (
        <p className="text-sm text-slate-500">Sem movimentações.</p>
      ) : (
        <ol className="flex flex-col gap-2 text-sm" aria-label="Histórico">
          {events.map((e, i) =>
            e.kind === 'status' ? (
              <li
                key={`s-${e.at}-${i}`}
                className="flex flex-wrap items-center gap-2"
                data-testid="history-status"
              >
                <StatusBadge status={e.entry.status} />
                <span className="text-slate-600">{formatDateTime(e.at)}</span>
                {historyAuthor(e.entry) && (
                  <span className="text-xs text-slate-500">{historyAuthor(e.entry)}</span>
                )}
              </li>
            ) : (
              <li key={`c-${e.at}-${i}`} className="flex flex-col" data-testid="history-change">
                <span className="break-words text-slate-800">{changeText(e.change)}</span>
                <span className="text-xs text-slate-500">
                  {formatDateTime(e.at)}
                  {changeAuthor(e.change) && ` · ${changeAuthor(e.change)}`}
                </span>
              </li>
            ),
          )}
        </ol>
      )}
    </Card>
  );
}

/**
 * An order's page. The page adds what other modules show about the order: `aside` goes under
 * its history (e.g. its tasks), `money` under its items (its receivable), `printExtra` at the
 * foot of the printed order (the amount due and the PIX QR), and `completion` replaces the
 * plain "Concluir" confirmation (to take the payment in the same flow).
 */
export function OrderDetail({
  order,
  aside,
  money,
  printExtra,
  completion,
}: {
  order: ServiceOrderDetail;
  aside?: ReactNode;
  money?: ReactNode;
  printExtra?: ReactNode;
  completion?: CompletionDialog;
}) {
  return (
    <>
      <div className="no-print flex flex-col gap-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex items-center gap-2">
            <h1 className="text-xl font-semibold text-slate-900">OS #{order.number}</h1>
            <span data-testid="order-status">
              <StatusBadge status={order.status} />
            </span>
          </div>
          <Button
            variant="secondary"
            size="sm"
            icon={<Printer className="h-4 w-4" aria-hidden />}
            onClick={() => window.print()}
          >
            Imprimir
          </Button>
        </div>
        <StatusActions order={order} completion={completion} />
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
          <div className="flex min-w-0 flex-col gap-4 lg:col-span-2">
            <InfoCard order={order} />
            <ItemsCard order={order} />
            {money}
          </div>
          <div className="flex min-w-0 flex-col gap-4">
            <HistoryCard order={order} />
            {aside}
          </div>
        </div>
      </div>
      <OrderPrintView order={order}>{printExtra}</OrderPrintView>
    </>
  );
}
