import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PayableDetailPage } from '@/pages/PayableDetailPage';
import { ReceivableDetailPage } from '@/pages/ReceivableDetailPage';
import { makePayable, makePayment, makeReceivableDetail, makeUser } from '../fixtures';
import { mockFetch, renderApp } from '../utils';
import type { Handler } from '../utils';

afterEach(() => vi.unstubAllGlobals());

const partial = makeReceivableDetail({
  status: 'PARTIAL',
  received_amount: 100,
  open_amount: 101.8,
  payments: [
    makePayment({
      id: 52,
      payment_method: 'CARTAO_CREDITO',
      installments: 3,
      fee: 3.49,
      amount: 60,
    }),
    makePayment({ id: 51, payment_method: 'DINHEIRO', amount: 40 }),
  ],
  can: { edit: true, pay: true, cancel: false, pix: true },
});

const pix = {
  receivable_id: 41,
  brcode: '00020126360014br.gov.bcb.pix0114112223330001815204000053039865406101.805802BR6304ABCD',
  qr_svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
  amount: 101.8,
  txid: 'MGR41',
  pix_key: '11222333000181',
  pix_key_type: 'CNPJ',
  merchant_name: 'Oficina da Ana',
  merchant_city: 'Sao Paulo',
};

const routes =
  (detail = partial, extra?: Handler): Handler =>
  (req) => {
    const answer = extra?.(req);
    if (answer) return answer;
    if (req.url.pathname === '/api/financial/receivables/41/pix') return { body: pix };
    if (req.url.pathname === '/api/financial/receivables/41') return { body: detail };
    return undefined;
  };

const open = () =>
  renderApp(<ReceivableDetailPage />, {
    user: makeUser('OWNER'),
    route: '/financeiro/receber/41',
    path: '/financeiro/receber/:id',
  });

