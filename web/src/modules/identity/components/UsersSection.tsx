import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { LockOpen, UserPlus } from 'lucide-react';
import { errorMessage } from '@/lib/api/errors';
import { useFormSubmit } from '@/lib/forms';
import { Button } from '@/ui/Button';
import { Badge, Card } from '@/ui/Card';
import { Dialog } from '@/ui/Dialog';
import { SelectField, TextField } from '@/ui/Field';
import { FormActions, FormLayout } from '@/ui/Form';
import { EmptyState, ErrorState, Loading } from '@/ui/States';
import { Table, td, th } from '@/ui/Table';
import { useToast } from '@/ui/Toast';
import { useCreateUser, useUnlockUser, useUpdateUser, useUsers } from '../hooks';
import { ROLE_LABELS, ROLES } from '../labels';
import { useCurrentUser } from '../session';
import type { Role, TenantUser } from '../types';

const newUserSchema = z.object({
  name: z.string().trim().min(1, 'Informe o nome.'),
  email: z.string().trim().min(1, 'Informe o e-mail.').email('E-mail inválido.'),
  password: z.string().min(8, 'A senha precisa ter pelo menos 8 caracteres.'),
  role: z.enum(['OWNER', 'MANAGER', 'ATTENDANT', 'MECHANIC']),
});
type NewUserForm = z.infer<typeof newUserSchema>;
const NEW_USER_FIELDS = ['name', 'email', 'password', 'role'] as const;

function NewUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const create = useCreateUser();
  const toast = useToast();
  const form = useForm<NewUserForm>({
    resolver: zodResolver(newUserSchema),
    defaultValues: { name: '', email: '', password: '', role: 'ATTENDANT' },
  });
  const { onSubmit, formError, resetForm, field } = useFormSubmit(
    form,
    NEW_USER_FIELDS,
    async (values) => {
      await create.mutateAsync(values);
      toast.show('Usuário criado.');
      close();
    },
    { draft: open ? 'user:new' : undefined, omitFromDraft: ['password'] },
  );
  const close = () => {
    resetForm();
    onClose();
  };
  return (
    <Dialog open={open} title="Novo usuário" onClose={close}>
      <FormLayout onSubmit={onSubmit} error={formError}>
        <TextField label="Nome" {...field('name')} />
        <TextField label="E-mail" type="email" {...field('email')} />
        <TextField
          label="Senha inicial"
          type="password"
          autoComplete="new-password"
          {...field('password')}
        />
        <SelectField label="Papel" {...field('role')}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </SelectField>
        <FormActions onCancel={close} submitLabel="Criar usuário" loading={create.isPending} />
      </FormLayout>
    </Dialog>
  );
}

/** A locked login (failed attempts), and "Desbloquear login" for whom may manage users. */
function LoginLock({ user, canUnlock }: { user: TenantUser; canUnlock: boolean }) {
  const unlock = useUnlockUser();
  const toast = useToast();
  if (!user.login_locked) return null;
  return (
    <span className="mt-1 flex flex-wrap items-center gap-2">
      <Badge className="bg-red-100 text-red-800">Login bloqueado</Badge>
      {canUnlock && (
        <Button
          size="sm"
          variant="secondary"
          loading={unlock.isPending}
          icon={<LockOpen className="h-4 w-4" aria-hidden />}
          aria-label={`Desbloquear login de ${user.name}`}
          onClick={() =>
            unlock.mutate(user.id, {
              onSuccess: () => toast.show(`Login de ${user.name} desbloqueado.`),
              onError: (e) => toast.show(errorMessage(e), 'error'),
            })
          }
        >
          Desbloquear login
        </Button>
      )}
    </span>
  );
}

/** A user of the tenant; role and situation are editable for whom may manage users. */
function UserRow({ user, editable }: { user: TenantUser; editable: boolean }) {
  const me = useCurrentUser();
  const update = useUpdateUser();
  const toast = useToast();
  const patch = (p: { role?: Role; is_active?: boolean }) =>
    update.mutate(
      { id: user.id, patch: p },
      {
        onSuccess: () => toast.show('Usuário atualizado.'),
        onError: (e) => toast.show(errorMessage(e), 'error'),
      },
    );
  return (
    <tr data-testid="user-row">
      <td className={td}>
        {user.name}
        {String(user.id) === String(me.id) && (
          <span className="ml-1 text-xs text-slate-500">(você)</span>
        )}
        <span className="block break-all text-xs text-slate-500 sm:hidden">{user.email}</span>
      </td>
      <td className={`${td} hidden sm:table-cell`}>{user.email}</td>
      <td className={td}>
        {editable ? (
          <select
            value={user.role}
            disabled={update.isPending}
            aria-label={`Papel de ${user.name}`}
            onChange={(e) => patch({ role: e.target.value as Role })}
            className="rounded border border-slate-300 bg-surface px-2 py-1 text-sm"
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        ) : (
          ROLE_LABELS[user.role]
        )}
      </td>
      <td className={td}>
        {editable ? (
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="h-4 w-4"
              checked={user.is_active}
              disabled={update.isPending}
              onChange={(e) => patch({ is_active: e.target.checked })}
            />
            {user.is_active ? 'Ativo' : 'Inativo'}
          </label>
        ) : user.is_active ? (
          'Ativo'
        ) : (
          'Inativo'
        )}
        <LoginLock user={user} canUnlock={editable} />
      </td>
    </tr>
  );
}

export function UsersSection() {
  const { can } = useCurrentUser();
  const users = useUsers();
  const [creating, setCreating] = useState(false);
  return (
    <Card
      title="Usuários e papéis"
      actions={
        can.manage_users && (
          <Button
            size="sm"
            icon={<UserPlus className="h-4 w-4" aria-hidden />}
            onClick={() => setCreating(true)}
          >
            Novo usuário
          </Button>
        )
      }
    >
      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.items.length === 0 ? (
        <EmptyState title="Nenhum usuário." />
      ) : (
        <Table label="Usuários">
          <thead className="bg-slate-50">
            <tr>
              <th className={th}>Nome</th>
              <th className={`${th} hidden sm:table-cell`}>E-mail</th>
              <th className={th}>Papel</th>
              <th className={th}>Situação</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.data.items.map((u) => (
              <UserRow key={u.id} user={u} editable={can.manage_users} />
            ))}
          </tbody>
        </Table>
      )}
      {can.manage_users && <NewUserDialog open={creating} onClose={() => setCreating(false)} />}
    </Card>
  );
}
