import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReceivablesPage } from '@/pages/ReceivablesPage';
import { PayablesPage } from '@/pages/PayablesPage';
import { listOf, makePayable, makeReceivable, makeUser } from '../fixtures';
import { mockFetch, renderApp } from '../utils';

afterEach(() => vi.unstubAllGlobals());

const late = makeReceivable({
  id: 42,
  customer_name: 'Paula Souza',
  due_date: '2026-11-10',
  overdue: true,
  days_overdue: 14,
  source_type: 'MANUAL',
  source_id: null,
});

describe('AccountList', () => {
  it('lists the open receivables, the overdue in red and said in words', async () => {
    const calls = mockFetch(() => listOf([makeReceivable(), late]));
    renderApp(<ReceivablesPage />, { user: makeUser('OWNER'), route: '/financeiro/receber' });
    const rows = await screen.findAllByTestId('account-row');
    expect(calls[0]?.url.pathname).toBe('/api/financial/receivables');
    expect(calls[0]?.url.searchParams.get('status')).toBe('PENDING,PARTIAL');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveAttribute('data-overdue', 'true');
    expect(within(rows[1] as HTMLElement).getByTestId('overdue')).toHaveTextContent(
      'Vencida há 14 dias',
    );
    expect(within(rows[0] as HTMLElement).queryByTestId('overdue')).toBeNull();
    expect(
      within(rows[1] as HTMLElement).getByRole('link', { name: 'Paula Souza' }),
    ).toHaveAttribute('href', '/financeiro/receber/42');
    expect(rows[0]).toHaveTextContent('R$ 201,80');
  });

  it('sends the filters the user picks', async () => {
    const calls = mockFetch(() => listOf([late]));
    renderApp(<ReceivablesPage />, { user: makeUser('MANAGER'), route: '/financeiro/receber' });
    await screen.findAllByTestId('account-row');
    await userEvent.selectOptions(screen.getByLabelText('Situação'), 'PAID');
    await userEvent.selectOptions(screen.getByLabelText('Origem'), 'MANUAL');
    await userEvent.click(screen.getByLabelText('Só vencidas'));
    await userEvent.type(screen.getByLabelText('Cliente'), 'paula');
    await waitFor(() => expect(calls.at(-1)?.url.searchParams.get('customer')).toBe('paula'));
    const q = calls.at(-1)?.url.searchParams;
    expect(q?.get('status')).toBe('PAID');
    expect(q?.get('source_type')).toBe('MANUAL');
    expect(q?.get('overdue')).toBe('1');
  });

  it('lists payables with their supplier and category', async () => {
    const calls = mockFetch(() => listOf([makePayable()]));
    renderApp(<PayablesPage />, {
      user: makeUser('OWNER'),
      route: '/financeiro/pagar?categoria=PARTS',
    });
    const row = await screen.findByTestId('account-row');
    expect(calls[0]?.url.pathname).toBe('/api/financial/payables');
    expect(calls[0]?.url.searchParams.get('category')).toBe('PARTS');
    expect(row).toHaveTextContent('Distribuidora Moto Peças');
    expect(row).toHaveTextContent('R$ 350,00');
  });

  it('creates a receivable in installments', async () => {
    const calls = mockFetch((req) =>
      req.method === 'POST'
        ? {
            status: 201,
            body: {
              id: 90,
              installment_group: 90,
              installments: [{ id: 90 }, { id: 91 }, { id: 92 }],
            },
          }
        : listOf([]),
    );
    const { router } = renderApp(<ReceivablesPage />, {
      user: makeUser('OWNER'),
      route: '/financeiro/receber',
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Nova conta' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Nova conta a receber' }));
    await userEvent.type(dialog.getByLabelText('Cliente'), 'Marcos');
    await userEvent.type(dialog.getByLabelText('Valor total (R$)'), '300,00');
    await userEvent.clear(dialog.getByLabelText('Parcelas'));
    await userEvent.type(dialog.getByLabelText('Parcelas'), '3');
    await userEvent.clear(dialog.getByLabelText('Intervalo entre parcelas (dias)'));
    await userEvent.type(dialog.getByLabelText('Intervalo entre parcelas (dias)'), '15');
    await userEvent.click(dialog.getByRole('button', { name: 'Criar conta' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/financeiro/receber/90'));
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toMatchObject({
      customer_name: 'Marcos',
      amount: '300.00',
      installments: 3,
      interval_days: 15,
    });
    expect(post?.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(await screen.findByText('3 parcelas criadas.')).toBeInTheDocument();
  });

  it('is not for whom sees no money', () => {
    const calls = mockFetch(() => listOf([]));
    renderApp(<ReceivablesPage />, { user: makeUser('MECHANIC'), route: '/financeiro/receber' });
    expect(screen.getByText('Área financeira disponível para a gerência.')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });
});
