import { Link } from 'react-router-dom';
import { formatDate } from '@/lib/dates';
import { formatCents, toCents } from '@/lib/money';
import { Card } from '@/ui/Card';
import type { DeclinedItem } from '../types';

/** "Serviços recusados": work the customer declined on a quote, to offer again. */
export function DeclinedItemsCard({ items }: { items: DeclinedItem[] }) {
  if (items.length === 0) return null;
  return (
    <Card title="Serviços recusados">
      <ul
        className="flex flex-col divide-y divide-slate-100 text-sm"
        aria-label="Serviços recusados"
      >
        {items.map((d) => (
          <li key={d.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
            <span className="min-w-0 break-words">
              <span className="font-medium text-slate-800">{d.description}</span>
              <span className="text-slate-600">
                {' '}
                · {String(d.quantity).replace('.', ',')} × {formatCents(toCents(d.unit_price))}
              </span>
            </span>
            <span className="text-slate-600">
              {formatCents(toCents(d.total))} · recusado em {formatDate(d.declined_at)} ·{' '}
              <Link to={`/os/${d.order_id}`} className="text-primary underline">
                OS #{d.order_number}
              </Link>{' '}
              (versão {d.quote_version})
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
