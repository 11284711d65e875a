import { formatMoney } from '@/lib/money';
import { Table, td, th } from '@/ui/Table';
import { METHOD_LABELS, PAYMENT_METHODS } from '../labels';
import type { MethodTotals } from '../types';

/** Totals per payment method, every method listed (zeros too), "não informado" last. */
export function MethodTable({ label, totals }: { label: string; totals: MethodTotals }) {
  const methods = [...PAYMENT_METHODS, 'NAO_INFORMADO' as const];
  return (
    <Table label={label}>
      <thead className="bg-slate-50">
        <tr>
          <th className={th}>Forma</th>
          <th className={`${th} text-right`}>Total</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {methods.map((m) => (
          <tr key={m} data-testid={`method-${m}`}>
            <td className={td}>{METHOD_LABELS[m]}</td>
            <td className={`${td} whitespace-nowrap text-right`}>{formatMoney(totals[m])}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
