import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ArrowDownUp, Pencil, Trash2 } from 'lucide-react';
import { errorMessage } from '@/lib/api/errors';
import { formatDateTime } from '@/lib/dates';
import { formatMoney } from '@/lib/money';
import { can } from '@/modules/identity/permissions';
import { useCurrentUser } from '@/modules/identity/session';
import { Button } from '@/ui/Button';
import { Card, PageHeader } from '@/ui/Card';
import { useConfirm } from '@/ui/Confirm';
import { EmptyState, ErrorState, Loading } from '@/ui/States';
import { Table, td, th } from '@/ui/Table';
import { useToast } from '@/ui/Toast';
import { useDeactivatePart, usePartMovements } from '../hooks';
import type { Part } from '../types';
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
  const user = useCurrentUser();
  const canWrite = can(user.role, 'parts.write');
  const toast = useToast();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [moving, setMoving] = useState(false);
  const deactivate = useDeactivatePart();
  const [confirm, confirmDialog] = useConfirm();

  const onDeactivate = async () => {
    if (
      !(await confirm({
        title: 'Desativar peça?',
        message: `${part.name} deixará de aparecer na busca de peças.`,
        confirmLabel: 'Desativar',
        danger: true,
      }))
    )
      return;
    deactivate.mutate(part.id, {
      onSuccess: () => {
        toast.show('Peça desativada.');
        navigate('/estoque');
      },
      onError: (e) => toast.show(errorMessage(e), 'error'),
    });
  };

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title={part.name}
        actions={
          canWrite && (
            <>
              <Button
                icon={<ArrowDownUp className="h-4 w-4" aria-hidden />}
                onClick={() => setMoving(true)}
              >
                Movimentar estoque
              </Button>
              <Button
                variant="secondary"
                icon={<Pencil className="h-4 w-4" aria-hidden />}
                onClick={() => setEditing(true)}
              >
                Editar
              </Button>
              {part.is_active !== false && (
                <Button
                  variant="danger"
                  icon={<Trash2 className="h-4 w-4" aria-hidden />}
                  onClick={() => void onDeactivate()}
                >
                  Desativar
                </Button>
              )}
            </>
          )
        }
      />
      <Card title="Dados da peça">
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-500">Código (SKU)</dt>
            <dd>{part.sku}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Estoque</dt>
            <dd data-testid="part-detail-stock" className="font-semibold">
              {part.quantity_in_stock}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">Mínimo</dt>
            <dd>{part.min_stock}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Preço de venda</dt>
            <dd>{formatMoney(part.unit_price)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Preço de custo</dt>
            <dd>{part.cost_price != null ? formatMoney(part.cost_price) : '—'}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Localização</dt>
            <dd>{part.location || '—'}</dd>
          </div>
        </dl>
      </Card>
      <Card title="Movimentações">
        <Movements part={part} />
      </Card>
      {canWrite && (
        <>
          <PartFormDialog open={editing} part={part} onClose={() => setEditing(false)} />
          <StockMovementDialog part={moving ? part : null} onClose={() => setMoving(false)} />
        </>
      )}
      {confirmDialog}
    </div>
  );
}
