import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useFormSubmit } from '@/lib/forms';
import { Card } from '@/ui/Card';
import { TextField } from '@/ui/Field';
import { FormActions, FormLayout } from '@/ui/Form';
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

const FIELDS = ['name', 'password'] as const;

export function AccountSection() {
  const user = useCurrentUser();
  const update = useUpdateUser();
  const toast = useToast();
  const form = useForm<Form>({
    resolver: zodResolver(schema),
    defaultValues: { name: user.name, password: '', confirm: '' },
  });
  const { onSubmit, formError, field } = useFormSubmit(form, FIELDS, async (values) => {
    await update.mutateAsync({
      id: user.id,
      patch: values.password
        ? { name: values.name, password: values.password }
        : { name: values.name },
    });
    form.reset({ name: values.name, password: '', confirm: '' });
    toast.show('Dados salvos.');
  });
  return (
    <Card title="Minha conta">
      <p className="mb-3 break-words text-sm text-slate-600">
        {user.email} · {ROLE_LABELS[user.role]} · {user.tenant_name} (plano {planLabel(user.plan)})
      </p>
      <FormLayout onSubmit={onSubmit} error={formError}>
        <TextField label="Nome" {...field('name')} />
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <TextField
            label="Nova senha"
            type="password"
            autoComplete="new-password"
            hint="Deixe em branco para manter a atual."
            {...field('password')}
          />
          <TextField
            label="Confirmar nova senha"
            type="password"
            autoComplete="new-password"
            {...field('confirm')}
          />
        </div>
        <FormActions submitLabel="Salvar" loading={update.isPending} />
      </FormLayout>
    </Card>
  );
}