describe('AccountDetail', () => {
  it('shows the balance, the payments and the PIX code with its QR', async () => {
    mockFetch(routes());
    open();
    expect(await screen.findByTestId('account-open')).toHaveTextContent('R$ 101,80');
    expect(screen.getByTestId('account-settled')).toHaveTextContent('R$ 100,00');
    expect(screen.getByTestId('account-status')).toHaveTextContent('Parcial');
    const rows = screen.getAllByTestId('payment-row');
    expect(rows[0]).toHaveTextContent('Cartão de crédito em 3x');
    expect(rows[1]).toHaveTextContent('Dinheiro');
    expect(await screen.findByTestId('pix-brcode')).toHaveValue(pix.brcode);
    expect(screen.getByRole('img', { name: 'QR Code PIX de R$ 101,80' })).toHaveAttribute(
      'src',
      expect.stringMatching(/^data:image\/svg\+xml/),
    );
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await userEvent.click(screen.getByRole('button', { name: 'Copiar código' }));
    expect(writeText).toHaveBeenCalledWith(pix.brcode);
    expect(await screen.findByText('Código copiado.')).toBeInTheDocument();
    // Paid in part: it can no longer be cancelled.
    expect(screen.queryByRole('button', { name: 'Cancelar conta' })).toBeNull();
  });

  it('pays the open balance by default, a card with installments, under a key', async () => {
    const calls = mockFetch(
      routes(partial, (req) =>
        req.method === 'POST'
          ? {
              body: {
                message: 'ok',
                status: 'PAID',
                received_amount: 201.8,
                amount: 201.8,
                open_amount: 0,
                payment_id: 53,
                cash_register_id: null,
              },
            }
          : undefined,
      ),
    );
    open();
    await userEvent.click(await screen.findByRole('button', { name: 'Receber' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Receber pagamento' }));
    expect(dialog.getByLabelText('Valor (R$)')).toHaveValue('101,80');
    await userEvent.selectOptions(dialog.getByLabelText('Forma de pagamento'), 'CARTAO_CREDITO');
    await userEvent.selectOptions(dialog.getByLabelText('Parcelas no cartão'), '4');
    await userEvent.type(dialog.getByLabelText('Taxa do cartão (%)'), '2,5');
    await userEvent.click(dialog.getByRole('button', { name: 'Registrar recebimento' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.url.pathname).toBe('/api/financial/receivables/41/pay');
    expect(post?.body).toEqual({
      amount: '101.80',
      payment_method: 'CARTAO_CREDITO',
      installments: 4,
      card_fee_percent: '2.5',
    });
    expect(post?.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("puts the server's overpayment message on the amount", async () => {
    mockFetch(
      routes(partial, (req) =>
        req.method === 'POST'
          ? {
              status: 422,
              body: {
                error: {
                  code: 'overpayment',
                  message: 'O pagamento passa do valor em aberto (R$ 101,80).',
                  details: { open_amount: '101.80' },
                },
              },
            }
          : undefined,
      ),
    );
    open();
    await userEvent.click(await screen.findByRole('button', { name: 'Receber' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Receber pagamento' }));
    await userEvent.clear(dialog.getByLabelText('Valor (R$)'));
    await userEvent.type(dialog.getByLabelText('Valor (R$)'), '150,00');
    await userEvent.click(dialog.getByRole('button', { name: 'Registrar recebimento' }));
    expect(
      await dialog.findByText('O pagamento passa do valor em aberto (R$ 101,80).'),
    ).toBeInTheDocument();
    expect(dialog.getByLabelText('Valor (R$)')).toHaveAttribute('aria-invalid', 'true');
  });

  it("shows a refused cancellation in the server's words", async () => {
    const pending = makeReceivableDetail();
    mockFetch(
      routes(pending, (req) =>
        req.method === 'DELETE'
          ? {
              status: 409,
              body: {
                error: {
                  code: 'conflict',
                  message: 'Conta com pagamentos: estorne-os antes de cancelar.',
                },
              },
            }
          : undefined,
      ),
    );
    open();
    await userEvent.click(await screen.findByRole('button', { name: 'Cancelar conta' }));
    const confirm = within(screen.getByRole('dialog', { name: 'Cancelar conta?' }));
    await userEvent.click(confirm.getByRole('button', { name: 'Cancelar conta' }));
    expect(
      await screen.findByText('Conta com pagamentos: estorne-os antes de cancelar.'),
    ).toBeInTheDocument();
  });

  it('says when the workshop has no PIX set up (409)', async () => {
    mockFetch((req) =>
      req.url.pathname.endsWith('/pix')
        ? { status: 409, body: { error: { code: 'conflict', message: 'PIX não configurado.' } } }
        : req.url.pathname === '/api/financial/receivables/41'
          ? { body: makeReceivableDetail() }
          : undefined,
    );
    open();
    expect(await screen.findByTestId('pix-not-configured')).toHaveTextContent(
      'O PIX da oficina não está configurado.',
    );
    expect(screen.getByRole('link', { name: 'Configurar chave PIX' })).toHaveAttribute(
      'href',
      '/configuracoes#pix',
    );
  });

  it('pays a payable without a card fee (receipts only) and shows no PIX', async () => {
    const calls = mockFetch((req) =>
      req.method === 'POST'
        ? {
            body: {
              message: 'ok',
              status: 'PAID',
              paid_amount: 350,
              amount: 350,
              open_amount: 0,
              payment_id: 9,
              cash_register_id: null,
            },
          }
        : req.url.pathname === '/api/financial/payables/61'
          ? { body: { ...makePayable(), payments: [] } }
          : undefined,
    );
    renderApp(<PayableDetailPage />, {
      user: makeUser('MANAGER'),
      route: '/financeiro/pagar/61',
      path: '/financeiro/pagar/:id',
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Pagar' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Pagar conta' }));
    await userEvent.selectOptions(dialog.getByLabelText('Forma de pagamento'), 'CARTAO_CREDITO');
    expect(dialog.getByLabelText('Parcelas no cartão')).toBeInTheDocument();
    expect(dialog.queryByLabelText('Taxa do cartão (%)')).toBeNull();
    await userEvent.click(dialog.getByRole('button', { name: 'Registrar pagamento' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.url.pathname).toBe('/api/financial/payables/61/pay');
    expect(post?.body).toEqual({
      amount: '350.00',
      payment_method: 'CARTAO_CREDITO',
      installments: 1,
    });
    expect(screen.queryByTestId('pix-panel')).toBeNull();
    expect(calls.some((c) => c.url.pathname.includes('/pix'))).toBe(false);
  });
});
