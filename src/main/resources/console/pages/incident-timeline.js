// What an incident is made of: affected hosts and accounts, its alerts (each linked to the Alerts page),
// the events behind them (linked to Discover as _id:(a OR b)) and the timeline of everything that happened.
// All of it comes from logs or users, so every string is a text node.
import {h, badge} from '../dom.js';
import {idsQuery, escapeTerm} from '../query-text.js';
import {shortTime} from './incident-format.js';

const HOUR = 3600 * 1000;

/** Event ids named by the timeline's "event" entries (the alerts' matching events), without repeats. */
export function eventIds(incident) {
  const ids = new Set();
  for (const entry of incident.timeline || []) {
    if (entry.kind === 'event') for (const ref of entry.refs || []) ids.add(String(ref));
  }
  return [...ids];
}

/** The hour before the first event to the hour after the last, so Discover's time range holds them all. */
function range(incident) {
  const first = Date.parse(incident.first_event_time);
  const last = Date.parse(incident.last_event_time);
  if (Number.isNaN(first) || Number.isNaN(last)) return {from: 'now-90d', to: 'now'};
  return {from: new Date(first - HOUR).toISOString(), to: new Date(last + HOUR).toISOString()};
}

export function discoverHref(incident, query) {
  return '#/discover?' + new URLSearchParams({q: query, ...range(incident)});
}

function alertHref(alertId) {
  return '#/alerts?' + new URLSearchParams({id: alertId});
}

export function affectedPanel(incident) {
  const affected = incident.affected || {};
  const group = (title, field, values, id) => h('div', {class: 'affected-group', id},
    h('h3', {}, title + ' (' + (values || []).length + ')'),
    (values || []).length ? h('ul', {class: 'chips'}, values.map(v => h('li', {},
      h('a', {class: 'chip', href: discoverHref(incident, escapeTerm(field) + ':' + escapeTerm(v)),
        title: 'Events of ' + field + ' ' + v + ' around this incident'}, String(v)))))
      : h('p', {class: 'muted small'}, 'none'));
  return h('section', {class: 'panel', id: 'incident-affected'}, h('h2', {}, 'Affected'),
    group('Hosts', 'host.name', affected.hosts, 'incident-hosts'),
    group('Accounts', 'user.name', affected.accounts, 'incident-accounts'));
}

export function alertsPanel(incident) {
  const alerts = incident.alerts || [];
  const events = eventIds(incident);
  return h('section', {class: 'panel', id: 'incident-alerts'},
    h('div', {class: 'panel-head'}, h('h2', {}, 'Alerts (' + alerts.length + ')'),
      events.length ? h('a', {class: 'button button-small', id: 'incident-events', href: discoverHref(incident, idsQuery(events))},
        'Open ' + events.length + (events.length === 1 ? ' event' : ' events') + ' in Discover')
        : h('span', {class: 'muted small'}, 'No events linked')),
    alerts.length ? h('table', {class: 'data-table'},
      h('thead', {}, h('tr', {}, ['Event time', 'Level', 'Rule', 'Host', 'User'].map(t => h('th', {}, t)))),
      h('tbody', {}, alerts.map(a => h('tr', {'data-id': a.id},
        h('td', {class: 'mono nowrap'}, shortTime(a.time)), h('td', {}, badge(String(a.level || '-'))),
        h('td', {}, h('a', {class: 'incident-alert-link', href: alertHref(a.id)}, String(a.rule_title || a.rule_id || a.id))),
        h('td', {class: 'mono name-cell'}, a.host ? String(a.host) : '-'), h('td', {class: 'mono name-cell'}, a.user ? String(a.user) : '-')))))
      : h('p', {class: 'muted'}, 'No alerts.'));
}

export function timelinePanel(incident) {
  const entries = [...(incident.timeline || [])].sort((a, b) => String(a.time).localeCompare(String(b.time)));
  return h('section', {class: 'panel', id: 'incident-timeline'}, h('h2', {}, 'Timeline'),
    entries.length ? h('ol', {class: 'timeline'}, entries.map(e => h('li', {class: 'timeline-' + kindClass(e.kind), 'data-kind': e.kind},
      h('div', {class: 'timeline-head'}, h('time', {}, shortTime(e.time)), badge(String(e.kind || 'note'), 'kind-' + kindClass(e.kind)),
        h('span', {class: 'muted small'}, String(e.actor || ''))),
      h('div', {class: 'timeline-text'}, String(e.text || '')),
      refsLinks(incident, e))))
      : h('p', {class: 'muted'}, 'Nothing has happened yet.'));
}

function refsLinks(incident, entry) {
  const refs = (entry.refs || []).map(String);
  if (!refs.length) return null;
  if (entry.kind === 'event') {
    return h('a', {class: 'timeline-ref', href: discoverHref(incident, idsQuery(refs))},
      refs.length === 1 ? 'the event in Discover' : 'these ' + refs.length + ' events in Discover');
  }
  if (entry.kind === 'alert') return h('a', {class: 'timeline-ref', href: alertHref(refs[0])}, 'the alert');
  return h('div', {class: 'muted small mono'}, refs.join(' · '));
}

function kindClass(kind) {
  return String(kind || 'note').toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

export function commentsList(incident) {
  const comments = (incident.timeline || []).filter(e => e.kind === 'comment');
  if (!comments.length) return h('p', {class: 'muted', id: 'incident-comment-list'}, 'No comments yet.');
  return h('ul', {class: 'comments', id: 'incident-comment-list'}, comments.map(c => h('li', {class: 'comment'},
    h('div', {class: 'comment-head'}, h('strong', {}, String(c.actor || '')), h('time', {class: 'muted mono small'}, shortTime(c.time))),
    h('p', {class: 'comment-text'}, String(c.text || '')))));
}
