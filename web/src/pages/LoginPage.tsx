import { Link, useLocation, useNavigate } from 'react-router-dom';
import type { LoginState } from '@/app/RequireAuth';
import { AuthLayout } from '@/modules/identity/components/AuthLayout';
import { LoginForm } from '@/modules/identity/components/LoginForm';
import { Alert } from '@/ui/States';

export function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginState;
  return (
    <AuthLayout title="Entrar">
      {state.message && (
        <div className="mb-4">
          <Alert tone="info">{state.message}</Alert>
        </div>
      )}
      <LoginForm onSuccess={() => navigate(state.from ?? '/', { replace: true })} />
      <p className="mt-4 text-center text-sm text-slate-600">
        Ainda não tem conta?{' '}
        <Link to="/cadastro" className="font-medium text-primary underline">
          Criar conta da oficina
        </Link>
      </p>
    </AuthLayout>
  );
}
