import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CashRegisterPage } from '@/pages/CashRegisterPage';
import { listOf, makePayment, makeRegister, makeUser } from '../fixtures';
import { mockFetch, renderApp } from '../utils';

afterEach(() => vi.unstubAllGlobals());

const NONE_OPEN = {
  status: 404,
  body: { error: { code: 'not_found', message: 'Nenhum caixa aberto.' } },
};
const closed = makeRegister({
  status: 'CLOSED',
  closed_at: '2026-11-24T21:00:00Z',
  closed_by_name: 'Ana Dona',
  expected_amount: 180,
  counted_amount: 179,
  difference: -1,
  can: { add_movement: false, close: false },
});

const open = (route = '/financeiro/caixa') =>
  renderApp(<CashRegisterPage />, { user: makeUser('OWNER'), route });

describe('CashRegister', () => {
  it('opens the day with the opening balance', async () => {
    let opened = false;
    const calls = mockFetch((req) => {
      const path = req.url.pathname;
      if (req.method === 'POST' && path === '/api/financial/cash-registers') {
        opened = true;
        return { status: 201, body: makeRegister() };
      }
      if (path === '/api/financial/cash-registers/current')
        return opened ? { body: makeRegister() } : NONE_OPEN;
      if (path === '/api/financial/cash-registers') return listOf([]);
      if (path === '/api/financial/payments') return listOf([]);
      return undefined;
    });
    open();
    expect(await screen.findByText('Nenhum caixa aberto.')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Saldo inicial (troco) (R$)'), '100,00');
    await userEvent.click(screen.getByRole('button', { name: 'Abrir caixa' }));
    expect(await screen.findByTestId('register-status')).toHaveTextContent('Aberto');
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({ opening_balance: '100.00' });
    expect(post?.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("shows the open day's drawer, its payments and records a withdrawal", async () => {
    const calls = mockFetch((req) => {
      const path = req.url.pathname;
      if (path === '/api/financial/cash-registers/current') return { body: makeRegister() };
      if (path === '/api/financial/cash-registers/71/movements') {
        return { status: 201, body: { id: 1, register: makeRegister() } };
      }
      if (path === '/api/financial/cash-registers') return listOf([]);
      if (path === '/api/financial/payments') {
        return listOf([
          makePayment({ payment_method: 'DINHEIRO', amount: 80 }),
          makePayment({ id: 52, amount: 120 }),
        ]);
      }
      return undefined;
    });
    open();
    expect(await screen.findByTestId('register-expected-now')).toHaveTextContent('R$ 180,00');
    expect(screen.getByTestId('register-cash-in')).toHaveTextContent('R$ 80,00');
    const methods = within(screen.getByRole('table', { name: 'Recebido por forma de pagamento' }));
    expect(methods.getByTestId('method-PIX')).toHaveTextContent('R$ 120,00');
    expect(methods.getByTestId('method-DINHEIRO')).toHaveTextContent('R$ 80,00');
    expect(await screen.findAllByTestId('register-payment')).toHaveLength(2);
    expect(
      calls
        .find((c) => c.url.pathname === '/api/financial/payments')
        ?.url.searchParams.get('cash_register_id'),
    ).toBe('71');
    await userEvent.click(screen.getByRole('button', { name: 'Sangria' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Sangria (retirada)' }));
    await userEvent.type(dialog.getByLabelText('Valor (R$)'), '50');
    await userEvent.type(dialog.getByLabelText('Motivo'), 'Depósito no banco');
    await userEvent.click(dialog.getByRole('button', { name: 'Registrar' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.find((c) => c.url.pathname.endsWith('/movements'))?.body).toEqual({
      kind: 'SANGRIA',
      amount: '50.00',
      reason: 'Depósito no banco',
    });
  });

  it('closes with the count and shows the difference; the closed day is read-only', async () => {
    let isClosed = false;
    const calls = mockFetch((req) => {
      const path = req.url.pathname;
      if (path === '/api/financial/cash-registers/71/close') {
        isClosed = true;
        return { body: closed };
      }
      if (path === '/api/financial/cash-registers/current')
        return isClosed ? NONE_OPEN : { body: makeRegister() };
      if (path === '/api/financial/cash-registers/71')
        return { body: isClosed ? closed : makeRegister() };
      if (path === '/api/financial/cash-registers') return listOf([]);
      if (path === '/api/financial/payments') return listOf([]);
      return undefined;
    });
    open();
    await userEvent.click(await screen.findByRole('button', { name: 'Fechar caixa' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Fechar o caixa' }));
    await userEvent.type(dialog.getByLabelText('Dinheiro contado (R$)'), '179,00');
    await userEvent.click(dialog.getByRole('button', { name: 'Fechar caixa' }));
    expect(await screen.findByTestId('register-difference')).toHaveTextContent('\u2212R$ 1,00');
    expect(screen.getByText('Diferença (falta)')).toBeInTheDocument();
    expect(screen.getByTestId('register-expected')).toHaveTextContent('R$ 180,00');
    expect(screen.getByTestId('register-counted')).toHaveTextContent('R$ 179,00');
    expect(screen.getByTestId('register-status')).toHaveTextContent('Fechado');
    expect(screen.queryByRole('button', { name: 'Sangria' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Fechar caixa' })).toBeNull();
    expect(calls.find((c) => c.url.pathname.endsWith('/close'))?.body).toEqual({
      counted_amount: '179.00',
    });
  });
});
