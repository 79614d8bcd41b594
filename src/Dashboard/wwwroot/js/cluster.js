// Cluster (grain-health) view: polls the snapshot and the log tail each second, dead letters every 5 s.
import { api, el, $, setText, fixed, bytes, duration, utc, fillRows, poll, initChrome, connectLive } from './common.js';

const cell = (text, attributes = {}) => el('td', attributes, text);
const num = (text, attributes = {}) => el('td', { class: 'num', ...attributes }, text);
const rate = (v) => fixed(v, 2);
const ms = (v) => fixed(v, 2);

function renderSnapshot(s) {
  setText('cluster-activations', s.totalActivations);
  setText('cluster-calls', rate(s.callsPerSecond));
  setText('cluster-errors', rate(s.errorsPerSecond), s.errorsPerSecond > 0 ? -1 : 0);
  setText('cluster-latency', ms(s.averageLatencyMs));
  setText('cluster-uptime', duration(s.uptimeSeconds));
  const p = s.process;
  setText('process-cpu', `${fixed(p.cpuPercent, 1)} %`);
  setText('process-memory', bytes(p.workingSetBytes));
  setText('process-gc-heap', bytes(p.gcHeapBytes));
  setText('process-gc-pause', `${fixed(p.gcPausePercent, 2)} %`);
  setText('process-gc-counts', `${p.gen0Collections} / ${p.gen1Collections} / ${p.gen2Collections}`);
  setText('process-threads', `${p.threadPoolQueueLength} / ${p.threadCount}`);

  fillRows('grains-body', s.grainTypes, (g) => el('tr', { testid: `grain-row-${g.grainType}` },
    cell(g.grainType), num(g.activations), num(rate(g.callsPerSecond)),
    num(rate(g.errorsPerSecond), { class: g.errorsPerSecond > 0 ? 'num down' : 'num' }),
    num(ms(g.averageLatencyMs)), num(ms(g.p99LatencyMs)), num(g.mailboxDepth), num(g.mailboxMaxDepth),
    num(g.rejected, { class: g.rejected > 0 ? 'num down' : 'num' }), num(g.timeouts, { class: g.timeouts > 0 ? 'num down' : 'num' })), 'No grains active', 10);
  fillRows('methods-body', s.methods, (m) => el('tr', { testid: `method-row-${m.grainType}.${m.method}` },
    cell(m.grainType), cell(m.method), num(rate(m.callsPerSecond)),
    num(rate(m.errorsPerSecond), { class: m.errorsPerSecond > 0 ? 'num down' : 'num' }),
    num(ms(m.averageLatencyMs)), num(ms(m.p99LatencyMs))), 'No calls in the window', 6);
  fillRows('mailboxes-body', s.mailboxes, (m) => el('tr', { testid: `mailbox-row-${m.grainType}-${m.key}` },
    cell(m.grainType), cell(m.key), num(m.depth), num(m.capacity), num(ms(m.oldestWaitMs))), 'All mailboxes empty', 5);
  fillRows('storage-body', s.storage, (t) => el('tr', { testid: `storage-row-${t.stateName}` },
    cell(t.stateName), num(ms(t.readLatencyMs)), num(ms(t.writeLatencyMs)), num(t.reads), num(t.writes),
    num(t.errors, { class: t.errors > 0 ? 'num down' : 'num' }), num(t.inconsistentState, { class: t.inconsistentState > 0 ? 'num down' : 'num' })), 'No storage activity', 7);
  fillRows('streams-body', s.streams, (t) => el('tr', { testid: `stream-row-${t.stream}-${t.subscriber}` },
    cell(t.stream), cell(t.subscriber), num(rate(t.publishedPerSecond)), num(rate(t.deliveredPerSecond)),
    num(t.lag, { class: t.lag > 0 ? 'num down' : 'num', testid: `stream-lag-${t.stream}-${t.subscriber}` }), num(t.retries), num(t.deadLetters)), 'No streams', 7);
}

async function inspect(id) {
  const letter = await api(`/api/cluster/dead-letters/${encodeURIComponent(id)}`);
  let payload = letter.payload;
  try { payload = JSON.stringify(JSON.parse(letter.payload), null, 2); } catch { /* not JSON: show as is */ }
  const detail = $('dead-letter-detail');
  detail.textContent = `${letter.summary.id} · ${letter.summary.messageType} → ${letter.summary.source}\n`
    + `reason: ${letter.summary.reason} · attempts: ${letter.summary.attempts}\n`
    + (letter.error ? `error: ${letter.error}\n` : '')
    + `\n${payload}`;
  detail.classList.remove('hidden');
}

async function loadDeadLetters() {
  const letters = await api('/api/cluster/dead-letters?limit=100');
  fillRows('deadletters-body', letters, (d) => el('tr', { testid: `dead-letter-row-${d.id}` },
    cell(utc(d.at)), cell(d.source), cell(d.messageType), cell(d.reason), num(d.attempts),
    el('td', {}, el('button', { type: 'button', testid: `dead-letter-inspect-${d.id}`, onclick: () => inspect(d.id) }, 'Inspect'))), 'No dead letters', 6);
}

const levels = { Trace: 0, Debug: 1, Information: 2, Warning: 3, Error: 4, Critical: 5 };
const maxLines = 500;
let lastSequence = 0;
async function loadLog() {
  if ($('log-pause').checked) return;
  const tail = await api(`/api/cluster/logs?after=${lastSequence}&limit=500`);
  lastSequence = tail.lastSequence;
  const log = $('log-tail');
  const minimum = Number($('log-level').value);
  const stick = log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
  for (const line of tail.lines) {
    const node = el('div', { class: `lvl-${line.level}`, 'data-level': levels[line.level] ?? 2 },
      `${utc(line.at).slice(11)} ${line.level.slice(0, 4).toUpperCase()} ${line.category}: ${line.message}`);
    node.classList.toggle('hidden', (levels[line.level] ?? 2) < minimum);
    log.append(node);
  }
  while (log.childElementCount > maxLines) log.firstElementChild.remove();
  if (stick) log.scrollTop = log.scrollHeight;
}
$('log-level').addEventListener('change', () => {
  const minimum = Number($('log-level').value);
  for (const node of $('log-tail').children) node.classList.toggle('hidden', Number(node.dataset.level) < minimum);
});

await initChrome();
await connectLive({});
poll(async () => renderSnapshot(await api('/api/cluster/snapshot')), 1000);
poll(loadLog, 1000);
poll(loadDeadLetters, 5000);
document.body.dataset.ready = 'true';
