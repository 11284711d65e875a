import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OrderConversationCard } from '@/modules/messaging/components/OrderConversationCard';
import { CustomerMessagesCard } from '@/modules/messaging/components/CustomerMessagesCard';
import { makeOrder, makeTenantPlan, makeUser } from '../fixtures';
import { mockFetch, renderApp } from '../utils';
import type { MockRequest } from '../utils';

afterEach(() => vi.unstubAllGlobals());

const list = (items: unknown[]) => ({
  body: items,
  headers: { 'X-Total-Count': String(items.length) },
});

function message(overrides: Record<string, unknown>) {
  return {
    id: 1,
    direction: 'OUT',
    channel_kind: 'WHATSAPP_CLOUD',
    channel_id: 3,
    customer_id: 4,
    order_id: 3,
    event: null,
    text: 'Olá',
    status: 'SENT',
    error: null,
    attempts: 1,
    dead_letter: false,
    created_at: '2026-11-24T12:00:00Z',
    sent_at: null,
    ...overrides,
  };
}

// The server answers newest first; the card shows them oldest first. A reply is filed
// under no order.
const conversation = [
  message({
    id: 12,
    text: 'Sua moto está pronta.',
    status: 'READ',
    created_at: '2026-11-24T14:10:00Z',
  }),
  message({
    id: 11,
    direction: 'IN',
    order_id: null,
    text: 'A moto fica pronta hoje?',
    status: 'DELIVERED',
    created_at: '2026-11-24T13:05:00Z',
  }),
  message({
    id: 8,
    order_id: 2,
    text: 'Sua OS anterior foi concluída.',
    created_at: '2026-11-01T10:00:00Z',
  }),
  message({
    id: 7,
    direction: 'IN',
    order_id: null,
    text: 'Obrigado!',
    status: 'DELIVERED',
    created_at: '2026-11-01T11:00:00Z',
  }),
];

const windowClosed = message({
  id: 13,
  text: 'Pode buscar amanhã.',
  status: 'FAILED',
  error: 'WhatsApp 131047: (#131047) Re-engagement message',
  dead_letter: true,
  created_at: '2026-11-26T09:00:00Z',
});

const contactOut = {
  customer_id: 4,
  messaging_opt_in: false,
  opt_in_source: null,
  opt_in_at: null,
  opted_out_at: null,
  opt_out_source: null,
  telegram_linked: false,
};

function server({
  messages = conversation,
  plan = true,
  contact = contactOut,
  sendAnswer,
}: {
  messages?: unknown[];
  plan?: boolean;
  contact?: typeof contactOut;
  sendAnswer?: (req: MockRequest) => { status?: number; body?: unknown };
} = {}) {
  return mockFetch((req) => {
    const { method, url } = req;
    if (url.pathname === '/api/tenant/plan') return { body: makeTenantPlan(plan) };
    if (url.pathname === '/api/messaging/messages' && method === 'GET') return list(messages);
    if (url.pathname === '/api/messaging/messages' && method === 'POST')
      return sendAnswer?.(req) ?? { status: 202, body: { id: 20, status: 'QUEUED' } };
    if (url.pathname === '/api/messaging/customers/4' && method === 'GET') return { body: contact };
    if (url.pathname === '/api/messaging/customers/4' && method === 'PATCH') {
      const body = req.body as { messaging_opt_in: boolean; source?: string };
      return {
        body: body.messaging_opt_in
          ? {
              ...contact,
              messaging_opt_in: true,
              opt_in_source: body.source,
              opt_in_at: '2026-11-25T10:30:00Z',
            }
          : { ...contact, messaging_opt_in: false, opted_out_at: '2026-11-25T10:30:00Z' },
      };
    }
    if (url.pathname === '/api/messaging/customers/4/telegram-link' && method === 'POST')
      return { status: 201, body: { url: 'https://t.me/oficina_bot?start=abc123' } };
    return undefined;
  });
}

const premium = (role: 'OWNER' | 'ATTENDANT' | 'MECHANIC' = 'ATTENDANT') =>
  makeUser(role, { plan: 'PREMIUM' });

