import { forwardRef, useId } from 'react';
import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';
import { Search } from 'lucide-react';
import { cn } from './cn';

export const inputClass =
  'block w-full rounded-md border border-slate-300 bg-surface px-3 py-2 text-sm text-slate-900 ' +
  'placeholder:text-slate-500 focus:border-primary focus:outline-none focus:ring-2 focus:ring-primary/30 ' +
  'disabled:bg-slate-100 aria-[invalid=true]:border-red-500';

interface FieldShellProps {
  id: string;
  label: string;
  error?: string;
  /** Worth a look but not blocking (e.g. a date in the past); shown instead of the hint. */
  warning?: string;
  hint?: string;
  children: ReactNode;
  className?: string;
}

export function FieldShell({
  id,
  label,
  error,
  warning,
  hint,
  children,
  className,
}: FieldShellProps) {
  return (
    <div className={cn('flex flex-col gap-1', className)}>
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {warning && !error && (
        <p id={`${id}-hint`} className="text-xs font-medium text-amber-800" data-warning>
          {warning}
        </p>
      )}
      {hint && !warning && !error && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}

/** What every labelled field takes besides its control's own attributes. */
interface FieldOwnProps {
  label: string;
  error?: string;
  warning?: string;
  hint?: string;
  containerClassName?: string;
}

/** The attributes that tie a control to its label, hint and error. */
interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** The label, hint and error around one control; `children` renders the control. */
function LabelledField({
  id,
  label,
  error,
  warning,
  hint,
  containerClassName,
  children,
}: FieldOwnProps & { id?: string; children: (control: ControlProps) => ReactNode }) {
  const autoId = useId();
  const fieldId = id ?? autoId;
  const describedBy = error ? `${fieldId}-error` : warning || hint ? `${fieldId}-hint` : undefined;
  return (
    <FieldShell
      id={fieldId}
      label={label}
      error={error}
      warning={warning}
      hint={hint}
      className={containerClassName}
    >
      {children({
        id: fieldId,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
      })}
    </FieldShell>
  );
}

export type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & FieldOwnProps;

export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { label, error, warning, hint, id, className, containerClassName, ...rest },
  ref,
) {
  return (
    <LabelledField {...{ label, error, warning, hint, id, containerClassName }}>
      {(control) => (
        <input ref={ref} {...control} className={cn(inputClass, className)} {...rest} />
      )}
    </LabelledField>
  );
});

export type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & FieldOwnProps;

export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField(
  { label, error, warning, hint, id, className, containerClassName, ...rest },
  ref,
) {
  return (
    <LabelledField {...{ label, error, warning, hint, id, containerClassName }}>
      {(control) => (
        <select ref={ref} {...control} className={cn(inputClass, className)} {...rest} />
      )}
    </LabelledField>
  );
});

export type TextAreaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & FieldOwnProps;

export const TextAreaField = forwardRef<HTMLTextAreaElement, TextAreaFieldProps>(
  function TextAreaField(
    { label, error, warning, hint, id, className, containerClassName, ...rest },
    ref,
  ) {
    return (
      <LabelledField {...{ label, error, warning, hint, id, containerClassName }}>
        {(control) => (
          <textarea
            ref={ref}
            {...control}
            className={cn(inputClass, 'min-h-[80px]', className)}
            {...rest}
          />
        )}
      </LabelledField>
    );
  },
);

/** A search box: a `type="search"` TextField with a magnifier inside on the right. */
export function SearchField(props: Omit<TextFieldProps, 'type'>) {
  return (
    <div className="relative">
      <TextField type="search" autoComplete="off" {...props} />
      <Search
        className="pointer-events-none absolute right-3 top-9 h-4 w-4 text-slate-400"
        aria-hidden
      />
    </div>
  );
}
