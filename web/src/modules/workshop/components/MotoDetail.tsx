import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatPlate } from '@/lib/masks';
import { formatKm } from '@/lib/numbers';
import { Card } from '@/ui/Card';
import { Dialog } from '@/ui/Dialog';
import { InfoGrid, InfoItem } from '@/ui/InfoGrid';
import { EmptyState } from '@/ui/States';
import { useToast } from '@/ui/Toast';
import { useDeactivateMoto } from '../hooks';
import type { MotorcycleDetail } from '../types';
import { DetailHeader, useDeactivateFlow } from './DetailHeader';
import { MotoForm } from './MotoForm';
import { OrdersTable } from './OrdersTable';

export function MotoDetail({ moto }: { moto: MotorcycleDetail }) {
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const deactivate = useDeactivateMoto();
  const [onDeactivate, confirmDialog] = useDeactivateFlow({
    mutate: deactivate.mutate,
    id: moto.id,
    title: 'Desativar moto?',
    message: `A moto ${formatPlate(moto.plate)} deixará de aparecer nas buscas.`,
    done: 'Moto desativada.',
    backTo: '/motos',
  });
  const orders = moto.service_orders ?? [];

  return (
    <div className="flex flex-col gap-4">
      <DetailHeader
        title={`${formatPlate(moto.plate)}${moto.model ? ` · ${moto.model}` : ''}`}
        onEdit={moto.can.edit ? () => setEditing(true) : undefined}
        onDeactivate={moto.can.deactivate && moto.is_active ? () => void onDeactivate() : undefined}
      />
      <Card title="Dados da moto">
        <InfoGrid cols={3}>
          <InfoItem label="Cliente">
            <Link to={`/clientes/${moto.customer_id}`} className="text-primary underline">
              {moto.customer_name}
            </Link>
          </InfoItem>
          <InfoItem label="Marca">{moto.brand || '—'}</InfoItem>
          <InfoItem label="Modelo">{moto.model || '—'}</InfoItem>
          <InfoItem label="Ano">{moto.year ?? '—'}</InfoItem>
          <InfoItem label="Km atual">{formatKm(moto.km_current)}</InfoItem>
          <InfoItem label="Chassi" valueClassName="break-all">
            {moto.vin || '—'}
          </InfoItem>
        </InfoGrid>
      </Card>
      <Card title="Histórico de serviços">
        {orders.length === 0 ? (
          <EmptyState title="Nenhum serviço registrado para esta moto." />
        ) : (
          <OrdersTable label="Histórico de serviços" orders={orders} km cardsOnPhone />
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
