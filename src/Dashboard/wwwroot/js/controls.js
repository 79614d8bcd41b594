// Controls: start/stop, emergency close-all (with confirmation), entries and strategy toggles,
// operational parameters with the server's validation errors shown per field.
import { api, ApiFailure, el, $, setText, showMessage, price, signedMoney, initChrome, connectLive } from './common.js';

async function run(label, action) {
  showMessage('control-result', `${label}…`);
  try {
    const result = await action();
    showMessage('control-result', result?.message ?? `${label}: done`, true);
    return true;
  } catch (failure) {
    showMessage('control-result', `${label}: ${failure instanceof ApiFailure ? (failure.body?.message ?? failure.message) : 'server unreachable'}`, false);
    return false;
  }
}

function renderStatus(status) {
  setText('control-running', status.running ? 'running' : 'stopped', status.running ? 1 : -1);
  $('entries-toggle').checked = status.entriesAllowed;
}

function renderPositions(positions) {
  const list = $('controls-positions');
  if (!positions.length) {
    list.replaceChildren(el('li', { class: 'muted', testid: 'controls-positions-empty' }, 'No open positions'));
    return;
  }
  list.replaceChildren(...positions.map((p) => el('li', { testid: `controls-position-${p.symbol}` },
    `${p.symbol} ${p.side} ${price(p.quantity)} @ ${price(p.entryPrice)} · PnL ${signedMoney(p.unrealizedPnl)}`)));
}

function renderStrategies(strategies) {
  $('strategy-toggles').replaceChildren(...strategies.map((s) => {
    const box = el('input', { type: 'checkbox', testid: `strategy-toggle-${s.strategy}`, id: `strategy-toggle-${s.strategy}` });
    box.checked = s.enabled;
    box.addEventListener('change', async () => {
      box.disabled = true;
      const ok = await run(`Strategy ${s.strategy}`, () => api(`/api/control/strategies/${encodeURIComponent(s.strategy)}`, { method: 'PUT', body: { enabled: box.checked } }));
      if (!ok) box.checked = !box.checked;
      box.disabled = false;
    });
    return el('label', { class: 'toggle' }, box, `Strategy ${s.strategy} · ${s.name}`);
  }));
}

function renderParameters(set) {
  $('params-fields').replaceChildren(...set.operational.map((p) => el('div', { class: 'field' },
    el('label', { for: `param-${p.key}` }, `${p.label} (${p.unit})`),
    el('input', {
      type: 'number', id: `param-${p.key}`, name: p.key, testid: `param-input-${p.key}`,
      value: p.value, step: p.step, min: p.min, max: p.max, inputmode: 'decimal',
    }),
    el('span', { class: 'hint' }, `${p.description} Allowed ${p.min} – ${p.max} ${p.unit}.`),
    el('span', { class: 'error', testid: `param-error-${p.key}`, id: `param-error-${p.key}` }))));
  $('core-params-body').replaceChildren(...set.core.map((p) => el('tr', { testid: `core-param-${p.key}` },
    el('td', {}, p.label), el('td', {}, p.value))));
}

$('params-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const inputs = [...$('params-fields').querySelectorAll('input')];
  for (const input of inputs) {
    input.removeAttribute('aria-invalid');
    $(`param-error-${input.name}`).textContent = '';
  }
  const values = Object.fromEntries(inputs.map((input) => [input.name, input.value.trim() === '' ? null : input.value.trim()]));
  try {
    renderParameters(await api('/api/control/parameters', { method: 'PUT', body: { values } }));
    showMessage('params-result', 'Parameters saved.', true);
  } catch (failure) {
    const errors = failure instanceof ApiFailure ? failure.body?.errors ?? [] : [];
    for (const error of errors) {
      const field = $(`param-error-${error.key}`);
      if (field) {
        field.textContent = error.message;
        $(`param-${error.key}`).setAttribute('aria-invalid', 'true');
      }
    }
    showMessage('params-result', errors.length ? 'Nothing saved: fix the marked values.' : `Nothing saved: ${failure.message}`, false);
  }
});

$('control-start').addEventListener('click', () => run('Start', () => api('/api/control/start', { method: 'POST' })));
$('control-stop').addEventListener('click', () => run('Stop', () => api('/api/control/stop', { method: 'POST' })));
$('entries-toggle').addEventListener('change', async () => {
  const box = $('entries-toggle');
  box.disabled = true;
  const ok = await run('Entries', () => api('/api/control/entries', { method: 'PUT', body: { allowed: box.checked } }));
  if (!ok) box.checked = !box.checked;
  box.disabled = false;
});

const dialog = $('confirm-dialog');
$('control-close-all').addEventListener('click', () => {
  dialog.returnValue = ''; // a close by Escape keeps the previous value: never let an old "yes" count
  dialog.showModal();
});
dialog.addEventListener('close', async () => {
  if (dialog.returnValue !== 'yes') {
    showMessage('control-result', 'Emergency close cancelled.');
    return;
  }
  await run('Emergency close all', () => api('/api/control/close-all', { method: 'POST' }));
  renderPositions(await api('/api/trading/positions'));
});

async function resync() {
  const [status, positions, strategies, parameters] = await Promise.all([
    api('/api/trading/status'), api('/api/trading/positions'), api('/api/trading/strategies'), api('/api/control/parameters'),
  ]);
  renderStatus(status);
  renderPositions(positions);
  renderStrategies(strategies);
  renderParameters(parameters);
}

await initChrome();
await connectLive({
  positions: renderPositions,
  status: renderStatus,
  changed: async (topic) => {
    if (topic === 'Strategies') renderStrategies(await api('/api/trading/strategies'));
    if (topic === 'Parameters') renderParameters(await api('/api/control/parameters'));
  },
  resync,
});
document.body.dataset.ready = 'true';
