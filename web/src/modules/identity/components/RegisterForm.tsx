import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useMutation } from '@tanstack/react-query';
import { applyServerErrors } from '@/lib/forms';
import { Button } from '@/ui/Button';
import { TextField } from '@/ui/Field';
import { Alert } from '@/ui/States';
import { identityApi } from '../api';
import { useSession } from '../session';

export const registerSchema = z.object({
  tenant_name: z.string().trim().min(1, 'Informe o nome da oficina.'),
  name: z.string().trim().min(1, 'Informe seu nome.'),
  email: z.string().trim().min(1, 'Informe o e-mail.').email('E-mail inválido.'),
  password: z.string().min(8, 'A senha precisa ter pelo menos 8 caracteres.'),
});
type Form = z.infer<typeof registerSchema>;

const FIELDS = ['tenant_name', 'name', 'email', 'password'] as const;

export function RegisterForm({ onSuccess }: { onSuccess: () => void }) {
  const { signIn } = useSession();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<Form>({
    resolver: zodResolver(registerSchema),
    defaultValues: { tenant_name: '', name: '', email: '', password: '' },
  });
  const mutation = useMutation({ mutationFn: identityApi.register });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const answer = await mutation.mutateAsync(values);
      signIn(answer);
      onSuccess();
    } catch (error) {
      setFormError(applyServerErrors(error, setError, FIELDS));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError && <Alert>{formError}</Alert>}
      <TextField
        label="Nome da oficina"
        autoComplete="organization"
        error={errors.tenant_name?.message}
        {...register('tenant_name')}
      />
      <TextField
        label="Seu nome"
        autoComplete="name"
        error={errors.name?.message}
        {...register('name')}
      />
      <TextField
        label="E-mail"
        type="email"
        autoComplete="email"
        error={errors.email?.message}
        {...register('email')}
      />
      <TextField
        label="Senha"
        type="password"
        autoComplete="new-password"
        hint="Pelo menos 8 caracteres."
        error={errors.password?.message}
        {...register('password')}
      />
      <Button type="submit" loading={mutation.isPending}>
        Criar conta
      </Button>
    </form>
  );
}
