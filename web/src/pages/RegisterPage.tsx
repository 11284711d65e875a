import { Link, useNavigate } from 'react-router-dom';
import { AuthLayout } from '@/modules/identity/components/AuthLayout';
import { RegisterForm } from '@/modules/identity/components/RegisterForm';

export function RegisterPage() {
  const navigate = useNavigate();
  return (
    <AuthLayout title="Criar conta da oficina">
      <RegisterForm onSuccess={() => navigate('/', { replace: true })} />
      <p className="mt-4 text-center text-sm text-slate-600">
        Já tem conta?{' '}
        <Link to="/login" className="font-medium text-primary underline">
          Entrar
        </Link>
      </p>
    </AuthLayout>
  );
}
