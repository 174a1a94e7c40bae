// Incidents: the list, and one incident's detail (#/incidents/ID) with its timeline, linked alerts and
// events, status changes, comments and a Markdown report export.
import {h, replace, badge, formatTime, unavailable, notice, download} from '../dom.js';
import {get, post, hasRole} from '../api.js';
import {idsQuery} from '../query-text.js';

const STATUSES = ['open', 'investigating', 'contained', 'resolved', 'closed'];

export function mount(container, route) {
  const controller = new AbortController();
  if (route.rest[0]) detail(container, route.rest[0], controller.signal);
  else list(container, controller.signal);
  return () => controller.abort();
}

async function list(container, signal) {
  const body = h('div', {id: 'incident-list'}, h('p', {class: 'muted'}, 'Loading incidents…'));
  replace(container, h('header', {class: 'page-header'}, h('h1', {}, 'Incidents')), body);
  try {
    const data = await get('/api/incidents', {signal});
    const incidents = data.incidents || [];
    replace(body, incidents.length ? h('table', {class: 'data-table'},
      h('thead', {}, h('tr', {}, ['Opened', 'Title', 'Severity', 'Status', 'Alerts', 'Assignee'].map(t => h('th', {}, t)))),
      h('tbody', {}, incidents.map(i => h('tr', {'data-id': i.id},
        h('td', {class: 'mono'}, formatTime(i.created_at)),
        h('td', {}, h('a', {href: '#/incidents/' + encodeURIComponent(i.id)}, String(i.title || i.id))),
        h('td', {}, badge(String(i.severity || '-'))), h('td', {}, badge(String(i.status || '-'))),
        h('td', {class: 'num'}, String((i.alert_ids || []).length)), h('td', {}, String(i.assignee || '-'))))))
      : h('div', {class: 'empty-state'}, h('strong', {}, 'No incidents')));
  } catch (e) {
    if (e.name !== 'AbortError') replace(body, unavailable('Incidents', e));
  }
}

async function detail(container, id, signal) {
  const path = '/api/incidents/' + encodeURIComponent(id);
  replace(container, h('p', {class: 'muted'}, 'Loading incident…'));
  let incident;
  try {
    incident = await get(path, {signal});
  } catch (e) {
    if (e.name !== 'AbortError') replace(container, h('a', {href: '#/incidents'}, '‹ Incidents'), unavailable('This incident', e));
    return;
  }
  const message = h('div', {});
  const status = h('select', {id: 'incident-status', disabled: !hasRole('analyst')},
    STATUSES.map(s => h('option', {value: s}, s)));
  status.value = incident.status || 'open';
  status.addEventListener('change', () => act(path + '/status', {status: status.value}));
  const comment = h('textarea', {id: 'incident-comment', rows: '3', placeholder: 'Add a comment'});
  const events = incident.event_ids || [];
  replace(container,
    h('a', {href: '#/incidents'}, '‹ Incidents'),
    h('header', {class: 'page-header'}, h('h1', {}, String(incident.title || id)),
      h('div', {class: 'toolbar'}, h('label', {}, 'Status', status),
        h('button', {type: 'button', id: 'incident-report', class: 'button', on: {click: () =>
          download('incident-' + id + '.md', 'text/markdown', report(incident))}}, 'Export report'))),
    message,
    h('div', {class: 'split'},
      h('section', {class: 'panel'}, h('h2', {}, 'Timeline'), h('ul', {class: 'timeline'},
        (incident.timeline || []).map(t => h('li', {}, h('time', {}, formatTime(t.time)),
          h('span', {}, String(t.text || t.type || '')), t.user ? h('span', {class: 'muted'}, ' — ' + String(t.user)) : null)))),
      h('section', {class: 'panel'}, h('h2', {}, 'Linked alerts'), h('ul', {}, (incident.alerts || []).map(a =>
        h('li', {}, badge(String(a.level || '-')), ' ', String(a.rule_title || a.id), ' ', h('span', {class: 'muted mono'},
          String(a.host || ''))))),
        h('h2', {}, 'Linked events'), events.length ? h('a', {class: 'button button-small', href: '#/discover?' +
          new URLSearchParams({q: idsQuery(events), from: 'now-90d', to: 'now'})}, 'Open ' + events.length + ' events in Discover')
          : h('p', {class: 'muted'}, 'No events linked.'))),
    h('section', {class: 'panel'}, h('h2', {}, 'Comments'),
      h('ul', {}, (incident.comments || []).map(c => h('li', {}, h('strong', {}, String(c.user || '')), ' ',
        h('span', {class: 'muted mono'}, formatTime(c.time)), h('p', {}, String(c.text || ''))))),
      hasRole('analyst') ? h('div', {class: 'comment-form'}, comment, h('div', {}, h('button', {type: 'button',
        class: 'button button-primary', on: {click: () => act(path + '/comments', {text: comment.value})}}, 'Comment'))) : null));

  async function act(url, body) {
    try {
      await post(url, body, {signal});
      detail(container, id, signal);
    } catch (e) {
      if (e.name !== 'AbortError') replace(message, notice('error', 'The change was not saved', e.message));
    }
  }
}

function report(incident) {
  const lines = ['# Incident ' + incident.id + ': ' + (incident.title || ''), '',
    '- Status: ' + incident.status, '- Severity: ' + (incident.severity || '-'), '- Opened: ' + (incident.created_at || '-'), '',
    '## Timeline', ...(incident.timeline || []).map(t => '- ' + t.time + ' ' + (t.text || t.type || '')), '',
    '## Alerts', ...(incident.alerts || []).map(a => '- ' + (a.level || '') + ' ' + (a.rule_title || a.id) + ' on ' + (a.host || '-')), '',
    '## Events', ...(incident.event_ids || []).map(e => '- ' + e), '',
    '## Comments', ...(incident.comments || []).map(c => '- ' + c.time + ' ' + c.user + ': ' + c.text), ''];
  return lines.join('\n');
}
