import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useFormSubmit } from '@/lib/forms';
import { useCurrentUser } from '@/modules/identity/session';
import { Dialog } from '@/ui/Dialog';
import { SelectField, TextAreaField, TextField } from '@/ui/Field';
import { FormActions, FormLayout } from '@/ui/Form';
import { useToast } from '@/ui/Toast';
import { useActiveStaff, useCreateTask, useMyStaff, useUpdateTask } from '../hooks';
import { PRIORITIES, PRIORITY_LABELS } from '../labels';
import type { Id, Task, TaskInput, TaskPriority } from '../types';

/** What a task is about when it is created from an order's or a customer's page. */
export interface TaskContext {
  orderId?: Id;
  orderNumber?: number;
  customerId?: Id;
  customerName?: string;
}

export const taskSchema = z.object({
  title: z.string().trim().min(1, 'Informe o título.').max(200, 'Título muito longo.'),
  description: z.string().trim().max(4000, 'Descrição muito longa.'),
  priority: z.enum(['LOW', 'NORMAL', 'HIGH', 'URGENT']),
  assigned_to_id: z.string(),
  due_date: z
    .string()
    .trim()
    .refine((v) => v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v), 'Data inválida.'),
});
export type TaskForm = z.infer<typeof taskSchema>;
const FIELDS = ['title', 'description', 'priority', 'assigned_to_id', 'due_date'] as const;

/** The task as sent: empty fields go as null (none), ids as numbers. */
export function toTaskInput(values: TaskForm, context: TaskContext = {}): TaskInput {
  const input: TaskInput = {
    title: values.title.trim(),
    description: values.description.trim() || null,
    priority: values.priority,
    assigned_to_id: values.assigned_to_id ? Number(values.assigned_to_id) : null,
    due_date: values.due_date || null,
  };
  if (context.orderId !== undefined) input.related_order_id = Number(context.orderId);
  if (context.customerId !== undefined) input.customer_id = Number(context.customerId);
  return input;
}

function contextLine(context: TaskContext): string | null {
  const parts = [
    context.orderNumber !== undefined ? `OS #${context.orderNumber}` : null,
    context.customerName ?? null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/**
 * Whom a task may be given to: anyone active for whom may assign tasks (the user's
 * `manage_staff`), else nobody or the user's own staff record.
 */
function AssigneeOptions({ task }: { task?: Task }) {
  const { can } = useCurrentUser();
  const staff = useActiveStaff(can.manage_staff);
  const mine = useMyStaff();
  const options: { id: number; name: string }[] = can.manage_staff
    ? (staff.data?.items ?? []).map((s) => ({ id: s.id, name: s.name }))
    : mine.data
      ? [{ id: mine.data.id, name: `${mine.data.name} (eu)` }]
      : [];
  // The current assignee stays choosable even when no longer active.
  if (task?.assigned_to_id != null && !options.some((o) => o.id === task.assigned_to_id)) {
    options.push({ id: task.assigned_to_id, name: task.assigned_to_name ?? '—' });
  }
  return (
    <>
      <option value="">Ninguém</option>
      {options.map((o) => (
        <option key={o.id} value={String(o.id)}>
          {o.name}
        </option>
      ))}
    </>
  );
}

function TaskFormBody({
  task,
  context = {},
  onDone,
}: {
  task?: Task;
  context?: TaskContext;
  onDone: () => void;
}) {
  const create = useCreateTask();
  const update = useUpdateTask();
  const toast = useToast();
  const form = useForm<TaskForm>({
    resolver: zodResolver(taskSchema),
    defaultValues: {
      title: task?.title ?? '',
      description: task?.description ?? '',
      priority: task?.priority ?? 'NORMAL',
      assigned_to_id: task?.assigned_to_id != null ? String(task.assigned_to_id) : '',
      due_date: task?.due_date ?? '',
    },
  });
  const draftName = task
    ? `task:${task.id}`
    : `task:new:${context.orderId ?? ''}:${context.customerId ?? ''}`;
  const { onSubmit, formError, field, discard } = useFormSubmit(
    form,
    FIELDS,
    async (values) => {
      if (task) {
        // What it is about stays: only the form's own fields change.
        await update.mutateAsync({ id: task.id, patch: toTaskInput(values) });
        toast.show('Tarefa salva.');
      } else {
        await create.mutateAsync(toTaskInput(values, context));
        toast.show('Tarefa criada.');
      }
      onDone();
    },
    { draft: draftName },
  );
  const cancel = () => {
    discard();
    onDone();
  };
  const about = task
    ? contextLine({
        orderNumber: task.related_order_number ?? undefined,
        customerName: task.customer_name ?? undefined,
      })
    : contextLine(context);
  return (
    <FormLayout onSubmit={onSubmit} error={formError} label="Dados da tarefa">
      {about && (
        <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">
          Sobre: <span className="font-medium">{about}</span>
        </p>
      )}
      <TextField label="Título" autoComplete="off" autoFocus {...field('title')} />
      <TextAreaField label="Descrição (opcional)" rows={3} {...field('description')} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <SelectField label="Prioridade" {...field('priority')}>
          {PRIORITIES.map((p: TaskPriority) => (
            <option key={p} value={p}>
              {PRIORITY_LABELS[p]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Responsável" {...field('assigned_to_id')}>
          <AssigneeOptions task={task} />
        </SelectField>
        <TextField label="Prazo" type="date" {...field('due_date')} />
      </div>
      <FormActions
        onCancel={cancel}
        submitLabel={task ? 'Salvar tarefa' : 'Criar tarefa'}
        loading={create.isPending || update.isPending}
      />
    </FormLayout>
  );
}

/** Creates a task (with what it is about, when given) or edits one (`task`). */
export function TaskFormDialog({
  open,
  task,
  context,
  onClose,
}: {
  open: boolean;
  task?: Task;
  context?: TaskContext;
  onClose: () => void;
}) {
  return (
    <Dialog open={open} title={task ? 'Editar tarefa' : 'Nova tarefa'} onClose={onClose}>
      {open && <TaskFormBody task={task} context={context} onDone={onClose} />}
    </Dialog>
  );
}
