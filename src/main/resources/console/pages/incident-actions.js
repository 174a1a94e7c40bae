// Containment actions on an incident (request, approve, see what became of each) and the report
// downloads. The server does not list its configured actions, so the action is typed by name (names
// already used on this incident are suggested); a wrong name comes back as a 400 that lists the
// configured ones. An action that needs approval must be approved by someone other than its requester.
import {h, badge, formatTime} from '../dom.js';
import {hasRole, currentUser} from '../api.js';
import {shortTime} from './incident-format.js';

const REPORTS = [['stix', 'STIX 2.1', 'Indicators and sightings as a STIX bundle (JSON)'],
  ['html', 'HTML', 'A readable report to open in a browser or attach to a ticket'],
  ['pdf', 'PDF', 'The same report as a PDF']];

/** Plain links: the browser downloads them with the session cookie (Content-Disposition: attachment). */
export function reportButtons(path, incident) {
  return h('div', {class: 'report-buttons', id: 'incident-reports'}, h('span', {class: 'muted small'}, 'Report'),
    REPORTS.map(([format, name, title]) => h('a', {class: 'button button-small', id: 'report-' + format, title,
      href: path + '/report?format=' + format, download: 'incident-' + String(incident.id) + '.' + (format === 'stix' ? 'json' : format)},
    '⤓ ' + name)));
}

export function actionsPanel(incident, path, change) {
  const analyst = hasRole('analyst');
  const actions = incident.actions || [];
  const known = [...new Set(actions.map(a => String(a.action)))];
  const name = h('input', {id: 'incident-action-name', placeholder: 'configured action, e.g. isolate-host', list: 'incident-action-names',
    disabled: !analyst, autocomplete: 'off'});
  const hosts = (incident.affected && incident.affected.hosts) || incident.hosts || [];
  const host = h('select', {id: 'incident-action-host', disabled: !analyst || hosts.length < 2},
    hosts.length ? hosts.map(v => h('option', {value: String(v)}, String(v))) : h('option', {value: ''}, 'no host'));
  const request = h('button', {type: 'button', id: 'incident-action-request', class: 'button', disabled: !analyst,
    title: analyst ? null : 'Requesting an action needs the analyst role',
    on: {click: () => {
      if (!name.value.trim()) return;
      change(path + '/actions', {action: name.value.trim(), host: host.value || undefined},
        'Action ' + name.value.trim() + ' requested.');
    }}}, 'Request');
  return h('section', {class: 'panel', id: 'incident-actions'}, h('h2', {}, 'Containment actions'),
    actions.length ? actionList(actions, path, change) : h('p', {class: 'muted'}, 'No action has been requested.'),
    h('datalist', {id: 'incident-action-names'}, known.map(n => h('option', {value: n}))),
    h('div', {class: 'inline-form'}, h('label', {class: 'grow'}, 'Action', name)),
    h('div', {class: 'inline-form'}, h('label', {class: 'grow'}, 'Host', host), request));
}

/** One card per action (a table is too wide for the side column once host names are long). */
function actionList(actions, path, change) {
  return h('ul', {class: 'action-list'}, actions.map(a => h('li', {class: 'action-card', 'data-id': a.id, 'data-state': String(a.state)},
    h('div', {class: 'action-head'}, h('span', {class: 'mono action-name'}, String(a.action)),
      badge(String(a.state || '-').replace(/_/g, ' '), 'action-' + String(a.state || 'none')),
      a.state === 'pending_approval' ? approveButton(a, path, change) : null),
    h('div', {class: 'small'}, h('span', {class: 'muted'}, 'host '), h('span', {class: 'mono'}, a.host ? String(a.host) : '-')),
    h('div', {class: 'muted small'}, 'requested by ' + String(a.requested_by || '-') + ' at ' + shortTime(a.requested_at)
      + (a.approved_by ? ' · approved by ' + String(a.approved_by) : '')),
    a.result || a.attempts ? h('div', {class: 'small action-result'}, a.result ? String(a.result) : '',
      a.attempts ? h('span', {class: 'muted'}, ' (' + a.attempts + (a.attempts === 1 ? ' attempt' : ' attempts')
        + (a.finished_at ? ', finished ' + formatTime(a.finished_at).slice(11, 19) : '') + ')') : null) : null)));
}

function approveButton(action, path, change) {
  const me = currentUser() ? currentUser().user : null;
  const own = action.requested_by === me;
  return h('button', {type: 'button', class: 'button button-small action-approve', disabled: !hasRole('analyst') || own,
    title: own ? 'You requested it; another analyst or admin must approve it' : 'Run this action now',
    on: {click: () => change(path + '/actions/' + encodeURIComponent(action.id) + '/approve', {},
      'Action ' + action.action + ' approved.')}}, 'Approve');
}
