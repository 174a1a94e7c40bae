// "Test a rule against recent events": posts Sigma YAML to /api/rules/test (analyst), which compiles it
// alone and runs it over stored events of the chosen range; shows the count and the first matches, each
// linking to the event in Discover. An invalid rule comes back as 400 with the line and the reason.
import {h, replace, notice, unavailable, formatNumber, formatTime} from '../dom.js';
import {post, hasRole} from '../api.js';
import {idsQuery} from '../query-text.js';

const EXAMPLE = 'title: Failed logons\nid: 00000000-0000-4000-8000-000000000000\nlogsource:\n  category: authentication\n'
  + 'detection:\n  selection:\n    event.action: logon-failed\n  condition: selection';

export function ruleTester(signal) {
  const source = h('textarea', {id: 'rule-test-source', rows: '10', spellcheck: 'false', placeholder: EXAMPLE});
  const range = h('select', {id: 'rule-test-range'}, [['now-1h', 'last hour'], ['now-24h', 'last 24 hours'],
    ['now-7d', 'last 7 days']].map(([v, l]) => h('option', {value: v}, l)));
  range.value = 'now-24h';
  const result = h('div', {id: 'rule-test-result'});
  const allowed = hasRole('analyst');
  let running = null;
  const run = h('button', {type: 'button', id: 'rule-test-run', class: 'button button-primary', disabled: !allowed,
    title: allowed ? '' : 'Testing rules needs the analyst role', on: {click: async () => {
      if (running) running.abort();
      const mine = running = new AbortController();
      signal.addEventListener('abort', () => mine.abort());
      replace(result, h('p', {class: 'muted'}, 'Testing…'));
      try {
        const data = await post('/api/rules/test', {yaml: source.value, from: range.value, to: 'now', limit: 50},
          {signal: mine.signal});
        replace(result, summary(data), matchesTable(data.events || []));
      } catch (e) {
        if (e.name === 'AbortError') return;
        replace(result, e.status === 400 ? notice('error', 'The rule is not valid', e.message) : unavailable('Rule testing', e));
      }
    }}}, 'Test');
  return h('div', {class: 'comment-form'}, source, h('div', {class: 'toolbar'}, h('label', {}, 'Range', range), run), result);
}

function summary(data) {
  return h('p', {id: 'rule-test-summary'}, h('strong', {}, formatNumber(data.matches) + ' matching events'),
    ' of ' + formatNumber(data.scanned) + ' scanned' + (data.complete === false ? ' (stopped early: narrow the range)' : ''));
}

function matchesTable(events) {
  if (!events.length) return null;
  const ids = events.map(e => e._id);
  return h('div', {}, h('table', {class: 'data-table'},
    h('thead', {}, h('tr', {}, ['Time', 'Host', 'Event'].map(t => h('th', {}, t)))),
    h('tbody', {}, events.map(e => h('tr', {class: 'rule-test-match'}, h('td', {class: 'mono'}, formatTime(e['@timestamp'])),
      h('td', {class: 'mono'}, String(e.host || '-')),
      h('td', {}, h('a', {class: 'mono', href: '#/discover?' + new URLSearchParams({q: idsQuery([e._id]), from: 'now-90d', to: 'now'})},
        String(e._id))))))),
  h('a', {class: 'button button-small', href: '#/discover?' + new URLSearchParams({q: idsQuery(ids), from: 'now-90d', to: 'now'})},
    'Open these ' + ids.length + ' events in Discover'));
}
