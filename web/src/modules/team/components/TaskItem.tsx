import { Link } from 'react-router-dom';
import { CalendarDays, Pencil, User } from 'lucide-react';
import { formatDate } from '@/lib/dates';
import { cn } from '@/ui/cn';
import { TASK_STATUSES, TASK_STATUS_LABELS } from '../labels';
import type { Task, TaskStatus } from '../types';
import { LateBadge, PriorityBadge, TaskStatusBadge } from './TaskBadges';

/** Due date, assignee, order and customer of a task, as one line of small print. */
export function TaskMeta({
  task,
  showOrder = true,
  showCustomer = true,
}: {
  task: Task;
  showOrder?: boolean;
  showCustomer?: boolean;
}) {
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
      {task.due_date && (
        <span
          className={cn('inline-flex items-center gap-1', task.late && 'font-medium text-red-700')}
          data-testid="task-due"
        >
          <CalendarDays className="h-3.5 w-3.5" aria-hidden />
          <span className="sr-only">Prazo: </span>
          {formatDate(task.due_date)}
        </span>
      )}
      <span className="inline-flex items-center gap-1" data-testid="task-assignee">
        <User className="h-3.5 w-3.5" aria-hidden />
        <span className="sr-only">Responsável: </span>
        {task.assigned_to_name ?? 'Sem responsável'}
      </span>
      {showOrder && task.related_order_id != null && (
        <Link to={`/os/${task.related_order_id}`} className="text-primary underline">
          OS #{task.related_order_number ?? task.related_order_id}
        </Link>
      )}
      {showCustomer && task.customer_id != null && (
        <Link to={`/clientes/${task.customer_id}`} className="truncate text-primary underline">
          {task.customer_name}
        </Link>
      )}
    </p>
  );
}

/** The task's status as a select for whom its `can` lets move it, else as a badge. */
export function TaskStatusControl({
  task,
  onMove,
  disabled,
  pendingStatus,
}: {
  task: Task;
  onMove: (task: Task, to: TaskStatus) => void;
  disabled?: boolean;
  /** The status it is being moved to, while the move is sent. */
  pendingStatus?: TaskStatus;
}) {
  if (!task.can.change_status) return <TaskStatusBadge status={task.status} />;
  return (
    <select
      value={pendingStatus ?? task.status}
      disabled={disabled}
      aria-label={`Situação da tarefa ${task.title}`}
      onChange={(e) => {
        const to = e.target.value as TaskStatus;
        if (to !== task.status) onMove(task, to);
      }}
      className="rounded border border-slate-300 bg-surface px-2 py-1 text-sm text-slate-800"
    >
      {TASK_STATUSES.map((s) => (
        <option key={s} value={s}>
          {TASK_STATUS_LABELS[s]}
        </option>
      ))}
    </select>
  );
}

/** One task in a list: title, priority, late, its data, its status and (when allowed) edit. */
export function TaskItem({
  task,
  onMove,
  onEdit,
  moving,
  movingTo,
  showOrder,
  showCustomer,
  stacked = false,
}: {
  task: Task;
  onMove: (task: Task, to: TaskStatus) => void;
  onEdit: (task: Task) => void;
  moving?: boolean;
  movingTo?: TaskStatus;
  showOrder?: boolean;
  showCustomer?: boolean;
  /** Status and edit under the task's data (a narrow column), not beside it. */
  stacked?: boolean;
}) {
  const closed = task.status === 'DONE' || task.status === 'CANCELLED';
  return (
    <li
      data-testid="task-row"
      aria-label={task.title}
      className={cn(
        'flex flex-col gap-2 py-3',
        !stacked && 'sm:flex-row sm:items-start',
        moving && 'opacity-50',
      )}
    >
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <span
            className={cn(
              'min-w-0 break-words font-medium text-slate-900',
              closed && 'text-slate-500 line-through',
            )}
          >
            {task.title}
          </span>
          <PriorityBadge priority={task.priority} />
          {task.late && <LateBadge />}
        </div>
        {task.description && (
          <p className="mt-0.5 whitespace-pre-line break-words text-sm text-slate-600">
            {task.description}
          </p>
        )}
        <div className="mt-1">
          <TaskMeta task={task} showOrder={showOrder} showCustomer={showCustomer} />
        </div>
      </div>
      <div className="flex shrink-0 items-center gap-1" data-testid="task-status">
        <TaskStatusControl
          task={task}
          onMove={onMove}
          disabled={moving}
          pendingStatus={moving ? movingTo : undefined}
        />
        {task.can.edit && (
          <button
            type="button"
            onClick={() => onEdit(task)}
            className="rounded p-1.5 text-slate-600 hover:bg-slate-100"
            aria-label={`Editar tarefa ${task.title}`}
          >
            <Pencil className="h-4 w-4" aria-hidden />
          </button>
        )}
      </div>
    </li>
  );
}
