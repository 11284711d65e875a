import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useFormSubmit } from '@/lib/forms';
import { digitsOnly, maskPhone } from '@/lib/masks';
import { useUsers } from '@/modules/identity/hooks';
import { useCurrentUser } from '@/modules/identity/session';
import { Dialog } from '@/ui/Dialog';
import { SelectField, TextField } from '@/ui/Field';
import { FormActions, FormLayout } from '@/ui/Form';
import { MaskedField } from '@/ui/MaskedField';
import { useToast } from '@/ui/Toast';
import { useSaveStaff, useStaffList } from '../hooks';
import { parsePercentInput, percentToInput } from '@/lib/percent';
import type { Staff, StaffInput } from '../types';

const percentField = z
  .string()
  .refine(
    (v) => parsePercentInput(v) !== null,
    'Percentual de 0 a 100, até duas casas (ex.: 10,5).',
  );

export const staffSchema = z.object({
  name: z.string().trim().min(1, 'Informe o nome.').max(120, 'Nome muito longo.'),
  role: z.string().trim().max(60, 'Função muito longa.'),
  phone: z
    .string()
    .refine((v) => v.trim() === '' || /^\d{8,13}$/.test(digitsOnly(v)), 'Telefone inválido.'),
  email: z
    .string()
    .trim()
    .refine((v) => v === '' || z.string().email().safeParse(v).success, 'E-mail inválido.'),
  labor_commission_percent: percentField,
  parts_commission_percent: percentField,
  user_id: z.string(),
});
export type StaffForm = z.infer<typeof staffSchema>;
const FIELDS = [
  'name',
  'role',
  'phone',
  'email',
  'labor_commission_percent',
  'parts_commission_percent',
  'user_id',
] as const;

/**
 * The staff member as sent. The login goes only from a form that offered it (`withLogin`);
 * the commission only from one that showed it (`withCommission`).
 */
export function toStaffInput(
  values: StaffForm,
  { withLogin, withCommission }: { withLogin: boolean; withCommission: boolean },
): StaffInput {
  const input: StaffInput = {
    name: values.name.trim(),
    role: values.role.trim() || null,
    phone: digitsOnly(values.phone) || null,
    email: values.email.trim() || null,
  };
  if (withCommission) {
    input.labor_commission_percent = parsePercentInput(values.labor_commission_percent) ?? '0';
    input.parts_commission_percent = parsePercentInput(values.parts_commission_percent) ?? '0';
  }
  if (withLogin) input.user_id = values.user_id ? Number(values.user_id) : null;
  return input;
}

/**
 * The workshop's logins to link, each saying who already has it; the current one is there
 * from the start (so the select shows it while the list loads).
 */
function LoginOptions({ current }: { current?: Staff }) {
  const users = useUsers();
  const staff = useStaffList({ limit: 500 });
  const linked = new Map(
    (staff.data?.items ?? [])
      .filter((s) => s.user_id != null && s.id !== current?.id)
      .map((s) => [s.user_id, s.name]),
  );
  const list = (users.data?.items ?? []).map((u) => ({ id: u.id, name: u.name, email: u.email }));
  if (current?.user_id != null && !list.some((u) => u.id === current.user_id)) {
    list.unshift({
      id: current.user_id,
      name: current.user_name ?? '—',
      email: current.user_email ?? '',
    });
  }
  return (
    <>
      <option value="">Sem login</option>
      {list.map((u) => (
        <option key={u.id} value={String(u.id)}>
          {`${u.name}${u.email ? ` (${u.email})` : ''}${linked.has(u.id) ? ` — de ${linked.get(u.id)}` : ''}`}
        </option>
      ))}
    </>
  );
}

function StaffFormBody({ staff, onDone }: { staff?: Staff; onDone: () => void }) {
  const { can } = useCurrentUser();
  const save = useSaveStaff();
  const toast = useToast();
  // Logins are listed for whom may read the users; commissions for whom the server shows them.
  const withLogin = can.read_users;
  const withCommission = !staff || staff.labor_commission_percent !== null;
  const form = useForm<StaffForm>({
    resolver: zodResolver(staffSchema),
    defaultValues: {
      name: staff?.name ?? '',
      role: staff?.role ?? '',
      phone: maskPhone(staff?.phone ?? ''),
      email: staff?.email ?? '',
      labor_commission_percent: percentToInput(staff?.labor_commission_percent),
      parts_commission_percent: percentToInput(staff?.parts_commission_percent),
      user_id: staff?.user_id != null ? String(staff.user_id) : '',
    },
  });
  const { onSubmit, formError, field, discard } = useFormSubmit(
    form,
    FIELDS,
    async (values) => {
      await save.mutateAsync({
        id: staff?.id,
        input: toStaffInput(values, { withLogin, withCommission }),
      });
      toast.show(staff ? 'Membro da equipe salvo.' : 'Membro da equipe cadastrado.');
      onDone();
    },
    { draft: `staff:${staff?.id ?? 'new'}` },
  );
  const cancel = () => {
    discard();
    onDone();
  };
  return (
    <FormLayout onSubmit={onSubmit} error={formError} label="Dados do membro da equipe">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TextField label="Nome" autoComplete="off" autoFocus {...field('name')} />
        <TextField label="Função" placeholder="Mecânico, Recepção…" {...field('role')} />
        <MaskedField
          control={form.control}
          name="phone"
          mask={maskPhone}
          label="Telefone"
          type="tel"
          inputMode="tel"
          placeholder="(11) 98888-7777"
        />
        <TextField label="E-mail" type="email" autoComplete="off" {...field('email')} />
        {withCommission && (
          <>
            <TextField
              label="Comissão sobre mão de obra (%)"
              inputMode="decimal"
              placeholder="0"
              {...field('labor_commission_percent')}
            />
            <TextField
              label="Comissão sobre peças (%)"
              inputMode="decimal"
              placeholder="0"
              {...field('parts_commission_percent')}
            />
          </>
        )}
        {withLogin && (
          <SelectField
            label="Login no sistema"
            hint="O login deste membro vê “Minhas OS” e “Minhas tarefas”."
            containerClassName="sm:col-span-2"
            {...field('user_id')}
          >
            <LoginOptions current={staff} />
          </SelectField>
        )}
      </div>
      <FormActions
        onCancel={cancel}
        submitLabel={staff ? 'Salvar' : 'Cadastrar'}
        loading={save.isPending}
      />
    </FormLayout>
  );
}

export function StaffFormDialog({
  open,
  staff,
  onClose,
}: {
  open: boolean;
  staff?: Staff;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={open}
      title={staff ? 'Editar membro da equipe' : 'Novo membro da equipe'}
      onClose={onClose}
    >
      {open && <StaffFormBody staff={staff} onDone={onClose} />}
    </Dialog>
  );
}
