import { useState } from 'react';
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

/**
 * Puts the server's `details` on the matching form fields and returns the message to show
 * above the form (the server's `message`).
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): string {
  if (error instanceof ApiError) {
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

/**
 * The submit side of a form that talks to the server: `onSubmit` runs `action` with the valid
 * values; when it throws, the server's field problems go on the fields named in `fields` and
 * its message into `formError` (shown by `FormLayout`). `field` binds a field to the form;
 * `resetForm` clears values and message.
 */
export function useFormSubmit<T extends FieldValues, C, R>(
  form: UseFormReturn<T, C, R>,
  fields: readonly Path<T>[],
  action: (values: R) => Promise<unknown>,
) {
  const [formError, setFormError] = useState<string | null>(null);
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await action(values);
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, fields));
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
  };
  return { onSubmit, formError, resetForm, field };
}
