import { useCallback, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Button } from './Button';
import { Dialog } from './Dialog';

interface Pending {
  title: string;
  message: string;
  confirmLabel: string;
  danger: boolean;
}

/** An in-app confirmation: `const [confirm, dialog] = useConfirm()`; render `dialog`. */
export function useConfirm(): [
  (options: {
    title: string;
    message: string;
    confirmLabel?: string;
    danger?: boolean;
  }) => Promise<boolean>,
  ReactNode,
] {
  const [pending, setPending] = useState<Pending | null>(null);
  const resolver = useRef<((value: boolean) => void) | null>(null);

  const confirm = useCallback(
    (options: { title: string; message: string; confirmLabel?: string; danger?: boolean }) =>
      new Promise<boolean>((resolve) => {
        resolver.current = resolve;
        setPending({
          title: options.title,
          message: options.message,
          confirmLabel: options.confirmLabel ?? 'Confirmar',
          danger: options.danger ?? false,
        });
      }),
    [],
  );

  const finish = (value: boolean) => {
    resolver.current?.(value);
    resolver.current = null;
    setPending(null);
  };

  const dialog = (
    <Dialog
      open={pending !== null}
      title={pending?.title ?? ''}
      onClose={() => finish(false)}
      footer={
        <>
          <Button variant="secondary" onClick={() => finish(false)}>
            Voltar
          </Button>
          <Button variant={pending?.danger ? 'danger' : 'primary'} onClick={() => finish(true)}>
            {pending?.confirmLabel}
          </Button>
        </>
      }
    >
      <p className="text-sm text-slate-700">{pending?.message}</p>
    </Dialog>
  );
  return [confirm, dialog];
}
