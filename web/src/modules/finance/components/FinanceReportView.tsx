import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatDate } from '@/lib/dates';
import { plural } from '@/lib/plural';
import { formatMoney, toCents } from '@/lib/money';
import { Card, PageHeader } from '@/ui/Card';
import { cn } from '@/ui/cn';
import { PeriodCard, PeriodResult, usePeriodParams } from '@/ui/PeriodPicker';
import { Table, td, th } from '@/ui/Table';
import { detailPath } from '../accounts';
import { useFinanceReport } from '../hooks';
import { CATEGORY_LABELS } from '../labels';
import type { FinanceReport, MoneyBucket } from '../types';

const money = `${td} whitespace-nowrap text-right`;
const moneyHead = `${th} text-right`;
const MONTHS = ['jan', 'fev', 'mar', 'abr', 'mai', 'jun', 'jul', 'ago', 'set', 'out', 'nov', 'dez'];

/** "2026-11" → "nov/2026". */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return `${MONTHS[Number(m) - 1] ?? m}/${y}`;
}

/** A part of a whole (both in cents) as "62 %"; "0 %" without a whole. */
export function share(partCents: number, wholeCents: number): string {
  if (wholeCents === 0) return '0 %';
  return `${Math.round((partCents * 100) / wholeCents)} %`;
}

function Figure({
  label,
  value,
  detail,
  testId,
}: {
  label: string;
  value: string;
  detail?: string;
  testId: string;
}) {
  return (
    <div className="rounded-lg border border-slate-200 bg-surface p-3 shadow-sm">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="text-lg font-semibold text-slate-900" data-testid={testId}>
        {value}
      </dd>
      {detail && <dd className="text-xs text-slate-600">{detail}</dd>}
    </div>
  );
}

function Revenue({ report }: { report: FinanceReport }) {
  const [by, setBy] = useState<'day' | 'month'>('day');
  const rows =
    by === 'day'
      ? report.revenue.by_day
          .filter((d) => toCents(d.amount) !== 0)
          .map((d) => ({ key: d.date, label: formatDate(d.date), amount: d.amount }))
      : report.revenue.by_month.map((m) => ({
          key: m.month,
          label: monthLabel(m.month),
          amount: m.amount,
        }));
  const tab = (v: 'day' | 'month') =>
    cn(
      'rounded-md px-3 py-1 text-sm font-medium',
      by === v ? 'bg-primary text-on-primary' : 'text-slate-700 hover:bg-slate-100',
    );
  return (
    <Card
      title="Faturamento"
      actions={
        <div role="group" aria-label="Agrupar por" className="flex gap-1">
          <button
            type="button"
            aria-pressed={by === 'day'}
            className={tab('day')}
            onClick={() => setBy('day')}
          >
            Por dia
          </button>
          <button
            type="button"
            aria-pressed={by === 'month'}
            className={tab('month')}
            onClick={() => setBy('month')}
          >
            Por mês
          </button>
        </div>
      }
    >
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">Nada recebido no período.</p>
      ) : (
        <Table label={by === 'day' ? 'Faturamento por dia' : 'Faturamento por mês'}>
          <thead className="bg-slate-50">
            <tr>
              <th className={th}>{by === 'day' ? 'Dia' : 'Mês'}</th>
              <th className={moneyHead}>Recebido</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.key}>
                <td className={td}>{r.label}</td>
                <td className={money}>{formatMoney(r.amount)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <p className="mt-2 text-xs text-slate-600">
        Taxas de cartão {formatMoney(report.revenue.card_fees)} · líquido{' '}
        {formatMoney(report.revenue.net_of_fees)}
      </p>
    </Card>
  );
}

const AGING: { key: keyof FinanceReport['receivables_aging']; label: string }[] = [
  { key: 'not_due', label: 'A vencer' },
  { key: 'days_1_30', label: '1 a 30 dias' },
  { key: 'days_31_60', label: '31 a 60 dias' },
  { key: 'days_61_90', label: '61 a 90 dias' },
  { key: 'days_90_plus', label: 'Mais de 90 dias' },
];

function Aging({ aging }: { aging: FinanceReport['receivables_aging'] }) {
  const row = (label: string, b: MoneyBucket, key: string, strong = false) => (
    <tr key={key} data-testid={`aging-${key}`} className={strong ? 'font-semibold' : undefined}>
      <td className={td}>{label}</td>
      <td className={`${td} text-right`}>{b.count}</td>
      <td className={money}>{formatMoney(b.total)}</td>
    </tr>
  );
  return (
    <Card title="Contas a receber por atraso">
      <Table label="Contas a receber por atraso">
        <thead className="bg-slate-50">
          <tr>
            <th className={th}>Atraso</th>
            <th className={`${th} text-right`}>Contas</th>
            <th className={moneyHead}>Em aberto</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {AGING.map((a) => row(a.label, aging[a.key], a.key))}
        </tbody>
        <tfoot className="border-t-2 border-slate-300">
          {row('Total', aging.total, 'total', true)}
        </tfoot>
      </Table>
    </Card>
  );
}

