// Incidents: the list (filtered by status, severity and host; the filters live in the URL), and one
// incident's page (#/incidents/ID, in incident-detail.js). Vigil opens incidents itself by grouping alerts
// of the same host or account, so there is no "new incident" button here.
import {h, replace, badge, unavailable} from '../dom.js';
import {get} from '../api.js';
import {replaceRouteParams} from '../route.js';
import {mountDetail} from './incident-detail.js';
import {STATUSES, label, statusBadge, shortTime} from './incident-format.js';

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'informational'];

export function mount(container, route) {
  const controller = new AbortController();
  if (route.rest[0]) mountDetail(container, route.rest[0], controller.signal);
  else list(container, route.params, controller.signal);
  return () => controller.abort();
}

function list(container, params, signal) {
  const status = h('select', {id: 'incident-filter-status'}, h('option', {value: ''}, 'any'),
    STATUSES.map(s => h('option', {value: s}, label(s))));
  const severity = h('select', {id: 'incident-filter-severity'}, h('option', {value: ''}, 'any'),
    SEVERITIES.map(s => h('option', {value: s}, s)));
  const host = h('input', {id: 'incident-filter-host', placeholder: 'exact host name'});
  const filters = [['status', status], ['severity', severity], ['host', host]];
  for (const [key, input] of filters) input.value = params.get(key) || '';
  const body = h('div', {id: 'incident-list'}, h('p', {class: 'muted'}, 'Loading incidents…'));
  const form = h('form', {class: 'toolbar', on: {submit: e => { e.preventDefault(); load(); }}},
    h('label', {}, 'Status', status), h('label', {}, 'Severity', severity), h('label', {}, 'Host', host),
    h('button', {class: 'button button-primary', type: 'submit', id: 'incident-filter-apply'}, 'Apply'));
  replace(container, h('header', {class: 'page-header'}, h('h1', {}, 'Incidents'),
    h('span', {class: 'muted small'}, 'Opened automatically from alerts of the same host or account')), form, body);

  async function load() {
    const query = new URLSearchParams();
    for (const [key, input] of filters) if (input.value.trim()) query.set(key, input.value.trim());
    replaceRouteParams('incidents', query);
    try {
      const data = await get('/api/incidents' + (query.toString() ? '?' + query : ''), {signal});
      render(data.incidents || [], query.toString() !== '');
    } catch (e) {
      if (e.name !== 'AbortError') replace(body, unavailable('Incidents', e));
    }
  }

  function render(incidents, filtered) {
    if (!incidents.length) {
      replace(body, h('div', {class: 'empty-state'}, h('strong', {}, filtered ? 'No incidents match' : 'No incidents yet'),
        filtered ? null : 'Incidents open when detection rules raise alerts.'));
      return;
    }
    replace(body, h('p', {class: 'muted small', id: 'incident-count'}, incidents.length + (incidents.length === 1 ? ' incident' : ' incidents')),
      h('table', {class: 'data-table incident-table'},
        h('thead', {}, h('tr', {}, ['Detected', 'Incident', 'Severity', 'Status', 'Hosts', 'Accounts', 'Assignee', 'Updated']
          .map(t => h('th', {}, t)))),
        h('tbody', {}, incidents.map(row))));
  }

  load();
}

function row(i) {
  return h('tr', {'data-id': i.id, 'data-status': String(i.status), 'data-severity': String(i.severity)},
    h('td', {class: 'mono nowrap'}, shortTime(i.first_alert_at)),
    h('td', {class: 'incident-title-cell'}, h('a', {href: '#/incidents/' + encodeURIComponent(i.id), class: 'incident-link'},
      String(i.title || i.id)), h('div', {class: 'muted small mono'}, String(i.id))),
    h('td', {}, badge(String(i.severity || '-'))), h('td', {}, statusBadge(i.status)),
    h('td', {class: 'mono name-cell'}, list2(i.hosts)), h('td', {class: 'mono name-cell'}, list2(i.users)),
    h('td', {class: 'nowrap'}, i.assignee ? String(i.assignee) : h('span', {class: 'muted'}, 'unassigned')),
    h('td', {class: 'mono nowrap'}, shortTime(i.updated_at)));
}

/** At most two names and "+N more", so one incident with fifty hosts keeps its row short. */
function list2(values) {
  const all = (values || []).map(String);
  if (!all.length) return h('span', {class: 'muted'}, '-');
  return [all.slice(0, 2).join(', '), all.length > 2 ? h('span', {class: 'muted'}, ' +' + (all.length - 2) + ' more') : null];
}
