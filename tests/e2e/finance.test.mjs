// The finance screens against the real server: the cash register opened, an order completed
// with a split payment (PIX + dinheiro) in the "Concluir" flow, the money found in Fluxo de
// caixa and in Caixa do dia, the register closed one real short (−R$ 1,00); PIX set up and a
// receivable in installments with its QR and a partial payment; every finance screen at 360 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  apiCall,
  apiOk,
  assertNoHorizontalScroll,
  checkScreens,
  createUser,
  navigate,
  registerWorkshop,
  seedOrder,
  shot,
  signedInPage,
  unique,
  useBrowser,
} from './helpers.mjs';

const browser = useBrowser();
const MINUS = '\u2212';

/** An order of `amount` (one labor line) through the API; returns the order. */
async function orderOf(token, amount, customerName) {
  const { order } = await seedOrder(token, { customerName });
  await apiOk('POST', `/management/os/${order.id}/items`, {
    token,
    body: {
      item_type: 'labor',
      description: 'Revisão completa',
      quantity: 1,
      unit_price: amount,
    },
  });
  return order;
}

test('an owner completes an order taking PIX + dinheiro, then finds it in the cash flow and the register', async () => {
  const owner = await registerWorkshop(`Oficina ${unique('Caixa')}`);
  const order = await orderOf(owner.token, '200.00', 'Renata Alves');
  const page = await signedInPage(browser(), owner);

  // The day's register, opened with R$ 100,00 of change.
  await navigate(page, 'Caixa do dia');
  await page.getByRole('heading', { name: 'Caixa do dia', exact: true }).waitFor();
  await page.getByText('Nenhum caixa aberto.').waitFor();
  await page.getByLabel('Saldo inicial (troco) (R$)').fill('100,00');
  await page.getByRole('button', { name: 'Abrir caixa' }).click();
  await page.getByTestId('register-status').filter({ hasText: 'Aberto' }).waitFor();
  await page.getByTestId('register-expected-now').filter({ hasText: 'R$ 100,00' }).waitFor();

  // "Concluir" takes the payment in the same flow: R$ 120,00 by PIX, the rest in cash.
  await page.goto(`/os/${order.id}`);
  await page.getByTestId('order-no-receivable').waitFor();
  await page.getByRole('button', { name: 'Concluir' }).click();
  const dialog = page.getByRole('dialog', {
    name: `Concluir a OS #${order.number}?`,
  });
  await dialog.getByLabel(/Receber o pagamento agora/).check();
  assert.equal(await dialog.getByLabel('Valor (R$)').inputValue(), '200,00');
  await dialog.getByLabel('Valor (R$)').fill('120,00');
  await dialog
    .getByTestId('payment-remaining')
    .filter({ hasText: 'Fica em aberto: R$ 80,00' })
    .waitFor();
  await dialog.getByRole('button', { name: 'Dividir em outra forma' }).click();
  assert.equal(await dialog.getByLabel('Pagamento 1: Forma de pagamento').inputValue(), 'PIX');
  assert.equal(await dialog.getByLabel('Pagamento 2: Forma de pagamento').inputValue(), 'DINHEIRO');
  assert.equal(await dialog.getByLabel('Pagamento 2: Valor (R$)').inputValue(), '80,00');
  await dialog.getByTestId('payment-remaining').filter({ hasText: 'Quitada.' }).waitFor();
  await shot(page, 'financeiro-concluir-e-receber');
  await dialog.getByRole('button', { name: 'Concluir e receber' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByTestId('order-status').filter({ hasText: 'Concluída' }).waitFor();
  const receivable = page.getByTestId('order-receivable');
  await receivable.getByText('Paga', { exact: true }).waitFor();
  await receivable.getByTestId('account-open').filter({ hasText: 'R$ 0,00' }).waitFor();
  await receivable.getByTestId('account-settled').filter({ hasText: 'R$ 200,00' }).waitFor();
  assert.equal(await receivable.getByTestId('payment-row').count(), 2);
  await shot(page, 'financeiro-os-paga');

  // Fluxo de caixa: the R$ 200,00 came in today, in the chart's table and its totals.
  await navigate(page, 'Fluxo de caixa');
  await page.getByRole('heading', { name: 'Fluxo de caixa', exact: true }).waitFor();
  await page.getByTestId('cashflow-in').filter({ hasText: 'R$ 200,00' }).waitFor();
  await page.getByTestId('cashflow-net').filter({ hasText: '+R$ 200,00' }).waitFor();
  const day = page.getByTestId('cashflow-day');
  assert.equal(await day.count(), 1);
  assert.match(await day.innerText(), /R\$ 200,00/);
  await page
    .getByRole('table', { name: 'Entradas por forma de pagamento' })
    .getByTestId('method-PIX')
    .filter({ hasText: 'R$ 120,00' })
    .waitFor();
  await page.locator('.recharts-surface').first().waitFor();
  await page.locator('.recharts-legend-item-text', { hasText: 'Saídas' }).waitFor();
  await shot(page, 'financeiro-fluxo');

  // Caixa do dia: the cash (R$ 80,00) is in the drawer, the PIX is not.
  await navigate(page, 'Caixa do dia');
  await page.getByTestId('register-cash-in').filter({ hasText: 'R$ 80,00' }).waitFor();
  await page.getByTestId('register-expected-now').filter({ hasText: 'R$ 180,00' }).waitFor();
  await page
    .getByRole('table', { name: 'Recebido por forma de pagamento' })
    .getByTestId('method-PIX')
    .filter({ hasText: 'R$ 120,00' })
    .waitFor();
  await page
    .getByRole('table', { name: 'Recebido por forma de pagamento' })
    .getByTestId('method-DINHEIRO')
    .filter({ hasText: 'R$ 80,00' })
    .waitFor();
  await page.getByTestId('register-payment').nth(1).waitFor();
  assert.equal(await page.getByTestId('register-payment').count(), 2);
  await shot(page, 'financeiro-caixa-aberto');

  // Closed with one real less than expected: the difference says so; the day is read-only.
  await page.getByRole('button', { name: 'Fechar caixa' }).click();
  const closing = page.getByRole('dialog', { name: 'Fechar o caixa' });
  await closing.getByLabel('Dinheiro contado (R$)').fill('179,00');
  await closing.getByRole('button', { name: 'Fechar caixa' }).click();
  await closing.waitFor({ state: 'hidden' });
  await page.getByTestId('register-status').filter({ hasText: 'Fechado' }).waitFor();
  assert.equal(await page.getByTestId('register-expected').innerText(), 'R$ 180,00');
  assert.equal(await page.getByTestId('register-counted').innerText(), 'R$ 179,00');
  assert.equal(await page.getByTestId('register-difference').innerText(), `${MINUS}R$ 1,00`);
  await page.getByText('Diferença (falta)').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Sangria' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Fechar caixa' }).count(), 0);
  await shot(page, 'financeiro-caixa-fechado');

  // The dashboard: today's revenue.
  await navigate(page, 'Painel');
  await page.getByTestId('revenue-today').filter({ hasText: 'R$ 200,00' }).waitFor();
  await page.getByTestId('revenue-today').filter({ hasText: '2 pagamentos' }).waitFor();
  await page.context().close();
});

