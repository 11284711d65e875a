import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useBlocker } from 'react-router-dom';
import { UnsavedContext, UnsavedRegistry } from '@/lib/unsaved';
import { Button } from './Button';
import { Dialog } from './Dialog';

/**
 * Asks before leaving a page with a form that has unsaved changes: an in-app dialog for the
 * router's navigations, the browser's own prompt for reloads and closing the tab. Going to
 * the login screen (the session ended) is never held up: the form's draft keeps the values.
 */
export function UnsavedChangesPrompt({ children }: { children: ReactNode }) {
  const [registry] = useState(() => new UnsavedRegistry());
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      currentLocation.pathname !== nextLocation.pathname &&
      nextLocation.pathname !== '/login' &&
      registry.isBlocking(),
  );

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!registry.isBlocking()) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [registry]);

  return (
    <UnsavedContext.Provider value={registry}>
      {children}
      <Dialog
        open={blocker.state === 'blocked'}
        title="Sair sem salvar?"
        onClose={() => blocker.reset?.()}
        footer={
          <>
            <Button variant="secondary" onClick={() => blocker.reset?.()}>
              Continuar editando
            </Button>
            <Button
              variant="danger"
              onClick={() => {
                registry.discardAll();
                blocker.proceed?.();
              }}
            >
              Sair sem salvar
            </Button>
          </>
        }
      >
        <p className="text-sm text-slate-700">
          Há alterações que ainda não foram salvas. Se sair agora, elas serão perdidas.
        </p>
      </Dialog>
    </UnsavedContext.Provider>
  );
}
