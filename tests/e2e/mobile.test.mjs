// The OS flow on a phone (360×740): hamburger menu, new OS, items, completion; and every
// other screen fits the phone's width.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  apiOk,
  assertNoHorizontalScroll,
  checkScreens,
  confirmMove,
  randomOldPlate,
  todayInBrowser,
  navigate,
  newPage,
  randomPlate,
  registerWorkshop,
  seedOrder,
  seedPart,
  shot,
  signedInPage,
  unique,
  useBrowser,
} from './helpers.mjs';

const browser = useBrowser();

test('the OS flow works at 360 px', async () => {
  const owner = await registerWorkshop(`Oficina ${unique('Cel')}`);
  const part = await seedPart(owner.token, { name: `Corrente ${unique('')}`, price: '150.75', stock: 3 });
  const page = await signedInPage(browser(), owner, { phone: true });
  await page.getByRole('heading', { name: 'Painel' }).waitFor();
  assert.equal(await page.getByRole('navigation', { name: 'Menu principal' }).isVisible(), false);
  await assertNoHorizontalScroll(page, assert);
  await shot(page, 'celular-painel');

  await page.getByRole('button', { name: 'Abrir menu' }).click();
  await page.getByRole('dialog', { name: 'Menu' }).waitFor();
  await shot(page, 'celular-menu');
  await page.getByRole('dialog', { name: 'Menu' }).getByRole('link', { name: 'Ordens de serviço' }).click();
  await page.getByRole('heading', { name: 'Ordens de serviço' }).waitFor();
  await assertNoHorizontalScroll(page, assert);

  await page.getByRole('link', { name: 'Nova OS' }).click();
  await page.getByRole('button', { name: 'Novo cliente' }).click();
  const customerForm = page.getByRole('form', { name: 'Dados do cliente' });
  await customerForm.getByLabel('Nome', { exact: true }).fill('Bruna Lima');
  await customerForm.getByLabel('Telefone').fill('21999998888');
  await customerForm.getByRole('button', { name: 'Cadastrar e continuar' }).click();
  const motoForm = page.getByRole('form', { name: 'Dados da moto' });
  await motoForm.getByLabel('Placa').fill(randomPlate());
  await motoForm.getByLabel('Modelo').fill('Biz 125');
  await motoForm.getByRole('button', { name: 'Cadastrar e continuar' }).click();
  await page.getByLabel('Descrição do serviço').fill('Corrente fazendo barulho');
  await assertNoHorizontalScroll(page, assert);
  await shot(page, 'celular-nova-os');
  await page.getByRole('button', { name: 'Abrir OS' }).click();
  await page.getByRole('heading', { name: /OS #\d+/ }).waitFor();

  await page.getByRole('button', { name: 'Adicionar peça' }).click();
  const picker = page.getByRole('dialog', { name: 'Adicionar peça' });
  await picker.getByLabel('Buscar peça (nome ou código)').fill(part.name);
  await picker.getByRole('button', { name: new RegExp(part.name) }).click();
  await picker.getByRole('button', { name: 'Adicionar peça' }).click();
  await picker.waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: 'Adicionar mão de obra' }).click();
  const labor = page.getByRole('dialog', { name: 'Adicionar mão de obra' });
  await labor.getByLabel('Descrição do serviço').fill('Ajuste da corrente');
  await labor.getByLabel('Valor unitário (R$)').fill('49,25');
  await labor.getByRole('button', { name: 'Adicionar mão de obra' }).click();
  await labor.waitFor({ state: 'hidden' });
  await page.getByTestId('total-amount').filter({ hasText: 'R$ 200,00' }).waitFor();
  await assertNoHorizontalScroll(page, assert);
  await shot(page, 'celular-os-detalhe');

  await page.getByRole('button', { name: 'Concluir' }).click();
  await confirmMove(page, /Concluir a OS/, 'Concluir');
  await page.getByTestId('order-status').filter({ hasText: 'Concluída' }).waitFor();

  await navigate(page, 'Estoque');
  await page.getByTestId('part-row').filter({ hasText: part.name }).getByTestId('part-stock').filter({ hasText: /^2$/ }).waitFor();
  await shot(page, 'celular-estoque');
  await page.context().close();
});

