import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { ArrowDownToLine, ArrowUpFromLine, Lock } from 'lucide-react';
import { ApiError } from '@/lib/api/errors';
import { formatDate, formatDateTime } from '@/lib/dates';
import { useFormSubmit } from '@/lib/forms';
import {
  formatMoney,
  formatSignedMoney,
  moneyInputToApi,
  parseMoneyInput,
  toCents,
} from '@/lib/money';
import { Button } from '@/ui/Button';
import { Badge, Card, PageHeader } from '@/ui/Card';
import { Dialog } from '@/ui/Dialog';
import { TextField } from '@/ui/Field';
import { FormActions, FormLayout } from '@/ui/Form';
import { Alert, EmptyState, ErrorState, Loading } from '@/ui/States';
import { Table, td, th } from '@/ui/Table';
import { useToast } from '@/ui/Toast';
import { cn } from '@/ui/cn';
import {
  useCashMovement,
  useCloseRegister,
  useCurrentRegister,
  useOpenRegister,
  usePayments,
  useRegister,
  useRegisters,
} from '../hooks';
import { METHOD_LABELS } from '../labels';
import type { CashRegisterDetail } from '../types';
import { MethodTable } from './MethodTable';

const money = `${td} whitespace-nowrap text-right`;

const amountField = (allowZero: boolean) =>
  z
    .string()
    .trim()
    .refine(
      (v) => {
        const cents = parseMoneyInput(v);
        return cents !== null && (allowZero ? cents >= 0 : cents > 0);
      },
      allowZero
        ? 'Informe um valor (ex.: 100,00; 0 se não houver).'
        : 'Informe um valor maior que zero.',
    );

const openSchema = z.object({ opening_balance: amountField(true), notes: z.string().trim() });
const movementSchema = z.object({ amount: amountField(false), reason: z.string().trim() });
const closeSchema = z.object({ counted_amount: amountField(true), notes: z.string().trim() });

function OpenRegisterForm() {
  const open = useOpenRegister();
  const toast = useToast();
  const form = useForm<z.infer<typeof openSchema>>({
    resolver: zodResolver(openSchema),
    defaultValues: { opening_balance: '', notes: '' },
  });
  const { onSubmit, formError, field } = useFormSubmit(
    form,
    ['opening_balance', 'notes'],
    async (v) => {
      await open.mutateAsync({
        opening_balance: moneyInputToApi(v.opening_balance),
        ...(v.notes ? { notes: v.notes } : {}),
      });
      toast.show('Caixa aberto.');
    },
  );
  return (
    <Card title="Abrir o caixa do dia">
      <FormLayout onSubmit={onSubmit} error={formError} label="Abrir caixa">
        <p className="text-sm text-slate-600">
          Os pagamentos registrados com o caixa aberto entram nele; o dinheiro compõe o valor
          esperado no fechamento.
        </p>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <TextField
            label="Saldo inicial (troco) (R$)"
            inputMode="decimal"
            autoComplete="off"
            {...field('opening_balance')}
          />
          <TextField label="Observações" {...field('notes')} />
        </div>
        <FormActions submitLabel="Abrir caixa" loading={open.isPending} />
      </FormLayout>
    </Card>
  );
}

type MovementKind = 'SANGRIA' | 'SUPRIMENTO';

