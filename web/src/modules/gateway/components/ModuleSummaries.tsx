import type { ReactNode } from 'react';
import { ListTodo, Wallet } from 'lucide-react';
import { formatMoney } from '@/lib/money';
import { useCurrentUser } from '@/modules/identity/session';
import { Card } from '@/ui/Card';
import { ErrorState, Loading } from '@/ui/States';
import { useOverview } from '../hooks';
import { available } from '../summary';
import type { Overview } from '../types';

type Receivables = Exclude<NonNullable<Overview['receivables']>, { error: 'unavailable' }>;
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
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      {can.finance && (
        <SummaryCard
          title="Contas a receber"
          icon={<Wallet className="h-4 w-4" aria-hidden />}
          testId="summary-receivables"
        >
          {receivables ? (
            <p>
              {receivables.pending_count ?? 0} pendentes ·{' '}
              {formatMoney(receivables.pending_total ?? 0)}
            </p>
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
            <p>{tasks.open_count ?? 0} tarefas em aberto</p>
          ) : (
            <p>Módulo de equipe e tarefas indisponível no momento.</p>
          )}
        </SummaryCard>
      )}
    </div>
  );
}
