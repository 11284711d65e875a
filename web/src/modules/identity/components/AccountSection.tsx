import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { applyServerErrors } from '@/lib/forms';
import { Button } from '@/ui/Button';
import { Card } from '@/ui/Card';
import { TextField } from '@/ui/Field';
import { Alert } from '@/ui/States';
import { useToast } from '@/ui/Toast';
import { useUpdateUser } from '../hooks';
import { planLabel, ROLE_LABELS } from '../labels';
import { useCurrentUser } from '../session';

const schema = z
  .object({
    name: z.string().trim().min(1, 'Informe o nome.'),
    password: z.string().refine((v) => v === '' || v.length >= 8, 'Pelo menos 8 caracteres.'),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, {
    path: ['confirm'],
    message: 'As senhas não conferem.',
  });
type Form = z.infer<typeof schema>;

export function AccountSection() {
  const user = useCurrentUser();
  const update = useUpdateUser();
  const toast = useToast();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<Form>({
    resolver: zodResolver(schema),
    defaultValues: { name: user.name, password: '', confirm: '' },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await update.mutateAsync({
        id: user.id,
        patch: values.password
          ? { name: values.name, password: values.password }
          : { name: values.name },
      });
      reset({ name: values.name, password: '', confirm: '' });
      toast.show('Dados salvos.');
    } catch (error) {
      setFormError(applyServerErrors(error, setError, ['name', 'password']));
    }
  });
  return (
    <Card title="Minha conta">
      <p className="mb-3 text-sm text-slate-600">
        {user.email} · {ROLE_LABELS[user.role]} · {user.tenant_name} (plano {planLabel(user.plan)})
      </p>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
        {formError && <Alert>{formError}</Alert>}
        <TextField label="Nome" error={errors.name?.message} {...register('name')} />
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <TextField
            label="Nova senha"
            type="password"
            autoComplete="new-password"
            hint="Deixe em branco para manter a atual."
            error={errors.password?.message}
            {...register('password')}
          />
          <TextField
            label="Confirmar nova senha"
            type="password"
            autoComplete="new-password"
            error={errors.confirm?.message}
            {...register('confirm')}
          />
        </div>
        <div className="flex justify-end">
          <Button type="submit" loading={update.isPending}>
            Salvar
          </Button>
        </div>
      </form>
    </Card>
  );
}