function MovementDialog({
  register,
  kind,
  onClose,
}: {
  register: CashRegisterDetail;
  kind: MovementKind | null;
  onClose: () => void;
}) {
  const add = useCashMovement(register.id);
  const toast = useToast();
  const form = useForm<z.infer<typeof movementSchema>>({
    resolver: zodResolver(movementSchema),
    defaultValues: { amount: '', reason: '' },
  });
  const { onSubmit, formError, field, resetForm } = useFormSubmit(
    form,
    ['amount', 'reason'],
    async (v) => {
      if (!kind) return;
      await add.mutateAsync({
        kind,
        amount: moneyInputToApi(v.amount),
        ...(v.reason ? { reason: v.reason } : {}),
      });
      toast.show(kind === 'SANGRIA' ? 'Sangria registrada.' : 'Suprimento registrado.');
      resetForm();
      onClose();
    },
  );
  const close = () => {
    resetForm();
    onClose();
  };
  return (
    <Dialog
      open={kind !== null}
      title={kind === 'SANGRIA' ? 'Sangria (retirada)' : 'Suprimento (entrada de troco)'}
      onClose={close}
    >
      <FormLayout onSubmit={onSubmit} error={formError}>
        <p className="text-sm text-slate-600">
          Em caixa agora: <strong>{formatMoney(register.totals.expected)}</strong>
        </p>
        <TextField label="Valor (R$)" inputMode="decimal" autoComplete="off" {...field('amount')} />
        <TextField label="Motivo" {...field('reason')} />
        <FormActions onCancel={close} submitLabel="Registrar" loading={add.isPending} />
      </FormLayout>
    </Dialog>
  );
}

function CloseDialog({
  register,
  open,
  onClose,
  onClosed,
}: {
  register: CashRegisterDetail;
  open: boolean;
  onClose: () => void;
  onClosed: (r: CashRegisterDetail) => void;
}) {
  const closeRegister = useCloseRegister(register.id);
  const form = useForm<z.infer<typeof closeSchema>>({
    resolver: zodResolver(closeSchema),
    defaultValues: { counted_amount: '', notes: '' },
  });
  const { onSubmit, formError, field, resetForm } = useFormSubmit(
    form,
    ['counted_amount', 'notes'],
    async (v) => {
      const closed = await closeRegister.mutateAsync({
        counted_amount: moneyInputToApi(v.counted_amount),
        ...(v.notes ? { notes: v.notes } : {}),
      });
      onClosed(closed);
    },
  );
  const close = () => {
    resetForm();
    onClose();
  };
  return (
    <Dialog open={open} title="Fechar o caixa" onClose={close}>
      <FormLayout onSubmit={onSubmit} error={formError}>
        <p className="text-sm text-slate-600">
          Conte o dinheiro da gaveta e informe o total. Depois de fechado, o dia não muda mais.
        </p>
        <TextField
          label="Dinheiro contado (R$)"
          inputMode="decimal"
          autoComplete="off"
          {...field('counted_amount')}
        />
        <TextField label="Observações" {...field('notes')} />
        <FormActions
          onCancel={close}
          submitLabel="Fechar caixa"
          loading={closeRegister.isPending}
        />
      </FormLayout>
    </Dialog>
  );
}

