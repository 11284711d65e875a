import type { FormEventHandler, ReactNode } from 'react';
import { Button } from './Button';
import { Alert } from './States';

/** A form that validates itself (noValidate) with the server's message, if any, on top. */
export function FormLayout({
  onSubmit,
  error,
  label,
  className = 'flex flex-col gap-3',
  children,
}: {
  onSubmit: FormEventHandler<HTMLFormElement>;
  error?: string | null;
  /** The form's accessible name (makes it a `form` landmark). */
  label?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <form onSubmit={onSubmit} noValidate className={className} aria-label={label}>
      {error && <Alert>{error}</Alert>}
      {children}
    </form>
  );
}

/** The buttons at the foot of a form or dialog: cancel (when given) and submit. */
export function FormActions({
  submitLabel,
  loading,
  onCancel,
  cancelLabel = 'Cancelar',
}: {
  submitLabel: string;
  loading?: boolean;
  onCancel?: () => void;
  cancelLabel?: string;
}) {
  return (
    <div className="flex flex-wrap justify-end gap-2">
      {onCancel && (
        <Button variant="secondary" onClick={onCancel}>
          {cancelLabel}
        </Button>
      )}
      <Button type="submit" loading={loading}>
        {submitLabel}
      </Button>
    </div>
  );
}
