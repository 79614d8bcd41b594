// Trading view: positions, account, strategies, trades, status (live over SignalR), charts, backtests.
import {
  api, el, $, setText, money, signedMoney, price, pct, fixed, tone, utc, fillRows, initChrome, connectLive,
} from './common.js';
import { createCandleChart, createEquityChart } from './charts.js';

const cell = (text, attributes = {}) => el('td', attributes, text);
const num = (text, attributes = {}) => el('td', { class: 'num', ...attributes }, text);
const pnlCell = (value, attributes = {}) => num(signedMoney(value), { ...attributes, class: `num ${tone(value) > 0 ? 'up' : tone(value) < 0 ? 'down' : ''}` });

export function renderPositions(positions) {
  fillRows('positions-body', positions, (p) => el('tr', { testid: `position-row-${p.symbol}` },
    cell(p.symbol),
    cell(p.side, { class: p.side === 'Long' ? 'up' : 'down' }),
    num(price(p.quantity)),
    num(price(p.entryPrice)),
    num(price(p.markPrice), { testid: `position-mark-${p.symbol}` }),
    pnlCell(p.unrealizedPnl, { testid: `position-pnl-${p.symbol}` }),
    num(`${p.leverage}x`),
    num(price(p.stopLoss), { class: p.stopLoss === null ? 'num down' : 'num' }),
    num(price(p.takeProfit)),
    cell(p.strategy)), 'No open positions', 10);
}

function renderAccount(a) {
  setText('account-total', `${money(a.totalBalance)} ${a.asset}`);
  setText('account-available', `${money(a.availableBalance)} ${a.asset}`);
  setText('account-daily-pnl', signedMoney(a.dailyPnl), tone(a.dailyPnl));
  setText('account-cumulative-pnl', signedMoney(a.cumulativePnl), tone(a.cumulativePnl));
}

function renderStatus(s) {
  setText('status-running', s.running ? 'running' : 'stopped', s.running ? 1 : -1);
  setText('status-entries', s.entriesAllowed ? 'allowed' : 'blocked', s.entriesAllowed ? 1 : -1);
  setText('status-strategies', s.activeStrategies.length ? s.activeStrategies.join(', ') : 'none');
  setText('status-daily-loss', `${money(s.dailyLossUsed)} / ${money(s.dailyLossLimit)}`);
  const meter = $('status-daily-loss-meter');
  meter.max = s.dailyLossLimit > 0 ? s.dailyLossLimit : 1;
  meter.value = Math.min(s.dailyLossUsed, meter.max);
  setText('status-last-update', utc(s.lastUpdate));
  setText('status-message', s.message ?? '');
  fillRows('connections-body', s.connections, (c) => el('tr', { testid: `connection-row-${c.name}` },
    cell(c.name),
    el('td', {}, el('span', { class: `badge ${c.state === 'Connected' ? 'ok' : c.state === 'Disconnected' ? 'bad' : 'warn'}` }, c.state)),
    cell(utc(c.lastMessageAt)),
    num(c.reconnects)), 'No connections', 4);
}

function renderStrategies(strategies) {
  fillRows('strategies-body', strategies, (s) => el('tr', { testid: `strategy-row-${s.strategy}` },
    cell(`${s.strategy} · ${s.name}`),
    el('td', { testid: `strategy-state-${s.strategy}` }, el('span', { class: `badge ${s.enabled ? 'ok' : 'bad'}` }, s.enabled ? 'enabled' : 'disabled')),
    num(s.trades),
    num(pct(s.winRate)),
    pnlCell(s.averagePnl),
    num(s.profitFactor === null ? '∞' : fixed(s.profitFactor)),
    pnlCell(s.totalPnl)), 'No strategies', 7);
}

function renderTrades(trades) {
  fillRows('trades-body', trades, (t) => el('tr', { testid: 'trade-row' },
    cell(utc(t.closedAt)),
    cell(t.symbol),
    cell(t.side, { class: t.side === 'Long' ? 'up' : 'down' }),
    cell(t.strategy),
    num(price(t.entryPrice)),
    num(price(t.exitPrice)),
    num(price(t.quantity)),
    pnlCell(t.realizedPnl),
    cell(t.exitReason)), 'No trades yet', 9);
}

