import { Link } from 'react-router-dom';
import { Printer } from 'lucide-react';
import { formatDate } from '@/lib/dates';
import { formatMoney } from '@/lib/money';
import { useCurrentUser } from '@/modules/identity/session';
import { Button } from '@/ui/Button';
import { PageHeader } from '@/ui/Card';
import { PeriodCard, PeriodResult, usePeriodParams } from '@/ui/PeriodPicker';
import { EmptyState } from '@/ui/States';
import { Table, td, th } from '@/ui/Table';
import { useCommissions } from '../hooks';
import { formatPercent } from '@/lib/percent';
import type { CommissionLine, CommissionReport as Report } from '../types';

const money = `${td} whitespace-nowrap text-right`;
const moneyHead = `${th} text-right`;

function StaffOrders({ line }: { line: CommissionLine }) {
  return (
    <Table label={`Ordens de ${line.staff_name}`}>
      <thead className="bg-slate-50">
        <tr>
          <th className={th}>OS</th>
          <th className={th}>Fechamento</th>
          <th className={th}>Cliente</th>
          <th className={moneyHead}>Mão de obra</th>
          <th className={moneyHead}>Comissão MO</th>
          <th className={moneyHead}>Peças</th>
          <th className={moneyHead}>Comissão peças</th>
          <th className={moneyHead}>Total</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {line.orders.map((o) => (
          <tr key={o.order_id} data-testid="commission-order">
            <td className={`${td} whitespace-nowrap`}>
              <Link to={`/os/${o.order_id}`} className="font-medium text-primary underline">
                #{o.number}
              </Link>
            </td>
            <td className={`${td} whitespace-nowrap`}>{formatDate(o.closed_at)}</td>
            <td className={td}>{o.customer_name}</td>
            <td className={money}>{formatMoney(o.labor_base)}</td>
            <td className={money}>{formatMoney(o.labor_commission)}</td>
            <td className={money}>{formatMoney(o.parts_base)}</td>
            <td className={money}>{formatMoney(o.parts_commission)}</td>
            <td className={`${money} font-medium`}>{formatMoney(o.total)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function StaffSection({ line }: { line: CommissionLine }) {
  return (
    <section
      className="rounded-lg border border-slate-200 bg-surface p-4 shadow-sm print:break-inside-avoid print:shadow-none"
      aria-label={`Comissão de ${line.staff_name}`}
      data-testid="commission-staff"
    >
      <header className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h2 className="text-base font-semibold text-slate-900">{line.staff_name}</h2>
          <p className="text-xs text-slate-600">
            Mão de obra {formatPercent(line.labor_commission_percent)} · Peças{' '}
            {formatPercent(line.parts_commission_percent)}
          </p>
        </div>
        <p className="text-base font-semibold text-slate-900" data-testid="commission-staff-total">
          {formatMoney(line.total)}
        </p>
      </header>
      <dl className="mb-3 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-500">Mão de obra</dt>
          <dd>{formatMoney(line.labor_base)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Comissão MO</dt>
          <dd data-testid="commission-labor">{formatMoney(line.labor_commission)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Peças</dt>
          <dd>{formatMoney(line.parts_base)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Comissão peças</dt>
          <dd data-testid="commission-parts">{formatMoney(line.parts_commission)}</dd>
        </div>
      </dl>
      <StaffOrders line={line} />
    </section>
  );
}

function Summary({ report }: { report: Report }) {
  return (
    <Table label="Resumo das comissões">
      <thead className="bg-slate-50">
        <tr>
          <th className={th}>Membro da equipe</th>
          <th className={moneyHead}>Comissão MO</th>
          <th className={moneyHead}>Comissão peças</th>
          <th className={moneyHead}>Total</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {report.staff.map((l) => (
          <tr key={l.staff_id}>
            <td className={td}>{l.staff_name}</td>
            <td className={money}>{formatMoney(l.labor_commission)}</td>
            <td className={money}>{formatMoney(l.parts_commission)}</td>
            <td className={`${money} font-medium`}>{formatMoney(l.total)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot className="border-t-2 border-slate-300 font-semibold">
        <tr>
          <td className={td}>Total</td>
          <td className={money}>{formatMoney(report.totals.labor_commission)}</td>
          <td className={money}>{formatMoney(report.totals.parts_commission)}</td>
          <td className={money} data-testid="commission-total">
            {formatMoney(report.totals.total)}
          </td>
        </tr>
      </tfoot>
    </Table>
  );
}

/**
 * The commissions of a period (OWNER, MANAGER: the user's `finance`): per staff member, with
 * the orders behind each line; printable.
 */
export function CommissionReport() {
  const user = useCurrentUser();
  const period = usePeriodParams();
  const { start, end, valid } = period;
  const report = useCommissions(start, end, valid);
  return (
    <div className="flex flex-col gap-4">
      <div className="no-print">
        <PageHeader
          title="Comissões"
          actions={
            <Button
              variant="secondary"
              icon={<Printer className="h-4 w-4" aria-hidden />}
              onClick={() => window.print()}
              disabled={!report.data}
            >
              Imprimir
            </Button>
          }
        />
      </div>
      <header className="print-only mb-2 border-b border-black pb-2 text-black">
        <p className="text-lg font-bold">{user.tenant_name}</p>
        <p>
          Relatório de comissões · {formatDate(start)} a {formatDate(end)}
        </p>
      </header>
      <PeriodCard
        className="no-print"
        period={period}
        note="Pelas OS concluídas no período. A regra de comissão atual de cada membro vale para todo o período."
      />
      <PeriodResult valid={valid} query={report}>
        {(data) =>
          data.staff.length === 0 ? (
            <EmptyState
              title="Nenhuma comissão no período."
              description="Só entram OS concluídas com mecânico ou mão de obra atribuída."
            />
          ) : (
            <>
              <Summary report={data} />
              {data.staff.map((line) => (
                <StaffSection key={line.staff_id} line={line} />
              ))}
            </>
          )
        }
      </PeriodResult>
    </div>
  );
}
