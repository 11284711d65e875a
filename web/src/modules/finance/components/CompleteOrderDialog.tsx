import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useFieldArray, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Plus, Trash2 } from 'lucide-react';
import { useFormSubmit } from '@/lib/forms';
import { formatCents } from '@/lib/money';
import { useSetOrderStatus } from '@/modules/workshop/hooks';
import { Button } from '@/ui/Button';
import { Dialog } from '@/ui/Dialog';
import { FormLayout } from '@/ui/Form';
import { Alert } from '@/ui/States';
import { useToast } from '@/ui/Toast';
import { detailPath } from '../accounts';
import { financeApi } from '../api';
import { financeKeys } from '../keys';
import { useOrderReceivables, usePayAccount } from '../hooks';
import {
  linesTotalCents,
  newPaymentLine,
  paymentLineSchema,
  toPaymentInput,
  type PaymentLine,
} from '../payment';
import type { Receivable } from '../types';
import { amountDueCents } from './OrderReceivable';
import { PaymentLineFields } from './PaymentLineFields';

interface CompletableOrder {
  id: number;
  number: number;
  status: string;
  total_amount: number;
}

interface CompleteForm {
  receive: boolean;
  lines: PaymentLine[];
}

/** The lines are checked only when the payment is taken now; together at most what is due. */
export function completeSchema(dueCents: number) {
  return z
    .object({ receive: z.boolean(), lines: z.array(z.custom<PaymentLine>()) })
    .superRefine((v, ctx) => {
      if (!v.receive) return;
      v.lines.forEach((line, i) => {
        const parsed = paymentLineSchema.safeParse(line);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            ctx.addIssue({ ...issue, path: ['lines', i, ...issue.path] });
          }
        }
      });
      if (linesTotalCents(v.lines) > dueCents) {
        ctx.addIssue({
          code: 'custom',
          path: ['lines', v.lines.length - 1, 'amount'],
          message: `Os pagamentos somam mais que o valor da OS (${formatCents(dueCents)}).`,
        });
      }
    });
}