describe('OrderConversationCard', () => {
  it('lists the order’s messages and the replies since it opened, oldest first, IN and OUT apart', async () => {
    const calls = server();
    renderApp(<OrderConversationCard order={makeOrder()} />, { user: premium() });
    const items = await screen.findAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-direction'))).toEqual(['IN', 'OUT']);
    expect(items[0]).toHaveTextContent('A moto fica pronta hoje?');
    expect(items[1]).toHaveTextContent('Sua moto está pronta.');
    expect(items[1]).toHaveTextContent('Lida');
    expect(items[1]).toHaveTextContent(/24\/11\/2026 \d{2}:10/);
    // The customer's message has no delivery status of ours.
    expect(items[0]).not.toHaveTextContent('Entregue');
    // Another order's message and a reply from before this order opened stay off.
    expect(items).toHaveLength(2);
    expect(screen.queryByText('Obrigado!')).toBeNull();
    const get = calls.find((c) => c.url.pathname === '/api/messaging/messages');
    expect(get?.url.searchParams.get('customer_id')).toBe('4');
  });

  it('sends a free-text reply for the order', async () => {
    const calls = server();
    renderApp(<OrderConversationCard order={makeOrder()} />, { user: premium() });
    await userEvent.type(await screen.findByLabelText('Responder'), 'Pode vir buscar.');
    await userEvent.click(screen.getByRole('button', { name: 'Enviar' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
        customer_id: 4,
        order_id: 3,
        text: 'Pode vir buscar.',
      }),
    );
    await waitFor(() => expect(screen.getByLabelText('Responder')).toHaveValue(''));
    expect(screen.queryByTestId('template-offer')).toBeNull();
  });

  it('after a refusal of free text shows the server’s message and sends a template instead', async () => {
    const refusal = 'Fora da janela de 24 h do WhatsApp: envie um modelo aprovado.';
    const calls = server({
      sendAnswer: (req) =>
        (req.body as { text?: string }).text
          ? {
              status: 422,
              body: {
                error: { code: 'validation_error', message: refusal, details: { text: refusal } },
              },
            }
          : { status: 202, body: { id: 21, status: 'QUEUED' } },
    });
    renderApp(<OrderConversationCard order={makeOrder()} />, { user: premium() });
    await userEvent.type(await screen.findByLabelText('Responder'), 'Oi');
    await userEvent.click(screen.getByRole('button', { name: 'Enviar' }));
    expect(await screen.findByText(refusal)).toBeInTheDocument();
    const offer = screen.getByTestId('template-offer');
    await userEvent.selectOptions(
      within(offer).getByLabelText('Enviar um modelo'),
      'WAITING_PARTS',
    );
    await userEvent.click(within(offer).getByRole('button', { name: 'Enviar modelo' }));
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'POST').at(-1)?.body).toEqual({
        customer_id: 4,
        order_id: 3,
        template: 'WAITING_PARTS',
      }),
    );
    await waitFor(() => expect(screen.queryByText(refusal)).toBeNull());
  });

  it('a refusal that is not about the text (no consent) shows its message and no template', async () => {
    const noConsent = 'O cliente não autorizou receber mensagens.';
    server({
      sendAnswer: () => ({
        status: 422,
        body: {
          error: {
            code: 'validation_error',
            message: noConsent,
            details: { customer_id: noConsent },
          },
        },
      }),
    });
    renderApp(<OrderConversationCard order={makeOrder()} />, { user: premium() });
    await userEvent.type(await screen.findByLabelText('Responder'), 'Oi');
    await userEvent.click(screen.getByRole('button', { name: 'Enviar' }));
    expect(await screen.findByText(noConsent)).toBeInTheDocument();
    expect(screen.queryByTestId('template-offer')).toBeNull();
    // The text stays to send once the consent is recorded.
    expect(screen.getByLabelText('Responder')).toHaveValue('Oi');
  });

  it('a text WhatsApp refused outside the 24 h window shows its error and offers a template', async () => {
    server({ messages: [windowClosed, ...conversation] });
    renderApp(<OrderConversationCard order={makeOrder()} />, { user: premium() });
    expect(await screen.findByText(/131047/)).toBeInTheDocument();
    expect(screen.getByText(/Passaram 24 h/)).toBeInTheDocument();
    expect(screen.getByTestId('template-offer')).toBeInTheDocument();
    expect(screen.getByTestId('message-13')).toHaveTextContent('Falhou');
  });

  it('reads the conversation again every 10 s while it is open', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const calls = server();
      renderApp(<OrderConversationCard order={makeOrder()} />, { user: premium() });
      await screen.findByText('A moto fica pronta hoje?');
      const reads = () =>
        calls.filter((c) => c.method === 'GET' && c.url.pathname === '/api/messaging/messages')
          .length;
      const before = reads();
      await vi.advanceTimersByTimeAsync(10_500);
      await waitFor(() => expect(reads()).toBe(before + 1));
    } finally {
      vi.useRealTimers();
    }
  });

  it('opens at the newest message and follows a new one, not every refresh', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    vi.spyOn(Element.prototype, 'scrollHeight', 'get').mockReturnValue(480);
    const scrolled = vi.spyOn(Element.prototype, 'scrollTop', 'set');
    try {
      const messages = [...conversation];
      server({ messages });
      renderApp(<OrderConversationCard order={makeOrder()} />, { user: premium() });
      await screen.findByText('Sua moto está pronta.');
      expect(scrolled.mock.calls).toEqual([[480]]);
      await vi.advanceTimersByTimeAsync(10_500);
      expect(scrolled).toHaveBeenCalledTimes(1);
      messages.unshift(
        message({
          id: 14,
          direction: 'IN',
          order_id: null,
          text: 'Chego às 18h.',
          created_at: '2026-11-24T15:00:00Z',
        }),
      );
      // The refresh brings new data: its render inside act.
      await act(() => vi.advanceTimersByTimeAsync(10_500));
      await screen.findByText('Chego às 18h.');
      expect(scrolled).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
      vi.restoreAllMocks();
    }
  });

  it('says which plan has messaging instead of failing, and is not for mechanics', async () => {
    const calls = server({ plan: false });
    const { unmount } = renderApp(<OrderConversationCard order={makeOrder()} />, {
      user: makeUser('ATTENDANT', { plan: 'BASIC' }),
    });
    expect(await screen.findByTestId('messaging-plan-required')).toHaveTextContent(
      'Mensagens por WhatsApp e Telegram: disponível no plano Premium',
    );
    expect(calls.some((c) => c.url.pathname.startsWith('/api/messaging'))).toBe(false);
    unmount();
    server();
    renderApp(<OrderConversationCard order={makeOrder()} />, { user: premium('MECHANIC') });
    expect(screen.queryByText('Conversa com o cliente')).toBeNull();
  });
});

