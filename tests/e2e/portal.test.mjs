// The customer's portal at phone size (360×740): the workshop sends the quote from the OS,
// the customer opens the link, approves two of three items; the OS then shows who approved
// which version, and the declined part is back in stock.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  apiOk,
  assertNoHorizontalScroll,
  newPage,
  registerWorkshop,
  seedOrder,
  seedPart,
  setPlan,
  shot,
  signedInPage,
  unique,
  useBrowser,
} from "./helpers.mjs";

const browser = useBrowser();

test("a quote sent from the OS is approved in part on the phone", async () => {
  const owner = await registerWorkshop(`Oficina ${unique("Portal")}`);
  setPlan(owner.user.tenant_id, "PREMIUM");
  const filter = await seedPart(owner.token, {
    name: `Filtro ${unique("")}`,
    price: "35.50",
    stock: 10,
  });
  const tire = await seedPart(owner.token, {
    name: `Pneu ${unique("")}`,
    price: "320.00",
    stock: 4,
  });
  const { order, moto } = await seedOrder(owner.token, {
    customerName: "Maria Cliente",
  });
  const items = `/management/os/${order.id}/items`;
  await apiOk("POST", items, {
    token: owner.token,
    body: { item_type: "part", part_id: filter.id },
  });
  await apiOk("POST", items, {
    token: owner.token,
    body: { item_type: "part", part_id: tire.id },
  });
  await apiOk("POST", items, {
    token: owner.token,
    body: {
      item_type: "labor",
      description: "Troca de pneu",
      unit_price: "60.00",
    },
  });
  const stockOf = async (part) =>
    (await apiOk("GET", `/management/parts/${part.id}`, { token: owner.token }))
      .quantity_in_stock;
  assert.equal(await stockOf(tire), 3);

  // The workshop sends the quote from the OS.
  const shop = await signedInPage(browser(), owner, { phone: true });
  await shop.goto(`/os/${order.id}`);
  await shop.getByRole("heading", { name: `OS #${order.number}` }).waitFor();
  await shop.getByRole("button", { name: "Enviar orçamento" }).click();
  const dialog = shop.getByRole("dialog", { name: "Enviar orçamento" });
  await dialog.getByRole("button", { name: "Gerar link" }).click();
  const link = await dialog.getByLabel("Link do orçamento").inputValue();
  assert.match(link, /\/portal\/[A-Za-z0-9_-]{43}$/);
  const whatsapp = await dialog
    .getByRole("link", { name: /Abrir no WhatsApp/ })
    .getAttribute("href");
  assert.match(whatsapp, /^https:\/\/wa\.me\/5511988887777\?text=/);
  await shot(shop, "portal-enviar-orcamento");
  await dialog.getByRole("button", { name: "Fechar" }).click();

  // The customer opens the link on the phone: no login, no app shell.
  const customer = await newPage(browser(), { phone: true });
  await customer.goto(new URL(link).pathname);
  await customer
    .getByRole("heading", { name: /Orçamento · versão 1/ })
    .waitFor();
  assert.equal(
    await customer.getByRole("navigation", { name: "Menu principal" }).count(),
    0,
  );
  const robots = await customer
    .locator('meta[name="robots"]')
    .first()
    .getAttribute("content");
  assert.equal(robots, "noindex");
  await assertNoHorizontalScroll(customer, assert);
  await shot(customer, "portal-cliente");
  await customer
    .getByRole("checkbox", { name: new RegExp(tire.name) })
    .uncheck();
  assert.match(
    await customer.getByTestId("portal-total").textContent(),
    /R\$\s?95,50/,
  );
  await customer.getByLabel("Seu nome").fill("Maria Cliente");
  await customer.getByRole("checkbox", { name: "Li e aceito" }).check();
  await customer.getByRole("button", { name: "Aprovar" }).click();
  await customer.getByRole("heading", { name: "Pronto!" }).waitFor();
  assert.match(
    await customer.getByTestId("portal-result").textContent(),
    /aprovado em parte/,
  );
  await shot(customer, "portal-aprovado");

  // The OS shows the evidence; the tire left the order and is back in stock.
  await shop.reload();
  const evidence = shop.getByTestId("approval-evidence");
  await evidence.waitFor();
  assert.match(
    await evidence.textContent(),
    /^aprovado por Maria Cliente em \d\d\/\d\d\/\d{4} \d\d:\d\d, versão 1$/,
  );
  assert.equal(await shop.getByTestId("order-item").count(), 2);
  await assertNoHorizontalScroll(shop, assert);
  await shot(shop, "portal-os-aprovada");
  assert.equal(await stockOf(tire), 4);
  assert.equal(await stockOf(filter), 9);

  await shop.goto(`/motos/${moto.id}`);
  const declined = shop.getByRole("list", { name: "Serviços recusados" });
  await declined.waitFor();
  assert.match(await declined.textContent(), new RegExp(tire.name));
  await assertNoHorizontalScroll(shop, assert);
});
