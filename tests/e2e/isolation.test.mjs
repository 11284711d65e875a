// A second workshop sees none of the first's data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  apiCall,
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

test('workshops do not see each other', async () => {
  const a = await registerWorkshop(`Oficina A ${unique('')}`);
  const secret = `Cliente Secreto ${unique('')}`;
  const { customer, moto, order } = await seedOrder(a.token, { customerName: secret });
  const part = await seedPart(a.token, { name: `Peça Secreta ${unique('')}` });
  const b = await registerWorkshop(`Oficina B ${unique('')}`);

  const page = await signedInPage(browser(), b);

  await navigate(page, 'Clientes');
  await page.getByText('Nenhum cliente cadastrado.').waitFor();
  await page.getByLabel('Buscar cliente').fill('Secreto');
  await page.getByText('Nenhum cliente encontrado.').waitFor();
  await shot(page, 'isolamento-clientes');

  await navigate(page, 'Estoque');
  await page.getByText('Nenhuma peça cadastrada.').waitFor();
  await navigate(page, 'Motos');
  await page.getByText('Nenhuma moto cadastrada.').waitFor();
  await navigate(page, 'Ordens de serviço');
  await page.getByTestId('column-OPEN').getByText('Nenhuma ordem.').waitFor();
  assert.equal(await page.getByTestId(`os-card-${order.number}`).count(), 0);

  // Direct addresses of A's rows are "not found" for B.
  await page.goto(`/clientes/${customer.id}`);
  await page.getByText('Cliente não encontrado.').waitFor();
  await page.goto(`/os/${order.id}`);
  await page.getByText('OS não encontrada.').waitFor();
  await page.goto(`/motos/${moto.id}`);
  await page.getByText('Moto não encontrada.').waitFor();
  await page.goto(`/estoque/${part.id}`);
  await page.getByText('Peça não encontrada.').waitFor();

  // Same through the API.
  const bToken = await pageToken(page);
  for (const p of [`/management/customers/${customer.id}`, `/management/os/${order.id}`, `/management/parts/${part.id}`]) {
    assert.equal((await apiCall('GET', p, { token: bToken })).status, 404, p);
  }
  const list = await apiCall('GET', '/management/customers?q=Secreto', { token: bToken });
  assert.deepEqual(list.data, []);
  assert.equal(list.headers.get('x-total-count'), '0');
  await page.context().close();
});
