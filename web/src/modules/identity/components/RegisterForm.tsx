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
  const form = useForm<Form>({
    resolver: zodResolver(registerSchema),
    defaultValues: { tenant_name: '', name: '', email: '', password: '' },
  });
  const mutation = useMutation({ mutationFn: identityApi.register });
  const { onSubmit, formError, field } = useFormSubmit(form, FIELDS, async (values) => {
    signIn(await mutation.mutateAsync(values));
    onSuccess();
  });

  return (
    <FormLayout onSubmit={onSubmit} error={formError} className="flex flex-col gap-4">
      <TextField label="Nome da oficina" autoComplete="organization" {...field('tenant_name')} />
      <TextField label="Seu nome" autoComplete="name" {...field('name')} />
      <TextField label="E-mail" type="email" autoComplete="email" {...field('email')} />
      <TextField
        label="Senha"
        type="password"
        autoComplete="new-password"
        hint="Pelo menos 8 caracteres."
        {...field('password')}
      />
      <Button type="submit" loading={mutation.isPending}>
        Criar conta
      </Button>
    </FormLayout>
  );
}
