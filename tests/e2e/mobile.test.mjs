// The OS flow on a phone (360×740): hamburger menu, new OS, items, completion.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertNoHorizontalScroll,
  launch,
  login,
  navigate,
  newPage,
  randomPlate,
  registerWorkshop,
  seedPart,
  shot,
  unique,
} from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the OS flow works at 360 px', async () => {
  const owner = await registerWorkshop(`Oficina ${unique('Cel')}`);
  const part = await seedPart(owner.token, { name: `Corrente ${unique('')}`, price: '150.75', stock: 3 });
  const page = await newPage(browser, { phone: true });
  await login(page, owner.email, owner.password);
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
  await page.getByTestId('order-status').filter({ hasText: 'Concluída' }).waitFor();

  await navigate(page, 'Estoque');
  await page.getByTestId('part-row').filter({ hasText: part.name }).getByTestId('part-stock').filter({ hasText: /^2$/ }).waitFor();
  await shot(page, 'celular-estoque');
  await page.context().close();
});
