// Messaging at phone size (360×740), against the provider fakes run.sh starts: consent recorded
// on the customer's "Mensagens" card; the OS's "Conversa com o cliente" with the automatic
// message, a typed reply, the customer's answer and WhatsApp's 24 h window (the template goes
// instead); consent withdrawn stops the automatic messages; another workshop reaches none of
// it; an Evolution channel both ways; the Telegram deep link; the cards per role and on BASIC;
// the service reminder's interval set under Configurações.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  apiCall,
  apiLogin,
  apiOk,
  assertNoHorizontalScroll,
  createUser,
  eventually,
  providerFake,
  randomPlate,
  registerWorkshop,
  seedOrder,
  setPlan,
  shot,
  signedInPage,
  unique,
  useBrowser,
} from './helpers.mjs';

const browser = useBrowser();
const whatsapp = providerFake('whatsapp');
const telegram = providerFake('telegram');
const evolution = providerFake('evolution');

const secret = () => randomUUID().replaceAll('-', '');

/** A PREMIUM workshop's owner, with a token that carries the new plan. */
async function premiumWorkshop(label) {
  const tenantName = `Oficina ${unique(label)}`;
  const owner = await registerWorkshop(tenantName);
  setPlan(owner.user.tenant_id, 'PREMIUM');
  return { ...owner, tenantName, token: await apiLogin(owner) };
}

/**
 * A WhatsApp Cloud channel whose Graph API is the fake, on an account registered there; its
 * credentials as typed (the API never returns them).
 */
async function whatsappChannel(token) {
  const credentials = {
    phone_number_id: `${Date.now()}${Math.floor(Math.random() * 100)}`,
    access_token: `EAAG${secret()}`,
    app_secret: secret(),
    verify_token: secret(),
  };
  const account = await whatsapp.account({
    ...credentials,
    templates: ['motogestor_order_completed'],
  });
  const channel = await apiOk('POST', '/messaging/channels', {
    token,
    body: {
      kind: 'WHATSAPP_CLOUD',
      name: 'WhatsApp',
      api_base_url: `${whatsapp.url}/v21.0`,
      credentials,
    },
  });
  return { account, channel, credentials };
}

async function customerWithMoto(token, { name, phone }) {
  const customer = await apiOk('POST', '/management/customers', { token, body: { name, phone } });
  const moto = await apiOk('POST', '/management/motos', {
    token,
    body: { customer_id: customer.id, plate: randomPlate(), brand: 'Honda', model: 'CG 160' },
  });
  return { customer, moto };
}

const openOrder = (token, { customer, moto }) =>
  apiOk('POST', '/management/os', {
    token,
    body: { customer_id: customer.id, motorcycle_id: moto.id, description: 'Revisão geral' },
  });

/** The ORDER_OPENED default template (server/modules/messaging/domain/templates.cpp), filled. */
const openedText = ({ name, moto, workshop, order }) =>
  `Olá, ${name}! Recebemos sua moto Honda CG 160 (${moto.plate}) na ${workshop}. ` +
  `A OS nº ${order.number} foi aberta e avisaremos cada novidade.`;

/** A card of the page by its title. */
const card = (page, title) =>
  page
    .locator('section')
    .filter({ has: page.getByRole('heading', { level: 2, name: title, exact: true }) });

/** The messages of a card's conversation (each a list item). */
const bubbles = (section) => section.getByRole('list', { name: 'Mensagens' }).getByRole('listitem');

/** A message's bubble once it shows `status` (the card reads the list again every 10 s). */
async function bubbleWith(section, text, status) {
  const bubble = bubbles(section).filter({ hasText: text });
  await bubble.filter({ hasText: `· ${status}` }).waitFor({ timeout: 25_000 });
  return bubble;
}

