import { Link } from 'react-router-dom';
import { formatDate } from '@/lib/dates';
import { formatPlate } from '@/lib/masks';
import { formatKm } from '@/lib/numbers';
import { formatMoney } from '@/lib/money';
import { Table, td, th } from '@/ui/Table';
import type { MotorcycleOrder, ServiceOrder } from '../types';
import { StatusBadge } from './StatusBadge';

/** A service order of a list (ServiceOrder) or of a motorcycle's history (MotorcycleOrder). */
type Row = MotorcycleOrder &
  Partial<
    Pick<
      ServiceOrder,
      'customer_name' | 'motorcycle_plate' | 'motorcycle_model' | 'assigned_staff_name'
    >
  >;

/**
 * Service orders as a table: OS (link), situation, opening date and total, plus the columns
 * asked for — customer, motorcycle (plate, or plate · model with `moto="full"`) and km.
 * On a phone the opening date goes under the OS number; with `cardsOnPhone` (one of `moto`
 * or `km`, no customer) each row becomes a two-line card instead of a table that scrolls
 * sideways: OS and situation, then the motorcycle or km and the total.
 */
export function OrdersTable({
  label,
  orders,
  customer = false,
  moto,
  km = false,
  mechanic = false,
  cardsOnPhone = false,
}: {
  label: string;
  orders: readonly (Row | (ServiceOrder & { km_at_entry?: number | null }))[];
  customer?: boolean;
  moto?: 'plate' | 'full';
  km?: boolean;
  /** The order's mechanic (under the OS number on a phone). */
  mechanic?: boolean;
  cardsOnPhone?: boolean;
}) {
  // Phone-only grid placement of a cell, when rows are cards there.
  const onPhone = (cell: string) => (cardsOnPhone ? ` ${cell}` : '');
  const firstLine = onPhone('max-sm:row-start-1');
  const secondLine = onPhone('max-sm:row-start-2 max-sm:pt-0');
  return (
    <Table label={label}>
      <thead className={`bg-slate-50${onPhone('max-sm:hidden')}`}>
        <tr>
          <th className={th}>OS</th>
          {customer && <th className={th}>Cliente</th>}
          {moto && <th className={th}>Moto</th>}
          {mechanic && <th className={`${th} hidden sm:table-cell`}>Mecânico</th>}
          <th className={th}>Situação</th>
          <th className={`${th} hidden sm:table-cell`}>Abertura</th>
          {km && <th className={th}>Km</th>}
          <th className={`${th} text-right`}>Total</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {orders.map((o) => (
          <tr
            key={o.id}
            className={`hover:bg-slate-50${onPhone('max-sm:grid max-sm:grid-cols-[1fr_auto]')}`}
            data-testid="order-row"
          >
            <td className={`${td}${firstLine}`}>
              <Link to={`/os/${o.id}`} className="font-medium text-primary underline">
                #{o.number}
              </Link>
              <span className="block whitespace-nowrap text-xs text-slate-500 sm:hidden">
                {formatDate(o.created_at)}
              </span>
              {mechanic && o.assigned_staff_name && (
                <span className="block whitespace-nowrap text-xs text-slate-500 sm:hidden">
                  {o.assigned_staff_name}
                </span>
              )}
            </td>
            {customer && <td className={td}>{o.customer_name}</td>}
            {moto && (
              <td className={`${td}${secondLine}`}>
                {formatPlate(o.motorcycle_plate)}
                {moto === 'full' && o.motorcycle_model ? ` · ${o.motorcycle_model}` : ''}
              </td>
            )}
            {mechanic && (
              <td className={`${td} hidden sm:table-cell`} data-testid="order-row-mechanic">
                {o.assigned_staff_name ?? '—'}
              </td>
            )}
            <td className={`${td}${firstLine}${onPhone('max-sm:text-right')}`}>
              <StatusBadge status={o.status} />
            </td>
            <td className={`${td} hidden sm:table-cell`}>{formatDate(o.created_at)}</td>
            {km && (
              <td className={`${td}${secondLine}`}>
                {formatKm(o.km_at_entry ?? null)}
                {cardsOnPhone && o.km_at_entry != null && <span className="sm:hidden"> km</span>}
              </td>
            )}
            <td className={`${td} whitespace-nowrap text-right${secondLine}`}>
              {formatMoney(o.total_amount)}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
