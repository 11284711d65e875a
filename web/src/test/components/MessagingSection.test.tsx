import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { formatDateTime } from '@/lib/dates';
import { MessagingSection } from '@/modules/messaging/components/MessagingSection';
import { makeUser } from '../fixtures';
import { mockFetch, renderApp } from '../utils';

afterEach(() => vi.unstubAllGlobals());

const AT = '2026-11-24T12:00:00Z';
const list = (items: unknown[]) => ({
  body: items,
  headers: { 'X-Total-Count': String(items.length) },
});

const channel = {
  id: 3,
  kind: 'WHATSAPP_CLOUD',
  name: 'WhatsApp',
  api_base_url: 'https://graph.facebook.com/v21.0',
  is_active: true,
  webhook_url: 'https://oficina.example/messaging/webhooks/3',
  credentials_set: ['phone_number_id', 'access_token', 'app_secret', 'verify_token'],
  created_at: AT,
  updated_at: AT,
};
const template = {
  event: 'ORDER_OPENED',
  body: 'Olá, {cliente}!',
  enabled: true,
  whatsapp_template: 'motogestor_order_opened',
  is_default: true,
  default_body: 'Olá, {cliente}!',
  placeholders: ['{cliente}'],
  preview: 'Olá, João Silva!',
  updated_at: null,
};
const reminder = {
  ...template,
  event: 'REMINDER_DUE',
  body: 'Olá, {cliente}! Está na hora da revisão da {moto}.',
  whatsapp_template: 'motogestor_reminder_due',
  placeholders: ['{cliente}', '{moto}'],
  preview: 'Olá, João Silva! Está na hora da revisão da Honda CG 160.',
  reminder_after_days: 180,
};
const dead = {
  id: 9,
  direction: 'OUT',
  channel_kind: 'WHATSAPP_CLOUD',
  channel_id: 3,
  customer_id: 1,
  order_id: 2,
  event: 'ORDER_OPENED',
  text: 'Olá, Ana!',
  status: 'FAILED',
  error: 'WhatsApp 1: An unknown error occurred',
  attempts: 6,
  dead_letter: true,
  unconfirmed: false,
  created_at: AT,
  sent_at: null,
  customer_name: 'Ana Souza',
  order_number: 12,
};
const interrupted = {
  ...dead,
  id: 10,
  status: 'SENT',
  error: 'Envio interrompido; confirmação do provedor pendente.',
  attempts: 1,
  dead_letter: false,
  unconfirmed: true,
};

const usage = { daily_cap: 1000, sent_today: 12, queued: 0, cap_reached: false };

function server(messages: object[] = [dead], day: object = usage) {
  return mockFetch(({ method, url, body }) => {
    if (url.pathname === '/api/messaging/usage') return { body: day };
    if (url.pathname === '/api/messaging/channels') return list([channel]);
    if (url.pathname === '/api/messaging/templates') return list([template, reminder]);
    if (method === 'PATCH' && url.pathname === '/api/messaging/templates/REMINDER_DUE')
      return {
        body: { ...reminder, ...(body as object), is_default: false, updated_at: AT },
      };
    if (url.pathname === '/api/messaging/messages') return list(messages);
    if (method === 'POST' && /^\/api\/messaging\/messages\/\d+\/retry$/.test(url.pathname))
      return { body: { ...dead, status: 'QUEUED', dead_letter: false, attempts: 0 } };
    return undefined;
  });
}

