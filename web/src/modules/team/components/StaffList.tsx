import { useState } from 'react';
import { Pencil, Plus, UserCheck, UserX } from 'lucide-react';
import { useSearchParams } from 'react-router-dom';
import { errorMessage } from '@/lib/api/errors';
import { maskPhone } from '@/lib/masks';
import { PAGE_SIZE } from '@/lib/hooks';
import { useCurrentUser } from '@/modules/identity/session';
import { Button } from '@/ui/Button';
import { Badge, PageHeader } from '@/ui/Card';
import { useConfirm } from '@/ui/Confirm';
import { SelectField } from '@/ui/Field';
import { Pagination } from '@/ui/Pagination';
import { EmptyState, ErrorState, Loading } from '@/ui/States';
import { Table, td, th } from '@/ui/Table';
import { useToast } from '@/ui/Toast';
import { useSetStaffActive, useStaffList } from '../hooks';
import { formatPercent } from '@/lib/percent';
import type { Staff, StaffFilters } from '../types';
import { StaffFormDialog } from './StaffForm';

type ActiveFilter = NonNullable<StaffFilters['active']>;

const ACTIVE_OPTIONS: { value: ActiveFilter; label: string }[] = [
  { value: '1', label: 'Ativos' },
  { value: '0', label: 'Inativos' },
  { value: 'all', label: 'Todos' },
];

function StaffRow({
  staff,
  showCommission,
  onEdit,
}: {
  staff: Staff;
  showCommission: boolean;
  onEdit: (staff: Staff) => void;
}) {
  const setActive = useSetStaffActive();
  const toast = useToast();
  const [confirm, confirmDialog] = useConfirm();
  const toggle = async () => {
    const active = !staff.is_active;
    if (!active) {
      const ok = await confirm({
        title: 'Desativar membro da equipe?',
        message: `${staff.name} deixa de aparecer nas listas de escolha. OS, tarefas e contatos continuam com o nome dele(a).`,
        confirmLabel: 'Desativar',
        danger: true,
      });
      if (!ok) return;
    }
    setActive.mutate(
      { id: staff.id, active },
      {
        onSuccess: () => toast.show(active ? 'Membro reativado.' : 'Membro desativado.'),
        onError: (e) => toast.show(errorMessage(e), 'error'),
      },
    );
  };
  return (
    <tr data-testid="staff-row" className="hover:bg-slate-50">
      <td className={td}>
        <span className="font-medium text-slate-900">{staff.name}</span>
        {staff.role && <span className="block text-xs text-slate-500">{staff.role}</span>}
        {staff.phone && (
          <span className="block whitespace-nowrap text-xs text-slate-500 md:hidden">
            {maskPhone(staff.phone)}
          </span>
        )}
      </td>
      <td className={`${td} hidden whitespace-nowrap md:table-cell`}>
        {staff.phone ? maskPhone(staff.phone) : '—'}
        {staff.email && <span className="block text-xs text-slate-500">{staff.email}</span>}
      </td>
      <td className={`${td} hidden sm:table-cell`}>
        {staff.user_name ?? <span className="text-slate-500">Sem login</span>}
      </td>
      {showCommission && (
        <td className={`${td} whitespace-nowrap`} data-testid="staff-commission">
          <span className="block">MO {formatPercent(staff.labor_commission_percent)}</span>
          <span className="block text-xs text-slate-500">
            Peças {formatPercent(staff.parts_commission_percent)}
          </span>
        </td>
      )}
      <td className={td}>
        {staff.is_active ? (
          <Badge className="bg-green-100 text-green-800">Ativo</Badge>
        ) : (
          <Badge>Inativo</Badge>
        )}
      </td>
      <td className={`${td} whitespace-nowrap text-right`}>
        {staff.can.edit && (
          <>
            <button
              type="button"
              onClick={() => onEdit(staff)}
              className="rounded p-1.5 text-slate-600 hover:bg-slate-100"
              aria-label={`Editar ${staff.name}`}
            >
              <Pencil className="h-4 w-4" aria-hidden />
            </button>
            <button
              type="button"
              onClick={() => void toggle()}
              disabled={setActive.isPending}
              className="rounded p-1.5 text-slate-600 hover:bg-slate-100 disabled:opacity-50"
              aria-label={`${staff.is_active ? 'Desativar' : 'Reativar'} ${staff.name}`}
            >
              {staff.is_active ? (
                <UserX className="h-4 w-4" aria-hidden />
              ) : (
                <UserCheck className="h-4 w-4" aria-hidden />
              )}
            </button>
          </>
        )}
        {confirmDialog}
      </td>
    </tr>
  );
}

/** The workshop's staff, active by default; controls from the user's and each row's `can`. */
export function StaffList() {
  const { can } = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const active = (ACTIVE_OPTIONS.find((o) => o.value === params.get('active'))?.value ??
    '1') as ActiveFilter;
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const staff = useStaffList({ active, limit: PAGE_SIZE, offset });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Staff | undefined>();
  const set = (changes: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  // A colleague's commission is the managers' business: the server sends null to the others.
  const showCommission =
    staff.data?.items.some((s) => s.labor_commission_percent !== null) ?? false;

  return (
    <div>
      <PageHeader
        title="Equipe"
        actions={
          can.manage_staff && (
            <Button
              icon={<Plus className="h-4 w-4" aria-hidden />}
              onClick={() => setCreating(true)}
            >
              Novo membro
            </Button>
          )
        }
      />
      <div className="mb-3 max-w-[12rem]">
        <SelectField
          label="Situação"
          value={active}
          onChange={(e) =>
            set({ active: e.target.value === '1' ? null : e.target.value, offset: null })
          }
        >
          {ACTIVE_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectField>
      </div>
      {staff.isPending ? (
        <Loading />
      ) : staff.isError ? (
        <ErrorState error={staff.error} onRetry={() => void staff.refetch()} />
      ) : staff.data.items.length === 0 ? (
        <EmptyState
          title={active === '0' ? 'Nenhum membro inativo.' : 'Nenhum membro da equipe.'}
          description={
            can.manage_staff && active !== '0'
              ? 'Cadastre mecânicos e atendentes com “Novo membro”.'
              : undefined
          }
        />
      ) : (
        <>
          <Table label="Equipe">
            <thead className="bg-slate-50">
              <tr>
                <th className={th}>Nome</th>
                <th className={`${th} hidden md:table-cell`}>Contato</th>
                <th className={`${th} hidden sm:table-cell`}>Login</th>
                {showCommission && <th className={th}>Comissão</th>}
                <th className={th}>Situação</th>
                <th className={th}>
                  <span className="sr-only">Ações</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {staff.data.items.map((s) => (
                <StaffRow
                  key={s.id}
                  staff={s}
                  showCommission={showCommission}
                  onEdit={setEditing}
                />
              ))}
            </tbody>
          </Table>
          <Pagination
            total={staff.data.total}
            limit={PAGE_SIZE}
            offset={offset}
            onChange={(o) => set({ offset: o > 0 ? String(o) : null })}
          />
        </>
      )}
      <StaffFormDialog open={creating} onClose={() => setCreating(false)} />
      <StaffFormDialog
        open={editing !== undefined}
        staff={editing}
        onClose={() => setEditing(undefined)}
      />
    </div>
  );
}
