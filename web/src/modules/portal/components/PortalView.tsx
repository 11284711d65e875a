import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { CheckCircle2, Clock, Link2Off, Phone } from 'lucide-react';
import { ApiError, errorMessage } from '@/lib/api/errors';
import { formatDate } from '@/lib/dates';
import { formatPlate, maskPhone } from '@/lib/masks';
import { formatCents, toCents } from '@/lib/money';
import { Button } from '@/ui/Button';
import { Alert, Loading } from '@/ui/States';
import { useDecideQuote, usePortalQuote } from '../hooks';
import type { PortalDecided, PortalQuote } from '../types';

const RESULT_TEXT: Record<PortalDecided['state'], string> = {
  APPROVED: 'Orçamento aprovado.',
  PARTIALLY_APPROVED: 'Orçamento aprovado em parte.',
  DECLINED: 'Orçamento recusado.',
};

/** A full-page message for the customer (result, expired, not found). */
function Notice({
  icon,
  title,
  children,
}: {
  icon: ReactNode;
  title: string;
  children?: ReactNode;
}) {
  return (
    <div className="flex flex-col items-center gap-3 px-2 py-10 text-center" role="status">
      {icon}
      <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
      {children}
    </div>
  );
}

function Workshop({ quote }: { quote: PortalQuote }) {
  const { workshop, order } = quote;
  return (
    <header className="flex flex-col gap-1 border-b border-slate-200 pb-3">
      <p className="text-lg font-semibold text-slate-900">{workshop.name}</p>
      {workshop.phone && (
        <a href={`tel:${workshop.phone}`} className="inline-flex items-center gap-1 text-primary">
          <Phone className="h-4 w-4" aria-hidden /> {maskPhone(workshop.phone)}
        </a>
      )}
      <p className="text-sm text-slate-600">
        OS #{order.number}
        {order.motorcycle.model && ` · ${order.motorcycle.model}`}
        {order.motorcycle.plate && ` · ${formatPlate(order.motorcycle.plate)}`}
      </p>
    </header>
  );
}