function PayablesDue({ payables }: { payables: FinanceReport['payables'] }) {
  const due = payables.due_next_7_days;
  return (
    <Card title="Contas a pagar nos próximos 7 dias">
      <p className="mb-2 text-sm text-slate-700" data-testid="payables-due">
        {plural(due.count, 'conta', 'contas')} · {formatMoney(due.total)}
        {payables.overdue.count > 0 &&
          ` · ${plural(payables.overdue.count, 'vencida', 'vencidas')} (${formatMoney(payables.overdue.total)})`}
      </p>
      {due.items.length > 0 && (
        <ul className="flex flex-col divide-y divide-slate-100 text-sm">
          {due.items.map((p) => (
            <li key={p.id} className="flex flex-wrap justify-between gap-2 py-1.5">
              <span>
                <Link to={detailPath('payable', p.id)} className="text-primary underline">
                  {p.supplier_name}
                </Link>
                <span className="block text-xs text-slate-500">
                  {CATEGORY_LABELS[p.category]} · vence {formatDate(p.due_date)}
                </span>
              </span>
              <span className="whitespace-nowrap">{formatMoney(p.open_amount)}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function TopCustomers({ rows }: { rows: FinanceReport['top_customers'] }) {
  return (
    <Card title="Clientes que mais pagaram">
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">Nenhum recebimento no período.</p>
      ) : (
        <Table label="Clientes que mais pagaram">
          <thead className="bg-slate-50">
            <tr>
              <th className={th}>Cliente</th>
              <th className={`${th} text-right`}>Pagamentos</th>
              <th className={moneyHead}>Total</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((c, i) => (
              <tr key={`${c.customer_id ?? 'x'}-${i}`} data-testid="top-customer">
                <td className={td}>
                  {c.customer_id != null ? (
                    <Link to={`/clientes/${c.customer_id}`} className="text-primary underline">
                      {c.customer_name}
                    </Link>
                  ) : (
                    c.customer_name
                  )}
                </td>
                <td className={`${td} text-right`}>{c.payments}</td>
                <td className={money}>{formatMoney(c.amount)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}

function ReportBody({ report }: { report: FinanceReport }) {
  const o = report.orders;
  const itemsTotal = toCents(o.total_parts) + toCents(o.total_labor);
  return (
    <>
      <dl className="grid grid-cols-1 gap-3 min-[400px]:grid-cols-2 lg:grid-cols-4">
        <Figure
          label="Faturamento (recebido)"
          value={formatMoney(report.revenue.total)}
          detail={plural(report.revenue.payments, 'pagamento', 'pagamentos')}
          testId="report-revenue"
        />
        <Figure
          label="Ordens concluídas"
          value={String(o.completed)}
          detail={formatMoney(o.total_amount)}
          testId="report-orders"
        />
        <Figure label="Ticket médio" value={formatMoney(o.average_ticket)} testId="report-ticket" />
        <Figure
          label="Peças · mão de obra"
          value={`${share(toCents(o.total_parts), itemsTotal)} · ${share(toCents(o.total_labor), itemsTotal)}`}
          detail={`${formatMoney(o.total_parts)} · ${formatMoney(o.total_labor)}`}
          testId="report-mix"
        />
      </dl>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Revenue report={report} />
        <div className="flex min-w-0 flex-col gap-4">
          <Aging aging={report.receivables_aging} />
          <PayablesDue payables={report.payables} />
        </div>
      </div>
      <TopCustomers rows={report.top_customers} />
    </>
  );
}

/** Relatórios: revenue, completed orders, ticket, parts vs labor, aging, payables, customers. */
export function FinanceReportView() {
  const period = usePeriodParams();
  const report = useFinanceReport(period.start, period.end, period.valid);
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title="Relatórios financeiros" />
      <PeriodCard
        period={period}
        note="Faturamento pelo que foi recebido no período; ordens pela data de conclusão; atrasos e contas a pagar como estão hoje."
      />
      <PeriodResult valid={period.valid} query={report}>
        {(data) => <ReportBody report={data} />}
      </PeriodResult>
    </div>
  );
}
