import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ArrowDownUp } from 'lucide-react';
import { formatDateTime } from '@/lib/dates';
import { formatMoney } from '@/lib/money';
import { useCurrentUser } from '@/modules/identity/session';
import { Button } from '@/ui/Button';
import { Card } from '@/ui/Card';
import { InfoGrid, InfoItem } from '@/ui/InfoGrid';
import { EmptyState, ErrorState, Loading } from '@/ui/States';
import { Table, td, th } from '@/ui/Table';
import { useDeactivatePart, usePartMovements } from '../hooks';
import type { Part } from '../types';
import { DetailHeader, useDeactivateFlow } from './DetailHeader';
import { MOVEMENT_LABELS, PartFormDialog, StockMovementDialog } from './PartForms';

function Movements({ part }: { part: Part }) {
  const movements = usePartMovements(part.id);
  if (movements.isPending) return <Loading />;
  if (movements.isError)
    return <ErrorState error={movements.error} onRetry={() => void movements.refetch()} />;
  if (movements.data.items.length === 0) return <EmptyState title="Nenhuma movimentação." />;
  return (
    <Table label="Movimentações">
      <thead className="bg-slate-50">
        <tr>
          <th className={th}>Data</th>
          <th className={th}>Tipo</th>
          <th className={`${th} text-right`}>Quantidade</th>
          <th className={th}>Motivo</th>
          <th className={th}>OS</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {movements.data.items.map((m) => (
          <tr key={m.id} data-testid="movement-row">
            <td className={`${td} whitespace-nowrap`}>{formatDateTime(m.created_at)}</td>
            <td className={td}>{MOVEMENT_LABELS[m.movement_type] ?? m.movement_type}</td>
            <td className={`${td} text-right`}>{m.quantity}</td>
            <td className={td}>{m.reason || '—'}</td>
            <td className={td}>
              {m.related_order_id != null ? (
                <Link to={`/os/${m.related_order_id}`} className="text-primary underline">
                  Ver OS
                </Link>
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function PartDetail({ part }: { part: Part }) {
  const { can } = useCurrentUser();
  const [editing, setEditing] = useState(false);
  const [moving, setMoving] = useState(false);
  const deactivate = useDeactivatePart();
  const [onDeactivate, confirmDialog] = useDeactivateFlow({
    mutate: deactivate.mutate,
    id: part.id,
    title: 'Desativar peça?',
    message: `${part.name} deixará de aparecer na busca de peças.`,
    done: 'Peça desativada.',
    backTo: '/estoque',
  });

  return (
    <div className="flex flex-col gap-4">
      <DetailHeader
        title={part.name}
        onEdit={part.can.edit ? () => setEditing(true) : undefined}
        onDeactivate={part.can.deactivate && part.is_active ? () => void onDeactivate() : undefined}
      >
        {part.can.move_stock && (
          <Button
            icon={<ArrowDownUp className="h-4 w-4" aria-hidden />}
            onClick={() => setMoving(true)}
          >
            Movimentar estoque
          </Button>
        )}
      </DetailHeader>
      <Card title="Dados da peça">
        <InfoGrid cols={3}>
          <InfoItem label="Código (SKU)">{part.sku}</InfoItem>
          <InfoItem label="Estoque" testId="part-detail-stock" valueClassName="font-semibold">
            {part.quantity_in_stock}
          </InfoItem>
          <InfoItem label="Mínimo">{part.min_stock}</InfoItem>
          <InfoItem label="Preço de venda">{formatMoney(part.unit_price)}</InfoItem>
          {can.see_costs && (
            <InfoItem label="Preço de custo">
              {part.cost_price != null ? formatMoney(part.cost_price) : '—'}
            </InfoItem>
          )}
          <InfoItem label="Localização">{part.location || '—'}</InfoItem>
        </InfoGrid>
      </Card>
      <Card title="Movimentações">
        <Movements part={part} />
      </Card>
      {part.can.edit && (
        <PartFormDialog open={editing} part={part} onClose={() => setEditing(false)} />
      )}
      {part.can.move_stock && (
        <StockMovementDialog part={moving ? part : null} onClose={() => setMoving(false)} />
      )}
      {confirmDialog}
    </div>
  );
}