function Decide({ token, quote }: { token: string; quote: PortalQuote }) {
  const items = quote.quote.items;
  const [checked, setChecked] = useState<Set<number>>(() => new Set(items.map((i) => i.id)));
  const [name, setName] = useState('');
  const [accepted, setAccepted] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const decide = useDecideQuote(token);
  const discount = toCents(quote.quote.totals.discount);
  const chosen = items.filter((i) => checked.has(i.id));
  const subtotal = chosen.reduce((sum, i) => sum + toCents(i.total), 0);
  const total = Math.max(0, subtotal - discount);
  const toggle = (id: number) =>
    setChecked((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim().length < 2) return setProblem('Digite seu nome.');
    if (!accepted) return setProblem('Marque “Li e aceito” para confirmar.');
    setProblem(null);
    decide.mutate({
      approved_item_ids: chosen.map((i) => i.id),
      name: name.trim(),
      accept_terms: true,
    });
  };
  if (decide.data) {
    return (
      <Notice
        icon={<CheckCircle2 className="h-12 w-12 text-green-600" aria-hidden />}
        title="Pronto!"
      >
        <p className="text-base text-slate-700" data-testid="portal-result">
          {RESULT_TEXT[decide.data.state]} A oficina já recebeu a sua resposta.
        </p>
      </Notice>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <p className="text-sm text-slate-600">
        Confira os itens. Desmarque o que não quiser fazer agora. Válido até{' '}
        {formatDate(quote.quote.expires_at)}.
      </p>
      <ul className="flex flex-col gap-2" aria-label="Itens do orçamento">
        {items.map((i) => (
          <li key={i.id}>
            <label className="flex min-h-[56px] cursor-pointer items-start gap-3 rounded-lg border border-slate-200 p-3">
              <input
                type="checkbox"
                className="mt-1 h-6 w-6 shrink-0 accent-primary"
                checked={checked.has(i.id)}
                onChange={() => toggle(i.id)}
              />
              <span className="flex min-w-0 flex-1 flex-col">
                <span className="break-words font-medium text-slate-900">{i.description}</span>
                <span className="text-sm text-slate-600">
                  {i.item_type === 'labor' ? 'Serviço' : 'Peça'} ·{' '}
                  {String(i.quantity).replace('.', ',')} × {formatCents(toCents(i.unit_price))}
                </span>
              </span>
              <span className="shrink-0 font-semibold text-slate-900">
                {formatCents(toCents(i.total))}
              </span>
            </label>
          </li>
        ))}
      </ul>
      <dl className="flex flex-col gap-1 rounded-lg bg-slate-50 p-3 text-base">
        {discount > 0 && (
          <div className="flex justify-between text-slate-700">
            <dt>Desconto</dt>
            <dd>− {formatCents(discount)}</dd>
          </div>
        )}
        <div className="flex justify-between text-lg font-semibold text-slate-900">
          <dt>Total aprovado</dt>
          <dd data-testid="portal-total">{formatCents(total)}</dd>
        </div>
      </dl>
      <label className="flex flex-col gap-1">
        <span className="text-sm font-medium text-slate-700">Seu nome</span>
        <input
          className="min-h-[48px] rounded-md border border-slate-300 px-3 text-base"
          autoComplete="name"
          value={name}
          maxLength={120}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <label className="flex min-h-[48px] cursor-pointer items-center gap-3">
        <input
          type="checkbox"
          className="h-6 w-6 shrink-0 accent-primary"
          checked={accepted}
          onChange={(e) => setAccepted(e.target.checked)}
        />
        <span className="text-base text-slate-800">Li e aceito</span>
      </label>
      {(problem ?? decide.error) && <Alert>{problem ?? errorMessage(decide.error)}</Alert>}
      <Button type="submit" className="min-h-[52px] text-base" loading={decide.isPending}>
        {chosen.length === 0 ? 'Recusar orçamento' : 'Aprovar'}
      </Button>
    </form>
  );
}

/** The customer's page: phone-first, no login. */
export function PortalView({ token }: { token: string }) {
  const quote = usePortalQuote(token);
  let body: ReactNode;
  if (quote.isPending) {
    body = <Loading />;
  } else if (quote.isError) {
    const e = quote.error;
    const reason = e instanceof ApiError ? e.details.token : undefined;
    body =
      e instanceof ApiError && e.status === 404 ? (
        <Notice
          icon={
            reason === 'expired' ? (
              <Clock className="h-12 w-12 text-amber-600" aria-hidden />
            ) : (
              <Link2Off className="h-12 w-12 text-slate-500" aria-hidden />
            )
          }
          title={
            reason === 'expired'
              ? 'Orçamento expirado'
              : reason === 'superseded'
                ? 'Há uma versão mais nova'
                : 'Orçamento não encontrado'
          }
        >
          <p className="text-base text-slate-700">{e.message}</p>
        </Notice>
      ) : (
        <Alert>{errorMessage(e)}</Alert>
      );
  } else if (quote.data.quote.state !== 'PENDING') {
    body = (
      <>
        <Workshop quote={quote.data} />
        <Notice
          icon={<CheckCircle2 className="h-12 w-12 text-green-600" aria-hidden />}
          title="Orçamento respondido"
        >
          <p className="text-base text-slate-700" data-testid="portal-result">
            {RESULT_TEXT[quote.data.quote.state]}
          </p>
        </Notice>
      </>
    );
  } else {
    body = (
      <>
        <Workshop quote={quote.data} />
        <h1 className="text-xl font-semibold text-slate-900">
          Orçamento · versão {quote.data.quote.version}
        </h1>
        <Decide token={token} quote={quote.data} />
      </>
    );
  }
  return (
    <main className="mx-auto flex min-h-screen w-full max-w-md flex-col gap-4 bg-surface px-4 py-5">
      {body}
    </main>
  );
}