/** Whether a conversation's newest message is in sight inside its list (which scrolls). */
const newestInSight = (section) =>
  eventually(
    () =>
      section.getByRole('list', { name: 'Mensagens' }).evaluate((list) => {
        const box = list.getBoundingClientRect();
        const newest = list.lastElementChild.getBoundingClientRect();
        return newest.top >= box.top - 1 && newest.bottom <= box.bottom + 1;
      }),
    (inSight) => inSight,
    { timeout: 2_000 },
  );

/**
 * The customer writes: the fake delivers the webhook the way its provider does, and the text
 * shows in the conversation as incoming, in sight (within the card's 10 s refresh).
 */
async function customerAnswers(section, fake, account, { url, from, text }) {
  const delivered = await fake.deliver(account, { url, type: 'message', from, text });
  assert.equal(delivered.status, 200);
  const bubble = bubbles(section).filter({ hasText: text });
  await bubble.waitFor({ timeout: 25_000 });
  assert.equal(await bubble.getAttribute('data-direction'), 'IN');
  assert.equal(await newestInSight(section), true, 'the answer is out of sight');
}

/** What formatDateTime shows in the browser's zone (newPage uses America/Sao_Paulo). */
function shown(iso) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('pt-BR', {
      timeZone: 'America/Sao_Paulo',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

const sentSummary = ({ to, type, text, template }) => ({
  to,
  type,
  text,
  template: template && {
    name: template.name,
    language: template.language.code,
    values: template.components[0].parameters.map((p) => p.text),
  },
});

test('consent on the customer card; the OS conversation sends, receives and falls back to the template', async () => {
  const owner = await premiumWorkshop('Conversa');
  const { token } = owner;
  const { account, channel } = await whatsappChannel(token);
  assert.equal(channel.webhook_url, `${process.env.BASE_URL}/messaging/webhooks/${channel.id}`);
  const name = 'Joana Ribeiro';
  const number = '5511987654321';
  const { customer, moto } = await customerWithMoto(token, { name, phone: '11987654321' });

  // Consent, recorded in the browser with how it was given.
  const page = await signedInPage(browser(), owner, { phone: true });
  await page.goto(`/clientes/${customer.id}`);
  const consent = card(page, 'Mensagens').getByTestId('messaging-consent');
  await consent.getByText('Sem consentimento: pela LGPD', { exact: false }).waitFor();
  await consent.getByLabel('Como o cliente autorizou').selectOption({ label: 'Por telefone' });
  await consent.getByRole('button', { name: 'Registrar consentimento' }).click();
  await page.getByRole('status').filter({ hasText: 'Consentimento registrado.' }).waitFor();
  const contact = await apiOk('GET', `/messaging/customers/${customer.id}`, { token });
  assert.equal(contact.messaging_opt_in, true);
  assert.equal(contact.opt_in_source, 'PHONE');
  assert.ok(Math.abs(Date.now() - Date.parse(contact.opt_in_at)) < 120_000, contact.opt_in_at);
  assert.equal(
    await consent.locator('p').first().textContent(),
    `O cliente aceitou receber mensagens em ${shown(contact.opt_in_at)} (origem: Por telefone).`,
  );
  await assertNoHorizontalScroll(page, assert);
  await shot(page, 'mensagens-cliente-consentimento');

  // An order opened after the consent: its automatic message reaches WhatsApp once.
  const order = await openOrder(token, { customer, moto });
  const opened = openedText({ name, moto, workshop: owner.tenantName, order });
  await page.goto(`/os/${order.id}`);
  await page.getByRole('heading', { name: `OS #${order.number}` }).waitFor();
  const conversation = card(page, 'Conversa com o cliente');
  const openedBubble = await bubbleWith(conversation, opened, 'Enviada');
  assert.equal(await openedBubble.getAttribute('data-direction'), 'OUT');
  let sent = await whatsapp.sent(account);
  assert.equal(sent.count, 1);
  assert.deepEqual(sentSummary(sent.messages[0]), {
    to: number,
    type: 'text',
    text: opened,
    template: null,
  });

  // A typed reply goes the same way.
  const reply = 'Oi, Joana! A revisão fica pronta amanhã às 17h.';
  const box = conversation.getByLabel('Responder');
  await box.fill(reply);
  await conversation.getByRole('button', { name: 'Enviar', exact: true }).click();
  await bubbleWith(conversation, reply, 'Enviada');
  assert.equal(await box.inputValue(), '');
  sent = await whatsapp.sent(account);
  assert.equal(sent.count, 2);
  assert.deepEqual(sentSummary(sent.messages[1]), {
    to: number,
    type: 'text',
    text: reply,
    template: null,
  });

  // Outside WhatsApp's 24 h window a text is refused (131047): the card says so and offers
  // an approved template, which does go.
  await whatsapp.behave(account, 'window');
  const late = 'Pode passar para buscar às 18h?';
  await box.fill(late);
  await conversation.getByRole('button', { name: 'Enviar', exact: true }).click();
  const lateBubble = await bubbleWith(conversation, late, 'Falhou');
  const refused = (
    await apiOk('GET', `/messaging/messages?customer_id=${customer.id}`, { token })
  ).find((m) => m.text === late);
  assert.equal(refused.status, 'FAILED');
  assert.match(refused.error, /^WhatsApp 131047: /);
  await lateBubble.getByText(refused.error, { exact: true }).waitFor();
  await conversation
    .getByText('Passaram 24 h desde a última mensagem do cliente', { exact: false })
    .waitFor();
  const offer = conversation.getByTestId('template-offer');
  await offer.getByLabel('Enviar um modelo').selectOption({ label: 'Pronta para retirada' });
  await assertNoHorizontalScroll(page, assert);
  await shot(page, 'mensagens-os-janela-24h');
  assert.equal((await whatsapp.sent(account)).count, 2);
  await offer.getByRole('button', { name: 'Enviar modelo' }).click();
  const ready =
    `Olá, ${name}! Sua moto Honda CG 160 (${moto.plate}) está pronta para retirada na ` +
    `${owner.tenantName}. Total da OS nº ${order.number}: R$ 0,00.`;
  await bubbleWith(conversation, ready, 'Enviada');
  await offer.waitFor({ state: 'detached' });
  sent = await whatsapp.sent(account);
  assert.equal(sent.count, 3);
  assert.deepEqual(sentSummary(sent.messages[2]), {
    to: number,
    type: 'template',
    text: null,
    template: {
      name: 'motogestor_order_completed',
      language: 'pt_BR',
      values: [name, 'Honda CG 160', moto.plate, owner.tenantName, String(order.number), 'R$ 0,00'],
    },
  });

  await whatsapp.behave(account, 'ok');

  // The customer answers on WhatsApp: the signed webhook lands in the conversation.
  const answer = 'Combinado, passo às 18h. Obrigada!';
  await customerAnswers(conversation, whatsapp, account, {
    url: channel.webhook_url,
    from: number,
    text: answer,
  });
  assert.equal(await bubbles(conversation).count(), 5);
  await assertNoHorizontalScroll(page, assert);
  await shot(page, 'mensagens-os-conversa');

  // The customer's card has the same conversation.
  await page.goto(`/clientes/${customer.id}`);
  const customerCard = card(page, 'Mensagens');
  await bubbles(customerCard).filter({ hasText: answer }).waitFor();
  assert.deepEqual(
    await bubbles(customerCard).evaluateAll((items) => items.map((li) => li.dataset.direction)),
    ['OUT', 'OUT', 'OUT', 'OUT', 'IN'],
  );
  assert.equal(await newestInSight(customerCard), true, 'the answer is out of sight');
  await assertNoHorizontalScroll(page, assert);
  await shot(page, 'mensagens-cliente-conversa');

  // Consent withdrawn: the card says when; no message goes any more.
  await customerCard.getByRole('button', { name: 'Retirar consentimento' }).click();
  await page.getByRole('status').filter({ hasText: 'Consentimento retirado.' }).waitFor();
  const withdrawn = await apiOk('GET', `/messaging/customers/${customer.id}`, { token });
  assert.equal(withdrawn.messaging_opt_in, false);
  assert.equal(
    await consent.locator('p').first().textContent(),
    'Sem consentimento: pela LGPD, a oficina só envia mensagens com a autorização do cliente. ' +
      `Retirado em ${shown(withdrawn.opted_out_at)} (origem: Outro).`,
  );
  await shot(page, 'mensagens-cliente-retirado');
  for (const status of ['IN_PROGRESS', 'WAITING_PARTS'])
    await apiOk('PATCH', `/management/os/${order.id}/status`, { token, body: { status } });
  const listOf = (c) => apiOk('GET', `/messaging/messages?customer_id=${c.id}`, { token });
  assert.equal((await listOf(customer)).length, 5);
  // Another customer's order goes: once it is sent the relay has passed the withdrawn one.
  const other = await customerWithMoto(token, { name: 'Caio Prado', phone: '11912345678' });
  await apiOk('PATCH', `/messaging/customers/${other.customer.id}`, {
    token,
    body: { messaging_opt_in: true, source: 'IN_PERSON' },
  });
  await openOrder(token, other);
  const otherSent = await eventually(
    () => listOf(other.customer),
    (items) => items.length === 1 && items[0].status === 'SENT',
  );
  assert.equal(otherSent[0].status, 'SENT');
  sent = await whatsapp.sent(account);
  assert.equal(sent.count, 4);
  assert.equal(sent.messages[3].to, '5511912345678');
  assert.equal((await listOf(customer)).length, 5);

  // A typed reply is refused now, with the reason and no template to offer.
  await page.goto(`/os/${order.id}`);
  await bubbles(conversation).first().waitFor();
  await box.fill('Sua moto está pronta.');
  await conversation.getByRole('button', { name: 'Enviar', exact: true }).click();
  await conversation
    .getByRole('alert')
    .filter({ hasText: 'O cliente não autorizou o recebimento de mensagens.' })
    .waitFor();
  assert.equal(await conversation.getByTestId('template-offer').count(), 0);
  assert.equal((await listOf(customer)).length, 5);
  assert.equal((await whatsapp.sent(account)).count, 4);
  await page.context().close();

  // Another PREMIUM workshop, with its own channel, reaches none of it.
  const rival = await premiumWorkshop('Rival');
  await whatsappChannel(rival.token);
  const as = (method, address, body) => apiCall(method, address, { token: rival.token, body });
  assert.deepEqual((await as('GET', `/messaging/messages?customer_id=${customer.id}`)).data, []);
  assert.deepEqual((await as('GET', `/messaging/messages?order_id=${order.id}`)).data, []);
  assert.equal((await as('GET', `/messaging/customers/${customer.id}`)).status, 404);
  const consentInto = await as('PATCH', `/messaging/customers/${customer.id}`, {
    messaging_opt_in: true,
    source: 'IN_PERSON',
  });
  assert.equal(consentInto.status, 404);
  const sendInto = await as('POST', '/messaging/messages', {
    customer_id: customer.id,
    order_id: order.id,
    text: 'Mensagem de outra oficina',
  });
  assert.equal(sendInto.status, 422);
  assert.equal((await as('POST', `/messaging/customers/${customer.id}/telegram-link`)).status, 404);
  const rivalPage = await signedInPage(browser(), rival, { phone: true });
  await rivalPage.goto(`/os/${order.id}`);
  await rivalPage.getByText('OS não encontrada.').waitFor();
  await rivalPage.goto(`/clientes/${customer.id}`);
  await rivalPage.getByText('Cliente não encontrado.').waitFor();
  await rivalPage.context().close();
  assert.equal((await listOf(customer)).length, 5);
  assert.equal(
    (await apiOk('GET', `/messaging/customers/${customer.id}`, { token })).messaging_opt_in,
    false,
  );
  assert.equal((await whatsapp.sent(account)).count, 4);
});

test('an Evolution channel: the automatic message reaches the gateway, the answer comes back', async () => {
  const owner = await premiumWorkshop('Evolution');
  const { token } = owner;
  const credentials = { instance: `oficina-${secret().slice(0, 8)}`, api_key: secret() };
  const account = await evolution.account(credentials);
  const channel = await apiOk('POST', '/messaging/channels', {
    token,
    body: { kind: 'EVOLUTION', api_base_url: evolution.url, credentials },
  });
  // Creating the channel registered its webhook, with the secret path segment, at the gateway.
  const hook = await evolution.webhook(account);
  assert.equal(hook.url, channel.webhook_url);
  assert.match(
    hook.url,
    new RegExp(`^${process.env.BASE_URL}/messaging/webhooks/${channel.id}/[A-Za-z0-9_-]{16,}$`),
  );
  const name = 'Rita Evolução';
  const number = '5521998765432';
  const { customer, moto } = await customerWithMoto(token, { name, phone: '21998765432' });
  await apiOk('PATCH', `/messaging/customers/${customer.id}`, {
    token,
    body: { messaging_opt_in: true, source: 'FORM' },
  });
  const order = await openOrder(token, { customer, moto });
  const opened = openedText({ name, moto, workshop: owner.tenantName, order });

  const page = await signedInPage(browser(), owner, { phone: true });
  await page.goto(`/os/${order.id}`);
  const conversation = card(page, 'Conversa com o cliente');
  await bubbleWith(conversation, opened, 'Enviada');
  const sent = await evolution.sent(account);
  assert.equal(sent.count, 1);
  assert.deepEqual(
    sent.messages.map(({ to, text }) => ({ to, text })),
    [{ to: number, text: opened }],
  );

  await customerAnswers(conversation, evolution, account, {
    url: hook.url,
    from: number,
    text: 'Oi! Posso levar a moto na sexta?',
  });
  await assertNoHorizontalScroll(page, assert);
  await shot(page, 'mensagens-os-evolution');

  // The outbox under Configurações counts the day against the cap (the default, 1,000) and
  // names whom the message went to and its OS, each a link.
  await page.goto('/configuracoes');
  await page
    .getByTestId('messaging-usage')
    .getByText('Hoje: 1 de 1.000 mensagens do limite diário.', { exact: true })
    .waitFor();
  const row = page.getByRole('table', { name: 'Mensagens' }).getByRole('row').filter({ hasText: opened });
  await row.getByRole('link', { name }).waitFor();
  assert.equal(await row.getByRole('link', { name }).getAttribute('href'), `/clientes/${customer.id}`);
  assert.equal(
    await row.getByRole('link', { name: `OS #${order.number}` }).getAttribute('href'),
    `/os/${order.id}`,
  );
  await page.context().close();
});

test('the Telegram deep link is generated and copied on the customer card', async () => {
  const owner = await premiumWorkshop('Telegram');
  const botUsername = `oficina_${secret().slice(0, 6)}_bot`;
  const credentials = {
    bot_token: `${Math.floor(Math.random() * 1e9)}:AA${secret()}`,
    bot_username: botUsername,
  };
  const account = await telegram.account(credentials);
  const channel = await apiOk('POST', '/messaging/channels', {
    token: owner.token,
    body: { kind: 'TELEGRAM', api_base_url: telegram.url, credentials },
  });
  // Creating the channel told Telegram where to deliver (setWebhook).
  assert.equal((await telegram.webhook(account)).url, channel.webhook_url);
  const { customer } = await customerWithMoto(owner.token, {
    name: 'Rui Telegram',
    phone: '11955554444',
  });

  const page = await signedInPage(browser(), owner, { phone: true });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: process.env.BASE_URL,
  });
  await page.goto(`/clientes/${customer.id}`);
  const messages = card(page, 'Mensagens');
  await messages.getByRole('button', { name: 'Gerar link do Telegram' }).click();
  const field = messages.getByLabel('Link do Telegram');
  await field.waitFor();
  const url = await field.inputValue();
  assert.match(url, new RegExp(`^https://t\\.me/${botUsername}\\?start=[A-Za-z0-9_-]{32}$`));
  await messages.getByRole('button', { name: 'Copiar' }).click();
  await page.getByRole('status').filter({ hasText: 'Link copiado.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
  await assertNoHorizontalScroll(page, assert);
  await shot(page, 'mensagens-cliente-telegram');

  // The customer opens the link and taps Iniciar: the chat is linked, with consent.
  const start = await telegram.deliver(account, {
    type: 'message',
    text: `/start ${new URL(url).searchParams.get('start')}`,
  });
  assert.equal(start.status, 200);
  await page.reload();
  await messages.getByText('Telegram vinculado', { exact: false }).waitFor();
  const contact = await apiOk('GET', `/messaging/customers/${customer.id}`, {
    token: owner.token,
  });
  assert.equal(contact.telegram_linked, true);
  assert.equal(
    await messages.getByTestId('messaging-consent').locator('p').first().textContent(),
    `O cliente aceitou receber mensagens em ${shown(contact.opt_in_at)} (origem: Pelo Telegram).`,
  );
  await page.context().close();
});

test('a mechanic sees no conversation on the OS, the front desk does; on BASIC the cards name the plan', async () => {
  const owner = await premiumWorkshop('Mecanico');
  const { order } = await seedOrder(owner.token, { customerName: 'Lia Souza' });
  const mechanic = await createUser(owner.token, { name: 'Zé Mecânico', role: 'MECHANIC' });
  const mechanicPage = await signedInPage(browser(), mechanic, { phone: true });
  await mechanicPage.goto(`/os/${order.id}`);
  await mechanicPage.getByRole('heading', { name: `OS #${order.number}` }).waitFor();
  await mechanicPage.getByRole('heading', { name: 'Tarefas', exact: true }).waitFor();
  assert.equal(await card(mechanicPage, 'Conversa com o cliente').count(), 0);
  const mechanicToken = await apiLogin(mechanic);
  const refused = await apiCall('GET', `/messaging/messages?customer_id=${order.customer_id}`, {
    token: mechanicToken,
  });
  assert.equal(refused.status, 403);
  await assertNoHorizontalScroll(mechanicPage, assert);
  await mechanicPage.context().close();

  // The front desk of the same workshop does have it (no channel yet: an empty conversation).
  const attendant = await createUser(owner.token, { name: 'Ana Recepção', role: 'ATTENDANT' });
  const attendantPage = await signedInPage(browser(), attendant, { phone: true });
  await attendantPage.goto(`/os/${order.id}`);
  await card(attendantPage, 'Conversa com o cliente')
    .getByText('Nenhuma mensagem ainda.')
    .waitFor();
  await attendantPage.context().close();

  const basic = await registerWorkshop(`Oficina ${unique('Basica')}`);
  const plan = await apiOk('GET', '/tenant/plan', { token: basic.token });
  const feature = plan.features.find((f) => f.feature === 'messaging');
  assert.equal(feature.included, false);
  const notice =
    `${feature.label}: disponível no plano ` +
    `${plan.plans.find((p) => p.plan === feature.minimum_plan).label}. Veja os planos em Configurações.`;
  const basicOrder = await seedOrder(basic.token, { customerName: 'Beto Básico' });
  const page = await signedInPage(browser(), basic, { phone: true });
  for (const [address, title, name] of [
    [`/os/${basicOrder.order.id}`, 'Conversa com o cliente', 'os'],
    [`/clientes/${basicOrder.customer.id}`, 'Mensagens', 'cliente'],
  ]) {
    await page.goto(address);
    const section = card(page, title);
    await section.getByTestId('messaging-plan-required').waitFor();
    assert.equal(await section.getByTestId('messaging-plan-required').textContent(), notice);
    assert.equal(await section.getByRole('alert').count(), 0);
    await assertNoHorizontalScroll(page, assert);
    await shot(page, `mensagens-basico-${name}`);
  }
  await page.context().close();
});

test("the owner sets the service reminder's interval under Configurações → Mensagens", async () => {
  const owner = await premiumWorkshop('Lembrete');
  const interval = async () =>
    (await apiOk('GET', '/messaging/templates', { token: owner.token })).find(
      (t) => t.event === 'REMINDER_DUE',
    ).reminder_after_days;
  assert.equal(await interval(), 180);

  const page = await signedInPage(browser(), owner, { phone: true });
  await page.goto('/configuracoes');
  const templates = card(page, 'Modelos de mensagem');
  const days = templates.getByLabel('Dias após a última OS concluída');
  await days.waitFor();
  assert.equal(await days.inputValue(), '180');

  await days.fill('20');
  await templates.getByRole('button', { name: 'Salvar modelo' }).click();
  await templates.getByText('Informe um número inteiro de 30 a 730 dias.').waitFor();
  assert.equal(await interval(), 180);

  await days.fill('365');
  await templates.getByRole('button', { name: 'Salvar modelo' }).click();
  await page.getByText('Modelo salvo.').waitFor();
  assert.equal(await interval(), 365);
  await assertNoHorizontalScroll(page, assert);
  await shot(page, 'mensagens-lembrete-intervalo');

  await page.reload();
  await days.waitFor();
  assert.equal(await days.inputValue(), '365');
  await page.context().close();
});

test('a channel with an expired token says so, and new credentials typed on the screen heal it', async () => {
  const owner = await premiumWorkshop('Token');
  const { token } = owner;
  const { channel, credentials: good } = await whatsappChannel(token);
  const { customer } = await customerWithMoto(token, { name: 'Caio Token', phone: '11955554444' });
  await apiOk('PATCH', `/messaging/customers/${customer.id}`, {
    token,
    body: { messaging_opt_in: true, source: 'IN_PERSON' },
  });
  await apiOk('PATCH', `/messaging/channels/${channel.id}`, {
    token,
    body: { credentials: { ...good, access_token: 'EAAGexpirado' } },
  });
  const sent = await apiOk('POST', '/messaging/messages', {
    token,
    body: { customer_id: customer.id, text: 'Sua moto está pronta.' },
  });
  const messages = () => apiOk('GET', `/messaging/messages?customer_id=${customer.id}`, { token });
  await eventually(messages, (m) => m[0]?.dead_letter === true, { timeout: 15_000 });

  const page = await signedInPage(browser(), owner, { phone: true });
  await page.goto('/configuracoes');
  const health = card(page, 'Canais').getByTestId('channel-health');
  await health.getByText(/^Falhando desde/).waitFor();
  assert.match(await health.textContent(), /WhatsApp 190: Invalid OAuth access token/);
  await assertNoHorizontalScroll(page, assert);
  await shot(page, 'mensagens-canal-falhando');

  await card(page, 'Canais').getByRole('button', { name: 'Trocar credenciais' }).click();
  const dialog = page.getByRole('dialog', { name: 'Trocar credenciais: WhatsApp' });
  await dialog.getByLabel('ID do número (phone_number_id)').fill(good.phone_number_id);
  await dialog.getByLabel('Token de acesso').fill(good.access_token);
  await dialog.getByLabel('Chave secreta do app (app secret)').fill(good.app_secret);
  await dialog.getByLabel('Token de verificação do webhook').fill(good.verify_token);
  await dialog.getByRole('button', { name: 'Salvar credenciais' }).click();
  await page.getByText('Credenciais trocadas. O próximo envio diz se o canal voltou.').waitFor();
  await health.getByText('Nenhum envio ainda.').waitFor();

  await apiOk('POST', `/messaging/messages/${sent.id}/retry`, { token });
  await eventually(messages, (m) => m[0]?.status === 'SENT', { timeout: 15_000 });
  await page.reload();
  await health.getByText(/^Último envio: /).waitFor();
  await page.context().close();
});
