import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OrderDetailPage } from '@/pages/OrderDetailPage';
import {
  listOf,
  makeOrder,
  makeReceivable,
  makeReceivableDetail,
  makeTenantPlan,
  makeUser,
} from '../fixtures';
import { mockFetch, renderApp } from '../utils';
import type { MockRequest } from '../utils';

afterEach(() => vi.unstubAllGlobals());

/** The server of an open order that, once completed, has its receivable of R$ 201,80. */
function server(payAnswer: (req: MockRequest, n: number) => { status?: number; body: unknown }) {
  let completed = false;
  let payments = 0;
  return mockFetch((req) => {
    const path = req.url.pathname;
    if (path === '/api/management/os/3/status') {
      completed = true;
      return { body: { id: 3, status: 'COMPLETED' } };
    }
    if (path === '/api/management/os/3') {
      return {
        body: makeOrder(
          completed ? { status: 'COMPLETED', allowed_transitions: ['IN_PROGRESS'] } : {},
        ),
      };
    }
    if (path === '/api/financial/receivables') return listOf(completed ? [makeReceivable()] : []);
    if (path === '/api/financial/receivables/41/pay') return payAnswer(req, ++payments);
    if (path === '/api/financial/receivables/41') return { body: makeReceivableDetail() };
    if (path === '/api/management/customers/4') return { body: { id: 4, name: 'João Silva' } };
    if (path === '/api/tenant/plan') return { body: makeTenantPlan() };
    return { body: [] };
  });
}

const paid = {
  body: {
    message: 'ok',
    status: 'PARTIAL',
    received_amount: 0,
    amount: 201.8,
    open_amount: 0,
    payment_id: 1,
    cash_register_id: null,
  },
};

const openDialog = async (role: 'OWNER' | 'MANAGER' = 'OWNER') => {
  renderApp(<OrderDetailPage />, { user: makeUser(role), route: '/os/3', path: '/os/:id' });
  await userEvent.click(await screen.findByRole('button', { name: 'Concluir' }));
  return within(await screen.findByRole('dialog', { name: 'Concluir a OS #12?' }));
};

describe('Concluir with payment', () => {
  it('completes, then pays the new receivable split in PIX and cash', async () => {
    const calls = server(() => paid);
    const dialog = await openDialog();
    await userEvent.click(dialog.getByLabelText(/Receber o pagamento agora/));
    expect(dialog.getByLabelText('Valor (R$)')).toHaveValue('201,80');
    await userEvent.clear(dialog.getByLabelText('Valor (R$)'));
    await userEvent.type(dialog.getByLabelText('Valor (R$)'), '120,00');
    expect(dialog.getByTestId('payment-remaining')).toHaveTextContent('Fica em aberto: R$ 81,80');
    await userEvent.click(dialog.getByRole('button', { name: 'Dividir em outra forma' }));
    expect(dialog.getByLabelText('Pagamento 2: Forma de pagamento')).toHaveValue('DINHEIRO');
    expect(dialog.getByLabelText('Pagamento 2: Valor (R$)')).toHaveValue('81,80');
    expect(dialog.getByTestId('payment-remaining')).toHaveTextContent('Quitada.');
    await userEvent.click(dialog.getByRole('button', { name: 'Concluir e receber' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const order = calls.map((c) => `${c.method} ${c.url.pathname}`);
    const status = order.indexOf('PATCH /api/management/os/3/status');
    const pays = calls.filter((c) => c.url.pathname.endsWith('/pay'));
    expect(status).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('POST /api/financial/receivables/41/pay')).toBeGreaterThan(status);
    expect(pays.map((c) => c.body)).toEqual([
      { amount: '120.00', payment_method: 'PIX' },
      { amount: '81.80', payment_method: 'DINHEIRO' },
    ]);
    expect(new Set(pays.map((c) => c.headers['Idempotency-Key'])).size).toBe(2);
    expect(await screen.findByText('OS #12 concluída e paga.')).toBeInTheDocument();
  });

  it('only completes when the payment is not taken now', async () => {
    const calls = server(() => paid);
    const dialog = await openDialog('MANAGER');
    await userEvent.click(dialog.getByRole('button', { name: 'Concluir' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(
      calls.some(
        (c) =>
          c.method === 'PATCH' && c.body && (c.body as { status: string }).status === 'COMPLETED',
      ),
    ).toBe(true);
    expect(calls.some((c) => c.url.pathname.endsWith('/pay'))).toBe(false);
  });

  it('refuses lines that add up to more than the order', async () => {
    const calls = server(() => paid);
    const dialog = await openDialog();
    await userEvent.click(dialog.getByLabelText(/Receber o pagamento agora/));
    await userEvent.clear(dialog.getByLabelText('Valor (R$)'));
    await userEvent.type(dialog.getByLabelText('Valor (R$)'), '300,00');
    await userEvent.click(dialog.getByRole('button', { name: 'Concluir e receber' }));
    expect(
      await dialog.findByText('Os pagamentos somam mais que o valor da OS (R$ 201,80).'),
    ).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
  });

  it('says the order was completed when a payment is refused, and retries only what is left', async () => {
    const calls = server((_req, n) =>
      n === 2
        ? {
            status: 503,
            body: { error: { code: 'unavailable', message: 'Serviço indisponível.' } },
          }
        : paid,
    );
    const dialog = await openDialog();
    await userEvent.click(dialog.getByLabelText(/Receber o pagamento agora/));
    await userEvent.clear(dialog.getByLabelText('Valor (R$)'));
    await userEvent.type(dialog.getByLabelText('Valor (R$)'), '100,00');
    await userEvent.click(dialog.getByRole('button', { name: 'Dividir em outra forma' }));
    await userEvent.click(dialog.getByRole('button', { name: 'Concluir e receber' }));
    expect(
      await dialog.findByText(
        /A OS foi concluída, mas o pagamento não foi registrado: Serviço indisponível\./,
      ),
    ).toBeInTheDocument();
    await userEvent.click(dialog.getByRole('button', { name: 'Concluir e receber' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1);
    const pays = calls.filter((c) => c.url.pathname.endsWith('/pay')).map((c) => c.body);
    expect(pays).toEqual([
      { amount: '100.00', payment_method: 'PIX' },
      { amount: '101.80', payment_method: 'DINHEIRO' },
      { amount: '101.80', payment_method: 'DINHEIRO' },
    ]);
  });

  it('keeps the plain confirmation for whom sees no money', async () => {
    const calls = server(() => paid);
    renderApp(<OrderDetailPage />, {
      user: makeUser('ATTENDANT'),
      route: '/os/3',
      path: '/os/:id',
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Concluir' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Concluir a OS #12?' }));
    expect(dialog.queryByLabelText(/Receber o pagamento agora/)).toBeNull();
    expect(screen.queryByText('Conta a receber')).toBeNull();
    expect(calls.some((c) => c.url.pathname.startsWith('/api/financial'))).toBe(false);
  });
});