async function loadSnapshot() {
  const snapshot = await api('/api/trading/snapshot');
  renderPositions(snapshot.positions);
  renderAccount(snapshot.account);
  renderStrategies(snapshot.strategies);
  renderTrades(snapshot.trades);
  renderStatus(snapshot.status);
}

const equityChart = createEquityChart($('equity-chart'));
const loadEquity = async () => equityChart.setData(await api('/api/trading/equity'));

const candleChart = createCandleChart($('candle-chart'));
async function loadChart() {
  const symbol = $('chart-symbol').value;
  const timeframe = $('chart-timeframe').value;
  if (!symbol || !timeframe) return;
  try {
    const view = await api(`/api/trading/charts/${encodeURIComponent(symbol)}/${encodeURIComponent(timeframe)}?limit=300`);
    candleChart.setData(view);
    setText('chart-info', `${view.candles.length} candles · ${view.zones.length} zones · ${view.levels.length} levels · ${view.markers.length} markers`);
  } catch (failure) {
    setText('chart-info', failure.message);
  }
}

async function loadCatalog() {
  const catalog = await api('/api/trading/charts');
  const fill = (id, values) => $(id).replaceChildren(...values.map((v) => el('option', { value: v }, v)));
  fill('chart-symbol', catalog.symbols);
  fill('chart-timeframe', catalog.timeframes);
  if (catalog.timeframes.includes('15m')) $('chart-timeframe').value = '15m';
  await loadChart();
}
$('chart-symbol').addEventListener('change', loadChart);
$('chart-timeframe').addEventListener('change', loadChart);

let backtestChart = null;
async function showBacktest(id) {
  const run = await api(`/api/backtests/${encodeURIComponent(id)}`);
  const container = $('backtest-chart');
  container.classList.remove('hidden');
  backtestChart ??= createEquityChart(container);
  backtestChart.setData(run.equityCurve);
  setText('backtest-title', `Equity curve of ${run.summary.id} (${run.summary.strategies} on ${run.summary.symbols.join(', ')})`);
}

async function loadBacktests() {
  const runs = await api('/api/backtests');
  fillRows('backtests-body', runs, (r) => el('tr', { testid: `backtest-row-${r.id}` },
    cell(r.id),
    cell(utc(r.ranAt)),
    cell(r.strategies),
    cell(r.symbols.join(', ')),
    cell(`${utc(r.from).slice(0, 10)} → ${utc(r.to).slice(0, 10)}`),
    num(r.metrics.trades),
    num(pct(r.metrics.winRate)),
    num(r.metrics.profitFactor === null ? '∞' : fixed(r.metrics.profitFactor)),
    num(fixed(r.metrics.sharpeRatio)),
    num(`${fixed(r.metrics.maxDrawdownPercent)} %`),
    num(`${fixed(r.metrics.totalReturnPercent)} %`, { class: `num ${tone(r.metrics.totalReturnPercent) > 0 ? 'up' : 'down'}` }),
    num(fixed(r.metrics.averageRiskReward)),
    el('td', {}, el('button', { type: 'button', testid: `backtest-view-${r.id}`, onclick: () => showBacktest(r.id) }, 'Equity curve'))), 'No backtest runs stored', 13);
}

const refetch = {
  Trades: async () => renderTrades(await api('/api/trading/trades?limit=20')),
  Strategies: async () => renderStrategies(await api('/api/trading/strategies')),
  Equity: loadEquity,
  Charts: loadChart,
  Backtests: loadBacktests,
};

await initChrome();
await connectLive({
  positions: renderPositions,
  account: renderAccount,
  status: renderStatus,
  changed: (topic) => refetch[topic]?.(),
  resync: loadSnapshot,
});
await Promise.all([loadEquity(), loadCatalog(), loadBacktests()]);
document.body.dataset.ready = 'true';
