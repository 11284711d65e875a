import { useEffect, useState } from 'react';
import { errorMessage } from '@/lib/api/errors';
import { useActiveStaff } from '@/modules/team/hooks';
import { useToast } from '@/ui/Toast';
import { useUpdateOrder } from '../hooks';
import type { ServiceOrderDetail } from '../types';

/**
 * The order's mechanic: a select of the active staff for whom the order lets assign it
 * (`can.assign_mechanic`: also on a completed order, whose commissions follow the mechanic),
 * else the name. Every change is on the order's record (`changes`).
 */
export function MechanicField({ order }: { order: ServiceOrderDetail }) {
  const canEdit = order.can.assign_mechanic;
  const staff = useActiveStaff(canEdit);
  const update = useUpdateOrder(order.id);
  const toast = useToast();
  const current = order.assigned_staff_id != null ? String(order.assigned_staff_id) : '';
  // What was just chosen, shown until the order read again says it.
  const [chosen, setChosen] = useState<string | null>(null);
  useEffect(() => setChosen(null), [current]);
  if (!canEdit) {
    return <span data-testid="order-mechanic">{order.assigned_staff_name ?? '—'}</span>;
  }
  const options = (staff.data?.items ?? []).map((s) => ({ id: s.id, name: s.name }));
  // The current mechanic stays shown even when no longer active.
  if (order.assigned_staff_id != null && !options.some((o) => o.id === order.assigned_staff_id)) {
    options.push({ id: order.assigned_staff_id, name: order.assigned_staff_name ?? '—' });
  }
  const onChange = (value: string) => {
    setChosen(value);
    const id = value ? Number(value) : null;
    update.mutate(
      { assigned_staff_id: id },
      {
        onSuccess: () =>
          toast.show(
            id === null
              ? 'OS sem mecânico.'
              : `Mecânico da OS: ${options.find((o) => o.id === id)?.name ?? ''}.`,
          ),
        onError: (error) => {
          setChosen(null);
          toast.show(errorMessage(error), 'error');
        },
      },
    );
  };
  return (
    <select
      value={chosen ?? current}
      disabled={update.isPending}
      aria-label="Mecânico da OS"
      data-testid="order-mechanic"
      onChange={(e) => onChange(e.target.value)}
      className="mt-0.5 block w-full max-w-xs rounded border border-slate-300 bg-surface px-2 py-1 text-sm text-slate-900"
    >
      <option value="">Sem mecânico</option>
      {options.map((o) => (
        <option key={o.id} value={String(o.id)}>
          {o.name}
        </option>
      ))}
    </select>
  );
}