test('PIX set up, a receivable in two installments shows its QR and takes a partial payment', async () => {
  const owner = await registerWorkshop(`Oficina ${unique('Pix')}`);
  const page = await signedInPage(browser(), owner);

  await navigate(page, 'Configurações');
  const pix = page.getByRole('form', { name: 'PIX da oficina' });
  await pix.getByLabel('Chave PIX').fill('11.222.333/0001-81');
  await pix.getByLabel('Nome do recebedor').fill('Oficina Teste');
  await pix.getByLabel('Cidade').fill('São Paulo');
  await pix.getByRole('button', { name: 'Salvar PIX' }).click();
  await pix.getByText('PIX pronto').waitFor();

  await navigate(page, 'Contas a receber');
  await page.getByRole('button', { name: 'Nova conta' }).click();
  const form = page.getByRole('dialog', { name: 'Nova conta a receber' });
  await form.getByLabel('Cliente').fill('Marcos Lima');
  await form.getByLabel('Valor total (R$)').fill('50,01');
  await form.getByLabel('Parcelas').fill('2');
  await form.getByLabel('Intervalo entre parcelas (dias)').fill('15');
  await form.getByRole('button', { name: 'Criar conta' }).click();
  await form.waitFor({ state: 'hidden' });
  await page.getByRole('heading', { name: 'Marcos Lima' }).waitFor();
  // The odd cent goes on the first installment.
  await page.getByTestId('account-amount').filter({ hasText: 'R$ 25,01' }).waitFor();
  await page.getByText('1/2').waitFor();
  const panel = page.getByTestId('pix-panel');
  await panel.getByTestId('pix-qr').waitFor();
  const code = await panel.getByTestId('pix-brcode').inputValue();
  assert.match(code, /^000201/);
  assert.match(code, /540525\.01/);
  await shot(page, 'financeiro-receber-pix');

  await page.getByRole('button', { name: 'Receber' }).click();
  const pay = page.getByRole('dialog', { name: 'Receber pagamento' });
  assert.equal(await pay.getByLabel('Valor (R$)').inputValue(), '25,01');
  await pay.getByLabel('Valor (R$)').fill('30,00');
  await pay.getByRole('button', { name: 'Registrar recebimento' }).click();
  // More than is open: the server's message next to the amount.
  await pay.getByRole('alert').first().waitFor();
  await pay.getByLabel('Forma de pagamento').selectOption('DINHEIRO');
  await pay.getByLabel('Valor (R$)').fill('10,00');
  await pay.getByRole('button', { name: 'Registrar recebimento' }).click();
  await pay.waitFor({ state: 'hidden' });
  await page.getByTestId('account-status').filter({ hasText: 'Parcial' }).waitFor();
  await page.getByTestId('account-open').filter({ hasText: 'R$ 15,01' }).waitFor();
  // The QR now asks for what is still open.
  await page.waitForFunction(() =>
    /5405(15\.01)/.test(document.querySelector('[data-testid="pix-brcode"]')?.value ?? ''),
  );
  assert.equal(await page.getByRole('button', { name: 'Cancelar conta' }).count(), 0);

  // The list: both installments open, the second due later.
  await navigate(page, 'Contas a receber');
  await page.getByLabel('Cliente').fill('marcos');
  await page.getByTestId('account-row').nth(1).waitFor();
  assert.equal(await page.getByTestId('account-row').count(), 2);
  await page.context().close();
});

