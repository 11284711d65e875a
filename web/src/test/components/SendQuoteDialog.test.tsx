import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QuoteCard } from '@/modules/portal/components/QuoteCard';
import { SendQuoteDialog } from '@/modules/portal/components/SendQuoteDialog';
import { makeOrder, makeTenantPlan, makeUser } from '../fixtures';
import { mockFetch, renderApp } from '../utils';

afterEach(() => vi.unstubAllGlobals());

const sent = {
  version: 1,
  token: 't'.repeat(43),
  url: `http://localhost:5000/portal/${'t'.repeat(43)}`,
  expires_at: '2026-12-11T14:03:00Z',
  whatsapp_url: 'https://wa.me/5511988887777?text=Ol%C3%A1',
};

describe('SendQuoteDialog', () => {
  it('sends the validity and the message, then offers the link and WhatsApp', async () => {
    const calls = mockFetch(({ method }) =>
      method === 'POST' ? { status: 201, body: sent } : undefined,
    );
    renderApp(<SendQuoteDialog orderId={3} open onClose={vi.fn()} />, { user: makeUser() });
    const dialog = within(screen.getByRole('dialog', { name: 'Enviar orçamento' }));
    const days = dialog.getByLabelText('Validade (dias)');
    expect(days).toHaveValue('10');
    await userEvent.clear(days);
    await userEvent.type(days, '61');
    await userEvent.click(dialog.getByRole('button', { name: 'Gerar link' }));
    expect(dialog.getByText('Informe de 1 a 60 dias.')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
    await userEvent.clear(days);
    await userEvent.type(days, '7');
    await userEvent.click(dialog.getByLabelText('Mensagem (opcional)'));
    await userEvent.paste('Olá, João');
    await userEvent.click(dialog.getByRole('button', { name: 'Gerar link' }));
    expect(await dialog.findByLabelText('Link do orçamento')).toHaveValue(sent.url);
    expect(dialog.getByRole('link', { name: /Abrir no WhatsApp/ })).toHaveAttribute(
      'href',
      sent.whatsapp_url,
    );
    expect(dialog.getByRole('button', { name: 'Copiar link' })).toBeInTheDocument();
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.url.pathname).toBe('/api/management/os/3/quote');
    expect(post?.body).toEqual({ expires_in_days: 7, message: 'Olá, João' });
  }, 20_000);

  it("says the workshop's channel took the link, and offers Telegram", async () => {
    const queued = {
      id: 40,
      direction: 'OUT',
      channel_kind: 'TELEGRAM',
      channel_id: 2,
      customer_id: 4,
      order_id: 3,
      event: 'QUOTE_SENT',
      text: `Olá! Segue o orçamento: ${sent.url}`,
      status: 'QUEUED',
      error: null,
      attempts: 0,
      dead_letter: false,
      unconfirmed: false,
      created_at: '2026-12-01T14:03:00Z',
      sent_at: null,
    };
    const calls = mockFetch(({ method, url }) => {
      if (method === 'POST') return { status: 201, body: sent };
      if (url.pathname === '/api/tenant/plan') return { body: makeTenantPlan(true) };
      if (url.pathname === '/api/messaging/messages')
        return { body: [queued], headers: { 'X-Total-Count': '1' } };
      return undefined;
    });
    renderApp(<SendQuoteDialog orderId={3} open onClose={vi.fn()} />, {
      user: makeUser('ATTENDANT', { plan: 'PREMIUM' }),
    });
    await userEvent.click(screen.getByRole('button', { name: 'Gerar link' }));
    expect(await screen.findByTestId('quote-message')).toHaveTextContent(
      'Mensagem com o link ao cliente pelo Telegram: Na fila.',
    );
    const read = calls.find((c) => c.url.pathname === '/api/messaging/messages');
    expect(read?.url.searchParams.get('order_id')).toBe('3');
    const telegram = screen.getByRole('link', { name: /Enviar pelo Telegram/ });
    const share = new URL(telegram.getAttribute('href') ?? '');
    expect(share.origin + share.pathname).toBe('https://t.me/share/url');
    expect(share.searchParams.get('url')).toBe(sent.url);
  }, 20_000);

  it('says when no automatic message went, so the link must be sent by hand', async () => {
    mockFetch(({ method, url }) => {
      if (method === 'POST') return { status: 201, body: sent };
      if (url.pathname === '/api/tenant/plan') return { body: makeTenantPlan(true) };
      if (url.pathname === '/api/messaging/messages')
        return { body: [], headers: { 'X-Total-Count': '0' } };
      return undefined;
    });
    renderApp(<SendQuoteDialog orderId={3} open onClose={vi.fn()} />, {
      user: makeUser('OWNER', { plan: 'PREMIUM' }),
    });
    await userEvent.click(screen.getByRole('button', { name: 'Gerar link' }));
    expect(await screen.findByTestId('quote-message')).toHaveTextContent(
      /^Nenhuma mensagem automática: o cliente não autorizou mensagens, o modelo “Orçamento enviado” está desligado/,
    );
  }, 20_000);

  it("shows the server's refusal", async () => {
    mockFetch(() => ({
      status: 422,
      body: { error: { code: 'validation_error', message: 'A OS não tem itens para orçar.' } },
    }));
    renderApp(<SendQuoteDialog orderId={3} open onClose={vi.fn()} />, { user: makeUser() });
    await userEvent.click(screen.getByRole('button', { name: 'Gerar link' }));
    expect(await screen.findByText('A OS não tem itens para orçar.')).toBeInTheDocument();
  });
});

describe('QuoteCard', () => {
  it('shows the evidence line of a decision', async () => {
    mockFetch(({ url }) =>
      url.pathname === '/api/tenant/plan' ? { body: makeTenantPlan(true) } : undefined,
    );
    const order = makeOrder({
      approval: {
        state: 'APPROVED',
        version: 2,
        sent_at: '2026-12-01T10:00:00Z',
        expires_at: '2026-12-11T10:00:00Z',
        decided_at: '2026-12-01T14:03:00Z',
        decided_by_name: 'Maria',
        outdated: true,
      },
    });
    renderApp(<QuoteCard order={order} />, { user: makeUser() });
    expect(await screen.findByTestId('approval-evidence')).toHaveTextContent(
      /^aprovado por Maria em 01\/12\/2026 \d\d:03, versão 2$/,
    );
    expect(screen.getByText(/orçamento enviado está desatualizado/)).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Enviar de novo' })).toBeInTheDocument();
  });

  it('says which plan has quotes instead of failing on BASIC', async () => {
    mockFetch(({ url }) =>
      url.pathname === '/api/tenant/plan' ? { body: makeTenantPlan(false) } : undefined,
    );
    renderApp(<QuoteCard order={makeOrder()} />, { user: makeUser() });
    expect(await screen.findByTestId('quote-plan-required')).toHaveTextContent(
      'disponível no plano Premium',
    );
    expect(screen.queryByRole('button', { name: 'Enviar orçamento' })).toBeNull();
  });
});
