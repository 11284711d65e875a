// An ATTENDANT (front desk) opens orders and customers but sees no cost price, no stock
// editing and no cancel: what the server's `can` and `allowed_transitions` say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
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

test('an attendant sees no cost price and no cancel', async () => {
  const owner = await registerWorkshop(`Oficina ${unique('Atd')}`);
  const part = await seedPart(owner.token, { name: `Filtro de ar ${unique('')}`, price: '39.90' });
  const { order } = await seedOrder(owner.token, { customerName: 'Lia Campos' });
  const attendant = await createUser(owner.token, { name: 'Bia Balcão', role: 'ATTENDANT' });
  const page = await signedInPage(browser(), attendant);

  await navigate(page, 'Estoque');
  await page.getByRole('link', { name: part.name }).waitFor();
  assert.equal(await page.getByRole('columnheader', { name: 'Custo' }).count(), 0);
  assert.equal(await page.getByText('R$ 50,00').count(), 0, 'the cost price (50,00) is not shown');
  assert.equal(await page.getByRole('button', { name: 'Nova peça' }).count(), 0);
  await page.getByRole('link', { name: part.name }).click();
  await page.getByTestId('part-detail-stock').waitFor();
  assert.equal(await page.getByText('Preço de custo').count(), 0);
  await shot(page, 'peca-atendente');

  await navigate(page, 'Clientes');
  await page.getByRole('button', { name: 'Novo cliente' }).waitFor();
  await navigate(page, 'Ordens de serviço');
  await page.getByRole('link', { name: 'Nova OS' }).waitFor();

  await page.goto(`/os/${order.id}`);
  await page.getByRole('heading', { name: `OS #${order.number}` }).waitFor();
  const moves = await page.getByLabel('Mudar situação').getByRole('button').allInnerTexts();
  assert.deepEqual(moves, ['Iniciar serviço', 'Aguardar peças', 'Concluir']);
  await page.getByRole('button', { name: 'Editar desconto' }).waitFor();
  await page.context().close();
});
