import { Badge } from '@/ui/Card';
import {
  PRIORITY_COLORS,
  PRIORITY_LABELS,
  TASK_STATUS_COLORS,
  TASK_STATUS_LABELS,
} from '../labels';
import type { TaskPriority, TaskStatus } from '../types';

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  return (
    <Badge className={TASK_STATUS_COLORS[status]}>{TASK_STATUS_LABELS[status] ?? status}</Badge>
  );
}

/** The priority, said in words (not only by colour). */
export function PriorityBadge({ priority }: { priority: TaskPriority }) {
  return (
    <span data-testid="task-priority">
      <Badge className={PRIORITY_COLORS[priority]}>
        <span className="sr-only">Prioridade </span>
        {PRIORITY_LABELS[priority] ?? priority}
      </Badge>
    </span>
  );
}

/** An open task past its due date (the server's `late`). */
export function LateBadge() {
  return <Badge className="bg-red-600 text-white">Atrasada</Badge>;
}
