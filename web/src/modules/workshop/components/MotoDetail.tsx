import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Pencil, Trash2 } from 'lucide-react';
import { errorMessage } from '@/lib/api/errors';
import { formatDate } from '@/lib/dates';
import { maskPlate } from '@/lib/masks';
import { formatMoney } from '@/lib/money';
import { can } from '@/modules/identity/permissions';
import { useCurrentUser } from '@/modules/identity/session';
import { Button } from '@/ui/Button';
import { Card, PageHeader } from '@/ui/Card';
import { useConfirm } from '@/ui/Confirm';
import { Dialog } from '@/ui/Dialog';
import { EmptyState } from '@/ui/States';
import { Table, td, th } from '@/ui/Table';
import { useToast } from '@/ui/Toast';
import { useCustomer, useDeactivateMoto } from '../hooks';
import type { MotorcycleDetail } from '../types';
import { MotoForm } from './MotoForm';
import { StatusBadge } from './StatusBadge';

export function MotoDetail({ moto }: { moto: MotorcycleDetail }) {
  const user = useCurrentUser();
  const toast = useToast();
  const navigate = useNavigate();
  const customer = useCustomer(moto.customer_id);
  const [editing, setEditing] = useState(false);
  const deactivate = useDeactivateMoto();
  const [confirm, confirmDialog] = useConfirm();
  const orders = moto.service_orders ?? [];

  const onDeactivate = async () => {
    if (
      !(await confirm({
        title: 'Desativar moto?',
        message: `A moto ${maskPlate(moto.plate)} deixará de aparecer nas buscas.`,
        confirmLabel: 'Desativar',
        danger: true,
      }))
    )
      return;
    deactivate.mutate(moto.id, {
      onSuccess: () => {
        toast.show('Moto desativada.');
        navigate('/motos');
      },
      onError: (e) => toast.show(errorMessage(e), 'error'),
    });
  };

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title={`${maskPlate(moto.plate)}${moto.model ? ` · ${moto.model}` : ''}`}
        actions={
          <>
            {can(user.role, 'customers.write') && (
              <Button
                variant="secondary"
                icon={<Pencil className="h-4 w-4" aria-hidden />}
                onClick={() => setEditing(true)}
              >
                Editar
              </Button>
            )}
            {can(user.role, 'customers.deactivate') && moto.is_active !== false && (
              <Button
                variant="danger"
                icon={<Trash2 className="h-4 w-4" aria-hidden />}
                onClick={() => void onDeactivate()}
              >
                Desativar
              </Button>
            )}
          </>
        }
      />
      <Card title="Dados da moto">
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-500">Cliente</dt>
            <dd>
              <Link to={`/clientes/${moto.customer_id}`} className="text-primary underline">
                {customer.data?.name ?? 'Ver cliente'}
              </Link>
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">Marca</dt>
            <dd>{moto.brand || '—'}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Modelo</dt>
            <dd>{moto.model || '—'}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Ano</dt>
            <dd>{moto.year ?? '—'}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Km atual</dt>
            <dd>{moto.km_current != null ? moto.km_current.toLocaleString('pt-BR') : '—'}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Chassi</dt>
            <dd className="break-all">{moto.vin || '—'}</dd>
          </div>
        </dl>
      </Card>
      <Card title="Histórico de serviços">
        {orders.length === 0 ? (
          <EmptyState title="Nenhum serviço registrado para esta moto." />
        ) : (
          <Table label="Histórico de serviços">
            <thead className="bg-slate-50">
              <tr>
                <th className={th}>OS</th>
                <th className={th}>Situação</th>
                <th className={th}>Abertura</th>
                <th className={th}>Km</th>
                <th className={`${th} text-right`}>Total</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {orders.map((o) => (
                <tr key={o.id}>
                  <td className={td}>
                    <Link to={`/os/${o.id}`} className="font-medium text-primary underline">
                      #{o.number}
                    </Link>
                  </td>
                  <td className={td}>
                    <StatusBadge status={o.status} />
                  </td>
                  <td className={td}>{formatDate(o.created_at)}</td>
                  <td className={td}>
                    {o.km_at_entry != null ? o.km_at_entry.toLocaleString('pt-BR') : '—'}
                  </td>
                  <td className={`${td} whitespace-nowrap text-right`}>
                    {formatMoney(o.total_amount)}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <Dialog open={editing} title="Editar moto" onClose={() => setEditing(false)}>
        <MotoForm
          customerId={moto.customer_id}
          moto={moto}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            toast.show('Moto salva.');
          }}
        />
      </Dialog>
      {confirmDialog}
    </div>
  );
}
