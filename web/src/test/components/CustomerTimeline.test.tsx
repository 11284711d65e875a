import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CustomerTimeline } from '@/modules/team/components/CustomerTimeline';
import { listOf, makeUser } from '../fixtures';
import { mockFetch, renderApp } from '../utils';

afterEach(() => vi.unstubAllGlobals());

const entries = [
  {
    kind: 'interaction',
    key: 'interaction-9',
    id: 9,
    at: '2026-11-24T15:00:00Z',
    channel: 'WHATSAPP',
    direction: 'IN',
    summary: 'Perguntou se a peça chegou',
    details: null,
    staff_id: 21,
    staff_name: 'Patrícia',
    order_id: 3,
    order_number: 12,
  },
  {
    kind: 'order_status',
    key: 'order_status-40',
    id: 40,
    at: '2026-11-23T12:00:00Z',
    order_id: 3,
    order_number: 12,
    status: 'WAITING_PARTS',
    from_status: 'IN_PROGRESS',
    user_id: 1,
    user_name: 'Ana Dona',
    description: 'Embreagem',
    motorcycle_plate: 'ABC1D23',
    motorcycle_model: 'CG 160',
  },
  {
    kind: 'order_status',
    key: 'order_status-39',
    id: 39,
    at: '2026-11-22T12:00:00Z',
    order_id: 3,
    order_number: 12,
    status: 'OPEN',
    from_status: null,
    user_id: 1,
    user_name: 'Ana Dona',
    description: null,
    motorcycle_plate: null,
    motorcycle_model: null,
  },
];

describe('CustomerTimeline', () => {
  it("shows the customer's contacts and order moves as the server orders them", async () => {
    const calls = mockFetch(() => listOf(entries, 45));
    renderApp(<CustomerTimeline customerId={4} />, { user: makeUser('MECHANIC') });
    const list = await screen.findByRole('list', { name: 'Linha do tempo' });
    const items = within(list).getAllByTestId('timeline-entry');
    expect(items.map((i) => i.textContent)).toEqual([
      expect.stringContaining('WhatsApp · Feito pelo clientePerguntou se a peça chegou'),
      expect.stringContaining('OS #12: Em andamento → Aguardando peças'),
      expect.stringContaining('OS #12 aberta'),
    ]);
    expect(calls[0]?.url.pathname).toBe('/api/teamcrm/customers/4/timeline');
    expect(calls[0]?.url.searchParams.get('offset')).toBe('0');
    await userEvent.click(screen.getByRole('button', { name: /Próxima/ }));
    await waitFor(() => expect(calls.at(-1)?.url.searchParams.get('offset')).toBe('20'));
  });

  it('shows the messages the workshop sent, automatic or by hand, with their status', async () => {
    const messages = [
      {
        kind: 'message',
        key: 'message-31',
        id: 31,
        at: '2026-11-24T16:00:00Z',
        channel: 'TELEGRAM',
        direction: 'OUT',
        text: 'Sua moto está pronta!',
        event: 'ORDER_COMPLETED',
        status: 'DELIVERED',
        user_id: null,
        user_name: null,
        order_id: 3,
        order_number: 12,
      },
      {
        kind: 'message',
        key: 'message-30',
        id: 30,
        at: '2026-11-24T15:30:00Z',
        channel: null,
        direction: 'OUT',
        text: 'A peça chega amanhã.',
        event: null,
        status: 'QUEUED',
        user_id: 1,
        user_name: 'Patrícia',
        order_id: null,
        order_number: null,
      },
    ];
    mockFetch(() => listOf(messages, 2));
    renderApp(<CustomerTimeline customerId={4} />, { user: makeUser('ATTENDANT') });
    const list = await screen.findByRole('list', { name: 'Linha do tempo' });
    const items = within(list).getAllByTestId('timeline-entry');
    expect(items.map((i) => i.textContent)).toEqual([
      expect.stringContaining(
        'Telegram · Mensagem automática: Pronta para retirada · EntregueSua moto está pronta!',
      ),
      expect.stringContaining('Mensagem · Mensagem enviada · Na filaA peça chega amanhã.'),
    ]);
    expect(within(items[0]!).getByRole('link', { name: 'OS #12' })).toHaveAttribute(
      'href',
      '/os/3',
    );
    expect(items[1]).toHaveTextContent('Patrícia');
  });

  it('records a contact in two taps: a channel, then save', async () => {
    const calls = mockFetch(({ method }) =>
      method === 'POST' ? { status: 201, body: { id: 10 } } : listOf([]),
    );
    renderApp(<CustomerTimeline customerId={4} />, { user: makeUser('ATTENDANT') });
    expect(await screen.findByText('Nada registrado ainda.')).toBeInTheDocument();
    const channels = within(screen.getByRole('group', { name: 'Registrar contato' }));
    expect(channels.getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Ligação',
      'Visita',
      'WhatsApp',
      'E-mail',
      'Telegram',
      'Outro',
    ]);
    await userEvent.click(channels.getByRole('button', { name: 'Ligação' }));
    expect(screen.getByLabelText(/Resumo do contato/)).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Salvar contato' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.url.pathname).toBe('/api/teamcrm/interactions');
    expect(post?.headers['Idempotency-Key']).toMatch(/.+/);
    expect(post?.body).toEqual({
      channel: 'PHONE',
      customer_id: 4,
      direction: 'OUT',
      summary: null,
    });
    // Saved: the timeline is read again, and the form closes.
    await waitFor(() => expect(calls.filter((c) => c.method === 'GET')).toHaveLength(2));
    expect(screen.queryByRole('button', { name: 'Salvar contato' })).toBeNull();
  });

  it('sends the summary and who made the contact', async () => {
    const calls = mockFetch(({ method }) =>
      method === 'POST' ? { status: 201, body: { id: 10 } } : listOf([]),
    );
    renderApp(<CustomerTimeline customerId={4} />, { user: makeUser('OWNER') });
    await userEvent.click(await screen.findByRole('button', { name: 'WhatsApp' }));
    await userEvent.type(screen.getByLabelText(/Resumo do contato/), 'Pediu orçamento');
    await userEvent.click(screen.getByLabelText('Feito pelo cliente'));
    await userEvent.click(screen.getByRole('button', { name: 'Salvar contato' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
        channel: 'WHATSAPP',
        customer_id: 4,
        direction: 'IN',
        summary: 'Pediu orçamento',
      }),
    );
  });
});
