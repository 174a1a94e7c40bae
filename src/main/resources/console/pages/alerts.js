// Alerts: filter by level, rule, host and status; acknowledge or close (analyst+); jump to the events that
// raised an alert in Discover (by _id, around the alert's time). #/alerts?id=X shows that one alert (the
// incident page links here).
import {h, replace, badge, formatTime, unavailable, notice} from '../dom.js';
import {get, post, hasRole} from '../api.js';
import {idsQuery} from '../query-text.js';

const LEVELS = ['', 'critical', 'high', 'medium', 'low', 'informational'];
const STATUSES = ['', 'new', 'acknowledged', 'closed'];
const HOUR = 3600 * 1000;

export function mount(container, route) {
  const controller = new AbortController();
  const level = h('select', {id: 'alert-level'}, LEVELS.map(l => h('option', {value: l}, l || 'any')));
  const status = h('select', {id: 'alert-status'}, STATUSES.map(s => h('option', {value: s}, s || 'any')));
  const rule = h('input', {id: 'alert-rule', placeholder: 'rule id or title'});
  const host = h('input', {id: 'alert-host', placeholder: 'host name'});
  for (const [input, key] of [[level, 'level'], [status, 'status'], [rule, 'rule'], [host, 'host']]) {
    input.value = route.params.get(key) || '';
  }
  const message = h('div', {});
  const list = h('div', {id: 'alert-list'});
  const form = h('form', {class: 'toolbar', on: {submit: e => { e.preventDefault(); load(); }}},
    h('label', {}, 'Level', level), h('label', {}, 'Status', status), h('label', {}, 'Rule', rule),
    h('label', {}, 'Host', host), h('button', {class: 'button button-primary', type: 'submit'}, 'Apply'));
  replace(container, h('header', {class: 'page-header'}, h('h1', {}, 'Alerts')), form, message, list);

  const only = route.params.get('id');

  async function load() {
    if (only) return loadOne();
    const params = new URLSearchParams();
    for (const [key, input] of [['level', level], ['rule', rule], ['host', host], ['status', status]]) {
      if (input.value.trim()) params.set(key, input.value.trim());
    }
    try {
      const data = await get('/api/alerts' + (params.toString() ? '?' + params : ''), {signal: controller.signal});
      render(data.alerts || []);
    } catch (e) {
      if (e.name !== 'AbortError') replace(list, unavailable('Alerts', e));
    }
  }

  async function loadOne() {
    try {
      const alert = await get('/api/alerts/' + encodeURIComponent(only), {signal: controller.signal});
      render([alert]);
      list.prepend(h('p', {class: 'small', id: 'alert-only'}, 'Showing one alert. ', h('a', {href: '#/alerts'}, 'Show all alerts')));
    } catch (e) {
      if (e.name !== 'AbortError') replace(list, unavailable('This alert', e));
    }
  }

  function render(alerts) {
    if (!alerts.length) {
      replace(list, h('div', {class: 'empty-state'}, h('strong', {}, 'No alerts match')));
      return;
    }
    replace(list, h('p', {class: 'muted small'}, alerts.length + (alerts.length === 1 ? ' alert' : ' alerts')),
      h('table', {class: 'data-table'},
        h('thead', {}, h('tr', {}, ['Time', 'Level', 'Rule', 'Host', 'User', 'Tags', 'Status', ''].map(t => h('th', {}, t)))),
        h('tbody', {}, alerts.map(alertRow))));
  }

  function action(alert, label, body, enabled) {
    const allowed = hasRole('analyst');
    const button = h('button', {type: 'button', class: 'button button-small alert-' + label.toLowerCase(),
      disabled: !allowed || !enabled, title: allowed ? label : label + ' needs the analyst role',
      on: {click: async () => {
        button.disabled = true;
        try {
          await post('/api/alerts/' + encodeURIComponent(alert.id) + '/status', body);
          replace(message);
          load();
        } catch (e) {
          button.disabled = false;
          replace(message, notice('error', 'The alert was not changed', e.message));
        }
      }}}, label);
    return button;
  }

  function alertRow(alert) {
    const state = String(alert.status || 'new');
    return h('tr', {'data-id': alert.id, 'data-status': state},
      h('td', {class: 'mono nowrap'}, formatTime(alert.time).slice(0, 19)), h('td', {}, badge(String(alert.level || '-'))),
      h('td', {}, h('div', {}, String(alert.rule_title || '')), h('div', {class: 'muted small mono'}, String(alert.rule_id || ''))),
      h('td', {class: 'mono'}, String(alert.host || '-')), h('td', {class: 'mono'}, String(alert.user || '-')),
      h('td', {}, (alert.tags || []).map(t => badge(String(t), 'tag'))),
      h('td', {}, badge(state)),
      h('td', {class: 'actions'}, action(alert, 'Acknowledge', {status: 'acknowledged'}, state === 'new'), ' ',
        action(alert, 'Close', {status: 'closed'}, state !== 'closed'), ' ', eventsLink(alert)));
  }

  load();
  return () => controller.abort();
}

/** Discover showing exactly the alert's events, in a window around the alert's time. */
function eventsLink(alert) {
  const ids = Array.isArray(alert.event_ids) ? alert.event_ids.map(String) : [];
  if (!ids.length) return null;
  const at = Date.parse(alert.time);
  const range = Number.isNaN(at) ? {from: 'now-90d', to: 'now'} : {from: new Date(at - HOUR).toISOString(), to: new Date(at + HOUR).toISOString()};
  return h('a', {class: 'button button-small alert-events', href: '#/discover?' + new URLSearchParams({q: idsQuery(ids), ...range})},
    'Events (' + ids.length + ')');
}
