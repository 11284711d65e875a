import { useState } from 'react';
import { Plus } from 'lucide-react';
import { useCurrentUser } from '@/modules/identity/session';
import { Button } from '@/ui/Button';
import { Card } from '@/ui/Card';
import { Alert, ErrorState, Loading } from '@/ui/States';
import { useTasks } from '../hooks';
import type { Task, TaskFilters } from '../types';
import { TaskFormDialog, type TaskContext } from './TaskForm';
import { TaskItem } from './TaskItem';
import { useTaskMove } from './useTaskMove';

const LIMIT = 50;

/**
 * The tasks of an order or a customer (`filters`), with "Nova tarefa" about it (`context`).
 * Each task's controls follow its `can`.
 */
export function RelatedTasks({
  filters,
  context,
  emptyText,
  showOrder = true,
  showCustomer = true,
  stacked = false,
}: {
  filters: TaskFilters;
  context: TaskContext;
  emptyText: string;
  showOrder?: boolean;
  showCustomer?: boolean;
  stacked?: boolean;
}) {
  const { can } = useCurrentUser();
  const tasks = useTasks({ ...filters, limit: LIMIT });
  const { move, refusal, pendingId, pendingStatus } = useTaskMove();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Task | undefined>();
  return (
    <div data-testid="related-tasks">
      <Card
        title="Tarefas"
        actions={
          can.work_tasks && (
            <Button
              size="sm"
              variant="secondary"
              icon={<Plus className="h-4 w-4" aria-hidden />}
              onClick={() => setCreating(true)}
            >
              Nova tarefa
            </Button>
          )
        }
      >
        {refusal && <Alert>Não foi possível mudar a tarefa: {refusal}</Alert>}
        {tasks.isPending ? (
          <Loading />
        ) : tasks.isError ? (
          <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />
        ) : tasks.data.items.length === 0 ? (
          <p className="text-sm text-slate-500">{emptyText}</p>
        ) : (
          <>
            <ul className="divide-y divide-slate-100" aria-label="Tarefas">
              {tasks.data.items.map((t) => (
                <TaskItem
                  key={t.id}
                  task={t}
                  onMove={move}
                  onEdit={setEditing}
                  moving={pendingId === t.id}
                  movingTo={pendingStatus}
                  showOrder={showOrder}
                  showCustomer={showCustomer}
                  stacked={stacked}
                />
              ))}
            </ul>
            {tasks.data.total > tasks.data.items.length && (
              <p className="text-xs text-slate-500">
                Mostrando {tasks.data.items.length} de {tasks.data.total} tarefas.
              </p>
            )}
          </>
        )}
        <TaskFormDialog open={creating} context={context} onClose={() => setCreating(false)} />
        <TaskFormDialog
          open={editing !== undefined}
          task={editing}
          onClose={() => setEditing(undefined)}
        />
      </Card>
    </div>
  );
}

/** An order's tasks, on its page. */
export function OrderTasks({
  order,
}: {
  order: { id: number; number: number; customer_name: string };
}) {
  return (
    <RelatedTasks
      filters={{ related_order_id: order.id }}
      context={{ orderId: order.id, orderNumber: order.number, customerName: order.customer_name }}
      emptyText="Nenhuma tarefa para esta OS."
      showOrder={false}
      showCustomer={false}
      stacked
    />
  );
}

/** A customer's tasks, on their page. */
export function CustomerTasks({ customer }: { customer: { id: number; name: string } }) {
  return (
    <RelatedTasks
      filters={{ customer_id: customer.id }}
      context={{ customerId: customer.id, customerName: customer.name }}
      emptyText="Nenhuma tarefa para este cliente."
      showCustomer={false}
    />
  );
}
