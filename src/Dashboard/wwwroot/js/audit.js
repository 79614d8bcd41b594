// Audit log view.
import { api, el, $, utc, fillRows, initChrome, connectLive } from './common.js';

async function load() {
  const entries = await api('/api/audit?limit=200');
  fillRows('audit-body', entries, (e) => el('tr', { testid: 'audit-row' },
    el('td', {}, utc(e.at)), el('td', {}, e.actor), el('td', {}, e.clientAddress), el('td', {}, e.action),
    el('td', {}, e.detail), el('td', { class: e.outcome === 'ok' ? 'up' : e.outcome.startsWith('failed') || e.outcome.startsWith('error') ? 'down' : '' }, e.outcome)), 'No entries', 6);
}

$('audit-refresh').addEventListener('click', load);
await initChrome();
await connectLive({});
await load();
document.body.dataset.ready = 'true';
