import { createContext, useContext, useEffect, useRef } from 'react';

// Forms with unsaved changes register here; the app's prompt (ui/UnsavedChangesPrompt) asks
// before a navigation or a page unload would drop them.

export interface UnsavedForm {
  /** Whether leaving now would lose typed values. */
  isBlocking: () => boolean;
  /** The user chose to leave: forget the form's draft. */
  discard: () => void;
}

export class UnsavedRegistry {
  private forms = new Set<UnsavedForm>();

  register(form: UnsavedForm): () => void {
    this.forms.add(form);
    return () => this.forms.delete(form);
  }

  isBlocking(): boolean {
    return [...this.forms].some((f) => f.isBlocking());
  }

  discardAll(): void {
    this.forms.forEach((f) => f.isBlocking() && f.discard());
  }
}

export const UnsavedContext = createContext<UnsavedRegistry | null>(null);

/** Registers a form while mounted; `isBlocking` and `discard` are read when needed. */
export function useUnsavedChanges(isBlocking: () => boolean, discard: () => void): void {
  const registry = useContext(UnsavedContext);
  const current = useRef({ isBlocking, discard });
  current.current = { isBlocking, discard };
  useEffect(() => {
    if (!registry) return;
    return registry.register({
      isBlocking: () => current.current.isBlocking(),
      discard: () => current.current.discard(),
    });
  }, [registry]);
}
