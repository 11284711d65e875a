import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { onSessionLost } from '@/lib/api/client';
import { tokenStore } from '@/lib/api/tokens';
import { DraftScopeContext, draftStore } from '@/lib/drafts';
import { identityApi } from './api';
import { identityKeys } from './keys';
import type { AuthResponse, User } from './types';

interface SessionValue {
  user: User | undefined;
  isAuthenticated: boolean;
  isLoading: boolean;
  /** The stored session could not be checked (e.g. the server cannot be reached). */
  loadError: unknown;
  retryLoad: () => void;
  /** The session ended on its own (expired or revoked), not by signing out. */
  expired: boolean;
  /** Stores the tokens and the user of a login or sign-up answer. */
  signIn: (answer: AuthResponse) => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export const SESSION_EXPIRED_MESSAGE = 'Sua sessão expirou. Entre novamente.';

/** Whose drafts the forms keep: one scope per user of a tenant. */
const draftScope = (user: User) => `${user.tenant_id}.${user.id}`;

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [hasToken, setHasToken] = useState(() => tokenStore.getAccess() !== null);
  const [expired, setExpired] = useState(false);

  // Read on every load, so a stored session gets what the user may do (`can`) afresh.
  const me = useQuery({
    queryKey: identityKeys.me(),
    queryFn: identityApi.me,
    enabled: hasToken,
    staleTime: 5 * 60_000,
    retry: false,
  });

  // RequireAuth sends the user to the login screen, with the message and the way back.
  useEffect(
    () =>
      onSessionLost(() => {
        setHasToken(false);
        setExpired(true);
        queryClient.clear();
      }),
    [queryClient],
  );

  const signIn = useCallback(
    (answer: AuthResponse) => {
      tokenStore.set(answer);
      queryClient.clear();
      queryClient.setQueryData(identityKeys.me(), answer.user);
      setHasToken(true);
      setExpired(false);
    },
    [queryClient],
  );

  const user = hasToken ? me.data : undefined;

  const signOut = useCallback(async () => {
    try {
      await identityApi.logout();
    } catch {
      // The tokens go away either way.
    }
    if (user) draftStore.clearScope(draftScope(user));
    tokenStore.clear();
    setHasToken(false);
    setExpired(false);
    queryClient.clear();
    navigate('/login', { replace: true });
  }, [navigate, queryClient, user]);

  const { isPending, error, refetch } = me;
  const value = useMemo<SessionValue>(
    () => ({
      user,
      isAuthenticated: user !== undefined,
      isLoading: hasToken && isPending,
      loadError: hasToken && !user ? error : null,
      retryLoad: () => void refetch(),
      expired,
      signIn,
      signOut,
    }),
    [user, hasToken, isPending, error, refetch, expired, signIn, signOut],
  );

  return (
    <SessionContext.Provider value={value}>
      <DraftScopeContext.Provider value={user ? draftScope(user) : null}>
        {children}
      </DraftScopeContext.Provider>
    </SessionContext.Provider>
  );
}

export function useSession(): SessionValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in user; only for screens behind RequireAuth. */
export function useCurrentUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useCurrentUser without a user');
  return user;
}
