import { createContext, useContext, useEffect, useMemo } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';

// Half-typed forms are kept in sessionStorage (this tab only), per signed-in user and form,
// so that losing the session or reloading loses no work. A successful submit or a cancel
// clears the form's draft; signing out clears the user's drafts.

const PREFIX = 'motogestor.draft.';

/** Whose drafts the forms below keep ("<tenant>.<user>"); none without a signed-in user. */
export const DraftScopeContext = createContext<string | null>(null);

export const draftStore = {
  read(key: string): Record<string, unknown> | null {
    try {
      const text = sessionStorage.getItem(key);
      const value: unknown = text ? JSON.parse(text) : null;
      return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  },
  write(key: string, values: Record<string, unknown>): void {
    try {
      sessionStorage.setItem(key, JSON.stringify(values));
    } catch {
      // A full or blocked storage only costs the draft.
    }
  },
  clear(key: string): void {
    sessionStorage.removeItem(key);
  },
  /** Forgets every draft of a user (on sign-out). */
  clearScope(scope: string): void {
    const prefix = `${PREFIX}${scope}.`;
    for (const key of Object.keys(sessionStorage)) {
      if (key.startsWith(prefix)) sessionStorage.removeItem(key);
    }
  },
};

export const draftKey = (scope: string, form: string) => `${PREFIX}${scope}.${form}`;

/**
 * Keeps `form`'s values as the draft named `name` (e.g. "customer:new"), restores it when
 * the form mounts, and leaves out `omit` (passwords). Returns `clear` for a submit or cancel.
 */
export function useFormDraft<T extends FieldValues>(
  form: UseFormReturn<T>,
  name: string | undefined,
  omit: readonly Path<T>[] = [],
) {
  const scope = useContext(DraftScopeContext);
  const key = scope && name ? draftKey(scope, name) : null;
  const omitted = omit.join(',');

  useEffect(() => {
    if (!key) return;
    const skip = new Set(omitted ? omitted.split(',') : []);
    const saved = draftStore.read(key);
    if (saved) {
      // The draft's values over the defaults; the defaults stay, so the form is dirty.
      form.reset({ ...form.getValues(), ...saved }, { keepDefaultValues: true });
    }
    const subscription = form.watch((values) => {
      const kept = Object.fromEntries(Object.entries(values).filter(([k]) => !skip.has(k)));
      draftStore.write(key, kept);
    });
    return () => subscription.unsubscribe();
  }, [form, key, omitted]);

  return useMemo(() => ({ clear: () => key && draftStore.clear(key) }), [key]);
}
