// A MECHANIC (created by the owner through the API) sees only what the server offers: no stock
// editing, no cost price, only the moves of allowed_transitions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  apiCall,
  apiOk,
  createUser,
  navigate,
  pageToken,
  registerWorkshop,
  seedOrder,
  seedPart,
  shot,
  signedInPage,
  unique,
  useBrowser,
} from './helpers.mjs';

const browser = useBrowser();

test('a mechanic works items but cannot edit stock nor cancel', async () => {
  const owner = await registerWorkshop(`Oficina ${unique('Mec')}`);
  const part = await seedPart(owner.token, { name: 'Vela de ignição', price: '25.00', stock: 5 });
  const { order } = await seedOrder(owner.token, { customerName: 'Paula Souza' });
  const other = await seedOrder(owner.token, { customerName: 'Rui Prado' });
  const mechanic = await createUser(owner.token, { name: 'Zé Mecânico', role: 'MECHANIC' });

  const page = await signedInPage(browser(), mechanic);

  // Stock: read only.
  await navigate(page, 'Estoque');
  await page.getByRole('link', { name: part.name }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Nova peça' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: /Movimentar/ }).count(), 0);
  assert.equal(await page.getByRole('button', { name: /Editar/ }).count(), 0);
  assert.equal(await page.getByRole('columnheader', { name: 'Custo' }).count(), 0);
  await shot(page, 'estoque-mecanico');
  await page.getByRole('link', { name: part.name }).click();
  await page.getByTestId('part-detail-stock').waitFor();
  assert.equal(await page.getByRole('button', { name: /Movimentar|Editar|Desativar/ }).count(), 0);
  assert.equal(await page.getByText('Preço de custo').count(), 0);

  // No "Nova OS" for a mechanic; the board offers no cancel.
  await navigate(page, 'Ordens de serviço');
  const card = page.getByTestId(`os-card-${order.number}`);
  await card.waitFor();
  assert.equal(await page.getByRole('link', { name: 'Nova OS' }).count(), 0);
  // "Mover para…" offers exactly the server's allowed_transitions for a mechanic.
  const options = await card.getByLabel(`Mover OS #${order.number} para`).locator('option').allInnerTexts();
  assert.deepEqual(options, ['Mover para…', 'Em andamento', 'Aguardando peças', 'Concluída']);

  // "Cancelada" is no drop target for the mechanic's card: dropping there changes nothing.
  await card.dragTo(page.getByTestId('column-CANCELLED'));
  await page.getByTestId('column-OPEN').getByTestId(`os-card-${order.number}`).waitFor();
  assert.equal(await page.getByTestId('column-CANCELLED').getByTestId(`os-card-${order.number}`).count(), 0);
  // Dragging to "Aguardando peças" moves the card.
  await card.dragTo(page.getByTestId('column-WAITING_PARTS'));
  await page.getByTestId('column-WAITING_PARTS').getByTestId(`os-card-${order.number}`).waitFor();

  // The board is stale when someone else moved an order meanwhile: the server refuses the
  // move and its reason is shown.
  await apiOk('PATCH', `/management/os/${other.order.id}/status`, {
    token: owner.token,
    body: { status: 'CANCELLED' },
  });
  await page
    .getByTestId(`os-card-${other.order.number}`)
    .getByLabel(`Mover OS #${other.order.number} para`)
    .selectOption('IN_PROGRESS');
  const refusal = page.getByTestId('move-refused');
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /Movimentação recusada: .+/);
  await shot(page, 'os-quadro-recusa');

  // The order: items yes, cancel and discount no.
  await page.goto(`/os/${order.id}`);
  await page.getByRole('heading', { name: `OS #${order.number}` }).waitFor();
  await page.getByRole('button', { name: 'Adicionar peça' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Cancelar OS' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Editar desconto' }).count(), 0);
  await page.getByRole('button', { name: 'Iniciar serviço' }).click();
  await page.getByTestId('order-status').filter({ hasText: 'Em andamento' }).waitFor();
  // The history names who moved the order.
  await page
    .getByRole('list', { name: 'Histórico' })
    .getByRole('listitem')
    .filter({ hasText: 'Em andamento' })
    .getByText('Zé Mecânico')
    .waitFor();
  await shot(page, 'os-detalhe-mecanico');

  // Users management is the owner's only.
  await navigate(page, 'Configurações');
  await page.getByRole('heading', { name: 'Minha conta' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Usuários e papéis' }).count(), 0);

  // And the server agrees: a mechanic's cancel is refused.
  const token = await pageToken(page);
  const refused = await apiCall('PATCH', `/management/os/${order.id}/status`, {
    token,
    body: { status: 'CANCELLED' },
  });
  assert.equal(refused.status, 403);
  const movement = await apiCall('POST', `/management/parts/${part.id}/stock-movement`, {
    token,
    body: { movement_type: 'in', quantity: 1, reason: 'teste' },
  });
  assert.equal(movement.status, 403);
  await page.context().close();
});

test('a mechanic adds a labor line of 1,5 h without a price; the front desk prices it', async () => {
  const owner = await registerWorkshop(`Oficina ${unique('MecMo')}`);
  const { order } = await seedOrder(owner.token, { customerName: 'Lara Dias' });
  const mechanic = await createUser(owner.token, { name: 'Tico Mecânico', role: 'MECHANIC' });
  const page = await signedInPage(browser(), mechanic);
  await page.goto(`/os/${order.id}`);
  await page.getByRole('button', { name: 'Adicionar mão de obra' }).click();
  const dialog = page.getByRole('dialog', { name: 'Adicionar mão de obra' });
  assert.equal(await dialog.getByLabel('Valor unitário (R$)').count(), 0);
  await dialog.getByText('O valor é definido pela recepção.', { exact: false }).waitFor();
  await dialog.getByLabel('Descrição do serviço').fill('Regulagem da corrente');
  await dialog.getByLabel('Quantidade').fill('1,5');
  await dialog.getByRole('button', { name: 'Adicionar mão de obra' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const item = page.getByTestId('order-item').filter({ hasText: 'Regulagem da corrente' });
  await item.waitFor();
  assert.match(await item.innerText(), /1,5/);
  await page.getByTestId('total-labor').filter({ hasText: 'R$ 0,00' }).waitFor();
  await shot(page, 'os-mao-de-obra-mecanico');

  const saved = await apiOk('GET', `/management/os/${order.id}`, { token: owner.token });
  const labor = saved.items.find((i) => i.description === 'Regulagem da corrente');
  assert.equal(labor.item_type, 'labor');
  assert.equal(labor.quantity, 1.5);
  assert.equal(Number(labor.unit_price), 0);
  await page.context().close();

  // The owner prices it afterwards: 1,5 h × R$ 80,00.
  const ownerPage = await signedInPage(browser(), owner);
  await ownerPage.goto(`/os/${order.id}`);
  await ownerPage.getByRole('button', { name: 'Editar Regulagem da corrente' }).click();
  const edit = ownerPage.getByRole('dialog', { name: 'Editar item' });
  await edit.getByLabel('Valor unitário (R$)').fill('80,00');
  await edit.getByRole('button', { name: 'Salvar item' }).click();
  await edit.waitFor({ state: 'hidden' });
  await ownerPage.getByTestId('total-labor').filter({ hasText: 'R$ 120,00' }).waitFor();
  // The price change is on the order's record.
  await ownerPage
    .getByTestId('history-change')
    .filter({ hasText: 'Preço de “Regulagem da corrente”: R$ 0,00 → R$ 80,00' })
    .waitFor();
  await ownerPage.context().close();
});
