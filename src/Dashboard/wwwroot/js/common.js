// Shared helpers: API calls with the antiforgery header, DOM building without innerHTML,
// number formatting, page chrome and the SignalR live connection.

let csrf = null;

async function antiforgeryToken(refresh = false) {
  if (!csrf || refresh) {
    const response = await fetch('/auth/antiforgery', { credentials: 'same-origin', cache: 'no-store' });
    if (!response.ok) throw new Error(`antiforgery token: HTTP ${response.status}`);
    csrf = await response.json();
  }
  return csrf;
}

/** Error carrying the HTTP status and the parsed JSON body of a failed API call. */
export class ApiFailure extends Error {
  constructor(status, body) {
    super(body?.error ?? `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

/** Calls the API; state-changing methods carry the antiforgery token. A 401 sends the browser to the login page. */
export async function api(path, { method = 'GET', body } = {}, retried = false) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') {
    const token = await antiforgeryToken();
    headers[token.headerName] = token.token;
  }
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method, headers, credentials: 'same-origin', cache: 'no-store',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401 && !path.startsWith('/auth/login')) {
    location.assign('/login');
    throw new ApiFailure(401, { error: 'session ended' });
  }
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    if (response.status === 400 && !retried && data?.error?.startsWith('antiforgery')) {
      await antiforgeryToken(true);
      return api(path, { method, body }, true);
    }
    throw new ApiFailure(response.status, data);
  }
  return data;
}

/** el('td', { class: 'num', dataset: { testid: 'x' } }, 'text', childNode) */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'testid') node.dataset.testid = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export const $ = (id) => document.getElementById(id);

export function setText(id, text, tone) {
  const node = $(id);
  if (!node) return;
  node.textContent = text;
  if (tone !== undefined) {
    node.classList.toggle('up', tone > 0);
    node.classList.toggle('down', tone < 0);
  }
}

const usd = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const money = (v) => (v === null || v === undefined ? '—' : usd.format(v));
export const signedMoney = (v) => (v === null || v === undefined ? '—' : (v > 0 ? '+' : '') + usd.format(v));
export const price = (v) => (v === null || v === undefined ? '—' : Number(v).toLocaleString('en-US', { maximumFractionDigits: 8 }));
export const pct = (ratio) => (ratio === null || ratio === undefined ? '—' : `${(ratio * 100).toFixed(1)} %`);
export const fixed = (v, digits = 2) => (v === null || v === undefined ? '—' : Number(v).toFixed(digits));
export const tone = (v) => (v > 0 ? 1 : v < 0 ? -1 : 0);
export function utc(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)}`;
}
export function bytes(n) {
  if (n === null || n === undefined) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}
export function duration(seconds) {
  const s = Math.floor(seconds);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  return d > 0 ? `${d}d ${h}h ${m}m` : h > 0 ? `${h}h ${m}m` : `${m}m ${s % 60}s`;
}

/** Replaces a tbody's rows; shows one "empty" row with <emptyText> when there are none. */
export function fillRows(tbodyId, items, toRow, emptyText, columns) {
  const body = $(tbodyId);
  if (!body) return;
  if (!items || items.length === 0) {
    body.replaceChildren(el('tr', { class: 'empty', testid: `${tbodyId.replace(/-body$/, '')}-empty` }, el('td', { colspan: columns }, emptyText)));
    return;
  }
  body.replaceChildren(...items.map(toRow));
}

export function showMessage(id, text, ok) {
  const node = $(id);
  node.textContent = text;
  node.classList.toggle('ok', ok === true);
  node.classList.toggle('bad', ok === false);
}

/** Header: active nav link, mode badge, logout. */
export async function initChrome() {
  const page = document.body.dataset.page;
  for (const link of document.querySelectorAll('.topbar nav a')) {
    if (link.dataset.page === page) link.classList.add('active');
  }
  $('logout')?.addEventListener('click', async () => {
    try { await api('/auth/logout', { method: 'POST' }); } finally { location.assign('/login'); }
  });
  const session = await api('/auth/session');
  const badge = $('mode-badge');
  badge.textContent = session.mode;
  badge.classList.toggle('warn', session.mode === 'mainnet');
  badge.title = `signed in as ${session.actor}`;
  return session;
}

/**
 * Opens the SignalR connection. handlers: { positions, account, status, changed, resync }.
 * resync runs after every (re)connect so a page never misses a change made while it was offline.
 */
export async function connectLive(handlers) {
  const indicator = $('live-indicator');
  const setState = (text, cls) => {
    indicator.textContent = text;
    indicator.className = `badge ${cls}`;
    indicator.dataset.state = text;
  };
  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/dashboard')
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(10000, 500 * 2 ** ctx.previousRetryCount) })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  for (const name of ['positions', 'account', 'status', 'changed']) {
    // Every page hears every topic; one it does not render gets a no-op, not a 'no client method' warning.
    connection.on(name, handlers[name] ?? (() => {}));
  }
  connection.onreconnecting(() => setState('reconnecting', 'warn'));
  connection.onreconnected(async () => { setState('live', 'ok'); await handlers.resync?.(); });
  connection.onclose(() => setState('offline', 'bad'));
  const start = async () => {
    try {
      await connection.start();
      setState('live', 'ok');
      await handlers.resync?.();
    } catch {
      setState('offline', 'bad');
      setTimeout(start, 3000);
    }
  };
  await start();
  return connection;
}

/** Runs fn now and every intervalMs, skipping a tick while the previous run is still going. */
export function poll(fn, intervalMs) {
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try { await fn(); } catch (error) { console.warn(error); } finally { busy = false; }
  };
  tick();
  return setInterval(tick, intervalMs);
}
