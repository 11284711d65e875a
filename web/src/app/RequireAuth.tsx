import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useSession } from '@/modules/identity/session';
import { Loading } from '@/ui/States';

export function RequireAuth() {
  const { isAuthenticated, isLoading } = useSession();
  const location = useLocation();
  if (isLoading) return <Loading label="Carregando sua oficina…" />;
  if (!isAuthenticated) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return <Outlet />;
}

export function RedirectIfAuthenticated() {
  const { isAuthenticated } = useSession();
  if (isAuthenticated) return <Navigate to="/" replace />;
  return <Outlet />;
}
