// Sources: every log source Vigil has heard from since it started, how fast it sends (1- and 5-minute
// averages), how much of it fails to parse, when it last sent, and which went silent for longer than
// its limit (sources.max_silence_minutes). Silent sources come first and are marked; the page refreshes
// itself every 15 seconds.
import {h, replace, badge, formatTime, formatNumber, unavailable} from '../dom.js';
import {get} from '../api.js';

const REFRESH_MS = 15000;

export function mount(container) {
  const controller = new AbortController();
  const summary = h('div', {id: 'source-summary'});
  const body = h('div', {id: 'source-list'}, h('p', {class: 'muted'}, 'Loading sources…'));
  const updated = h('span', {class: 'muted small', id: 'source-updated'});
  replace(container, h('header', {class: 'page-header'}, h('h1', {}, 'Sources'), updated), summary, body);

  async function load() {
    try {
      const data = await get('/api/sources', {signal: controller.signal});
      render(data.sources || []);
      updated.textContent = 'Updated ' + formatTime(new Date().toISOString()).slice(11, 19) + ' UTC · refreshes every 15 s';
    } catch (e) {
      if (e.name !== 'AbortError') replace(body, unavailable('Sources', e));
    }
  }

  function render(sources) {
    const silent = sources.filter(s => s.silent);
    replace(summary, sources.length ? h('div', {class: ['source-summary', silent.length ? 'has-silent' : null]},
      stat(formatNumber(sources.length), sources.length === 1 ? 'source' : 'sources'),
      stat(formatNumber(silent.length), 'silent', silent.length ? 'stat-bad' : null),
      stat(rate(sum(sources, 'events_per_s')), 'events/s (1 min)'),
      stat(bytes(sum(sources, 'bytes_per_s')) + '/s', 'received (1 min)'),
      stat(formatNumber(sum(sources, 'parse_failures')), 'parse failures', sum(sources, 'parse_failures') ? 'stat-warn' : null))
      : null);
    if (!sources.length) {
      replace(body, h('div', {class: 'empty-state'}, h('strong', {}, 'No source has sent anything yet'),
        'Sources appear here once they send their first events.'));
      return;
    }
    const ordered = [...sources].sort((a, b) => (b.silent === true) - (a.silent === true) || String(a.name).localeCompare(String(b.name)));
    replace(body, h('table', {class: 'data-table source-table'},
      h('thead', {}, h('tr', {}, ['Source', 'State', 'Events/s', 'Bytes/s', 'Events', 'Parse failures', 'Last event', 'First seen']
        .map((t, i) => h('th', {class: i >= 2 && i <= 5 ? 'num' : null}, t)))),
      h('tbody', {}, ordered.map(row))));
  }

  load();
  const timer = setInterval(load, REFRESH_MS);
  return () => { clearInterval(timer); controller.abort(); };
}

function row(s) {
  const failures = Number(s.parse_failures) || 0;
  return h('tr', {'data-name': String(s.name), class: s.silent ? 'row-silent' : null},
    h('td', {class: 'mono source-name'}, String(s.name)),
    h('td', {}, s.silent ? badge('silent') : badge('receiving', 'ok')),
    h('td', {class: 'num'}, rate(s.events_per_s), h('div', {class: 'muted small'}, rate(s.events_per_s_5m) + ' 5 min')),
    h('td', {class: 'num'}, bytes(s.bytes_per_s), h('div', {class: 'muted small'}, bytes(s.bytes_per_s_5m) + ' 5 min')),
    h('td', {class: 'num source-events'}, formatNumber(s.events)),
    h('td', {class: ['num', 'source-failures', failures ? 'has-failures' : null]}, formatNumber(failures),
      failures ? h('div', {class: 'small'}, percent(s.parse_failure_ratio)) : null),
    h('td', {class: 'mono nowrap source-last'}, formatTime(s.last_event).slice(0, 19), h('div', {class: 'muted small'}, ago(s.last_event))),
    h('td', {class: 'mono nowrap muted'}, formatTime(s.first_seen).slice(0, 19)));
}

function stat(value, text, kind) {
  return h('div', {class: ['stat', kind]}, h('div', {class: 'stat-value'}, value), h('div', {class: 'stat-label'}, text));
}

function sum(sources, key) {
  return sources.reduce((total, s) => total + (Number(s[key]) || 0), 0);
}

function rate(n) {
  if (typeof n !== 'number') return '-';
  return n >= 100 ? formatNumber(Math.round(n)) : n.toFixed(n >= 10 ? 1 : 2);
}

function bytes(n) {
  if (typeof n !== 'number') return '-';
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return (unit === 0 ? Math.round(value) : value.toFixed(1)) + ' ' + units[unit];
}

function percent(ratio) {
  return typeof ratio === 'number' ? (ratio * 100).toFixed(ratio < 0.01 ? 2 : 1) + ' %' : '';
}

/** "12 s ago", "4 min ago", "3 h ago" from an ISO time. */
function ago(value) {
  const at = Date.parse(value);
  if (Number.isNaN(at)) return '';
  const s = Math.max(0, Math.round((Date.now() - at) / 1000));
  if (s < 60) return s + ' s ago';
  if (s < 3600) return Math.floor(s / 60) + ' min ago';
  if (s < 86400) return Math.floor(s / 3600) + ' h ago';
  return Math.floor(s / 86400) + ' d ago';
}
