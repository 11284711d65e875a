import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { onSessionLost } from '@/lib/api/client';
import { tokenStore } from '@/lib/api/tokens';
import { identityApi } from './api';
import { identityKeys } from './keys';
import type { AuthResponse, User } from './types';

interface SessionValue {
  user: User | undefined;
  isAuthenticated: boolean;
  isLoading: boolean;
  /** Stores the tokens and the user of a login or sign-up answer. */
  signIn: (answer: AuthResponse) => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export const SESSION_EXPIRED_MESSAGE = 'Sua sessão expirou. Entre novamente.';

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [hasToken, setHasToken] = useState(() => tokenStore.getAccess() !== null);

  const me = useQuery({
    queryKey: identityKeys.me(),
    queryFn: identityApi.me,
    enabled: hasToken,
    staleTime: 5 * 60_000,
    retry: false,
  });

  useEffect(
    () =>
      onSessionLost(() => {
        setHasToken(false);
        queryClient.clear();
        navigate('/login', { replace: true, state: { message: SESSION_EXPIRED_MESSAGE } });
      }),
    [navigate, queryClient],
  );

  const signIn = useCallback(
    (answer: AuthResponse) => {
      tokenStore.set(answer);
      queryClient.clear();
      queryClient.setQueryData(identityKeys.me(), answer.user);
      setHasToken(true);
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await identityApi.logout();
    } catch {
      // The tokens go away either way.
    }
    tokenStore.clear();
    setHasToken(false);
    queryClient.clear();
    navigate('/login', { replace: true });
  }, [navigate, queryClient]);

  const value = useMemo<SessionValue>(
    () => ({
      user: hasToken ? me.data : undefined,
      isAuthenticated: hasToken && me.data !== undefined,
      isLoading: hasToken && me.isPending,
      signIn,
      signOut,
    }),
    [hasToken, me.data, me.isPending, signIn, signOut],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
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
