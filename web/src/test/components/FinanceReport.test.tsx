import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FinanceReportsPage } from '@/pages/FinanceReportsPage';
import { makeUser } from '../fixtures';
import { mockFetch, renderApp } from '../utils';

afterEach(() => vi.unstubAllGlobals());

const bucket = (count: number, total: number) => ({ count, total });
const report = {
  start: '2026-10-01',
  end: '2026-11-30',
  revenue: {
    total: 1500,
    payments: 1,
    card_fees: 12.5,
    net_of_fees: 1487.5,
    by_day: [
      { date: '2026-10-15', amount: 500 },
      { date: '2026-10-16', amount: 0 },
      { date: '2026-11-02', amount: 1000 },
    ],
    by_month: [
      { month: '2026-10', amount: 500 },
      { month: '2026-11', amount: 1000 },
    ],
  },
  orders: {
    completed: 3,
    total_amount: 1000,
    average_ticket: 333.33,
    total_parts: 250,
    total_labor: 750,
    discount: 0,
  },
  receivables_aging: {
    not_due: bucket(2, 300),
    days_1_30: bucket(1, 50),
    days_31_60: bucket(0, 0),
    days_61_90: bucket(0, 0),
    days_90_plus: bucket(1, 20),
    total: bucket(4, 370),
  },
  payables: {
    due_next_7_days: {
      count: 1,
      total: 350,
      items: [
        {
          id: 61,
          supplier_name: 'Distribuidora',
          category: 'PARTS',
          due_date: '2026-11-28',
          open_amount: 350,
        },
      ],
    },
    overdue: bucket(2, 90),
  },
  top_customers: [{ customer_id: 4, customer_name: 'João Silva', amount: 1000, payments: 2 }],
};

describe('FinanceReport', () => {
  it('shows revenue, orders, ticket, the parts/labor split, aging, payables and customers', async () => {
    const calls = mockFetch(() => ({ body: report }));
    renderApp(<FinanceReportsPage />, {
      user: makeUser('MANAGER'),
      route: '/financeiro/relatorios?start=2026-10-01&end=2026-11-30',
    });
    expect(await screen.findByTestId('report-revenue')).toHaveTextContent('R$ 1.500,00');
    expect(calls[0]?.url.pathname).toBe('/api/financial/reports/summary');
    expect(screen.getByText('1 pagamento')).toBeInTheDocument();
    expect(screen.getByTestId('report-orders')).toHaveTextContent('3');
    expect(screen.getByTestId('report-ticket')).toHaveTextContent('R$ 333,33');
    expect(screen.getByTestId('report-mix')).toHaveTextContent('25 % · 75 %');
    expect(screen.getByTestId('aging-days_1_30')).toHaveTextContent('1 a 30 dias1R$ 50,00');
    expect(screen.getByTestId('aging-days_90_plus')).toHaveTextContent('Mais de 90 dias1R$ 20,00');
    expect(screen.getByTestId('aging-total')).toHaveTextContent('Total4R$ 370,00');
    expect(screen.getByTestId('payables-due')).toHaveTextContent(
      '1 conta · R$ 350,00 · 2 vencidas (R$ 90,00)',
    );
    expect(screen.getByRole('link', { name: 'Distribuidora' })).toHaveAttribute(
      'href',
      '/financeiro/pagar/61',
    );
    expect(screen.getByTestId('top-customer')).toHaveTextContent('João Silva2R$ 1.000,00');
    const byDay = within(screen.getByRole('table', { name: 'Faturamento por dia' }));
    expect(byDay.getAllByRole('row')).toHaveLength(3);
    await userEvent.click(screen.getByRole('button', { name: 'Por mês' }));
    const byMonth = within(screen.getByRole('table', { name: 'Faturamento por mês' }));
    expect(byMonth.getByText('out/2026')).toBeInTheDocument();
    expect(byMonth.getByText('nov/2026')).toBeInTheDocument();
  });
});
