import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ArrowDownUp, Pencil, Plus } from 'lucide-react';
import { PAGE_SIZE, useDebounced, useListParams } from '@/lib/hooks';
import { formatMoney } from '@/lib/money';
import { useCurrentUser } from '@/modules/identity/session';
import { Button } from '@/ui/Button';
import { Badge, PageHeader } from '@/ui/Card';
import { TextField } from '@/ui/Field';
import { Pagination } from '@/ui/Pagination';
import { EmptyState, ErrorState, Loading } from '@/ui/States';
import { Table, td, th } from '@/ui/Table';
import { useParts } from '../hooks';
import type { Part } from '../types';
import { PartFormDialog, StockMovementDialog } from './PartForms';

export function PartList() {
  const { can } = useCurrentUser();
  const { params, text, setText, offset, setOffset, update } = useListParams();
  const lowStock = params.get('low_stock') === '1';
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Part | undefined>();
  const [moving, setMoving] = useState<Part | null>(null);
  const q = useDebounced(text.trim(), 300);
  const parts = useParts({ q, low_stock: lowStock ? 1 : undefined, limit: PAGE_SIZE, offset });

  return (
    <div>
      <PageHeader
        title="Estoque"
        actions={
          can.manage_parts && (
            <Button
              icon={<Plus className="h-4 w-4" aria-hidden />}
              onClick={() => setCreating(true)}
            >
              Nova peça
            </Button>
          )
        }
      />
      <div className="mb-3 flex flex-wrap items-end gap-4">
        <TextField
          label="Buscar peça"
          type="search"
          placeholder="Nome ou código"
          containerClassName="w-full max-w-md"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
          <input
            type="checkbox"
            className="h-4 w-4"
            checked={lowStock}
            onChange={(e) => update({ low_stock: e.target.checked ? '1' : null, offset: null })}
          />
          Só abaixo do mínimo
        </label>
      </div>
      {parts.isPending ? (
        <Loading />
      ) : parts.isError ? (
        <ErrorState error={parts.error} onRetry={() => void parts.refetch()} />
      ) : parts.data.items.length === 0 ? (
        <EmptyState
          title={
            lowStock
              ? 'Nenhuma peça abaixo do mínimo.'
              : q
                ? 'Nenhuma peça encontrada.'
                : 'Nenhuma peça cadastrada.'
          }
        />
      ) : (
        <>
          <Table label="Peças">
            <thead className="bg-slate-50">
              <tr>
                <th className={th}>Código</th>
                <th className={th}>Nome</th>
                <th className={`${th} text-right`}>Estoque</th>
                <th className={`${th} text-right`}>Mínimo</th>
                <th className={`${th} text-right`}>Preço</th>
                {can.see_costs && <th className={`${th} text-right`}>Custo</th>}
                <th className={th}>Local</th>
                <th className={th}>
                  <span className="sr-only">Ações</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {parts.data.items.map((p) => {
                const low = p.quantity_in_stock <= p.min_stock;
                return (
                  <tr key={p.id} className="hover:bg-slate-50" data-testid="part-row">
                    <td className={`${td} whitespace-nowrap`}>{p.sku}</td>
                    <td className={td}>
                      <Link to={`/estoque/${p.id}`} className="font-medium text-primary underline">
                        {p.name}
                      </Link>
                      {p.is_active === false && (
                        <span className="ml-2 text-xs text-slate-500">(inativa)</span>
                      )}
                    </td>
                    <td className={`${td} text-right`} data-testid="part-stock">
                      {low ? (
                        <Badge className="bg-red-100 text-red-800">{p.quantity_in_stock}</Badge>
                      ) : (
                        p.quantity_in_stock
                      )}
                    </td>
                    <td className={`${td} text-right`}>{p.min_stock}</td>
                    <td className={`${td} whitespace-nowrap text-right`}>
                      {formatMoney(p.unit_price)}
                    </td>
                    {can.see_costs && (
                      <td className={`${td} whitespace-nowrap text-right`} data-testid="part-cost">
                        {p.cost_price != null ? formatMoney(p.cost_price) : '—'}
                      </td>
                    )}
                    <td className={td}>{p.location || '—'}</td>
                    <td className={`${td} whitespace-nowrap text-right`}>
                      {p.can.move_stock && (
                        <button
                          type="button"
                          className="rounded p-1.5 text-slate-600 hover:bg-slate-100"
                          aria-label={`Movimentar estoque de ${p.name}`}
                          onClick={() => setMoving(p)}
                        >
                          <ArrowDownUp className="h-4 w-4" aria-hidden />
                        </button>
                      )}
                      {p.can.edit && (
                        <button
                          type="button"
                          className="rounded p-1.5 text-slate-600 hover:bg-slate-100"
                          aria-label={`Editar ${p.name}`}
                          onClick={() => setEditing(p)}
                        >
                          <Pencil className="h-4 w-4" aria-hidden />
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
          <Pagination
            total={parts.data.total}
            limit={PAGE_SIZE}
            offset={offset}
            onChange={setOffset}
          />
        </>
      )}
      <PartFormDialog open={creating} onClose={() => setCreating(false)} />
      <PartFormDialog
        open={editing !== undefined}
        part={editing}
        onClose={() => setEditing(undefined)}
      />
      <StockMovementDialog part={moving} onClose={() => setMoving(null)} />
    </div>
  );
}