function Figure({
  label,
  value,
  testId,
  tone,
}: {
  label: string;
  value: string;
  testId: string;
  tone?: string;
}) {
  return (
    <div className="rounded-md border border-slate-200 p-2">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className={cn('text-base font-semibold', tone)} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** The closing: expected, counted and the difference, said in words besides its colour. */
function Closing({ register }: { register: CashRegisterDetail }) {
  const diff = toCents(register.difference);
  return (
    <Card title="Fechamento">
      <dl className="grid grid-cols-1 gap-2 min-[400px]:grid-cols-3">
        <Figure
          label="Esperado"
          value={formatMoney(register.expected_amount)}
          testId="register-expected"
        />
        <Figure
          label="Contado"
          value={formatMoney(register.counted_amount)}
          testId="register-counted"
        />
        <Figure
          label={diff < 0 ? 'Diferença (falta)' : diff > 0 ? 'Diferença (sobra)' : 'Diferença'}
          value={formatSignedMoney(register.difference)}
          testId="register-difference"
          tone={diff < 0 ? 'text-red-700' : diff > 0 ? 'text-amber-700' : 'text-green-700'}
        />
      </dl>
      <p className="mt-2 text-xs text-slate-600">
        Fechado em {formatDateTime(register.closed_at)}
        {register.closed_by_name ? ` por ${register.closed_by_name}` : ''}.
        {register.notes ? ` ${register.notes}` : ''}
      </p>
    </Card>
  );
}

function RegisterPayments({ registerId }: { registerId: number }) {
  const payments = usePayments({ cash_register_id: registerId, limit: 500 });
  if (payments.isPending) return <Loading />;
  if (payments.isError)
    return <ErrorState error={payments.error} onRetry={() => void payments.refetch()} />;
  if (payments.data.items.length === 0)
    return <p className="text-sm text-slate-500">Nenhum pagamento no caixa.</p>;
  return (
    <Table label="Pagamentos do caixa">
      <thead className="bg-slate-50">
        <tr>
          <th className={th}>Hora</th>
          <th className={th}>De / para</th>
          <th className={th}>Forma</th>
          <th className={`${th} text-right`}>Valor</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {payments.data.items.map((p) => (
          <tr key={p.id} data-testid="register-payment">
            <td className={`${td} whitespace-nowrap`}>{formatDateTime(p.paid_at).slice(11)}</td>
            <td className={td}>
              {p.party_name ?? '—'}
              <span className="block text-xs text-slate-500">
                {p.direction === 'IN' ? 'Recebimento' : 'Pagamento'}
              </span>
            </td>
            <td className={td}>{METHOD_LABELS[p.payment_method ?? 'NAO_INFORMADO']}</td>
            <td className={cn(money, p.direction === 'OUT' && 'text-red-700')}>
              {p.direction === 'OUT' ? `\u2212${formatMoney(p.amount)}` : formatMoney(p.amount)}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** A register: its drawer's figures, movements and payments; an open one can move and close. */
function RegisterDetail({ register }: { register: CashRegisterDetail }) {
  const [, setParams] = useSearchParams();
  const toast = useToast();
  const [movement, setMovement] = useState<MovementKind | null>(null);
  const [closing, setClosing] = useState(false);
  const t = register.totals;
  const isOpen = register.status === 'OPEN';
  return (
    <div className="flex flex-col gap-4" data-testid="register">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-lg font-semibold text-slate-900">
          Caixa de {formatDate(register.business_date)}
        </h2>
        <span data-testid="register-status">
          {isOpen ? (
            <Badge className="bg-green-100 text-green-800">Aberto</Badge>
          ) : (
            <Badge className="gap-1 bg-slate-200 text-slate-700">
              <Lock className="h-3 w-3" aria-hidden /> Fechado
            </Badge>
          )}
        </span>
      </div>
      {(register.can.add_movement || register.can.close) && (
        <div className="flex flex-wrap gap-2">
          {register.can.add_movement && (
            <>
              <Button
                variant="secondary"
                icon={<ArrowUpFromLine className="h-4 w-4" aria-hidden />}
                onClick={() => setMovement('SANGRIA')}
              >
                Sangria
              </Button>
              <Button
                variant="secondary"
                icon={<ArrowDownToLine className="h-4 w-4" aria-hidden />}
                onClick={() => setMovement('SUPRIMENTO')}
              >
                Suprimento
              </Button>
            </>
          )}
          {register.can.close && (
            <Button
              icon={<Lock className="h-4 w-4" aria-hidden />}
              onClick={() => setClosing(true)}
            >
              Fechar caixa
            </Button>
          )}
        </div>
      )}
      {!isOpen && <Closing register={register} />}
      <Card title="Dinheiro na gaveta">
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3">
          <Figure
            label="Saldo inicial"
            value={formatMoney(t.opening_balance)}
            testId="register-opening"
          />
          <Figure
            label="Recebido em dinheiro"
            value={formatMoney(t.cash_in)}
            testId="register-cash-in"
          />
          <Figure
            label="Pago em dinheiro"
            value={formatMoney(t.cash_out)}
            testId="register-cash-out"
          />
          <Figure label="Suprimentos" value={formatMoney(t.supplies)} testId="register-supplies" />
          <Figure
            label="Sangrias"
            value={formatMoney(t.withdrawals)}
            testId="register-withdrawals"
          />
          <Figure
            label={isOpen ? 'Esperado agora' : 'Esperado'}
            value={formatMoney(t.expected)}
            testId="register-expected-now"
          />
        </dl>
        {register.outside_register.count > 0 && (
          <p className="mt-2 text-xs text-amber-800">
            {formatMoney(register.outside_register.total)} em dinheiro recebido neste dia com o
            caixa fechado (fora do caixa).
          </p>
        )}
      </Card>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card title="Recebido por forma de pagamento">
          <MethodTable
            label="Recebido por forma de pagamento"
            totals={register.by_method.received}
          />
          {toCents(register.by_method.card_fees) > 0 && (
            <p className="mt-2 text-xs text-slate-600">
              Taxas de cartão: {formatMoney(register.by_method.card_fees)}
            </p>
          )}
        </Card>
        <Card title="Sangrias e suprimentos">
          {register.movements.length === 0 ? (
            <p className="text-sm text-slate-500">Nenhuma movimentação.</p>
          ) : (
            <ul className="flex flex-col divide-y divide-slate-100 text-sm">
              {register.movements.map((m) => (
                <li
                  key={m.id}
                  className="flex justify-between gap-2 py-1.5"
                  data-testid="register-movement"
                >
                  <span>
                    {m.kind === 'SANGRIA' ? 'Sangria' : 'Suprimento'}
                    {m.reason ? ` · ${m.reason}` : ''}
                    <span className="block text-xs text-slate-500">
                      {formatDateTime(m.created_at)}
                      {m.user_name ? ` · ${m.user_name}` : ''}
                    </span>
                  </span>
                  <span className={cn('whitespace-nowrap', m.kind === 'SANGRIA' && 'text-red-700')}>
                    {m.kind === 'SANGRIA' ? '\u2212' : '+'}
                    {formatMoney(m.amount)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <Card title="Pagamentos do caixa">
        <RegisterPayments registerId={register.id} />
      </Card>
      {isOpen && (
        <>
          <MovementDialog register={register} kind={movement} onClose={() => setMovement(null)} />
          <CloseDialog
            register={register}
            open={closing}
            onClose={() => setClosing(false)}
            onClosed={(closed) => {
              setClosing(false);
              toast.show('Caixa fechado.');
              setParams({ id: String(closed.id) }, { replace: true });
            }}
          />
        </>
      )}
    </div>
  );
}

function History() {
  const registers = useRegisters({ limit: 10, offset: 0 });
  if (registers.isPending || registers.isError || registers.data.items.length === 0) return null;
  return (
    <Card title="Caixas anteriores">
      <ul className="flex flex-col divide-y divide-slate-100 text-sm">
        {registers.data.items.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
            <Link to={`/financeiro/caixa?id=${r.id}`} className="text-primary underline">
              {formatDate(r.business_date)}
            </Link>
            <span className="text-slate-600">
              {r.status === 'OPEN' ? 'Aberto' : `Diferença ${formatSignedMoney(r.difference)}`}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function ChosenRegister({ id }: { id: string }) {
  const register = useRegister(id);
  if (register.isPending) return <Loading />;
  if (register.isError) {
    return register.error instanceof ApiError && register.error.status === 404 ? (
      <EmptyState title="Caixa não encontrado." />
    ) : (
      <ErrorState error={register.error} onRetry={() => void register.refetch()} />
    );
  }
  return (
    <>
      <RegisterDetail register={register.data} />
      {register.data.status === 'CLOSED' && (
        <Link to="/financeiro/caixa" className="self-start text-sm text-primary underline">
          Ir para o caixa de hoje
        </Link>
      )}
    </>
  );
}

/** Caixa do dia: open it, move cash in and out, close it with the count; closed days read. */
export function CashRegisterView() {
  const [params] = useSearchParams();
  const chosen = params.get('id');
  const current = useCurrentRegister();
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title="Caixa do dia" />
      {chosen ? (
        <ChosenRegister id={chosen} />
      ) : current.isPending ? (
        <Loading />
      ) : current.isError ? (
        <ErrorState error={current.error} onRetry={() => void current.refetch()} />
      ) : current.data ? (
        <RegisterDetail register={current.data} />
      ) : (
        <>
          <Alert tone="info">Nenhum caixa aberto.</Alert>
          <OpenRegisterForm />
        </>
      )}
      <History />
    </div>
  );
}
