import { useState } from 'react';
import { todayIso } from '@/lib/dates';
import { PAGE_SIZE } from '@/lib/hooks';
import { Pagination } from '@/ui/Pagination';
import { Alert, EmptyState, ErrorState, Loading } from '@/ui/States';
import { useTasks } from '../hooks';
import { TASK_STATUSES, TASK_STATUS_LABELS } from '../labels';
import { quickFilterQuery } from '../taskFilters';
import type { Task, TaskStatus } from '../types';
import { useTaskParams } from './TaskFiltersBar';
import { TaskFormDialog } from './TaskForm';
import { TaskItem } from './TaskItem';
import { useTaskMove } from './useTaskMove';

const EMPTY: Record<string, string> = {
  mine: 'Nenhuma tarefa sua.',
  late: 'Nenhuma tarefa atrasada.',
  today: 'Nenhuma tarefa para hoje.',
};

/** The tasks as a list, newest first, with the URL's filters and a status filter. */
export function TaskList() {
  const { params, quick, assignee, offset, update } = useTaskParams();
  const status = (params.get('status') ?? '') as TaskStatus | '';
  const tasks = useTasks({
    ...quickFilterQuery(quick, todayIso()),
    status: status || undefined,
    assigned_to_id: assignee ? Number(assignee) : undefined,
    limit: PAGE_SIZE,
    offset,
  });
  const { move, refusal, pendingId, pendingStatus } = useTaskMove();
  const [editing, setEditing] = useState<Task | undefined>();
  return (
    <div className="flex flex-col gap-3">
      <label className="flex items-center gap-2 self-start text-sm text-slate-700">
        Situação
        <select
          value={status}
          onChange={(e) => update({ status: e.target.value })}
          className="rounded border border-slate-300 bg-surface px-2 py-1 text-sm"
        >
          <option value="">Todas</option>
          {TASK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {TASK_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      {refusal && <Alert>Não foi possível mudar a tarefa: {refusal}</Alert>}
      {tasks.isPending ? (
        <Loading />
      ) : tasks.isError ? (
        <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : tasks.data.items.length === 0 ? (
        <EmptyState
          title={(quick && EMPTY[quick]) || 'Nenhuma tarefa encontrada.'}
          description="Crie uma tarefa com “Nova tarefa”."
        />
      ) : (
        <>
          <ul
            aria-label="Lista de tarefas"
            className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-surface px-3"
          >
            {tasks.data.items.map((t) => (
              <TaskItem
                key={t.id}
                task={t}
                onMove={move}
                onEdit={setEditing}
                moving={pendingId === t.id}
                movingTo={pendingStatus}
              />
            ))}
          </ul>
          <Pagination
            total={tasks.data.total}
            limit={PAGE_SIZE}
            offset={offset}
            onChange={(o) => update({ offset: String(o) })}
          />
        </>
      )}
      <TaskFormDialog
        open={editing !== undefined}
        task={editing}
        onClose={() => setEditing(undefined)}
      />
    </div>
  );
}
