import { useState } from 'react';
import type { DragEvent } from 'react';
import { Link } from 'react-router-dom';
import { todayIso } from '@/lib/dates';
import { cn } from '@/ui/cn';
import { Alert, ErrorState, Loading } from '@/ui/States';
import { useTasks } from '../hooks';
import { TASK_STATUSES, TASK_STATUS_DOTS, TASK_STATUS_LABELS } from '../labels';
import { quickFilterQuery } from '../taskFilters';
import type { Id, Task, TaskFilters, TaskStatus } from '../types';
import { useTaskParams } from './TaskFiltersBar';
import { TaskFormDialog } from './TaskForm';
import { TaskMeta } from './TaskItem';
import { LateBadge, PriorityBadge } from './TaskBadges';
import { useTaskMove } from './useTaskMove';

const COLUMN_LIMIT = 50;
const DRAG_TYPE = 'application/x-motogestor-task';

function TaskCard({
  task,
  onMove,
  onDrag,
  onEdit,
  moving,
}: {
  task: Task;
  onMove: (task: Task, to: TaskStatus) => void;
  onDrag: (task: Task | null) => void;
  onEdit: (task: Task) => void;
  moving: boolean;
}) {
  const movable = task.can.change_status;
  const onDragStart = (e: DragEvent<HTMLElement>) => {
    e.dataTransfer.setData(DRAG_TYPE, String(task.id));
    e.dataTransfer.setData('text/plain', String(task.id));
    e.dataTransfer.effectAllowed = 'move';
    onDrag(task);
  };
  return (
    <article
      draggable={movable}
      onDragStart={onDragStart}
      onDragEnd={() => onDrag(null)}
      data-testid={`task-card-${task.id}`}
      aria-label={task.title}
      className={cn(
        'flex flex-col gap-1.5 rounded-md border border-slate-200 bg-surface p-3 shadow-sm',
        movable && 'cursor-grab active:cursor-grabbing',
        moving && 'opacity-50',
      )}
    >
      {task.can.edit ? (
        <button
          type="button"
          onClick={() => onEdit(task)}
          aria-label={`Editar tarefa ${task.title}`}
          className="min-w-0 break-words text-left text-sm font-semibold text-primary underline"
        >
          {task.title}
        </button>
      ) : (
        <p className="min-w-0 break-words text-sm font-semibold text-slate-900">{task.title}</p>
      )}
      <div className="flex flex-wrap gap-1">
        <PriorityBadge priority={task.priority} />
        {task.late && <LateBadge />}
      </div>
      <TaskMeta task={task} />
      {movable && (
        <select
          className="mt-1 block w-full rounded border border-slate-300 bg-surface px-2 py-1 text-xs text-slate-700"
          value=""
          disabled={moving}
          aria-label={`Mover tarefa ${task.title} para`}
          onChange={(e) => {
            const to = e.target.value as TaskStatus;
            if (to) onMove(task, to);
          }}
        >
          <option value="">Mover para…</option>
          {TASK_STATUSES.filter((s) => s !== task.status).map((s) => (
            <option key={s} value={s}>
              {TASK_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      )}
    </article>
  );
}

function Column({
  status,
  filters,
  onMove,
  dragging,
  onDrag,
  onEdit,
  movingId,
}: {
  status: TaskStatus;
  filters: TaskFilters;
  onMove: (task: Task, to: TaskStatus) => void;
  dragging: Task | null;
  onDrag: (task: Task | null) => void;
  onEdit: (task: Task) => void;
  movingId: Id | undefined;
}) {
  const tasks = useTasks({ ...filters, status, limit: COLUMN_LIMIT });
  const [over, setOver] = useState(false);
  // Any status may follow any other; the task's `can` says whether this user may move it.
  const accepts = dragging !== null && dragging.can.change_status && dragging.status !== status;
  const onDrop = (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    setOver(false);
    if (dragging && accepts) onMove(dragging, status);
    onDrag(null);
  };
  return (
    <section
      aria-label={TASK_STATUS_LABELS[status]}
      data-testid={`task-column-${status}`}
      data-drop-target={accepts || undefined}
      onDragOver={(e) => {
        if (accepts && e.dataTransfer.types.includes(DRAG_TYPE)) {
          e.preventDefault();
          setOver(true);
        }
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      className={cn(
        'flex w-72 shrink-0 snap-start flex-col gap-2 rounded-lg bg-slate-100 p-2 md:w-auto md:min-w-0 md:flex-1',
        accepts && 'ring-1 ring-primary/40',
        over && 'ring-2 ring-primary',
      )}
    >
      <header className="flex items-center justify-between px-1">
        <h2 className="text-sm font-semibold text-slate-800">
          <span
            className={cn('mr-1 inline-block h-2 w-2 rounded-full', TASK_STATUS_DOTS[status])}
            aria-hidden
          />
          {TASK_STATUS_LABELS[status]}
        </h2>
        <span className="text-xs text-slate-600">{tasks.data?.total ?? ''}</span>
      </header>
      {tasks.isPending ? (
        <Loading />
      ) : tasks.isError ? (
        <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : tasks.data.items.length === 0 ? (
        <p className="px-1 py-4 text-center text-xs text-slate-500">Nenhuma tarefa.</p>
      ) : (
        tasks.data.items.map((t) => (
          <TaskCard
            key={t.id}
            task={t}
            onMove={onMove}
            onDrag={onDrag}
            onEdit={onEdit}
            moving={movingId === t.id}
          />
        ))
      )}
      {tasks.data && tasks.data.total > tasks.data.items.length && (
        <Link
          to={`/tarefas?view=list&status=${status}`}
          className="px-1 text-center text-xs text-primary underline"
        >
          Ver todas ({tasks.data.total})
        </Link>
      )}
    </section>
  );
}

/** The tasks by status; a card moves by drag or by its "Mover para…". */
export function TaskBoard() {
  const { quick, assignee } = useTaskParams();
  const filters: TaskFilters = {
    ...quickFilterQuery(quick, todayIso(), { board: true }),
    assigned_to_id: assignee ? Number(assignee) : undefined,
  };
  const { move, refusal, pendingId } = useTaskMove();
  const [dragging, setDragging] = useState<Task | null>(null);
  const [editing, setEditing] = useState<Task | undefined>();
  return (
    <div className="flex flex-col gap-3">
      {refusal && (
        <div data-testid="task-move-refused">
          <Alert>Movimentação recusada: {refusal}</Alert>
        </div>
      )}
      <p className="text-xs text-slate-500">
        Arraste um cartão para outra coluna ou use “Mover para…”.
      </p>
      <div className="relative -mx-3 flex snap-x gap-3 overflow-x-auto px-3 pb-2 md:mx-0 md:px-0">
        {TASK_STATUSES.map((s) => (
          <Column
            key={s}
            status={s}
            filters={filters}
            onMove={move}
            dragging={dragging}
            onDrag={setDragging}
            onEdit={setEditing}
            movingId={pendingId}
          />
        ))}
      </div>
      <TaskFormDialog
        open={editing !== undefined}
        task={editing}
        onClose={() => setEditing(undefined)}
      />
    </div>
  );
}
