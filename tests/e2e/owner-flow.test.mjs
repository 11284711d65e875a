// Sign up → part with stock → new OS for a new customer and motorcycle → part and labor
// items → totals → COMPLETED → stock went down. Screenshots of the main screens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  confirmMove,
  navigate,
  newPage,
  randomPlate,
  shot,
  todayInBrowser,
  unique,
  useBrowser,
} from './helpers.mjs';

const browser = useBrowser();

test('a workshop runs an order from sign-up to completion', async () => {
  const page = await newPage(browser());
  const tenantName = `Oficina ${unique('E2E')}`;
  const email = `${unique('owner')}@teste.motogestor.com`;
  const sku = unique('OLEO-');
  const partName = `Óleo 10W30 ${sku}`;
  const plate = randomPlate();
  // Every create the app sends carries an Idempotency-Key, a different one each.
  const creates = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && /\/api\/(management|users)\b/.test(request.url())) {
      creates.push({ url: request.url(), key: request.headers()['idempotency-key'] });
    }
  });

  // Login screen, then sign-up.
  await page.goto('/login');
  await page.getByRole('heading', { name: 'Entrar' }).waitFor();
  await shot(page, 'login');
  await page.getByRole('link', { name: 'Criar conta da oficina' }).click();
  await page.getByRole('heading', { name: 'Criar conta da oficina' }).waitFor();
  await page.getByRole('button', { name: 'Criar conta' }).click();
  await page.getByText('A senha precisa ter pelo menos 8 caracteres.').waitFor();
  await shot(page, 'cadastro');
  await page.getByLabel('Nome da oficina').fill(tenantName);
  await page.getByLabel('Seu nome').fill('Rita Proprietária');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Senha').fill('senha-forte-123');
  await page.getByRole('button', { name: 'Criar conta' }).click();
  await page.getByTestId('tenant-name').filter({ hasText: tenantName }).waitFor();
  assert.match(await page.getByTestId('tenant-plan').innerText(), /Básico/);
  await page.getByRole('heading', { name: 'Painel' }).waitFor();
  await page.getByTestId('count-OPEN').filter({ hasText: '0' }).waitFor();
  await shot(page, 'painel');

  // A part with 10 in stock.
  await navigate(page, 'Estoque');
  await page.getByRole('heading', { name: 'Estoque' }).waitFor();
  await page.getByRole('button', { name: 'Nova peça' }).click();
  const partDialog = page.getByRole('dialog', { name: 'Nova peça' });
  await partDialog.getByLabel('Código (SKU)').fill(sku);
  await partDialog.getByLabel('Nome').fill(partName);
  await partDialog.getByLabel('Preço de venda (R$)').fill('45,90');
  await partDialog.getByLabel('Preço de custo (R$)').fill('30,00');
  await partDialog.getByLabel('Estoque mínimo').fill('2');
  await partDialog.getByLabel('Estoque inicial').fill('10');
  await partDialog.getByRole('button', { name: 'Cadastrar peça' }).click();
  await partDialog.waitFor({ state: 'hidden' });
  const partRow = page.getByTestId('part-row').filter({ hasText: partName });
  await partRow.getByTestId('part-stock').filter({ hasText: /^10$/ }).waitFor();
  assert.match(await partRow.innerText(), /R\$ 45,90/);
  await shot(page, 'estoque');

  // New OS: new customer, new motorcycle, description and km.
  await navigate(page, 'Ordens de serviço');
  await page.getByRole('link', { name: 'Nova OS' }).click();
  await page.getByRole('heading', { name: 'Nova OS' }).waitFor();
  await page.getByLabel(/Buscar cliente/).fill('Carlos');
  await page.getByText('Nenhum cliente encontrado.').waitFor();
  await page.getByRole('button', { name: 'Novo cliente' }).click();
  const customerForm = page.getByRole('form', { name: 'Dados do cliente' });
  assert.equal(await customerForm.getByLabel('Nome', { exact: true }).inputValue(), 'Carlos');
  await customerForm.getByLabel('Nome', { exact: true }).fill('Carlos Pereira');
  await customerForm.getByLabel('Telefone').fill('11987654321');
  assert.equal(await customerForm.getByLabel('Telefone').inputValue(), '(11) 98765-4321');
  await customerForm.getByLabel('CPF/CNPJ').fill('52998224724');
  await customerForm.getByRole('button', { name: 'Cadastrar e continuar' }).click();
  await customerForm.getByText(/CPF\/CNPJ inválido/).waitFor();
  await customerForm.getByLabel('CPF/CNPJ').fill('52998224725');
  await customerForm.getByRole('button', { name: 'Cadastrar e continuar' }).click();
  await page.getByTestId('picked-customer').filter({ hasText: 'Carlos Pereira' }).waitFor();
  const motoForm = page.getByRole('form', { name: 'Dados da moto' });
  await motoForm.getByLabel('Placa').fill(plate);
  await motoForm.getByLabel('Marca').fill('Honda');
  await motoForm.getByLabel('Modelo').fill('CG 160 Fan');
  await motoForm.getByLabel('Ano').fill('2021');
  await motoForm.getByLabel('Km atual').fill('23450');
  await motoForm.getByRole('button', { name: 'Cadastrar e continuar' }).click();
  await page.getByTestId('picked-moto').waitFor();
  // The km typed for the new motorcycle is already the order's "Km na entrada".
  await page.getByLabel('Descrição do serviço').fill('Troca de óleo e revisão dos freios');
  assert.equal(await page.getByLabel('Km na entrada').inputValue(), '23450');
  await page.getByLabel('Agendada para').fill(todayInBrowser());
  await shot(page, 'nova-os');
  await page.getByRole('button', { name: 'Abrir OS' }).click();
  await page.getByRole('heading', { name: 'OS #1' }).waitFor();
  await page.getByTestId('order-status').filter({ hasText: 'Aberta' }).waitFor();

  // Items: 2 × part, 1 × labor.
  await page.getByRole('button', { name: 'Adicionar peça' }).click();
  const picker = page.getByRole('dialog', { name: 'Adicionar peça' });
  await picker.getByLabel('Buscar peça (nome ou código)').fill(sku);
  const partButton = picker.getByRole('button', { name: new RegExp(sku) });
  await partButton.waitFor();
  assert.match(await partButton.innerText(), /Estoque: 10/);
  assert.match(await partButton.innerText(), /R\$ 45,90/);
  await partButton.click();
  await picker.getByLabel('Quantidade').fill('2');
  await picker.getByRole('button', { name: 'Adicionar peça' }).click();
  await picker.waitFor({ state: 'hidden' });
  await page.getByTestId('order-item').filter({ hasText: partName }).waitFor();

  await page.getByRole('button', { name: 'Adicionar mão de obra' }).click();
  const labor = page.getByRole('dialog', { name: 'Adicionar mão de obra' });
  await labor.getByLabel('Descrição do serviço').fill('Mão de obra da revisão');
  await labor.getByLabel('Valor unitário (R$)').fill('120,00');
  await labor.getByRole('button', { name: 'Adicionar mão de obra' }).click();
  await labor.waitFor({ state: 'hidden' });
  await page.getByTestId('order-item').filter({ hasText: 'Mão de obra da revisão' }).waitFor();

  await page.getByTestId('total-parts').filter({ hasText: 'R$ 91,80' }).waitFor();
  await page.getByTestId('total-labor').filter({ hasText: 'R$ 120,00' }).waitFor();
  await page.getByTestId('total-amount').filter({ hasText: 'R$ 211,80' }).waitFor();
  await shot(page, 'os-detalhe');

  // The print view for the customer.
  await page.emulateMedia({ media: 'print' });
  const printView = page.getByTestId('print-view');
  await printView.waitFor({ state: 'visible' });
  const printed = await printView.innerText();
  assert.match(printed, new RegExp(tenantName));
  assert.match(printed, /OS #1/);
  assert.match(printed, /R\$ 211,80/);
  assert.match(printed, /Assinatura do cliente/);
  assert.match(printed, /Km: 23\.450/);
  await shot(page, 'os-impressao');
  await page.emulateMedia({ media: 'screen' });

  // Complete it (after confirming).
  await page.getByRole('button', { name: 'Concluir' }).click();
  await confirmMove(page, 'Concluir a OS #1?', 'Concluir');
  await page.getByTestId('order-status').filter({ hasText: 'Concluída' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Adicionar peça' }).count(), 0);

  // The board shows it as completed; the list finds it.
  await navigate(page, 'Ordens de serviço');
  await page.getByTestId('column-COMPLETED').getByTestId('os-card-1').waitFor();
  await shot(page, 'os-quadro');
  await page.getByRole('tab', { name: 'Lista' }).click();
  await page.getByLabel('Buscar').fill('Carlos');
  await page.getByRole('table', { name: 'Ordens de serviço' }).getByText('Carlos Pereira').waitFor();
  await shot(page, 'os-lista');

  // Stock went down by 2.
  await navigate(page, 'Estoque');
  await page.getByTestId('part-row').filter({ hasText: partName }).getByTestId('part-stock').filter({ hasText: /^8$/ }).waitFor();
  await page.getByRole('link', { name: partName }).click();
  await page.getByTestId('part-detail-stock').filter({ hasText: /^8$/ }).waitFor();
  // Two movements: the initial stock (in) and the order's item (out).
  await page.getByTestId('movement-row').nth(1).waitFor();
  assert.equal(await page.getByTestId('movement-row').count(), 2);
  await shot(page, 'peca-detalhe');

  // Customer, motorcycle and their history.
  await navigate(page, 'Clientes');
  await page.getByRole('link', { name: 'Carlos Pereira' }).waitFor();
  await shot(page, 'clientes');
  await page.getByRole('link', { name: 'Carlos Pereira' }).click();
  await page.getByRole('heading', { name: 'Carlos Pereira' }).waitFor();
  await page.getByText('529.982.247-25').waitFor();
  await page.getByRole('table', { name: 'Ordens de serviço do cliente' }).getByText('#1').waitFor();
  await shot(page, 'cliente-detalhe');

  await navigate(page, 'Motos');
  await page.getByRole('table', { name: 'Motos' }).getByRole('link').first().waitFor();
  await shot(page, 'motos');
  await page.getByRole('table', { name: 'Motos' }).getByRole('link').first().click();
  await page.getByRole('table', { name: 'Histórico de serviços' }).getByText('#1').waitFor();
  await shot(page, 'moto-detalhe');

  // Dashboard counts follow; the order scheduled for today is listed.
  await navigate(page, 'Painel');
  await page.getByTestId('count-COMPLETED').filter({ hasText: '1' }).waitFor();
  await page.getByRole('list', { name: 'Agendadas para hoje' }).getByRole('link', { name: 'OS #1' }).waitFor();
  // The completed order's receivable, open for its whole total.
  await page.getByTestId('summary-receivables').filter({ hasText: 'R$ 211,80' }).waitFor();

  // part, order, two items: each POST with its own key.
  assert.ok(creates.length >= 5, JSON.stringify(creates));
  for (const c of creates) assert.match(c.key ?? '', /^[0-9a-f-]{36}$/, c.url);
  assert.equal(new Set(creates.map((c) => c.key)).size, creates.length);

  await navigate(page, 'Configurações');
  await page.getByRole('heading', { name: 'Usuários e papéis' }).waitFor();
  await page.getByRole('heading', { name: 'Aparência' }).waitFor();
  // Theme choice (PATCH /api/tenant/theme) survives a reload.
  const radios = page.getByRole('radiogroup', { name: 'Tema' }).getByRole('radio');
  await radios.first().waitFor();
  assert.ok((await radios.count()) >= 2, 'the BASIC plan offers at least two themes');
  await radios.nth(1).click();
  await page.getByRole('radiogroup', { name: 'Tema' }).locator('[role=radio][aria-checked=true]').nth(0).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[role=radio]')[1]?.getAttribute('aria-checked') === 'true');
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('[role=radio]')[1]?.getAttribute('aria-checked') === 'true');
  await shot(page, 'configuracoes');

  // Sign out.
  await page.getByRole('button', { name: 'Rita Proprietária' }).click();
  await page.getByRole('menuitem', { name: 'Sair' }).click();
  await page.getByRole('heading', { name: 'Entrar' }).waitFor();
  await page.context().close();
});
