import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Bike, Pencil, Plus, UserX } from 'lucide-react';
import { errorMessage } from '@/lib/api/errors';
import { maskDocument, maskPhone, maskPlate } from '@/lib/masks';
import { can } from '@/modules/identity/permissions';
import { useCurrentUser } from '@/modules/identity/session';
import { Button } from '@/ui/Button';
import { Card, PageHeader } from '@/ui/Card';
import { useConfirm } from '@/ui/Confirm';
import { Dialog } from '@/ui/Dialog';
import { EmptyState, ErrorState, Loading } from '@/ui/States';
import { useToast } from '@/ui/Toast';
import { useDeactivateCustomer, useMotos } from '../hooks';
import type { Customer } from '../types';
import { CustomerForm } from './CustomerForm';
import { MotoForm } from './MotoForm';
import { CustomerOrders } from './OrderHistoryTable';

function CustomerMotos({ customer }: { customer: Customer }) {
  const user = useCurrentUser();
  const toast = useToast();
  const motos = useMotos({ customer_id: customer.id, limit: 100 });
  const [creating, setCreating] = useState(false);
  return (
    <Card
      title="Motos"
      actions={
        can(user.role, 'customers.write') && (
          <Button
            size="sm"
            variant="secondary"
            icon={<Plus className="h-4 w-4" aria-hidden />}
            onClick={() => setCreating(true)}
          >
            Nova moto
          </Button>
        )
      }
    >
      {motos.isPending ? (
        <Loading />
      ) : motos.isError ? (
        <ErrorState error={motos.error} onRetry={() => void motos.refetch()} />
      ) : motos.data.items.length === 0 ? (
        <EmptyState title="Nenhuma moto cadastrada." />
      ) : (
        <ul className="divide-y divide-slate-100">
          {motos.data.items.map((m) => (
            <li key={m.id} className="flex items-center gap-2 py-2 text-sm">
              <Bike className="h-4 w-4 text-slate-500" aria-hidden />
              <Link to={`/motos/${m.id}`} className="font-medium text-primary underline">
                {maskPlate(m.plate)}
              </Link>
              <span className="text-slate-600">
                {[m.brand, m.model, m.year].filter(Boolean).join(' ')}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Dialog open={creating} title="Nova moto" onClose={() => setCreating(false)}>
        <MotoForm
          customerId={customer.id}
          onCancel={() => setCreating(false)}
          onSaved={() => {
            setCreating(false);
            toast.show('Moto cadastrada.');
          }}
        />
      </Dialog>
    </Card>
  );
}

export function CustomerDetail({ customer }: { customer: Customer }) {
  const user = useCurrentUser();
  const toast = useToast();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const deactivate = useDeactivateCustomer();
  const [confirm, confirmDialog] = useConfirm();

  const onDeactivate = async () => {
    const ok = await confirm({
      title: 'Desativar cliente?',
      message: `${customer.name} deixará de aparecer nas buscas.`,
      confirmLabel: 'Desativar',
      danger: true,
    });
    if (!ok) return;
    deactivate.mutate(customer.id, {
      onSuccess: () => {
        toast.show('Cliente desativado.');
        navigate('/clientes');
      },
      onError: (e) => toast.show(errorMessage(e), 'error'),
    });
  };

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title={customer.name}
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
            {can(user.role, 'customers.deactivate') && customer.is_active !== false && (
              <Button
                variant="danger"
                icon={<UserX className="h-4 w-4" aria-hidden />}
                onClick={() => void onDeactivate()}
              >
                Desativar
              </Button>
            )}
          </>
        }
      />
      <Card title="Dados do cliente">
        <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-500">Telefone</dt>
            <dd>{customer.phone ? maskPhone(customer.phone) : '—'}</dd>
          </div>
          <div>
            <dt className="text-slate-500">CPF/CNPJ</dt>
            <dd>{customer.document ? maskDocument(customer.document) : '—'}</dd>
          </div>
          <div>
            <dt className="text-slate-500">E-mail</dt>
            <dd>{customer.email || '—'}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Situação</dt>
            <dd>{customer.is_active === false ? 'Inativo' : 'Ativo'}</dd>
          </div>
          {customer.notes && (
            <div className="sm:col-span-2">
              <dt className="text-slate-500">Observações</dt>
              <dd className="whitespace-pre-line">{customer.notes}</dd>
            </div>
          )}
        </dl>
      </Card>
      <CustomerMotos customer={customer} />
      <Card title="Histórico de OS">
        <CustomerOrders customerId={customer.id} />
      </Card>
      <Dialog open={editing} title="Editar cliente" onClose={() => setEditing(false)}>
        <CustomerForm
          customer={customer}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            toast.show('Cliente salvo.');
          }}
        />
      </Dialog>
      {confirmDialog}
    </div>
  );
}
