import type { ReactNode } from 'react';
import { formatDate } from '@/lib/dates';
import { formatPlate } from '@/lib/masks';
import { formatKm } from '@/lib/numbers';
import { formatMoney } from '@/lib/money';
import { useCurrentUser } from '@/modules/identity/session';
import { STATUS_LABELS } from '../status';
import type { ServiceOrderDetail } from '../types';

/**
 * What the customer gets on paper; shown only by @media print. `children` go under the totals
 * (what other modules print about the order, e.g. the amount due and its PIX QR).
 */
export function OrderPrintView({
  order,
  children,
}: {
  order: ServiceOrderDetail;
  children?: ReactNode;
}) {
  const user = useCurrentUser();
  return (
    <div className="print-only text-[12pt] text-black" data-testid="print-view">
      <header className="mb-4 flex items-start justify-between border-b border-black pb-2">
        <div>
          <p className="text-lg font-bold">{user.tenant_name}</p>
          <p>Ordem de serviço</p>
        </div>
        <div className="text-right">
          <p className="text-lg font-bold">OS #{order.number}</p>
          <p>Abertura: {formatDate(order.created_at)}</p>
          <p>Situação: {STATUS_LABELS[order.status]}</p>
        </div>
      </header>
      <section className="mb-3 grid grid-cols-2 gap-2">
        <p>
          <strong>Cliente:</strong> {order.customer_name}
        </p>
        <p>
          <strong>Moto:</strong> {formatPlate(order.motorcycle_plate)}
          {order.motorcycle_model ? ` · ${order.motorcycle_model}` : ''}
        </p>
        <p>
          <strong>Km:</strong> {formatKm(order.km_at_entry)}
        </p>
        {order.assigned_staff_name && (
          <p>
            <strong>Mecânico:</strong> {order.assigned_staff_name}
          </p>
        )}
      </section>
      {order.description && (
        <p className="mb-3">
          <strong>Serviço:</strong> {order.description}
        </p>
      )}
      <table className="mb-3 w-full border-collapse text-left">
        <thead>
          <tr className="border-b border-black">
            <th className="py-1">Descrição</th>
            <th className="py-1 text-right">Qtd.</th>
            <th className="py-1 text-right">Unitário</th>
            <th className="py-1 text-right">Total</th>
          </tr>
        </thead>
        <tbody>
          {order.items.map((item) => (
            <tr key={item.id} className="border-b border-slate-300">
              <td className="py-1">{item.description}</td>
              <td className="py-1 text-right">{String(item.quantity).replace('.', ',')}</td>
              <td className="py-1 text-right">{formatMoney(item.unit_price)}</td>
              <td className="py-1 text-right">{formatMoney(item.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="ml-auto w-64">
        <p className="flex justify-between">
          <span>Peças</span> <span>{formatMoney(order.total_parts)}</span>
        </p>
        <p className="flex justify-between">
          <span>Mão de obra</span> <span>{formatMoney(order.total_labor)}</span>
        </p>
        <p className="flex justify-between">
          <span>Desconto</span> <span>− {formatMoney(order.discount)}</span>
        </p>
        <p className="flex justify-between border-t border-black font-bold">
          <span>Total</span> <span>{formatMoney(order.total_amount)}</span>
        </p>
      </div>
      {children}
      <div className="mt-16 flex justify-between gap-8">
        <div className="flex-1 border-t border-black pt-1 text-center">Assinatura do cliente</div>
        <div className="flex-1 border-t border-black pt-1 text-center">{user.tenant_name}</div>
      </div>
    </div>
  );
}
