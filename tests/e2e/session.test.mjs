// Losing the session loses no work: the login screen says why, the user comes back to the
// page they were on, and the half-typed form is still there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  apiOk,
  pageToken,
  registerWorkshop,
  seedOrder,
  shot,
  signedInPage,
  unique,
  useBrowser,
} from './helpers.mjs';

const browser = useBrowser();

test('an expired session returns to the same half-typed new OS after signing in', async () => {
  const owner = await registerWorkshop(`Oficina ${unique('Sessao')}`);
  const { customer, moto } = await seedOrder(owner.token, { customerName: 'Otávio Reis' });
  const page = await signedInPage(browser(), owner);
  const address = `/os/nova?cliente=${customer.id}&moto=${moto.id}`;
  await page.goto(address);
  await page.getByTestId('picked-customer').filter({ hasText: 'Otávio Reis' }).waitFor();
  await page.getByLabel('Descrição do serviço').fill('Barulho na suspensão dianteira');

  // Every session of the user ends elsewhere (as when the refresh token dies).
  await apiOk('POST', '/auth/logout_all', { token: await pageToken(page) });
  await page.getByRole('button', { name: 'Abrir OS' }).click();

  await page.getByRole('heading', { name: 'Entrar' }).waitFor();
  await page.getByText('Sua sessão expirou. Entre novamente.').waitFor();
  await shot(page, 'sessao-expirada');
  await page.getByLabel('E-mail').fill(owner.email);
  await page.getByLabel('Senha').fill(owner.password);
  await page.getByRole('button', { name: 'Entrar' }).click();

  await page.waitForURL((url) => `${url.pathname}${url.search}` === address);
  const description = page.getByLabel('Descrição do serviço');
  await description.waitFor();
  assert.equal(await description.inputValue(), 'Barulho na suspensão dianteira');
  await page.getByRole('button', { name: 'Abrir OS' }).click();
  await page.getByRole('heading', { name: /OS #\d+/ }).waitFor();

  // Saved: the draft is gone, a new OS starts empty.
  await page.goto(address);
  await page.getByLabel('Descrição do serviço').waitFor();
  assert.equal(await page.getByLabel('Descrição do serviço').inputValue(), '');
  await page.context().close();
});
