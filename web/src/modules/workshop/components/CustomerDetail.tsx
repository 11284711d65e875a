import { useState } from 'react';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Bike, Plus, UserX } from 'lucide-react';
import { formatPlate, maskDocument, maskPhone } from '@/lib/masks';
import { useCurrentUser } from '@/modules/identity/session';
import { Button } from '@/ui/Button';
import { Card } from '@/ui/Card';
import { Dialog } from '@/ui/Dialog';
import { InfoGrid, InfoItem } from '@/ui/InfoGrid';
import { EmptyState, ErrorState, Loading } from '@/ui/States';
import { useToast } from '@/ui/Toast';
import { useDeactivateCustomer, useMotos, useOpenOrderCount } from '../hooks';
import type { Customer } from '../types';
import { CustomerForm } from './CustomerForm';
import { DetailHeader, useDeactivateFlow } from './DetailHeader';
import { MotoForm } from './MotoForm';
import { CustomerOrders } from './OrderHistoryTable';

/** What deactivating a customer means, naming their open orders (`null`: count unknown). */
function deactivationMessage(name: string, openOrders: number | null): string {
  const base = `${name} deixará de aparecer nas buscas.`;
  if (openOrders === null) return base;
  if (openOrders === 0) return `${base} Não há OS em aberto.`;
  const orders = openOrders === 1 ? '1 OS em aberto' : `${openOrders} OS em aberto`;
  return `${name} tem ${orders}, que continua${openOrders === 1 ? '' : 'm'} no sistema. ${base}`;
}

function CustomerMotos({ customer }: { customer: Customer }) {
  const { can } = useCurrentUser();
  const toast = useToast();
  const motos = useMotos({ customer_id: customer.id, limit: 100 });
  const [creating, setCreating] = useState(false);
  return (
    <Card
      title="Motos"
      actions={
        can.write_customers && (
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
                {formatPlate(m.plate)}
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

/**
 * A customer's page. `children` go after the orders (the page adds what other modules show
 * about the customer: the timeline, the tasks).
 */
export function CustomerDetail({
  customer,
  children,
}: {
  customer: Customer;
  children?: ReactNode;
}) {
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const deactivate = useDeactivateCustomer();
  // Counted when the user asks to deactivate, so the number is current.
  const openOrders = useOpenOrderCount(customer.id, false);
  const [onDeactivate, confirmDialog] = useDeactivateFlow({
    mutate: deactivate.mutate,
    id: customer.id,
    title: 'Desativar cliente?',
    message: async () =>
      deactivationMessage(customer.name, (await openOrders.refetch()).data ?? null),
    done: 'Cliente desativado.',
    backTo: '/clientes',
  });

  return (
    <div className="flex flex-col gap-4">
      <DetailHeader
        title={customer.name}
        onEdit={customer.can.edit ? () => setEditing(true) : undefined}
        onDeactivate={
          customer.can.deactivate && customer.is_active ? () => void onDeactivate() : undefined
        }
        deactivateIcon={UserX}
      />
      <Card title="Dados do cliente">
        <InfoGrid>
          <InfoItem label="Telefone">{customer.phone ? maskPhone(customer.phone) : '—'}</InfoItem>
          <InfoItem label="CPF/CNPJ">
            {customer.document ? maskDocument(customer.document) : '—'}
          </InfoItem>
          <InfoItem label="E-mail">{customer.email || '—'}</InfoItem>
          <InfoItem label="Situação">{customer.is_active === false ? 'Inativo' : 'Ativo'}</InfoItem>
          {customer.notes && (
            <InfoItem label="Observações" wide valueClassName="whitespace-pre-line">
              {customer.notes}
            </InfoItem>
          )}
        </InfoGrid>
      </Card>
      <CustomerMotos customer={customer} />
      <Card title="Histórico de OS">
        <CustomerOrders customerId={customer.id} />
      </Card>
      {children}
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
