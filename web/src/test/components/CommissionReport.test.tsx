import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { CommissionsPage } from '@/pages/CommissionsPage';
import { makeUser } from '../fixtures';
import { mockFetch, renderApp } from '../utils';

afterEach(() => vi.unstubAllGlobals());

const amounts = (labor: number, parts: number, laborC: number, partsC: number) => ({
  labor_base: labor,
  parts_base: parts,
  labor_commission: laborC,
  parts_commission: partsC,
  total: Math.round((laborC + partsC) * 100) / 100,
});

const report = {
  start: '2026-11-01',
  end: '2026-11-30',
  staff: [
    {
      ...amounts(150, 100, 15, 3),
      staff_id: 21,
      staff_name: 'Carlos Mendes',
      labor_commission_percent: 10,
      parts_commission_percent: 3,
      orders: [
        {
          ...amounts(150, 100, 15, 3),
          order_id: 3,
          number: 12,
          closed_at: '2026-11-24T15:00:00Z',
          customer_name: 'João Silva',
        },
      ],
    },
  ],
  totals: amounts(150, 100, 15, 3),
};

describe('CommissionReport', () => {
  it('shows each staff member with the orders behind the line', async () => {
    const calls = mockFetch(() => ({ body: report }));
    renderApp(<CommissionsPage />, {
      user: makeUser('MANAGER'),
      route: '/comissoes?start=2026-11-01&end=2026-11-30',
    });
    const section = await screen.findByRole('region', { name: 'Comissão de Carlos Mendes' });
    expect(calls[0]?.url.pathname).toBe('/api/teamcrm/commissions');
    expect(calls[0]?.url.searchParams.get('start')).toBe('2026-11-01');
    expect(calls[0]?.url.searchParams.get('end')).toBe('2026-11-30');
    expect(within(section).getByText('Mão de obra 10 % · Peças 3 %')).toBeInTheDocument();
    expect(within(section).getByTestId('commission-labor')).toHaveTextContent('R$ 15,00');
    expect(within(section).getByTestId('commission-parts')).toHaveTextContent('R$ 3,00');
    const order = within(section).getByTestId('commission-order');
    expect(within(order).getByRole('link', { name: '#12' })).toHaveAttribute('href', '/os/3');
    expect(order).toHaveTextContent('24/11/2026');
    expect(screen.getByTestId('commission-total')).toHaveTextContent('R$ 18,00');
    expect(screen.getByRole('button', { name: 'Imprimir' })).toBeEnabled();
  });

  it('asks nothing for a period that ends before it starts', () => {
    const calls = mockFetch(() => ({ body: report }));
    renderApp(<CommissionsPage />, {
      user: makeUser('OWNER'),
      route: '/comissoes?start=2026-11-30&end=2026-11-01',
    });
    expect(screen.getByRole('alert')).toHaveTextContent('Escolha um período válido');
    expect(calls).toHaveLength(0);
  });

  it('is for whom may see the finance only', () => {
    const calls = mockFetch(() => ({ body: report }));
    renderApp(<CommissionsPage />, { user: makeUser('ATTENDANT'), route: '/comissoes' });
    expect(screen.getByText('Relatório disponível para a gerência.')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });
});
