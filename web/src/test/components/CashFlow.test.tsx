import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { CashFlowPage } from '@/pages/CashFlowPage';
import { NO_METHOD_TOTALS, makeUser } from '../fixtures';
import { mockFetch, renderApp } from '../utils';

afterEach(() => vi.unstubAllGlobals());

const day = (date: string, inflow: number, out: number) => ({
  date,
  in: inflow,
  out,
  net: Math.round((inflow - out) * 100) / 100,
  card_fees: 0,
});

const flow = {
  start: '2026-11-01',
  end: '2026-11-03',
  total_in: 200,
  total_out: 250.5,
  net: -50.5,
  total_card_fees: 0,
  daily: [day('2026-11-01', 200, 0), day('2026-11-02', 0, 0), day('2026-11-03', 0, 250.5)],
  by_method: {
    in: { ...NO_METHOD_TOTALS, PIX: 120, DINHEIRO: 80 },
    out: { ...NO_METHOD_TOTALS, BOLETO: 250.5 },
  },
};

describe('CashFlow', () => {
  it('asks for the period and shows its days in a table beside the chart', async () => {
    const calls = mockFetch(() => ({ body: flow }));
    renderApp(<CashFlowPage />, {
      user: makeUser('OWNER'),
      route: '/financeiro/fluxo?start=2026-11-01&end=2026-11-03',
    });
    expect(await screen.findByTestId('cashflow-in')).toHaveTextContent('R$ 200,00');
    expect(calls[0]?.url.pathname).toBe('/api/financial/cashflow/summary');
    expect(calls[0]?.url.searchParams.get('start')).toBe('2026-11-01');
    expect(calls[0]?.url.searchParams.get('end')).toBe('2026-11-03');
    expect(screen.getByTestId('cashflow-out')).toHaveTextContent('R$ 250,50');
    expect(screen.getByTestId('cashflow-net')).toHaveTextContent('\u2212R$ 50,50');
    // Days without money are left out of the table.
    const rows = screen.getAllByTestId('cashflow-day');
    expect(rows.map((r) => r.textContent)).toEqual([
      '01/11/2026R$ 200,00R$ 0,00+R$ 200,00',
      '03/11/2026R$ 0,00R$ 250,50\u2212R$ 250,50',
    ]);
    const out = within(screen.getByRole('table', { name: 'Saídas por forma de pagamento' }));
    expect(out.getByTestId('method-BOLETO')).toHaveTextContent('R$ 250,50');
    expect(
      await screen.findByRole('figure', { name: 'Gráfico do fluxo de caixa por dia' }),
    ).toBeInTheDocument();
  });

  it('asks nothing for a period that ends before it starts', () => {
    const calls = mockFetch(() => ({ body: flow }));
    renderApp(<CashFlowPage />, {
      user: makeUser('OWNER'),
      route: '/financeiro/fluxo?start=2026-11-30&end=2026-11-01',
    });
    expect(screen.getByRole('alert')).toHaveTextContent('Escolha um período válido');
    expect(calls).toHaveLength(0);
  });
});
