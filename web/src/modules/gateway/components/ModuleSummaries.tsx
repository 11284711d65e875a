import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ListTodo, Wallet } from 'lucide-react';
import { addDaysIso, todayIso } from '@/lib/dates';
import { formatMoney, toCents } from '@/lib/money';
import { plural } from '@/lib/plural';
import { useCurrentUser } from '@/modules/identity/session';
import { Card } from '@/ui/Card';
import { ErrorState, Loading } from '@/ui/States';
import { useOverview } from '../hooks';
import { available } from '../summary';
import type { Overview } from '../types';

type Receivables = Exclude<NonNullable<Overview['receivables']>, { error: 'unavailable' }>;
type Payables = Exclude<NonNullable<Overview['payables']>, { error: 'unavailable' }>;
type Revenue = Exclude<NonNullable<Overview['revenue']>, { error: 'unavailable' }>;
type Tasks = Exclude<NonNullable<Overview['tasks']>, { error: 'unavailable' }>;

function SummaryCard({
  title,
  icon,
  testId,
  children,
}: {
  title: string;
  icon: ReactNode;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Card
      title={
        <span className="flex items-center gap-2">
          {icon} {title}
        </span>
      }
    >
      <div data-testid={testId} className="text-sm text-slate-700">
        {children}
      </div>
    </Card>
  );
}

/** Today's revenue, overdue receivables and this week's payables, each a link to its list. */
function MoneyCounts({
  receivables,
  payables,
  revenue,
}: {
  receivables: Receivables;
  payables: Payables | null;
  revenue: Revenue | null;
}) {
  const tile =
    'flex h-full flex-col rounded-md border border-slate-200 p-2 hover:border-primary focus:outline-none focus-visible:ring-2 focus-visible:ring-primary';
  return (
    <div className="flex flex-col gap-2">
      <ul className="grid grid-cols-1 gap-2 min-[400px]:grid-cols-3">
        <li>
          <Link to="/financeiro/fluxo" className={tile} data-testid="revenue-today">
            <span className="text-lg font-semibold text-slate-900">
              {revenue ? formatMoney(revenue.today) : '—'}
            </span>
            <span className="text-xs text-slate-600">
              recebido hoje
              {revenue && ` (${plural(revenue.today_payments, 'pagamento', 'pagamentos')})`}
            </span>
          </Link>
        </li>
        <li>
          <Link
            to="/financeiro/receber?vencidas=1"
            className={tile}
            data-testid="receivables-overdue"
          >
            <span
              className={`text-lg font-semibold ${receivables.overdue_count > 0 ? 'text-red-700' : 'text-slate-900'}`}
            >
              {formatMoney(receivables.overdue_total)}
            </span>
            <span className="text-xs text-slate-600">
              {plural(receivables.overdue_count, 'conta vencida', 'contas vencidas')}
            </span>
          </Link>
        </li>
        <li>
          <Link
            to={`/financeiro/pagar?de=${todayIso()}&ate=${addDaysIso(todayIso(), 7)}`}
            className={tile}
            data-testid="payables-week"
          >
            <span className="text-lg font-semibold text-slate-900">
              {payables ? formatMoney(payables.due_7d_total) : '—'}
            </span>
            <span className="text-xs text-slate-600">
              {payables
                ? `${plural(payables.due_7d_count, 'conta a pagar', 'contas a pagar')} em 7 dias`
                : 'contas a pagar indisponíveis'}
            </span>
          </Link>
        </li>
      </ul>
      <p>
        {plural(
          receivables.pending_count,
          'conta a receber em aberto',
          'contas a receber em aberto',
        )}{' '}
        · {formatMoney(receivables.pending_total)}
        {toCents(receivables.due_7d_total) > 0 &&
          ` · ${formatMoney(receivables.due_7d_total)} vencem em 7 dias`}
      </p>
    </div>
  );
}

/** Open, late and due-today tasks, each a link to the task list so filtered. */
function TaskCounts({ tasks }: { tasks: Tasks }) {
  const rows = [
    {
      to: '/tarefas?view=list',
      testId: 'tasks-open',
      count: tasks.open_count,
      label: 'em aberto',
      tone: 'text-slate-800',
    },
    {
      to: '/tarefas?view=list&filter=late',
      testId: 'tasks-late',
      count: tasks.late_count,
      label: tasks.late_count === 1 ? 'atrasada' : 'atrasadas',
      tone: tasks.late_count > 0 ? 'text-red-700' : 'text-slate-800',
    },
    {
      to: '/tarefas?view=list&filter=today',
      testId: 'tasks-today',
      count: tasks.due_today,
      label: 'para hoje',
      tone: 'text-slate-800',
    },
  ];
  return (
    <ul className="grid grid-cols-3 gap-2">
      {rows.map((r) => (
        <li key={r.testId}>
          <Link
            to={r.to}
            data-testid={r.testId}
            className="flex h-full flex-col rounded-md border border-slate-200 p-2 hover:border-primary focus:outline-none focus-visible:ring-2 focus-visible:ring-primary"
          >
            <span className={`text-2xl font-semibold ${r.tone}`}>{r.count}</span>
            <span className="text-xs text-slate-600">{r.label}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Finance and team figures of the overview; a module that cannot answer says so. */
export function ModuleSummaries() {
  const { can } = useCurrentUser();
  const overview = useOverview();
  if (!can.finance && !can.work_tasks) return null;
  if (overview.isPending) return <Loading />;
  if (overview.isError) {
    return <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />;
  }
  const receivables = available<Receivables>(overview.data.receivables);
  const tasks = available<Tasks>(overview.data.tasks);
  const payables = available<Payables>(overview.data.payables);
  const revenue = available<Revenue>(overview.data.revenue);
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      {can.finance && (
        <SummaryCard
          title="Financeiro"
          icon={<Wallet className="h-4 w-4" aria-hidden />}
          testId="summary-receivables"
        >
          {receivables ? (
            <MoneyCounts receivables={receivables} payables={payables} revenue={revenue} />
          ) : (
            <p>Módulo financeiro indisponível no momento.</p>
          )}
        </SummaryCard>
      )}
      {can.work_tasks && (
        <SummaryCard
          title="Tarefas"
          icon={<ListTodo className="h-4 w-4" aria-hidden />}
          testId="summary-tasks"
        >
          {tasks ? (
            <TaskCounts tasks={tasks} />
          ) : (
            <p>Módulo de equipe e tarefas indisponível no momento.</p>
          )}
        </SummaryCard>
      )}
    </div>
  );
}
