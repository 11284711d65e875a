// Shared helpers for the browser tests: the system Chromium through playwright-core,
// the API through fetch, screenshots into tests/artifacts/screenshots.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const BASE_URL = (process.env.BASE_URL ?? 'http://127.0.0.1:5000').replace(/\/$/, '');
export const SCREENSHOT_DIR = path.resolve(here, '../artifacts/screenshots');
mkdirSync(SCREENSHOT_DIR, { recursive: true });

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * One Chromium for the test file: launched before its tests, closed after them. Call at the
 * top level of the file; returns a getter for the browser.
 */
export function useBrowser() {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });
  return () => browser;
}

/** A fresh context (own localStorage) and page; phone-sized when asked. */
export async function newPage(browser, { phone = false } = {}) {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    locale: 'pt-BR',
    timezoneId: 'America/Sao_Paulo',
    viewport: phone ? { width: 360, height: 740 } : { width: 1366, height: 850 },
    // isMobile is left off on purpose: Chromium's mobile emulation pans the visual viewport
    // away from the layout viewport after a focused field in a fixed dialog, which makes
    // pointer coordinates stale. The 360 px layout is what is under test.
    ...(phone ? { deviceScaleFactor: 2 } : {}),
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[pageerror]', err.message));
  return page;
}

export async function shot(page, name) {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Today in the browser's time zone (newPage uses America/Sao_Paulo) as YYYY-MM-DD. */
export const todayInBrowser = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo' }).format(new Date());

export const unique = (prefix) =>
  `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

/** A plate that is valid (Mercosul) and unlikely to clash: 3 letters, digit, letter, 2 digits. */
export function randomPlate() {
  const L = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const l = () => L[Math.floor(Math.random() * 26)];
  const d = () => String(Math.floor(Math.random() * 10));
  return `${l()}${l()}${l()}${d()}${l()}${d()}${d()}`;
}

/** An old-format plate (3 letters, 4 digits), shown everywhere as ABC-1234. */
export function randomOldPlate() {
  const L = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const l = () => L[Math.floor(Math.random() * 26)];
  return `${l()}${l()}${l()}${String(Math.floor(Math.random() * 10000)).padStart(4, '0')}`;
}

// ---- API (for setting up data a test does not exercise through the screens)

export async function apiCall(method, urlPath, { token, body } = {}) {
  const response = await fetch(`${BASE_URL}/api${urlPath}`, {
    method,
    headers: {
      Accept: 'application/json',
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  return { status: response.status, data, headers: response.headers };
}

export async function apiOk(method, urlPath, options) {
  const r = await apiCall(method, urlPath, options);
  if (r.status >= 300) {
    throw new Error(`${method} ${urlPath} → ${r.status} ${JSON.stringify(r.data)}`);
  }
  return r.data;
}

/** Registers a workshop through the API; returns {email, password, token, user}. */
export async function registerWorkshop(tenantName) {
  const email = `${unique('dono')}@teste.motogestor.com`;
  const password = 'senha-forte-123';
  const data = await apiOk('POST', '/auth/register', {
    body: { name: 'Dona Teste', email, password, tenant_name: tenantName },
  });
  return { email, password, token: data.access_token, user: data.user };
}

/** A user of the owner's workshop through the API; returns {email, password, user}. */
export async function createUser(ownerToken, { name, role, password = 'chave-de-boca-1' }) {
  const email = `${unique(role.toLowerCase())}@teste.motogestor.com`;
  const user = await apiOk('POST', '/users', {
    token: ownerToken,
    body: { name, email, password, role },
  });
  return { email, password, user };
}

/** Customer + motorcycle + order through the API. */
export async function seedOrder(
  token,
  { customerName = 'Cliente Semente', plate = randomPlate(), scheduledDate } = {},
) {
  const customer = await apiOk('POST', '/management/customers', {
    token,
    body: { name: customerName, phone: '11988887777' },
  });
  const moto = await apiOk('POST', '/management/motos', {
    token,
    body: { customer_id: customer.id, plate, brand: 'Honda', model: 'CG 160', year: 2022 },
  });
  const order = await apiOk('POST', '/management/os', {
    token,
    body: {
      customer_id: customer.id,
      motorcycle_id: moto.id,
      description: 'Revisão geral',
      km_at_entry: 15000,
      ...(scheduledDate ? { scheduled_date: scheduledDate } : {}),
    },
  });
  return { customer, moto: { ...moto, plate }, order };
}

export async function seedPart(
  token,
  { sku = unique('SKU-'), name = 'Pastilha de freio', price = '89.90', stock = 10, min = 2 } = {},
) {
  const part = await apiOk('POST', '/management/parts', {
    token,
    body: { sku, name, unit_price: price, cost_price: '50.00', min_stock: min },
  });
  if (stock > 0) {
    await apiOk('POST', `/management/parts/${part.id}/stock-movement`, {
      token,
      body: { movement_type: 'in', quantity: stock, reason: 'Estoque inicial' },
    });
  }
  return { ...part, sku, name };
}

// ---- screens

export async function login(page, email, password) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Senha').fill(password);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.getByTestId('tenant-name').waitFor();
}

/** A new page (phone-sized when asked) signed in as `account` ({email, password}). */
export async function signedInPage(browser, account, options) {
  const page = await newPage(browser, options);
  await login(page, account.email, account.password);
  return page;
}

/** The access token the app keeps for the signed-in user (to call the API as them). */
export async function pageToken(page) {
  return page.evaluate(() => localStorage.getItem('motogestor.access_token'));
}

/** Goes to a screen through the menu (opening the hamburger on a phone). */
export async function navigate(page, label) {
  const hamburger = page.getByRole('button', { name: 'Abrir menu' });
  if (await hamburger.isVisible()) await hamburger.click();
  await page
    .getByRole('navigation', { name: 'Menu principal' })
    .getByRole('link', { name: label })
    .last()
    .click();
}

/** WCAG contrast ratio of an input's placeholder text against the input's background. */
export async function placeholderContrast(locator) {
  return locator.evaluate((input) => {
    const rgb = (text) => (text.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => {
      const c = [r, g, b].map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    };
    const fg = lum(rgb(getComputedStyle(input, '::placeholder').color));
    const bg = lum(rgb(getComputedStyle(input).backgroundColor));
    return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
  });
}

/** Confirms the in-app dialog that asks before completing or cancelling an order. */
export async function confirmMove(page, title, button) {
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.getByRole('button', { name: button }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** The document must not scroll sideways (screens usable at 360 px). */
export async function assertNoHorizontalScroll(page, assert) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth + 1, `page scrolls sideways: ${scrollWidth} > ${innerWidth}`);
}

/**
 * Visits each screen `[name, address, ready]` at the page's size: it must not scroll sideways
 * and its placeholders must read at 4.5:1 or better (WCAG AA); a screenshot `<prefix><name>`.
 */
export async function checkScreens(page, screens, assert, prefix) {
  for (const [name, address, ready] of screens) {
    await page.goto(address);
    await ready().waitFor();
    await assertNoHorizontalScroll(page, assert);
    for (const input of await page.locator('input[placeholder], textarea[placeholder]').all()) {
      const ratio = await placeholderContrast(input);
      assert.ok(ratio >= 4.5, `${name}: placeholder contrast ${ratio.toFixed(2)} < 4.5`);
    }
    await shot(page, `${prefix}${name}`);
  }
}

// ---- plans and messaging

const REPO = path.resolve(here, '../..');

/** The operator's CLI moves the workshop to `plan` (effective at its next login). */
export function setPlan(tenantId, plan = 'PREMIUM') {
  const bin = process.env.MOTOGESTOR_BIN ?? path.join(REPO, 'build/release/server/motogestor');
  execFileSync(
    bin,
    [
      'tenant',
      'plan',
      String(tenantId),
      plan,
      '--database-url',
      process.env.TEST_DATABASE_OWNER_URL,
    ],
    { stdio: 'pipe' },
  );
}

/** Signs in through the API (again after a plan change: the plan travels in the token). */
export async function apiLogin({ email, password }) {
  return (await apiOk('POST', '/auth/login', { body: { email, password } })).access_token;
}

/** Calls `probe` until `check` accepts its value or `timeout` ms pass; returns the last value. */
export async function eventually(probe, check, { timeout = 15_000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  let value = await probe();
  while (!check(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, interval));
    value = await probe();
  }
  return value;
}

/**
 * A provider fake of tests/fakes/ (started by run.sh, URL in FAKE_<PROVIDER>_URL) and its
 * control endpoints (tests/fakes/README.md).
 */
export function providerFake(provider) {
  const url = process.env[`FAKE_${provider.toUpperCase()}_URL`];
  if (!url) throw new Error(`FAKE_${provider.toUpperCase()}_URL is not set: run through run.sh`);
  const control = async (method, what, body) => {
    const response = await fetch(`${url}/_fake/${what}`, {
      method,
      headers: body !== undefined ? { 'Content-Type': 'application/json' } : {},
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const data = await response.json();
    if (response.status !== 200) throw new Error(`fake ${provider} ${what}: ${response.status}`);
    return data;
  };
  return {
    url,
    account: async (fields) => (await control('POST', 'accounts', fields)).account,
    behave: (account, mode, extra = {}) =>
      control('POST', 'behaviour', { account, mode, ...extra }),
    /** `{count, messages}` the fake accepted for the account. */
    sent: (account) => control('GET', `sent?account=${encodeURIComponent(account)}`),
    deliver: (account, spec) => control('POST', 'deliver', { account, ...spec }),
    webhook: (account) => control('GET', `webhook?account=${encodeURIComponent(account)}`),
  };
}
