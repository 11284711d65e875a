// An in-memory stand-in for the MotoGestor server, following /work/shared/API.md §1–§3,
// for running the browser tests before (or without) the C++ server:
//   node tests/e2e/mock-server.mjs --port 5000 --dist web/dist
// It is not the product: no persistence, no real JWT. The real tests run against the
// real binary (tests/e2e/run.sh).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => {
    if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
    return acc;
  }, []),
);
const port = Number(args.port ?? process.env.PORT ?? 5000);
const dist = path.resolve(args.dist ?? 'web/dist');

const db = {
  tenants: [], users: [], customers: [], motos: [], parts: [], movements: [], orders: [],
  access: new Map(), refresh: new Map(), seq: 1,
};
const nextId = () => db.seq++;
const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const token = () => randomBytes(16).toString('hex');

class HttpError extends Error {
  constructor(status, code, message, details) {
    super(message);
    Object.assign(this, { status, code, details });
  }
}
const fail = (status, code, message, details) => {
  throw new HttpError(status, code, message, details);
};
const norm = (s) => String(s ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const toCents = (v, field) => {
  if (v === undefined || v === null || v === '') return 0;
  const s = String(v);
  if (!/^-?\d+(\.\d{1,2})?$/.test(s)) fail(422, 'validation_error', 'Valor inválido.', { [field]: 'inválido' });
  const [i, d = ''] = s.replace('-', '').split('.');
  const c = Number(i) * 100 + Number(d.padEnd(2, '0'));
  if (s.startsWith('-')) fail(422, 'validation_error', 'Valor negativo.', { [field]: 'negativo' });
  return c;
};
const money = (c) => Math.round(c) / 100;

const ROLE = {
  users: ['OWNER'],
  custWrite: ['OWNER', 'MANAGER', 'ATTENDANT'],
  custDeactivate: ['OWNER', 'MANAGER'],
  parts: ['OWNER', 'MANAGER'],
  orderEdit: ['OWNER', 'MANAGER', 'ATTENDANT'],
};
const need = (user, roles) => {
  if (!roles.includes(user.role)) fail(403, 'forbidden', 'Seu papel não permite esta ação.');
};
const TRANSITIONS = {
  OPEN: ['IN_PROGRESS', 'WAITING_PARTS', 'COMPLETED', 'CANCELLED'],
  IN_PROGRESS: ['WAITING_PARTS', 'COMPLETED', 'CANCELLED'],
  WAITING_PARTS: ['IN_PROGRESS', 'COMPLETED', 'CANCELLED'],
  COMPLETED: ['IN_PROGRESS'],
  CANCELLED: [],
};

function publicUser(u) {
  const t = db.tenants.find((x) => x.id === u.tenant_id);
  return { id: u.id, name: u.name, email: u.email, tenant_id: t.id, tenant_name: t.name, plan: t.plan, role: u.role };
}
function issue(u) {
  const a = token();
  const r = token();
  db.access.set(a, u.id);
  db.refresh.set(r, u.id);
  return { access_token: a, refresh_token: r };
}
function list(res, rows, q) {
  const limit = Math.min(Number(q.get('limit') ?? 100) || 100, 500);
  const offset = Number(q.get('offset') ?? 0) || 0;
  res.setHeader('X-Total-Count', String(rows.length));
  return rows.slice(offset, offset + limit);
}
const byTenant = (arr, user, id) => {
  const row = arr.find((x) => String(x.id) === String(id) && x.tenant_id === user.tenant_id);
  if (!row) fail(404, 'not_found', 'Registro não encontrado.');
  return row;
};
const strip = ({ tenant_id: _t, ...rest }) => rest;

function orderView(o, detail) {
  const c = db.customers.find((x) => x.id === o.customer_id);
  const m = db.motos.find((x) => x.id === o.motorcycle_id);
  const parts = o.items.filter((i) => i.item_type === 'part').reduce((s, i) => s + i.total_c, 0);
  const labor = o.items.filter((i) => i.item_type === 'labor').reduce((s, i) => s + i.total_c, 0);
  const view = {
    id: o.id, number: o.number, status: o.status, customer_id: o.customer_id, customer_name: c.name,
    motorcycle_id: o.motorcycle_id, motorcycle_plate: m.plate, motorcycle_model: m.model,
    description: o.description, total_parts: money(parts), total_labor: money(labor),
    discount: money(o.discount_c), total_amount: money(Math.max(0, parts + labor - o.discount_c)),
    created_at: o.created_at, scheduled_date: o.scheduled_date, closed_at: o.closed_at,
    customer: c.name, plate: m.plate, bike_model: m.model,
  };
  if (detail) {
    view.km_at_entry = o.km_at_entry;
    view.items = o.items.map((i) => ({
      id: i.id, item_type: i.item_type, part_id: i.part_id, description: i.description,
      quantity: i.quantity, unit_price: money(i.unit_c), total: money(i.total_c),
    }));
    // Each move with who made it: {status, at, user_id, user_name}.
    view.history = o.history.map((h) => ({
      ...h,
      user_name: db.users.find((u) => u.id === h.user_id)?.name ?? null,
    }));
  }
  return view;
}

function moveStock(user, part, type, qty, reason, orderId) {
  let next = part.quantity_in_stock;
  if (type === 'in') next += qty;
  else if (type === 'out') next -= qty;
  else next = qty;
  if (next < 0) fail(422, 'insufficient_stock', `Estoque insuficiente de ${part.name}: há ${part.quantity_in_stock}.`);
  part.quantity_in_stock = next;
  db.movements.push({
    id: nextId(), tenant_id: user.tenant_id, part_id: part.id, movement_type: type, quantity: qty,
    reason: reason ?? null, related_order_id: orderId ?? null, created_at: now(), user_id: user.id,
  });
}

async function api(req, res, p, q, body) {
  const m = req.method;
  if (p === '/health') return { status: 'ok', service: 'api-gateway' };
  if (p === '/auth/register' && m === 'POST') {
    const details = {};
    if (!body.name) details.name = 'obrigatório';
    if (!body.email) details.email = 'obrigatório';
    if (!body.password || body.password.length < 8) details.password = 'mínimo de 8 caracteres';
    if (Object.keys(details).length) fail(422, 'validation_error', 'Dados inválidos.', details);
    if (db.users.some((u) => u.email === body.email.toLowerCase()))
      fail(409, 'conflict', 'E-mail já cadastrado.', { email: 'já cadastrado' });
    const t = { id: nextId(), name: body.tenant_name || 'Nova Oficina', plan: 'BASIC', order_seq: 0 };
    db.tenants.push(t);
    const u = { id: nextId(), tenant_id: t.id, name: body.name, email: body.email.toLowerCase(), password: body.password, role: 'OWNER', is_active: true };
    db.users.push(u);
    res.statusCode = 201;
    return { ...issue(u), user: publicUser(u) };
  }
  if (p === '/auth/login' && m === 'POST') {
    const u = db.users.find((x) => x.email === String(body.email ?? '').toLowerCase() && x.password === body.password && x.is_active);
    if (!u) fail(401, 'invalid_credentials', 'E-mail ou senha inválidos.');
    return { ...issue(u), user: publicUser(u) };
  }
  if (p === '/auth/refresh' && m === 'POST') {
    const uid = db.refresh.get(body.refresh_token);
    if (!uid) fail(401, 'token_revoked', 'Sessão encerrada. Entre novamente.');
    db.refresh.delete(body.refresh_token);
    return issue(db.users.find((u) => u.id === uid));
  }
  const auth = req.headers.authorization ?? '';
  const uid = db.access.get(auth.replace(/^Bearer /, ''));
  if (!uid) fail(401, 'unauthorized', 'Autenticação necessária.');
  const user = db.users.find((u) => u.id === uid);
  const T = user.tenant_id;
  const seg = p.split('/').filter(Boolean);

  if (p === '/auth/logout' && m === 'POST') {
    db.access.delete(auth.replace(/^Bearer /, ''));
    return { message: 'ok' };
  }
  if ((p === '/auth/me' || p === '/me') && m === 'GET') return publicUser(user);
  if (p === '/users' && m === 'GET') {
    need(user, ['OWNER', 'MANAGER']);
    return list(res, db.users.filter((u) => u.tenant_id === T).map((u) => ({ ...publicUser(u), is_active: u.is_active })), q);
  }
  if (p === '/users' && m === 'POST') {
    need(user, ROLE.users);
    if (db.users.some((u) => u.email === String(body.email).toLowerCase())) fail(409, 'conflict', 'E-mail já cadastrado.', { email: 'já cadastrado' });
    const u = { id: nextId(), tenant_id: T, name: body.name, email: String(body.email).toLowerCase(), password: body.password, role: body.role, is_active: true };
    db.users.push(u);
    res.statusCode = 201;
    return { ...publicUser(u), is_active: true };
  }
  if (seg[0] === 'users' && seg.length === 2 && m === 'PATCH') {
    const target = byTenant(db.users, user, seg[1]);
    if (target.id !== user.id || body.role !== undefined || body.is_active !== undefined) need(user, ROLE.users);
    for (const k of ['name', 'role', 'is_active', 'password']) if (body[k] !== undefined) target[k] = body[k];
    return { ...publicUser(target), is_active: target.is_active };
  }
  if (p === '/tenant/theme' && (m === 'GET' || m === 'PATCH')) {
    const t = db.tenants.find((x) => x.id === T);
    if (m === 'PATCH') {
      need(user, ROLE.users);
      if (!['classico', 'oficina'].includes(body.theme)) fail(422, 'validation_error', 'Tema indisponível.', { theme: 'tema indisponível no plano atual' });
      t.theme = body.theme;
    }
    return {
      current_theme: t.theme ?? 'classico',
      tenant: { id: t.id, name: t.name, plan: t.plan },
      themes: [
        { id: 'classico', name: 'Clássico', primary: '#1d4ed8', secondary: '#0f172a', accent: '#f59e0b', background: '#f1f5f9', surface: '#ffffff' },
        { id: 'oficina', name: 'Oficina', primary: '#c2410c', secondary: '#1c1917', accent: '#facc15', background: '#f5f5f4', surface: '#ffffff' },
      ],
      custom_palette: null, custom_allowed: false, custom_only_enterprise: true,
    };
  }

  if (seg[0] !== 'management') fail(404, 'not_found', 'Rota não encontrada.');
  const [, res1, id, sub, subId] = seg;

  if (res1 === 'customers') {
    if (!id && m === 'GET') {
      const term = norm(q.get('q'));
      return list(res, db.customers.filter((c) => c.tenant_id === T && c.is_active &&
        (!term || [c.name, c.phone, c.email, c.document].some((f) => norm(f).includes(term)))).map(strip), q);
    }
    if (!id && m === 'POST') {
      need(user, ROLE.custWrite);
      if (!body.name) fail(422, 'validation_error', 'Nome é obrigatório.', { name: 'obrigatório' });
      const c = { id: nextId(), tenant_id: T, name: body.name, phone: body.phone || null, email: body.email || null, document: body.document || null, notes: body.notes || null, is_active: true, created_at: now(), updated_at: now() };
      db.customers.push(c);
      res.statusCode = 201;
      return { id: c.id, name: c.name };
    }
    const c = byTenant(db.customers, user, id);
    if (m === 'GET') return strip(c);
    if (m === 'PATCH') {
      need(user, ROLE.custWrite);
      for (const k of ['name', 'phone', 'email', 'document', 'notes']) if (body[k] !== undefined) c[k] = body[k] || null;
      return strip(c);
    }
    if (m === 'DELETE') { need(user, ROLE.custDeactivate); c.is_active = false; return { message: 'ok' }; }
  }

  if (res1 === 'motos') {
    if (!id && m === 'GET') {
      const term = norm(q.get('q'));
      const plate = q.get('plate')?.toUpperCase();
      const cid = q.get('customer_id');
      return list(res, db.motos.filter((x) => x.tenant_id === T && x.is_active &&
        (!cid || String(x.customer_id) === cid) && (!plate || x.plate.includes(plate)) &&
        (!term || [x.plate, x.brand, x.model].some((f) => norm(f).includes(term)))).map(strip), q);
    }
    if (!id && m === 'POST') {
      need(user, ROLE.custWrite);
      const cust = db.customers.find((c) => c.id === Number(body.customer_id) && c.tenant_id === T && c.is_active);
      if (!cust) fail(422, 'validation_error', 'Cliente inválido.', { customer_id: 'inválido' });
      const plate = String(body.plate ?? '').toUpperCase().replace(/\s/g, '');
      if (!/^[A-Z0-9-]{1,10}$/.test(plate)) fail(422, 'validation_error', 'Placa inválida.', { plate: 'inválida' });
      if (db.motos.some((x) => x.tenant_id === T && x.is_active && x.plate === plate)) fail(409, 'conflict', 'Placa já cadastrada.', { plate: 'já cadastrada' });
      const mo = { id: nextId(), tenant_id: T, customer_id: cust.id, plate, brand: body.brand || null, model: body.model || null, year: body.year ? Number(body.year) : null, vin: body.vin || null, km_current: body.km_current ?? null, is_active: true };
      db.motos.push(mo);
      res.statusCode = 201;
      return { id: mo.id, plate };
    }
    const mo = byTenant(db.motos, user, id);
    if (m === 'GET') {
      return { ...strip(mo), service_orders: db.orders.filter((o) => o.motorcycle_id === mo.id).reverse().map((o) => {
        const v = orderView(o, false);
        return { id: o.id, number: o.number, status: o.status, km_at_entry: o.km_at_entry, created_at: o.created_at, total_amount: v.total_amount };
      }) };
    }
    if (m === 'PATCH') {
      need(user, ROLE.custWrite);
      for (const k of ['plate', 'brand', 'model', 'year', 'vin', 'km_current']) if (body[k] !== undefined) mo[k] = body[k];
      return strip(mo);
    }
    if (m === 'DELETE') { need(user, ROLE.custDeactivate); mo.is_active = false; return { message: 'ok' }; }
  }

  if (res1 === 'parts') {
    const view = (x) => ({ ...strip(x), unit_price: money(x.unit_c), cost_price: x.cost_c == null ? null : money(x.cost_c), unit_c: undefined, cost_c: undefined });
    if (!id && m === 'GET') {
      const term = norm(q.get('q'));
      const low = q.get('low_stock') === '1';
      return list(res, db.parts.filter((x) => x.tenant_id === T &&
        (!term || norm(x.name).includes(term) || norm(x.sku).includes(term)) &&
        (!low || x.quantity_in_stock <= x.min_stock)).map(view), q);
    }
    if (!id && m === 'POST') {
      need(user, ROLE.parts);
      if (db.parts.some((x) => x.tenant_id === T && x.sku === body.sku)) fail(409, 'conflict', 'SKU já cadastrado.', { sku: 'já cadastrado' });
      const pt = { id: nextId(), tenant_id: T, sku: body.sku, name: body.name, unit_c: toCents(body.unit_price, 'unit_price'), cost_c: body.cost_price ? toCents(body.cost_price, 'cost_price') : null, quantity_in_stock: 0, min_stock: Number(body.min_stock ?? 0), location: body.location || null, is_active: true };
      db.parts.push(pt);
      res.statusCode = 201;
      return { id: pt.id, sku: pt.sku, name: pt.name };
    }
    const pt = byTenant(db.parts, user, id);
    if (!sub && m === 'GET') return view(pt);
    if (!sub && m === 'PATCH') {
      need(user, ROLE.parts);
      for (const k of ['sku', 'name', 'min_stock', 'location']) if (body[k] !== undefined) pt[k] = body[k];
      if (body.unit_price !== undefined) pt.unit_c = toCents(body.unit_price, 'unit_price');
      if (body.cost_price !== undefined) pt.cost_c = toCents(body.cost_price, 'cost_price');
      return view(pt);
    }
    if (!sub && m === 'DELETE') { need(user, ROLE.parts); pt.is_active = false; return { message: 'ok' }; }
    if (sub === 'stock-movement' && m === 'POST') {
      need(user, ROLE.parts);
      moveStock(user, pt, body.movement_type, Number(body.quantity), body.reason, body.related_order_id);
      return { message: 'Estoque atualizado.', stock: pt.quantity_in_stock };
    }
    if (sub === 'movements' && m === 'GET') {
      return list(res, db.movements.filter((x) => x.part_id === pt.id).reverse().map(strip), q);
    }
  }

  if (res1 === 'os') {
    if (!id && m === 'GET') {
      const term = norm(q.get('q'));
      const f = (k) => q.get(k);
      return list(res, db.orders.filter((o) => o.tenant_id === T).reverse().map((o) => orderView(o, false)).filter((o) =>
        (!f('status') || o.status === f('status')) &&
        (!f('customer_id') || String(o.customer_id) === f('customer_id')) &&
        (!f('motorcycle_id') || String(o.motorcycle_id) === f('motorcycle_id')) &&
        (!f('from') || o.created_at.slice(0, 10) >= f('from')) &&
        (!f('to') || o.created_at.slice(0, 10) <= f('to')) &&
        (!term || [o.customer_name, o.motorcycle_plate, o.description, String(o.number)].some((x) => norm(x).includes(term)))), q);
    }
    if (!id && m === 'POST') {
      need(user, ROLE.orderEdit);
      const mo = db.motos.find((x) => x.id === Number(body.motorcycle_id) && x.tenant_id === T);
      if (!mo || mo.customer_id !== Number(body.customer_id)) fail(422, 'validation_error', 'A moto não pertence ao cliente.', { motorcycle_id: 'inválida' });
      const t = db.tenants.find((x) => x.id === T);
      const o = { id: nextId(), tenant_id: T, number: ++t.order_seq, status: 'OPEN', customer_id: mo.customer_id, motorcycle_id: mo.id, description: body.description ?? null, scheduled_date: body.scheduled_date ?? null, km_at_entry: body.km_at_entry ?? null, discount_c: 0, created_at: now(), closed_at: null, items: [], history: [{ status: 'OPEN', at: now(), user_id: user.id }] };
      db.orders.push(o);
      res.statusCode = 201;
      return { id: o.id, number: o.number, status: o.status };
    }
    const o = byTenant(db.orders, user, id);
    const locked = () => { if (o.status === 'COMPLETED' || o.status === 'CANCELLED') fail(409, 'conflict', 'A OS está encerrada e não pode ser alterada.'); };
    if (!sub && m === 'GET') return orderView(o, true);
    if (!sub && m === 'PATCH') {
      need(user, ROLE.orderEdit);
      for (const k of ['description', 'scheduled_date', 'km_at_entry']) if (body[k] !== undefined) o[k] = body[k];
      if (body.discount !== undefined) o.discount_c = toCents(body.discount, 'discount');
      return orderView(o, true);
    }
    if (sub === 'status' && m === 'PATCH') {
      const to = body.status;
      if (!TRANSITIONS[o.status]?.includes(to)) fail(422, 'invalid_transition', `Não é possível passar de ${o.status} para ${to}.`);
      if (user.role === 'MECHANIC' && !['IN_PROGRESS', 'WAITING_PARTS', 'COMPLETED'].includes(to)) fail(403, 'forbidden', 'Mecânicos não podem cancelar ordens.');
      if (o.status === 'COMPLETED' && !['OWNER', 'MANAGER'].includes(user.role)) fail(403, 'forbidden', 'Só o proprietário ou o gerente reabrem uma OS.');
      if (to === 'CANCELLED') {
        if (!['OWNER', 'MANAGER'].includes(user.role)) fail(403, 'forbidden', 'Só o proprietário ou o gerente cancelam uma OS.');
        for (const i of o.items.filter((x) => x.item_type === 'part')) moveStock(user, db.parts.find((x) => x.id === i.part_id), 'in', i.quantity, 'OS cancelada', o.id);
      }
      o.status = to;
      o.closed_at = to === 'COMPLETED' ? now() : to === 'CANCELLED' ? o.closed_at : null;
      o.history.push({ status: to, at: now(), user_id: user.id });
      return { id: o.id, status: o.status };
    }
    if (sub === 'items' && !subId && m === 'POST') {
      locked();
      const qty = Number(body.quantity ?? 1);
      let unit;
      let description = body.description;
      let partId = null;
      if (body.item_type === 'part') {
        const pt = byTenant(db.parts, user, body.part_id);
        unit = body.unit_price !== undefined ? toCents(body.unit_price, 'unit_price') : pt.unit_c;
        description = description || pt.name;
        partId = pt.id;
        moveStock(user, pt, 'out', qty, `OS #${o.number}`, o.id);
      } else {
        if (!description) fail(422, 'validation_error', 'Descrição é obrigatória.', { description: 'obrigatória' });
        unit = toCents(body.unit_price, 'unit_price');
      }
      const item = { id: nextId(), item_type: body.item_type, part_id: partId, description, quantity: qty, unit_c: unit, total_c: Math.round(qty * unit) };
      o.items.push(item);
      res.statusCode = 201;
      const v = orderView(o, false);
      return { id: item.id, item_type: item.item_type, description, quantity: qty, unit_price: money(unit), total: money(item.total_c), order_totals: { total_parts: v.total_parts, total_labor: v.total_labor, total_amount: v.total_amount } };
    }
    if (sub === 'items' && subId) {
      locked();
      const item = o.items.find((x) => String(x.id) === subId);
      if (!item) fail(404, 'not_found', 'Item não encontrado.');
      const pt = item.part_id ? db.parts.find((x) => x.id === item.part_id) : null;
      if (m === 'DELETE') {
        if (pt) moveStock(user, pt, 'in', item.quantity, `OS #${o.number}`, o.id);
        o.items = o.items.filter((x) => x !== item);
        return { message: 'ok' };
      }
      if (m === 'PATCH') {
        if (body.quantity !== undefined) {
          const diff = Number(body.quantity) - item.quantity;
          if (pt && diff) moveStock(user, pt, diff > 0 ? 'out' : 'in', Math.abs(diff), `OS #${o.number}`, o.id);
          item.quantity = Number(body.quantity);
        }
        if (body.unit_price !== undefined) item.unit_c = toCents(body.unit_price, 'unit_price');
        if (body.description !== undefined) item.description = body.description;
        item.total_c = Math.round(item.quantity * item.unit_c);
        return { id: item.id };
      }
    }
  }
  fail(404, 'not_found', 'Rota não encontrada.');
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };

async function serveStatic(res, p) {
  let file = path.join(dist, path.normalize(p).replace(/^(\.\.[/\\])+/, ''));
  try {
    if (!(await stat(file)).isFile()) throw new Error('dir');
  } catch {
    file = path.join(dist, 'index.html');
  }
  res.setHeader('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
  res.end(await readFile(file));
}

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  let p = url.pathname;
  const isApi = p.startsWith('/api/') || p === '/health';
  if (!isApi) return serveStatic(res, p).catch(() => { res.statusCode = 500; res.end(); });
  if (p.startsWith('/api/')) p = p.slice(4);
  let raw = '';
  for await (const chunk of req) raw += chunk;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  try {
    const body = raw ? JSON.parse(raw) : {};
    const out = await api(req, res, p, url.searchParams, body);
    res.end(JSON.stringify(out ?? {}));
  } catch (e) {
    const status = e instanceof HttpError ? e.status : e instanceof SyntaxError ? 400 : 500;
    if (status === 500) console.error(e);
    res.statusCode = status;
    res.end(JSON.stringify({ error: { code: e.code ?? (status === 400 ? 'bad_request' : 'internal_error'), message: e.message, ...(e.details ? { details: e.details } : {}) } }));
  }
}).listen(port, '127.0.0.1', () => console.log(`mock server on http://127.0.0.1:${port}`));
