import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useMutation } from '@tanstack/react-query';
import { useFormSubmit } from '@/lib/forms';
import { Button } from '@/ui/Button';
import { TextField } from '@/ui/Field';
import { FormLayout } from '@/ui/Form';
import { identityApi } from '../api';
import { useSession } from '../session';

const schema = z.object({
  email: z.string().trim().min(1, 'Informe o e-mail.').email('E-mail inválido.'),
  password: z.string().min(1, 'Informe a senha.'),
});
type Form = z.infer<typeof schema>;

const FIELDS = ['email', 'password'] as const;

export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const { signIn } = useSession();
  const form = useForm<Form>({
    resolver: zodResolver(schema),
    defaultValues: { email: '', password: '' },
  });
  const login = useMutation({ mutationFn: identityApi.login });
  const { onSubmit, formError, field } = useFormSubmit(form, FIELDS, async (values) => {
    signIn(await login.mutateAsync(values));
    onSuccess();
  });

  return (
    <FormLayout onSubmit={onSubmit} error={formError} className="flex flex-col gap-4">
      <TextField label="E-mail" type="email" autoComplete="email" {...field('email')} />
      <TextField
        label="Senha"
        type="password"
        autoComplete="current-password"
        {...field('password')}
      />
      <Button type="submit" loading={login.isPending}>
        Entrar
      </Button>
    </FormLayout>
  );
}