test('the finance screens fit 360 px', async () => {
  const owner = await registerWorkshop(`Oficina ${unique('FinCel')}`);
  const order = await orderOf(
    owner.token,
    '1234.56',
    'Maria Aparecida dos Santos Oliveira Cavalcanti',
  );
  await apiOk('PATCH', `/management/os/${order.id}/status`, {
    token: owner.token,
    body: { status: 'COMPLETED' },
  });
  const [receivable] = await apiOk(
    'GET',
    `/financial/receivables?source_type=OS&source_id=${order.id}`,
    { token: owner.token },
  );
  await apiOk('POST', `/financial/receivables/${receivable.id}/pay`, {
    token: owner.token,
    body: {
      amount: '234.56',
      payment_method: 'CARTAO_CREDITO',
      installments: 3,
      card_fee_percent: '3.49',
    },
  });
  const past = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
  await apiOk('POST', '/financial/receivables', {
    token: owner.token,
    body: {
      amount: '99.90',
      due_date: past,
      issue_date: past,
      customer_name: 'Cliente Atrasado da Silva Sauro',
    },
  });
  const payable = await apiOk('POST', '/financial/payables', {
    token: owner.token,
    body: {
      supplier_name: 'Distribuidora Nacional de Peças para Motocicletas',
      category: 'PARTS',
      amount: '876.54',
      due_date: past,
      issue_date: past,
    },
  });
  await apiOk('POST', '/financial/cash-registers', {
    token: owner.token,
    body: { opening_balance: '50.00' },
  });
  await apiOk('PATCH', '/financial/settings', {
    token: owner.token,
    body: {
      pix_key: 'financeiro@oficina.com.br',
      merchant_name: 'Oficina Cel',
      merchant_city: 'Campinas',
    },
  });
  const page = await signedInPage(browser(), owner, { phone: true });
  const screens = [
    ['receber', '/financeiro/receber', () => page.getByTestId('overdue').first()],
    ['receber-detalhe', `/financeiro/receber/${receivable.id}`, () => page.getByTestId('pix-qr')],
    ['pagar', '/financeiro/pagar', () => page.getByTestId('account-row').first()],
    ['pagar-detalhe', `/financeiro/pagar/${payable.id}`, () => page.getByTestId('account-open')],
    ['fluxo', '/financeiro/fluxo', () => page.getByTestId('cashflow-day').first()],
    ['caixa', '/financeiro/caixa', () => page.getByTestId('register-expected-now')],
    ['relatorios', '/financeiro/relatorios', () => page.getByTestId('aging-days_31_60')],
    ['os-receber', `/os/${order.id}`, () => page.getByTestId('order-receivable')],
    ['pix', '/configuracoes', () => page.getByRole('form', { name: 'PIX da oficina' })],
    ['painel', '/', () => page.getByTestId('receivables-overdue')],
  ];
  await checkScreens(page, screens, assert, 'celular-financeiro-');
  // The printed order says what is still due and carries the PIX QR to pay it.
  await page.goto(`/os/${order.id}`);
  await page.getByTestId('order-receivable').waitFor();
  await page.emulateMedia({ media: 'print' });
  const due = page.getByTestId('print-amount-due');
  await due.waitFor({ state: 'visible' });
  assert.match(await due.innerText(), /Valor a pagar: R\$ 1\.000,00/);
  await due.getByTestId('pix-qr').waitFor();
  await shot(page, 'celular-financeiro-os-impressao');
  await page.emulateMedia({ media: 'screen' });
  // The dialogs fit too.
  await page.goto(`/financeiro/receber/${receivable.id}`);
  await page.getByRole('button', { name: 'Receber' }).click();
  await page
    .getByRole('dialog', { name: 'Receber pagamento' })
    .getByLabel('Forma de pagamento')
    .selectOption('CARTAO_CREDITO');
  await page.getByLabel('Parcelas no cartão').waitFor();
  await assertNoHorizontalScroll(page, assert);
  await shot(page, 'celular-financeiro-receber-dialogo');
  await page.context().close();
});

