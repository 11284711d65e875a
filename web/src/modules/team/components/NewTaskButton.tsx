import { lazy, Suspense, useState } from 'react';
import { ListPlus } from 'lucide-react';
import { useCurrentUser } from '@/modules/identity/session';
import { Button } from '@/ui/Button';

// The form loads when first opened: the header (in every page) stays light.
const TaskFormDialog = lazy(async () => ({
  default: (await import('./TaskForm')).TaskFormDialog,
}));

/**
 * "Nova tarefa" from anywhere (the header), for whom may work tasks; `compact` shows only
 * the icon on a phone.
 */
export function NewTaskButton({ compact = false }: { compact?: boolean }) {
  const { can } = useCurrentUser();
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  if (!can.work_tasks) return null;
  const show = () => {
    setUsed(true);
    setOpen(true);
  };
  return (
    <>
      {compact ? (
        <button
          type="button"
          onClick={show}
          aria-label="Nova tarefa"
          title="Nova tarefa"
          className="inline-flex items-center gap-1.5 rounded-md px-2 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-primary"
        >
          <ListPlus className="h-5 w-5" aria-hidden />
          <span className="hidden sm:inline" aria-hidden>
            Nova tarefa
          </span>
        </button>
      ) : (
        <Button icon={<ListPlus className="h-4 w-4" aria-hidden />} onClick={show}>
          Nova tarefa
        </Button>
      )}
      {used && (
        <Suspense fallback={null}>
          <TaskFormDialog open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
