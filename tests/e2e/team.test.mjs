// The team and CRM screens against the real server: staff, the order's mechanic, "Minhas
// OS", tasks from an order, contacts on a customer's timeline, commissions, locked logins.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  apiCall,
  apiOk,
  createUser,
  navigate,
  registerWorkshop,
  seedOrder,
  seedPart,
  shot,
  signedInPage,
  unique,
  useBrowser,
} from './helpers.mjs';

const browser = useBrowser();

/** Waits until a select shows `value` (a controlled select follows the server's answer). */
async function selectShows(locator, value) {
  await locator.page().waitForFunction(
    ([el, v]) => el.value === v,
    [await locator.elementHandle(), value],
  );
}

/** A UTC day `days` from today, YYYY-MM-DD (the server counts commissions by UTC days). */
const utcDay = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('the owner assigns a mechanic, who finds the order under "Minhas OS" and closes a task of it', async () => {
  const owner = await registerWorkshop(`Oficina ${unique('Equipe')}`);
  const mechanic = await createUser(owner.token, { name: 'Zé Mecânico', role: 'MECHANIC' });
  const { order } = await seedOrder(owner.token, { customerName: 'Paula Souza' });
  const { order: other } = await seedOrder(owner.token, { customerName: 'Rui Prado' });

  // The owner registers the mechanic on "Equipe", linked to his login.
  const ownerPage = await signedInPage(browser(), owner);
  await navigate(ownerPage, 'Equipe');
  await ownerPage.getByText('Nenhum membro da equipe.').waitFor();
  await ownerPage.getByRole('button', { name: 'Novo membro' }).click();
  const form = ownerPage.getByRole('dialog', { name: 'Novo membro da equipe' });
  await form.getByLabel('Nome').fill('Zé Mecânico');
  await form.getByLabel('Função').fill('Mecânico');
  await form.getByLabel('Comissão sobre mão de obra (%)').fill('10');
  await form.getByLabel('Login no sistema').selectOption(String(mechanic.user.id));
  await form.getByRole('button', { name: 'Cadastrar' }).click();
  await form.waitFor({ state: 'hidden' });
  const row = ownerPage.getByTestId('staff-row').filter({ hasText: 'Zé Mecânico' });
  await row.getByText('MO 10 %').waitFor();
  await shot(ownerPage, 'equipe-dono');

  // ...and makes him the order's mechanic; the history says who changed what.
  await ownerPage.goto(`/os/${order.id}`);
  const mechanicSelect = ownerPage.getByLabel('Mecânico da OS');
  await mechanicSelect.locator('option', { hasText: 'Zé Mecânico' }).waitFor({ state: 'attached' });
  await mechanicSelect.selectOption({ label: 'Zé Mecânico' });
  await ownerPage
    .getByTestId('history-change')
    .filter({ hasText: 'Mecânico: nenhum → Zé Mecânico' })
    .filter({ hasText: 'Dona Teste' })
    .waitFor();
  const saved = await apiOk('GET', `/management/os/${order.id}`, { token: owner.token });
  assert.equal(saved.assigned_staff_name, 'Zé Mecânico');
  await ownerPage.context().close();

  // The mechanic: "Minhas OS" has his order and not the other one.
  const page = await signedInPage(browser(), mechanic);
  await navigate(page, 'Ordens de serviço');
  await page.getByTestId(`os-card-${other.number}`).waitFor();
  await page.getByRole('button', { name: 'Minhas OS' }).click();
  await page.getByTestId(`os-card-${other.number}`).waitFor({ state: 'detached' });
  const card = page.getByTestId('column-OPEN').getByTestId(`os-card-${order.number}`);
  assert.equal(await card.getByTestId('os-card-mechanic').textContent(), 'Mecânico: Zé Mecânico');
  assert.equal(await page.locator('[data-testid^="os-card-"][aria-label]').count(), 1);
  await shot(page, 'minhas-os');

  // A task from the order, for himself; then done.
  await card.getByRole('link', { name: `OS #${order.number}` }).click();
  await page.getByRole('heading', { name: `OS #${order.number}` }).waitFor();
  const tasks = page.getByTestId('related-tasks');
  await tasks.getByText('Nenhuma tarefa para esta OS.').waitFor();
  await tasks.getByRole('button', { name: 'Nova tarefa' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nova tarefa' });
  await dialog.getByText(`OS #${order.number} · Paula Souza`).waitFor();
  await dialog.getByLabel('Título').fill('Trocar as pastilhas');
  await dialog.getByLabel('Prioridade').selectOption('HIGH');
  await dialog.getByLabel('Responsável').selectOption({ label: 'Zé Mecânico (eu)' });
  await dialog.getByRole('button', { name: 'Criar tarefa' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const task = tasks.getByTestId('task-row').filter({ hasText: 'Trocar as pastilhas' });
  await task.getByText('Zé Mecânico').waitFor();
  // A mechanic moves the status but does not edit the task (its `can`).
  assert.equal(await task.getByRole('button', { name: /Editar tarefa/ }).count(), 0);
  const status = task.getByLabel('Situação da tarefa Trocar as pastilhas');
  await selectShows(status, 'OPEN');
  await status.selectOption('DONE');
  await selectShows(status, 'DONE');
  await shot(page, 'os-tarefa-concluida');

  const [stored] = await apiOk('GET', `/teamcrm/tasks?related_order_id=${order.id}`, {
    token: owner.token,
  });
  assert.equal(stored.status, 'DONE');
  assert.equal(stored.assigned_to_name, 'Zé Mecânico');
  assert.equal(stored.priority, 'HIGH');
  assert.equal(stored.related_order_number, order.number);
  assert.ok(stored.completed_at, 'DONE stamps completed_at');

  // It shows as done on the task board too.
  await navigate(page, 'Tarefas');
  await page
    .getByTestId('task-column-DONE')
    .getByRole('article', { name: 'Trocar as pastilhas' })
    .waitFor();
  assert.equal(
    await page.getByTestId('task-column-OPEN').getByRole('article', { name: 'Trocar as pastilhas' }).count(),
    0,
  );
  await shot(page, 'tarefas-quadro-mecanico');
  await page.context().close();
});

test('"registrar contato" from a customer appears first on the timeline', async () => {
  const owner = await registerWorkshop(`Oficina ${unique('Crm')}`);
  const attendant = await createUser(owner.token, { name: 'Patrícia Recepção', role: 'ATTENDANT' });
  const { customer, order } = await seedOrder(owner.token, { customerName: 'Bruno Lima' });
  const page = await signedInPage(browser(), attendant);
  await page.goto(`/clientes/${customer.id}`);
  const timeline = page.getByRole('list', { name: 'Linha do tempo' });
  await timeline.getByText(`OS #${order.number} aberta`).waitFor();

  await page.getByRole('group', { name: 'Registrar contato' }).getByRole('button', { name: 'WhatsApp' }).click();
  await page.getByLabel(/Resumo do contato/).fill('Avisado que a moto fica pronta amanhã');
  await page.getByRole('button', { name: 'Salvar contato' }).click();
  await page.getByTestId('toast').filter({ hasText: 'Contato registrado: WhatsApp.' }).waitFor();
  const first = timeline.getByTestId('timeline-entry').first();
  await first.getByText('Avisado que a moto fica pronta amanhã').waitFor();
  assert.equal(await first.getAttribute('data-kind'), 'interaction');
  assert.match(await first.innerText(), /WhatsApp · Feito pela oficina/);
  assert.equal(await timeline.getByTestId('timeline-entry').count(), 2);
  assert.equal(await timeline.getByTestId('timeline-entry').nth(1).getAttribute('data-kind'), 'order_status');
  await shot(page, 'cliente-linha-do-tempo');

  const interactions = await apiOk('GET', `/teamcrm/interactions?customer_id=${customer.id}`, {
    token: owner.token,
  });
  assert.equal(interactions.length, 1);
  assert.equal(interactions[0].channel, 'WHATSAPP');
  assert.equal(interactions[0].direction, 'OUT');
  assert.equal(interactions[0].summary, 'Avisado que a moto fica pronta amanhã');
  await page.context().close();
});

test("the commissions report shows a completed order's labor commission for its mechanic", async () => {
  const owner = await registerWorkshop(`Oficina ${unique('Com')}`);
  const staff = await apiOk('POST', '/teamcrm/staff', {
    token: owner.token,
    body: { name: 'Carla Comissão', labor_commission_percent: '10', parts_commission_percent: '5' },
  });
  const part = await seedPart(owner.token, { name: 'Filtro de ar', price: '89.90', stock: 3 });
  const { order } = await seedOrder(owner.token, { customerName: 'Diego Alves' });
  await apiOk('PATCH', `/management/os/${order.id}`, {
    token: owner.token,
    body: { assigned_staff_id: staff.id },
  });
  await apiOk('POST', `/management/os/${order.id}/items`, {
    token: owner.token,
    body: { item_type: 'labor', description: 'Revisão', quantity: 2, unit_price: '150.00' },
  });
  await apiOk('POST', `/management/os/${order.id}/items`, {
    token: owner.token,
    body: { item_type: 'part', part_id: part.id, quantity: 1 },
  });
  await apiOk('PATCH', `/management/os/${order.id}/status`, {
    token: owner.token,
    body: { status: 'COMPLETED' },
  });

  const page = await signedInPage(browser(), owner);
  await navigate(page, 'Comissões');
  await page.getByRole('heading', { name: 'Comissões' }).waitFor();
  // The period around today in UTC, as the server counts it.
  await page.getByLabel('De', { exact: true }).fill(utcDay(-1));
  await page.getByLabel('Até', { exact: true }).fill(utcDay(1));
  const section = page.getByRole('region', { name: 'Comissão de Carla Comissão' });
  await section.waitFor();
  assert.equal(await section.getByTestId('commission-labor').innerText(), 'R$ 30,00');
  // 5 % of R$ 89,90 is R$ 4,495: rounded half up to the cent.
  assert.equal(await section.getByTestId('commission-parts').innerText(), 'R$ 4,50');
  assert.equal(await section.getByTestId('commission-staff-total').innerText(), 'R$ 34,50');
  const line = section.getByTestId('commission-order');
  assert.equal(await line.count(), 1);
  await line.getByRole('link', { name: `#${order.number}` }).waitFor();
  assert.match(await line.innerText(), /Diego Alves/);
  assert.equal(await page.getByTestId('commission-total').innerText(), 'R$ 34,50');
  await shot(page, 'comissoes');

  // Printable: the period form and the menu stay off the paper, the heading goes on it.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('form', { name: 'Período' }).isVisible(), false);
  assert.equal(await page.getByRole('navigation', { name: 'Menu principal' }).isVisible(), false);
  await page.getByText(/Relatório de comissões · \d{2}\/\d{2}\/\d{4} a \d{2}\/\d{2}\/\d{4}/).waitFor();
  assert.equal(await section.isVisible(), true);
  await shot(page, 'comissoes-impressao');
  await page.context().close();
});

test('the owner unlocks a login that failed attempts locked', async () => {
  const owner = await registerWorkshop(`Oficina ${unique('Trava')}`);
  const locked = await createUser(owner.token, { name: 'Lia Travada', role: 'ATTENDANT' });
  // With the server's defaults, 5 wrong passwords in a row lock the login for a while.
  for (let i = 0; i < 5; i += 1) {
    const r = await apiCall('POST', '/auth/login', {
      body: { email: locked.email, password: 'senha-errada-1' },
    });
    assert.ok([401, 429].includes(r.status), `attempt ${i + 1}: ${r.status}`);
  }
  const before = (await apiOk('GET', '/users', { token: owner.token })).find(
    (u) => u.id === locked.user.id,
  );
  assert.equal(before.login_locked, true);

  const page = await signedInPage(browser(), owner);
  await navigate(page, 'Configurações');
  const row = page.getByTestId('user-row').filter({ hasText: 'Lia Travada' });
  await row.getByText('Login bloqueado').waitFor();
  await shot(page, 'usuario-bloqueado');
  await row.getByRole('button', { name: 'Desbloquear login de Lia Travada' }).click();
  await page.getByTestId('toast').filter({ hasText: 'Login de Lia Travada desbloqueado.' }).waitFor();
  await row.getByText('Login bloqueado').waitFor({ state: 'detached' });
  assert.equal(await row.getByRole('button', { name: /Desbloquear/ }).count(), 0);

  const after = (await apiOk('GET', '/users', { token: owner.token })).find(
    (u) => u.id === locked.user.id,
  );
  assert.equal(after.login_locked, false);
  const login = await apiCall('POST', '/auth/login', {
    body: { email: locked.email, password: locked.password },
  });
  assert.equal(login.status, 200);
  await page.context().close();
});
