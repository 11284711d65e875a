import type { ReactNode } from 'react';
import { useCurrentUser } from '@/modules/identity/session';
import { EmptyState } from '@/ui/States';

/** The finance screens are the OWNER's and the MANAGER's (the user's `can.finance`). */
export function FinanceOnly({ children }: { children: ReactNode }) {
  const { can } = useCurrentUser();
  if (!can.finance) return <EmptyState title="Área financeira disponível para a gerência." />;
  return <>{children}</>;
}