function CompleteBody({ order, onClose }: { order: CompletableOrder; onClose: () => void }) {
  const setStatus = useSetOrderStatus();
  const pay = usePayAccount('receivable');
  const toast = useToast();
  const qc = useQueryClient();
  const receivables = useOrderReceivables(order.id);
  const due = amountDueCents(order, receivables.data?.items ?? []);
  // What already went through when a later step failed: a retry does not repeat it.
  const completed = useRef(false);
  const paidLines = useRef(0);
  const [receivableId, setReceivableId] = useState<number | null>(null);
  const form = useForm<CompleteForm>({
    resolver: zodResolver(completeSchema(due)),
    defaultValues: { receive: false, lines: [newPaymentLine(due)] },
  });
  const lines = useFieldArray({ control: form.control, name: 'lines' });
  const { onSubmit, formError, resetForm } = useFormSubmit(form, [], async (values) => {
    if (!completed.current) {
      await setStatus.mutateAsync({ id: order.id, status: 'COMPLETED' });
      completed.current = true;
    }
    if (!values.receive) {
      toast.show(`OS #${order.number}: Concluída.`);
      resetForm();
      onClose();
      return;
    }
    // The completion made (or updated) the order's receivable: pay that one.
    const open = await financeApi.accounts.list<Receivable>('receivable', {
      source_type: 'OS',
      source_id: order.id,
      status: 'PENDING,PARTIAL',
    });
    const target = open.items[0];
    if (!target) throw new Error('A OS foi concluída, mas não há conta a receber em aberto.');
    setReceivableId(target.id);
    for (let i = paidLines.current; i < values.lines.length; i++) {
      const line = values.lines[i];
      if (!line) continue;
      await pay.mutateAsync({ id: target.id, input: toPaymentInput(line) });
      paidLines.current = i + 1;
    }
    // Each payment re-read the accounts while the next was being recorded: read them once more
    // now that all are in, so the order's receivable shows its final state.
    await qc.invalidateQueries({ queryKey: financeKeys.all });
    toast.show(`OS #${order.number} concluída e paga.`);
    resetForm();
    onClose();
  });
  const receive = form.watch('receive');
  const watched = form.watch('lines');
  const remaining = due - linesTotalCents(watched);
  const error = (i: number, name: keyof PaymentLine) =>
    form.formState.errors.lines?.[i]?.[name]?.message;
  const busy = setStatus.isPending || pay.isPending;
  return (
    <FormLayout onSubmit={onSubmit} error={null} label="Concluir OS">
      <p className="text-sm text-slate-700">
        Os itens ficam travados e a conta a receber da OS é criada.
      </p>
      {formError && (
        <Alert>
          {completed.current
            ? `A OS foi concluída, mas o pagamento não foi registrado: ${formError}`
            : formError}
          {completed.current && receivableId !== null && (
            <>
              {' '}
              <Link to={detailPath('receivable', receivableId)} className="underline">
                Abrir a conta a receber
              </Link>
            </>
          )}
        </Alert>
      )}
      {due > 0 && (
        <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
          <input
            type="checkbox"
            className="h-4 w-4 rounded border-slate-300"
            {...form.register('receive')}
          />
          Receber o pagamento agora ({formatCents(due)})
        </label>
      )}
      {receive && (
        <div className="flex flex-col gap-3" role="group" aria-label="Pagamentos">
          {lines.fields.map((item, i) => (
            <div
              key={item.id}
              className="flex flex-col gap-2 rounded-md border border-slate-200 p-3"
              data-testid="payment-line"
            >
              <PaymentLineFields
                label={lines.fields.length > 1 ? `Pagamento ${i + 1}` : undefined}
                method={watched[i]?.payment_method ?? 'PIX'}
                bind={(name) => ({ ...form.register(`lines.${i}.${name}`), error: error(i, name) })}
              />
              {lines.fields.length > 1 && i >= paidLines.current && (
                <Button
                  variant="ghost"
                  size="sm"
                  className="self-end text-red-700"
                  icon={<Trash2 className="h-4 w-4" aria-hidden />}
                  onClick={() => lines.remove(i)}
                >
                  Remover pagamento {i + 1}
                </Button>
              )}
            </div>
          ))}
          <div className="flex flex-wrap items-center justify-between gap-2">
            <Button
              variant="secondary"
              size="sm"
              icon={<Plus className="h-4 w-4" aria-hidden />}
              disabled={remaining <= 0}
              onClick={() => lines.append(newPaymentLine(remaining, 'DINHEIRO'))}
            >
              Dividir em outra forma
            </Button>
            <p className="text-sm text-slate-700" data-testid="payment-remaining">
              {remaining > 0
                ? `Fica em aberto: ${formatCents(remaining)}`
                : remaining === 0
                  ? 'Quitada.'
                  : `Passa ${formatCents(-remaining)} do valor da OS.`}
            </p>
          </div>
        </div>
      )}
      <div className="flex flex-wrap justify-end gap-2">
        <Button
          variant="secondary"
          onClick={() => {
            resetForm();
            onClose();
          }}
        >
          Voltar
        </Button>
        <Button type="submit" loading={busy}>
          {receive ? 'Concluir e receber' : 'Concluir'}
        </Button>
      </div>
    </FormLayout>
  );
}

/**
 * "Concluir" for whom handles money: completes the order and, when asked, takes the payment
 * in the same flow (one or more methods, card installments) on the receivable the completion
 * created.
 */
export function CompleteOrderDialog({
  order,
  open,
  onClose,
}: {
  order: CompletableOrder;
  open: boolean;
  onClose: () => void;
}) {
  return (
    <Dialog open={open} title={`Concluir a OS #${order.number}?`} onClose={onClose}>
      {open && <CompleteBody order={order} onClose={onClose} />}
    </Dialog>
  );
}