test("another workshop finds none of this one's money, and a mechanic sees no money at all", async () => {
  const owner = await registerWorkshop(`Oficina ${unique('FinA')}`);
  const order = await orderOf(owner.token, '150.00', 'Cliente da Oficina A');
  await apiOk('PATCH', `/management/os/${order.id}/status`, {
    token: owner.token,
    body: { status: 'COMPLETED' },
  });
  const [receivable] = await apiOk(
    'GET',
    `/financial/receivables?source_type=OS&source_id=${order.id}`,
    { token: owner.token },
  );
  const register = await apiOk('POST', '/financial/cash-registers', {
    token: owner.token,
    body: { opening_balance: '10.00' },
  });
  const other = await registerWorkshop(`Oficina ${unique('FinB')}`);

  // Workshop B, by the screens: A's receivable and register are not there.
  const page = await signedInPage(browser(), other);
  await page.goto(`/financeiro/receber/${receivable.id}`);
  await page.getByText('Conta não encontrada.').waitFor();
  await page.goto(`/financeiro/caixa?id=${register.id}`);
  await page.getByText('Caixa não encontrado.').waitFor();
  await page.goto('/financeiro/receber?status=');
  await page.getByText('Nenhuma conta encontrada.').waitFor();
  // ...nor can it pay A's receivable through the API the screens use.
  const pay = await apiCall('POST', `/financial/receivables/${receivable.id}/pay`, {
    token: other.token,
    body: { amount: '1.00', payment_method: 'PIX' },
  });
  assert.equal(pay.status, 404);
  await page.context().close();

  // A mechanic of A: no Financeiro menu, no receivable on the order, the screens refuse.
  const mechanic = await createUser(owner.token, { name: 'Zé Mecânico', role: 'MECHANIC' });
  const mpage = await signedInPage(browser(), mechanic);
  const menu = mpage.getByRole('navigation', { name: 'Menu principal' });
  await menu.getByRole('link', { name: 'Ordens de serviço' }).waitFor();
  assert.equal(await menu.getByText('Financeiro').count(), 0);
  assert.equal(await menu.getByRole('link', { name: 'Caixa do dia' }).count(), 0);
  const financeCalls = [];
  mpage.on('request', (r) => {
    if (r.url().includes('/api/financial')) financeCalls.push(r.url());
  });
  await mpage.goto(`/os/${order.id}`);
  await mpage.getByTestId('order-status').filter({ hasText: 'Concluída' }).waitFor();
  assert.equal(await mpage.getByText('Conta a receber').count(), 0);
  await mpage.goto('/financeiro/caixa');
  await mpage.getByText('Área financeira disponível para a gerência.').waitFor();
  await mpage.goto('/');
  await mpage.getByRole('heading', { name: 'Painel' }).waitFor();
  assert.equal(await mpage.getByTestId('summary-receivables').count(), 0);
  assert.deepEqual(financeCalls, []);
  await mpage.context().close();
});