test('every screen fits 360 px, with plates shown one way and readable placeholders', async () => {
  const owner = await registerWorkshop(`Oficina ${unique('Tela')}`);
  const plate = randomOldPlate();
  const shown = `${plate.slice(0, 3)}-${plate.slice(3)}`;
  const { customer, moto, order } = await seedOrder(owner.token, {
    customerName: 'Maria Aparecida dos Santos Oliveira Cavalcanti',
    plate,
    scheduledDate: todayInBrowser(),
  });
  // Orders in several columns of the board (its scroller once pushed the page to 933 px).
  for (const status of ['IN_PROGRESS', 'WAITING_PARTS', 'COMPLETED']) {
    const { order: other } = await seedOrder(owner.token, { customerName: `Cliente ${status}` });
    await apiOk('PATCH', `/management/os/${other.id}/status`, {
      token: owner.token,
      body: { status },
    });
  }
  const part = await seedPart(owner.token, { name: `Kit relação corrente coroa pinhão ${unique('')}` });
  // The team: a mechanic on the order, a long task of it, a contact, a completed order of his.
  const staff = await apiOk('POST', '/teamcrm/staff', {
    token: owner.token,
    body: { name: 'Carlos Eduardo Mendes da Silva', role: 'Mecânico chefe', labor_commission_percent: '10' },
  });
  await apiOk('PATCH', `/management/os/${order.id}`, {
    token: owner.token,
    body: { assigned_staff_id: staff.id },
  });
  const task = await apiOk('POST', '/teamcrm/tasks', {
    token: owner.token,
    body: {
      title: 'Confirmar com a cliente a troca do kit de embreagem completo',
      priority: 'URGENT',
      assigned_to_id: staff.id,
      related_order_id: order.id,
      due_date: todayInBrowser(),
    },
  });
  await apiOk('POST', '/teamcrm/interactions', {
    token: owner.token,
    body: { channel: 'WHATSAPP', customer_id: customer.id, summary: 'Orçamento enviado pelo WhatsApp' },
  });
  const { order: done } = await seedOrder(owner.token, { customerName: 'Cliente Comissão' });
  await apiOk('PATCH', `/management/os/${done.id}`, {
    token: owner.token,
    body: { assigned_staff_id: staff.id },
  });
  await apiOk('POST', `/management/os/${done.id}/items`, {
    token: owner.token,
    body: { item_type: 'labor', description: 'Revisão', quantity: 1, unit_price: '100.00' },
  });
  await apiOk('PATCH', `/management/os/${done.id}/status`, {
    token: owner.token,
    body: { status: 'COMPLETED' },
  });
  const utcDay = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const page = await signedInPage(browser(), owner, { phone: true });
  const card = () => page.getByTestId(`os-card-${order.number}`);
  const screens = [
    ['painel', '/', () => page.getByRole('list', { name: 'Agendadas para hoje' }).getByText(shown)],
    ['os-quadro', '/os', () => card().getByText(shown)],
    ['os-lista', '/os?view=list', () => page.getByRole('table', { name: 'Ordens de serviço' }).getByText(shown)],
    ['os-nova', '/os/nova', () => page.getByLabel(/Buscar cliente/)],
    ['os-nova-servico', `/os/nova?cliente=${customer.id}&moto=${moto.id}`, () => page.getByLabel('Km na entrada')],
    ['os', `/os/${order.id}`, () => page.getByRole('link', { name: shown })],
    ['clientes', '/clientes', () => page.getByRole('link', { name: customer.name })],
    ['cliente', `/clientes/${customer.id}`, () => page.getByRole('link', { name: shown })],
    ['motos', '/motos', () => page.getByRole('table', { name: 'Motos' }).getByRole('link', { name: shown })],
    ['moto', `/motos/${moto.id}`, () => page.getByRole('heading', { name: new RegExp(shown) })],
    ['estoque-lista', '/estoque', () => page.getByRole('link', { name: part.name })],
    ['peca', `/estoque/${part.id}`, () => page.getByTestId('movement-row').first()],
    ['configuracoes', '/configuracoes', () => page.getByTestId('user-row').first()],
    ['tarefas', '/tarefas', () => page.getByRole('article', { name: task.title })],
    ['tarefas-lista', '/tarefas?view=list', () => page.getByTestId('task-row').filter({ hasText: task.title })],
    ['tarefas-hoje', '/tarefas?view=list&filter=today', () => page.getByTestId('task-row').filter({ hasText: task.title })],
    ['equipe', '/equipe', () => page.getByTestId('staff-row').filter({ hasText: staff.name })],
    [
      'comissoes',
      `/comissoes?start=${utcDay(-1)}&end=${utcDay(1)}`,
      () => page.getByRole('region', { name: `Comissão de ${staff.name}` }),
    ],
    ['cliente-linha-do-tempo', `/clientes/${customer.id}`, () => page.getByText('Orçamento enviado pelo WhatsApp')],
    ['os-tarefas', `/os/${order.id}`, () => page.getByTestId('related-tasks').getByText(task.title)],
    ['nao-encontrada', '/nada-aqui', () => page.getByText('Página não encontrada')],
  ];
  await checkScreens(page, screens, assert, 'celular-tela-');
  // The order histories of the customer and the motorcycle are cards at this size: their
  // box does not scroll sideways either (the OS list keeps its wider table).
  for (const address of [`/clientes/${customer.id}`, `/motos/${moto.id}`]) {
    await page.goto(address);
    const row = page.getByTestId('order-row').first();
    await row.waitFor();
    const { scrollWidth, clientWidth } = await row.evaluate((tr) => {
      const box = tr.closest('table').parentElement;
      return { scrollWidth: box.scrollWidth, clientWidth: box.clientWidth };
    });
    assert.ok(scrollWidth <= clientWidth, `${address}: history scrolls, ${scrollWidth} > ${clientWidth}`);
  }
  await page.context().close();

  const guest = await newPage(browser(), { phone: true });
  for (const [name, address, heading] of [
    ['login', '/login', 'Entrar'],
    ['cadastro', '/cadastro', 'Criar conta da oficina'],
  ]) {
    await guest.goto(address);
    await guest.getByRole('heading', { name: heading }).waitFor();
    await assertNoHorizontalScroll(guest, assert);
    await shot(guest, `celular-tela-${name}`);
  }
  await guest.context().close();
});
