import { useState } from 'react';
import { errorMessage } from '@/lib/api/errors';
import { useToast } from '@/ui/Toast';
import { useUpdateTask } from '../hooks';
import { TASK_STATUS_LABELS } from '../labels';
import type { Task, TaskStatus } from '../types';

/** Moving a task to another status (everyone whose task `can.change_status`), with a toast. */
export function useTaskMove() {
  const update = useUpdateTask();
  const toast = useToast();
  const [refusal, setRefusal] = useState<string | null>(null);
  const move = (task: Pick<Task, 'id' | 'title'>, to: TaskStatus) => {
    setRefusal(null);
    update.mutate(
      { id: task.id, patch: { status: to } },
      {
        onSuccess: () => toast.show(`Tarefa “${task.title}”: ${TASK_STATUS_LABELS[to]}.`),
        onError: (error) => setRefusal(errorMessage(error)),
      },
    );
  };
  const pendingId = update.isPending ? update.variables.id : undefined;
  /** The status a task is being moved to, shown while the move is sent. */
  const pendingStatus = update.isPending ? update.variables.patch.status : undefined;
  return { move, refusal, pendingId, pendingStatus: pendingStatus ?? undefined };
}
