import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { SESSION_EXPIRED_MESSAGE, useSession } from '@/modules/identity/session';
import { ErrorState, Loading } from '@/ui/States';

/** What the login screen gets: the page to go back to and, after a lost session, why. */
export interface LoginState {
  from?: string;
  message?: string;
}

export function RequireAuth() {
  const { isAuthenticated, isLoading, loadError, retryLoad, expired } = useSession();
  const location = useLocation();
  if (isLoading) return <Loading label="Carregando sua oficina…" />;
  if (loadError) {
    return (
      <div className="mx-auto max-w-md p-6">
        <ErrorState error={loadError} onRetry={retryLoad} />
      </div>
    );
  }
  if (!isAuthenticated) {
    const state: LoginState = {
      from: `${location.pathname}${location.search}${location.hash}`,
      message: expired ? SESSION_EXPIRED_MESSAGE : undefined,
    };
    return <Navigate to="/login" replace state={state} />;
  }
  return <Outlet />;
}

/** The login and sign-up screens; once signed in, back to where the user was (or home). */
export function RedirectIfAuthenticated() {
  const { isAuthenticated } = useSession();
  const location = useLocation();
  if (isAuthenticated) {
    return <Navigate to={(location.state as LoginState | null)?.from ?? '/'} replace />;
  }
  return <Outlet />;
}
