import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatMoney } from '@/lib/money';
import type { CashFlowDay } from '../types';

// The container starts narrower than a phone's column and grows to fit once measured.
// Colour-blind-safe pair (blue / orange) and, besides colour, a pattern per series: entries
// solid, exits hatched, the net a dark line with dots; the legend names all three.
export const SERIES = {
  in: { label: 'Entradas', color: '#1d4ed8' },
  out: { label: 'Saídas', color: '#c2410c' },
  net: { label: 'Saldo do dia', color: '#0f172a' },
} as const;

const dayLabel = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}`;

/** In, out (bars) and net (line) per day. The table beside it carries the same figures. */
export function CashFlowChart({ daily }: { daily: CashFlowDay[] }) {
  const data = daily.map((d) => ({ ...d, label: dayLabel(d.date) }));
  return (
    <figure
      className="h-72 w-full min-w-0 overflow-hidden"
      aria-label="Gráfico do fluxo de caixa por dia"
    >
      <ResponsiveContainer
        width="100%"
        height="100%"
        initialDimension={{ width: 280, height: 288 }}
      >
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <defs>
            <pattern
              id="cashflow-out-hatch"
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" fill="#fed7aa" />
              <line x1="0" y1="0" x2="0" y2="6" stroke={SERIES.out.color} strokeWidth="3" />
            </pattern>
          </defs>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={12} />
          <YAxis
            tick={{ fontSize: 11 }}
            width={72}
            tickFormatter={(v: number) => formatMoney(v).replace(/,00$/, '')}
          />
          <Tooltip
            formatter={(value, name) => [formatMoney(Number(value)), String(name)]}
            labelFormatter={(label) => `Dia ${String(label)}`}
          />
          <Legend />
          <Bar
            dataKey="in"
            name={SERIES.in.label}
            fill={SERIES.in.color}
            isAnimationActive={false}
          />
          <Bar
            dataKey="out"
            name={SERIES.out.label}
            fill="url(#cashflow-out-hatch)"
            stroke={SERIES.out.color}
            isAnimationActive={false}
          />
          <Line
            dataKey="net"
            name={SERIES.net.label}
            stroke={SERIES.net.color}
            strokeWidth={2}
            dot={{ r: 2 }}
            type="monotone"
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
      <figcaption className="sr-only">
        Entradas em barras azuis lisas, saídas em barras laranja listradas e o saldo do dia em linha
        escura. Os mesmos valores estão na tabela.
      </figcaption>
    </figure>
  );
}
