// When the server cannot be reached the screens say so and offer "Tentar novamente" (no
// endless spinner); leaving a form with unsaved changes asks first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  navigate,
  registerWorkshop,
  seedOrder,
  shot,
  signedInPage,
  unique,
  useBrowser,
} from './helpers.mjs';

const browser = useBrowser();

test('offline, a screen says the server cannot be reached and recovers on retry', async () => {
  const owner = await registerWorkshop(`Oficina ${unique('Off')}`);
  const first = await seedOrder(owner.token, { customerName: 'Primeira Cliente' });
  const second = await seedOrder(owner.token, { customerName: 'Segunda Cliente' });
  const page = await signedInPage(browser(), owner);

  // Load the customer screens once, so their code is in the browser.
  await page.goto(`/clientes/${first.customer.id}`);
  await page.getByRole('heading', { name: 'Primeira Cliente' }).waitFor();
  await navigate(page, 'Clientes');
  await page.getByRole('link', { name: 'Segunda Cliente' }).waitFor();

  await page.context().setOffline(true);
  await page.getByRole('link', { name: 'Segunda Cliente' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Sem conexão com o servidor.' });
  await alert.waitFor({ timeout: 5_000 });
  await shot(page, 'sem-conexao');

  await page.context().setOffline(false);
  await alert.getByRole('button', { name: 'Tentar novamente' }).click();
  await page.getByRole('heading', { name: 'Segunda Cliente' }).waitFor();
  assert.equal(second.customer.name, 'Segunda Cliente');
  await page.context().close();
});

test('leaving a form with unsaved changes asks first', async () => {
  const owner = await registerWorkshop(`Oficina ${unique('Sair')}`);
  const { customer, moto } = await seedOrder(owner.token, { customerName: 'Célia Mota' });
  const page = await signedInPage(browser(), owner);
  await page.goto(`/os/nova?cliente=${customer.id}&moto=${moto.id}`);
  await page.getByLabel('Descrição do serviço').fill('Revisão dos 10 mil');

  await navigate(page, 'Clientes');
  const ask = page.getByRole('dialog', { name: 'Sair sem salvar?' });
  await ask.waitFor();
  await shot(page, 'sair-sem-salvar');
  await ask.getByRole('button', { name: 'Continuar editando' }).click();
  assert.equal(await page.getByLabel('Descrição do serviço').inputValue(), 'Revisão dos 10 mil');

  // Closing the tab asks the browser's own question.
  const asked = new Promise((resolve) =>
    page.once('dialog', async (dialog) => {
      resolve(dialog.type());
      await dialog.accept();
    }),
  );
  const context = page.context();
  await page.close({ runBeforeUnload: true });
  assert.equal(await asked, 'beforeunload');
  await context.close();

  // Leaving on purpose goes without a word once confirmed.
  const again = await signedInPage(browser(), owner);
  await again.goto(`/os/nova?cliente=${customer.id}&moto=${moto.id}`);
  await again.getByLabel('Descrição do serviço').fill('Outra coisa');
  await navigate(again, 'Clientes');
  await again.getByRole('dialog', { name: 'Sair sem salvar?' }).getByRole('button', { name: 'Sair sem salvar' }).click();
  await again.getByRole('heading', { name: 'Clientes' }).waitFor();
  await again.context().close();
});
