import { useRef, useState } from 'react';
import { get } from 'react-hook-form';
import type {
  FieldError,
  FieldValues,
  Path,
  UseFormRegisterReturn,
  UseFormReturn,
  UseFormSetError,
} from 'react-hook-form';
import { ApiError, errorMessage } from './api/errors';
import { useFormDraft } from './drafts';
import { useUnsavedChanges } from './unsaved';

/**
 * Puts the server's `details` on the matching form fields and returns the message to show
 * above the form (the server's `message`). When the error's code is in `messageOnField`, its
 * message goes on that field instead, and nothing above (said once, where it belongs).
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  messageOnField: Partial<Record<string, Path<T>>> = {},
): string | null {
  if (error instanceof ApiError) {
    const target = messageOnField[error.code];
    if (target) {
      setError(target, { type: 'server', message: error.message });
      return null;
    }
    for (const [field, problem] of Object.entries(error.details)) {
      if ((fields as readonly string[]).includes(field)) {
        setError(field as Path<T>, { type: 'server', message: problem });
      }
    }
    return error.message;
  }
  return errorMessage(error);
}

/** What `TextField`, `SelectField` and `TextAreaField` take from a form: register() + error. */
export type FieldBinding<N extends string = string> = UseFormRegisterReturn<N> & {
  error?: string;
};

/** Binds one field of a form: `<TextField label="Nome" {...field('name')} />`. */
export type BindField<T extends FieldValues> = <N extends Path<T>>(name: N) => FieldBinding<N>;

export interface FormSubmitOptions<T extends FieldValues> {
  /** Keeps the half-typed values as this draft (e.g. "customer:new"); see lib/drafts. */
  draft?: string;
  /** Fields never kept in the draft (passwords). */
  omitFromDraft?: readonly Path<T>[];
  /** Error codes whose message belongs on a field: `{ insufficient_stock: 'quantity' }`. */
  messageOnField?: Partial<Record<string, Path<T>>>;
}

/**
 * The submit side of a form that talks to the server: `onSubmit` runs `action` with the valid
 * values; when it throws, the server's field problems go on the fields named in `fields` and
 * its message into `formError` (shown by `FormLayout`). `field` binds a field to the form;
 * `resetForm` clears values, message and draft (for a dialog that closes); `discard` only
 * forgets the draft (for a cancel that unmounts the form). While the form has unsaved
 * changes, leaving the page asks first (ui/UnsavedChangesPrompt).
 */
export function useFormSubmit<T extends FieldValues, C, R>(
  form: UseFormReturn<T, C, R>,
  fields: readonly Path<T>[],
  action: (values: R) => Promise<unknown>,
  options: FormSubmitOptions<T> = {},
) {
  const [formError, setFormError] = useState<string | null>(null);
  const draft = useFormDraft(
    form as unknown as UseFormReturn<T>,
    options.draft,
    options.omitFromDraft,
  );
  // Read during render so the form state subscribes to it; checked when the user leaves.
  const dirty = useRef(false);
  dirty.current = form.formState.isDirty;
  const submitting = useRef(false);
  useUnsavedChanges(() => dirty.current && !submitting.current, draft.clear);

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    submitting.current = true;
    try {
      await action(values);
      // Saved: what is in the fields is no longer a change (the action may have left the page).
      form.reset(form.getValues());
      draft.clear();
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, fields, options.messageOnField));
    } finally {
      submitting.current = false;
    }
  });
  const field: BindField<T> = (name) => ({
    error: (get(form.formState.errors, name) as FieldError | undefined)?.message,
    ...form.register(name),
  });
  /** Back to the default values, without the server's message (for a dialog that closes). */
  const resetForm = () => {
    form.reset();
    setFormError(null);
    draft.clear();
  };
  return { onSubmit, formError, resetForm, discard: draft.clear, field };
}
