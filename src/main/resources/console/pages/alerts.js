// Alerts: filter by level, rule, host and status; acknowledge (analyst+); jump to the events in Discover.
import {h, replace, badge, formatTime, unavailable} from '../dom.js';
import {get, post, hasRole} from '../api.js';
import {idsQuery} from '../query-text.js';

const LEVELS = ['', 'critical', 'high', 'medium', 'low', 'informational'];

export function mount(container, route) {
  const controller = new AbortController();
  const level = h('select', {id: 'alert-level'}, LEVELS.map(l => h('option', {value: l}, l || 'any')));
  const status = h('select', {id: 'alert-status'}, ['', 'new', 'acknowledged'].map(s => h('option', {value: s}, s || 'any')));
  const rule = h('input', {id: 'alert-rule', placeholder: 'rule id or title'});
  const host = h('input', {id: 'alert-host', placeholder: 'host name'});
  for (const [input, key] of [[level, 'level'], [status, 'status'], [rule, 'rule'], [host, 'host']]) {
    input.value = route.params.get(key) || '';
  }
  const list = h('div', {id: 'alert-list'});
  const form = h('form', {class: 'toolbar', on: {submit: e => { e.preventDefault(); load(); }}},
    h('label', {}, 'Level', level), h('label', {}, 'Status', status), h('label', {}, 'Rule', rule),
    h('label', {}, 'Host', host), h('button', {class: 'button button-primary', type: 'submit'}, 'Apply'));
  replace(container, h('header', {class: 'page-header'}, h('h1', {}, 'Alerts')), form, list);

  async function load() {
    const params = new URLSearchParams();
    for (const [key, input] of [['level', level], ['rule', rule], ['host', host], ['status', status]]) {
      if (input.value.trim()) params.set(key, input.value.trim());
    }
    replace(list, h('p', {class: 'muted'}, 'Loading alerts…'));
    try {
      const data = await get('/api/alerts' + (params.toString() ? '?' + params : ''), {signal: controller.signal});
      render(data.alerts || []);
    } catch (e) {
      if (e.name !== 'AbortError') replace(list, unavailable('Alerts', e));
    }
  }

  function render(alerts) {
    if (!alerts.length) {
      replace(list, h('div', {class: 'empty-state'}, h('strong', {}, 'No alerts match')));
      return;
    }
    replace(list, h('table', {class: 'data-table'},
      h('thead', {}, h('tr', {}, ['Time', 'Level', 'Rule', 'Host', 'Tags', 'Status', ''].map(t => h('th', {}, t)))),
      h('tbody', {}, alerts.map(alertRow))));
  }

  function alertRow(alert) {
    const ids = Array.isArray(alert.event_ids) ? alert.event_ids : [];
    const ack = h('button', {type: 'button', class: 'button button-small', disabled: !hasRole('analyst') || alert.status !== 'new',
      title: hasRole('analyst') ? 'Acknowledge' : 'Acknowledging needs the analyst role',
      on: {click: async () => {
        ack.disabled = true;
        try {
          await post('/api/alerts/' + encodeURIComponent(alert.id) + '/ack');
          load();
        } catch (e) {
          ack.disabled = false;
          ack.title = e.message;
        }
      }}}, 'Acknowledge');
    return h('tr', {'data-id': alert.id},
      h('td', {class: 'mono'}, formatTime(alert.time)), h('td', {}, badge(String(alert.level || '-'))),
      h('td', {}, h('div', {}, String(alert.rule_title || '')), h('div', {class: 'muted small mono'}, String(alert.rule_id || ''))),
      h('td', {class: 'mono'}, String(alert.host || '-')),
      h('td', {}, (alert.tags || []).map(t => badge(String(t), 'tag'))),
      h('td', {}, badge(String(alert.status || 'new'))),
      h('td', {}, ack, ' ', ids.length ? h('a', {class: 'button button-small', href: '#/discover?' + new URLSearchParams(
        {q: idsQuery(ids), from: 'now-90d', to: 'now'})}, 'Events (' + ids.length + ')') : null));
  }

  load();
  return () => controller.abort();
}