describe('CustomerMessagesCard', () => {
  it('records consent with its source, then withdraws it', async () => {
    const calls = server();
    renderApp(<CustomerMessagesCard customerId={4} />, { user: premium() });
    expect(await screen.findByText(/Sem consentimento: pela LGPD/)).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Como o cliente autorizou'), 'PHONE');
    await userEvent.click(screen.getByRole('button', { name: 'Registrar consentimento' }));
    expect(await screen.findByText(/aceitou receber mensagens em 25\/11\/2026/)).toHaveTextContent(
      '(origem: Por telefone)',
    );
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({
      messaging_opt_in: true,
      source: 'PHONE',
    });
    await userEvent.click(screen.getByRole('button', { name: 'Retirar consentimento' }));
    expect(await screen.findByText(/Retirado em 25\/11\/2026/)).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'PATCH').at(-1)?.body).toEqual({
      messaging_opt_in: false,
    });
  });

  it('generates the Telegram link and shows the customer’s conversation', async () => {
    const calls = server();
    renderApp(<CustomerMessagesCard customerId={4} />, { user: premium() });
    await userEvent.click(await screen.findByRole('button', { name: 'Gerar link do Telegram' }));
    expect(await screen.findByDisplayValue('https://t.me/oficina_bot?start=abc123')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Copiar' })).toBeInTheDocument();
    expect(await screen.findByText('A moto fica pronta hoje?')).toBeInTheDocument();
    // The customer's whole conversation, every order's.
    expect(screen.getAllByRole('listitem')).toHaveLength(4);
    const get = calls.find((c) => c.url.pathname === '/api/messaging/messages');
    expect(get?.url.searchParams.get('customer_id')).toBe('4');
    expect(get?.url.searchParams.has('order_id')).toBe(false);
  });

  it('says which plan has messaging on a plan without it', async () => {
    server({ plan: false });
    renderApp(<CustomerMessagesCard customerId={4} />, {
      user: makeUser('OWNER', { plan: 'BASIC' }),
    });
    expect(await screen.findByTestId('messaging-plan-required')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Gerar link do Telegram' })).toBeNull();
  });
});
