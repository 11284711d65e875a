import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { Pencil, Trash2 } from 'lucide-react';
import type { LucideIcon } from 'lucide-react';
import { errorMessage } from '@/lib/api/errors';
import { Button } from '@/ui/Button';
import { PageHeader } from '@/ui/Card';
import { useConfirm } from '@/ui/Confirm';
import { useToast } from '@/ui/Toast';
import type { Id } from '../types';

/**
 * Deactivating a record from its page: asks first (`message`, or what `message()` answers
 * when it must be looked up), then toasts `done` and goes to `backTo`, or toasts the
 * server's refusal. Render the returned dialog.
 */
export function useDeactivateFlow({
  mutate,
  id,
  title,
  message,
  done,
  backTo,
}: {
  mutate: (id: Id, callbacks: { onSuccess: () => void; onError: (error: Error) => void }) => void;
  id: Id;
  title: string;
  message: string | (() => Promise<string>);
  done: string;
  backTo: string;
}): [() => Promise<void>, ReactNode] {
  const toast = useToast();
  const navigate = useNavigate();
  const [confirm, confirmDialog] = useConfirm();
  const run = async () => {
    const text = typeof message === 'string' ? message : await message();
    if (!(await confirm({ title, message: text, confirmLabel: 'Desativar', danger: true }))) return;
    mutate(id, {
      onSuccess: () => {
        toast.show(done);
        navigate(backTo);
      },
      onError: (e) => toast.show(errorMessage(e), 'error'),
    });
  };
  return [run, confirmDialog];
}

/**
 * A record page's title with its actions: `children` first, then "Editar" and "Desativar"
 * when their handlers are given (leave one out when the user may not or need not).
 */
export function DetailHeader({
  title,
  onEdit,
  onDeactivate,
  deactivateIcon: DeactivateIcon = Trash2,
  children,
}: {
  title: string;
  onEdit?: () => void;
  onDeactivate?: () => void;
  deactivateIcon?: LucideIcon;
  children?: ReactNode;
}) {
  const actions = (children || onEdit || onDeactivate) && (
    <>
      {children}
      {onEdit && (
        <Button
          variant="secondary"
          icon={<Pencil className="h-4 w-4" aria-hidden />}
          onClick={onEdit}
        >
          Editar
        </Button>
      )}
      {onDeactivate && (
        <Button
          variant="danger"
          icon={<DeactivateIcon className="h-4 w-4" aria-hidden />}
          onClick={onDeactivate}
        >
          Desativar
        </Button>
      )}
    </>
  );
  return <PageHeader title={title} actions={actions} />;
}
