import { lazy, Suspense } from 'react';
import { formatDate } from '@/lib/dates';
import { formatMoney, formatSignedMoney, toCents } from '@/lib/money';
import { Card, PageHeader } from '@/ui/Card';
import { cn } from '@/ui/cn';
import { PeriodCard, PeriodResult, usePeriodParams } from '@/ui/PeriodPicker';
import { Loading } from '@/ui/States';
import { Table, td, th } from '@/ui/Table';
import { useCashFlow } from '../hooks';
import type { CashFlow } from '../types';
import { MethodTable } from './MethodTable';

// The chart library is large: its own chunk, loaded with this screen only.
const CashFlowChart = lazy(async () => ({
  default: (await import('./CashFlowChart')).CashFlowChart,
}));

const money = `${td} whitespace-nowrap text-right`;
const moneyHead = `${th} text-right`;
const netTone = (value: number) => (toCents(value) < 0 ? 'text-red-700' : undefined);

function Totals({ flow }: { flow: CashFlow }) {
  return (
    <dl className="grid grid-cols-1 gap-2 min-[400px]:grid-cols-3">
      <div className="rounded-md border border-slate-200 p-2">
        <dt className="text-xs text-slate-600">Entradas</dt>
        <dd className="text-lg font-semibold text-blue-800" data-testid="cashflow-in">
          {formatMoney(flow.total_in)}
        </dd>
      </div>
      <div className="rounded-md border border-slate-200 p-2">
        <dt className="text-xs text-slate-600">Saídas</dt>
        <dd className="text-lg font-semibold text-orange-800" data-testid="cashflow-out">
          {formatMoney(flow.total_out)}
        </dd>
      </div>
      <div className="rounded-md border border-slate-200 p-2">
        <dt className="text-xs text-slate-600">Saldo</dt>
        <dd className={cn('text-lg font-semibold', netTone(flow.net))} data-testid="cashflow-net">
          {formatSignedMoney(flow.net)}
        </dd>
      </div>
    </dl>
  );
}

/** The days with money in or out (a day without any is left out of the table). */
function DailyTable({ flow }: { flow: CashFlow }) {
  const days = flow.daily.filter((d) => toCents(d.in) !== 0 || toCents(d.out) !== 0);
  if (days.length === 0) {
    return <p className="text-sm text-slate-500">Nenhuma entrada ou saída no período.</p>;
  }
  return (
    <Table label="Fluxo de caixa por dia">
      <thead className="bg-slate-50">
        <tr>
          <th className={th}>Dia</th>
          <th className={moneyHead}>Entradas</th>
          <th className={moneyHead}>Saídas</th>
          <th className={moneyHead}>Saldo</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {days.map((d) => (
          <tr key={d.date} data-testid="cashflow-day">
            <td className={`${td} whitespace-nowrap`}>{formatDate(d.date)}</td>
            <td className={money}>{formatMoney(d.in)}</td>
            <td className={money}>{formatMoney(d.out)}</td>
            <td className={cn(money, netTone(d.net))}>{formatSignedMoney(d.net)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot className="border-t-2 border-slate-300 font-semibold">
        <tr>
          <td className={td}>Total</td>
          <td className={money}>{formatMoney(flow.total_in)}</td>
          <td className={money}>{formatMoney(flow.total_out)}</td>
          <td className={cn(money, netTone(flow.net))}>{formatSignedMoney(flow.net)}</td>
        </tr>
      </tfoot>
    </Table>
  );
}

/** Fluxo de caixa: money in and out of a period by day, as a chart and a table. */
export function CashFlowView() {
  const period = usePeriodParams();
  const flow = useCashFlow(period.start, period.end, period.valid);
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title="Fluxo de caixa" />
      <PeriodCard
        period={period}
        note="Pelos pagamentos recebidos e feitos, na data de cada pagamento. Sangrias e suprimentos do caixa não entram."
      />
      <PeriodResult valid={period.valid} query={flow}>
        {(data) => (
          <>
            <Totals flow={data} />
            <div className="grid grid-cols-1 gap-4 xl:grid-cols-5">
              <Card title="Por dia" className="min-w-0 xl:col-span-3">
                <Suspense fallback={<Loading label="Carregando o gráfico…" />}>
                  <CashFlowChart daily={data.daily} />
                </Suspense>
              </Card>
              <div className="flex min-w-0 flex-col gap-4 xl:col-span-2">
                <DailyTable flow={data} />
              </div>
            </div>
            <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
              <Card title="Entradas por forma de pagamento">
                <MethodTable label="Entradas por forma de pagamento" totals={data.by_method.in} />
              </Card>
              <Card title="Saídas por forma de pagamento">
                <MethodTable label="Saídas por forma de pagamento" totals={data.by_method.out} />
              </Card>
            </div>
          </>
        )}
      </PeriodResult>
    </div>
  );
}
