import { useState } from 'react';
import type { ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { SessionProvider } from '@/modules/identity/session';
import { ToastProvider } from '@/ui/Toast';
import { UnsavedChangesPrompt } from '@/ui/UnsavedChangesPrompt';
import { createQueryClient } from './queryClient';

/** Providers that live inside the router (the session navigates). */
export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <ToastProvider>
      <SessionProvider>
        <UnsavedChangesPrompt>{children}</UnsavedChangesPrompt>
      </SessionProvider>
    </ToastProvider>
  );
}

export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