describe('MessagingSection', () => {
  it('shows the channels with their webhook link, the templates with a preview, the outbox', async () => {
    server();
    renderApp(<MessagingSection />, { user: makeUser('OWNER', { plan: 'PREMIUM' }) });
    expect(await screen.findByDisplayValue(channel.webhook_url)).toBeInTheDocument();
    expect(await screen.findByText('Olá, João Silva!')).toBeInTheDocument();
    expect(await screen.findByText('Descartada')).toBeInTheDocument();
  });

  it('names whom each message is to and its OS, and pages through the outbox', async () => {
    const calls = mockFetch(({ url }) => {
      if (url.pathname === '/api/messaging/channels') return list([channel]);
      if (url.pathname === '/api/messaging/templates') return list([template]);
      if (url.pathname === '/api/messaging/messages')
        return { body: [dead], headers: { 'X-Total-Count': '120' } };
      return undefined;
    });
    renderApp(<MessagingSection />, { user: makeUser('OWNER', { plan: 'PREMIUM' }) });
    const table = await screen.findByRole('table', { name: 'Mensagens' });
    expect(within(table).getByRole('link', { name: 'Ana Souza' })).toHaveAttribute(
      'href',
      '/clientes/1',
    );
    expect(within(table).getByRole('link', { name: 'OS #12' })).toHaveAttribute('href', '/os/2');
    expect(screen.getByText('Página 1 de 3 · 120 registros')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Próxima' }));
    await waitFor(() =>
      expect(
        calls.some(
          (c) =>
            c.url.pathname === '/api/messaging/messages' &&
            c.url.searchParams.get('offset') === '50',
        ),
      ).toBe(true),
    );
  });

  it("says how much of the day's cap went, and why the queue waits once it is reached", async () => {
    server([dead], { daily_cap: 1000, sent_today: 1000, queued: 2, cap_reached: true });
    renderApp(<MessagingSection />, { user: makeUser('OWNER', { plan: 'PREMIUM' }) });
    const line = await screen.findByTestId('messaging-usage');
    expect(line).toHaveTextContent('Hoje: 1.000 de 1.000 mensagens do limite diário · 2 na fila.');
    expect(within(line).getByRole('status')).toHaveTextContent(
      'Limite diário atingido: as 2 mensagens na fila saem amanhã, a partir da meia-noite.',
    );
  });

  it('shows the day under the cap without a warning', async () => {
    server();
    renderApp(<MessagingSection />, { user: makeUser('OWNER', { plan: 'PREMIUM' }) });
    const line = await screen.findByTestId('messaging-usage');
    expect(line).toHaveTextContent('Hoje: 12 de 1.000 mensagens do limite diário.');
    expect(within(line).queryByRole('status')).toBeNull();
  });

  it('says a channel fails since its last delivery and takes new credentials', async () => {
    const failing = {
      ...channel,
      failing: true,
      last_error: 'WhatsApp 190: Invalid OAuth access token - Cannot parse access token',
      last_error_at: '2026-11-24T15:03:00Z',
      last_sent_at: '2026-11-23T12:00:00Z',
    };
    const calls = mockFetch(({ method, url, body }) => {
      if (url.pathname === '/api/messaging/channels') return list([failing]);
      if (method === 'PATCH' && url.pathname === '/api/messaging/channels/3')
        return { body: { ...channel, ...(body as object), failing: false, last_error: null } };
      if (url.pathname === '/api/messaging/templates') return list([template]);
      if (url.pathname === '/api/messaging/messages') return list([]);
      return undefined;
    });
    renderApp(<MessagingSection />, { user: makeUser('OWNER', { plan: 'PREMIUM' }) });
    const health = await screen.findByTestId('channel-health');
    expect(health).toHaveAttribute('role', 'alert');
    expect(health).toHaveTextContent(
      `Falhando desde ${formatDateTime(failing.last_error_at)}: WhatsApp 190: Invalid OAuth access token - Cannot parse ` +
        'access token. Se o token ou a chave expirou, troque as credenciais.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Trocar credenciais' }));
    const dialog = await screen.findByRole('dialog', { name: 'Trocar credenciais: WhatsApp' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Salvar credenciais' }));
    expect(within(dialog).getAllByText('Obrigatório.')).toHaveLength(4);
    const typed = {
      phone_number_id: '1234567890',
      access_token: 'EAAGnovo',
      app_secret: 'segredo',
      verify_token: 'verificar',
    };
    await userEvent.type(
      within(dialog).getByLabelText('ID do número (phone_number_id)'),
      typed.phone_number_id,
    );
    await userEvent.type(within(dialog).getByLabelText('Token de acesso'), typed.access_token);
    await userEvent.type(
      within(dialog).getByLabelText('Chave secreta do app (app secret)'),
      typed.app_secret,
    );
    await userEvent.type(
      within(dialog).getByLabelText('Token de verificação do webhook'),
      typed.verify_token,
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Salvar credenciais' }));
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([
        { credentials: typed },
      ]),
    );
  });

  it("shows a healthy channel's last delivery", async () => {
    mockFetch(({ url }) => {
      if (url.pathname === '/api/messaging/channels')
        return list([{ ...channel, failing: false, last_sent_at: '2026-11-24T15:05:00Z' }]);
      if (url.pathname === '/api/messaging/templates') return list([template]);
      if (url.pathname === '/api/messaging/messages') return list([]);
      return undefined;
    });
    renderApp(<MessagingSection />, { user: makeUser('OWNER', { plan: 'PREMIUM' }) });
    const health = await screen.findByTestId('channel-health');
    expect(health).not.toHaveAttribute('role');
    // In the machine's zone, as the screen shows it.
    expect(health).toHaveTextContent(`Último envio: ${formatDateTime('2026-11-24T15:05:00Z')}.`);
  });

  it('puts a dead-lettered message back in the queue', async () => {
    const calls = server();
    renderApp(<MessagingSection />, { user: makeUser('OWNER', { plan: 'PREMIUM' }) });
    await userEvent.click(await screen.findByRole('button', { name: 'Tentar de novo' }));
    await waitFor(() =>
      expect(calls.some((c) => c.method === 'POST' && c.url.pathname.endsWith('/9/retry'))).toBe(
        true,
      ),
    );
  });

  it('re-sends an unconfirmed message only after saying it may arrive twice', async () => {
    const calls = server([interrupted]);
    renderApp(<MessagingSection />, { user: makeUser('OWNER', { plan: 'PREMIUM' }) });
    expect(await screen.findByText('Enviada, sem confirmação')).toBeInTheDocument();
    await userEvent.click(await screen.findByRole('button', { name: 'Reenviar' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reenviar mensagem?' });
    expect(dialog).toHaveTextContent('vai recebê-la duas vezes');
    const retried = () =>
      calls.some((c) => c.method === 'POST' && c.url.pathname.endsWith('/10/retry'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Voltar' }));
    expect(retried()).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Reenviar' }));
    await userEvent.click(
      within(await screen.findByRole('dialog', { name: 'Reenviar mensagem?' })).getByRole(
        'button',
        { name: 'Reenviar' },
      ),
    );
    await waitFor(() => expect(retried()).toBe(true));
  });

  it("sets the service reminder's interval, refusing one outside 30 to 730 days", async () => {
    const calls = server();
    renderApp(<MessagingSection />, { user: makeUser('OWNER', { plan: 'PREMIUM' }) });
    const days = await screen.findByLabelText('Dias após a última OS concluída');
    expect(days).toHaveValue('180');
    const patches = () => calls.filter((c) => c.method === 'PATCH');
    await userEvent.clear(days);
    await userEvent.type(days, '20');
    await userEvent.click(screen.getByRole('button', { name: 'Salvar modelo' }));
    expect(await screen.findByText('Informe um número inteiro de 30 a 730 dias.')).toBeVisible();
    expect(patches()).toHaveLength(0);
    await userEvent.clear(days);
    await userEvent.type(days, '365');
    await userEvent.click(screen.getByRole('button', { name: 'Salvar modelo' }));
    await waitFor(() => expect(patches()).toHaveLength(1));
    const [patch] = patches();
    expect(patch?.url.pathname).toBe('/api/messaging/templates/REMINDER_DUE');
    expect(patch?.body).toEqual({
      body: reminder.body,
      whatsapp_template: reminder.whatsapp_template,
      reminder_after_days: 365,
    });
    expect(await screen.findByText('Modelo salvo.')).toBeInTheDocument();
  });

  it('shows no interval on the other events', async () => {
    server();
    renderApp(<MessagingSection />, { user: makeUser('OWNER', { plan: 'PREMIUM' }) });
    expect(await screen.findByText('Olá, João Silva!')).toBeInTheDocument();
    expect(screen.getAllByLabelText('Dias após a última OS concluída')).toHaveLength(1);
  });

  it('leaves channels to the owner and shows nothing on a plan without messaging', async () => {
    server();
    const { unmount } = renderApp(<MessagingSection />, {
      user: makeUser('ATTENDANT', { plan: 'PREMIUM' }),
    });
    expect(await screen.findByText('Olá, João Silva!')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Novo canal' })).toBeNull();
    unmount();
    renderApp(<MessagingSection />, { user: makeUser('OWNER', { plan: 'BASIC' }) });
    expect(screen.queryByText('Mensagens')).toBeNull();
  });
});
