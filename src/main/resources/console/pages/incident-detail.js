// One incident (#/incidents/ID): what it is, how response is going (status moves the server allows,
// assignee, times to detect/contain/recover), what it touches (hosts, accounts, alerts, events), its
// timeline and comments, containment actions and report downloads. Every change is a POST followed by a
// fresh GET, so the page always shows what the server stored; a refused change keeps its message on screen.
import {h, replace, badge, notice} from '../dom.js';
import {get, post, hasRole} from '../api.js';
import {label, statusBadge, shortTime, duration} from './incident-format.js';
import {alertsPanel, timelinePanel, commentsList, affectedPanel} from './incident-timeline.js';
import {actionsPanel, reportButtons} from './incident-actions.js';

export function mountDetail(container, id, signal) {
  const path = '/api/incidents/' + encodeURIComponent(id);
  const message = h('div', {id: 'incident-message', 'aria-live': 'polite'});
  const content = h('div', {id: 'incident-detail'}, h('p', {class: 'muted'}, 'Loading incident…'));
  replace(container, h('a', {href: '#/incidents', class: 'back-link'}, '‹ Incidents'), message, content);

  async function load() {
    try {
      render(await get(path, {signal}));
    } catch (e) {
      if (e.name === 'AbortError') return;
      replace(content, e.status === 404 && e.body.error
        ? notice('error', 'No such incident', e.body.error + '. It may have been typed wrong; the list has every incident.')
        : notice('error', 'The incident could not be loaded', e.message));
    }
  }

  /** Sends a change; on success shows `done` and reloads, on refusal shows why (a 409 lists the allowed moves). */
  async function change(url, body, done) {
    try {
      await post(url, body, {signal});
      replace(message, notice('ok', done));
      await load();
      return true;
    } catch (e) {
      if (e.name === 'AbortError') return false;
      const allowed = Array.isArray(e.body.allowed) ? e.body.allowed : null;
      replace(message, allowed
        ? notice('error', 'The move was refused: ' + e.message, 'Someone may have moved this incident meanwhile; the page now '
          + 'shows its current status. Moves allowed now: ' + (allowed.length ? allowed.map(label).join(', ') : 'none (final status)') + '.')
        : notice('error', 'The change was not saved', e.message));
      await load();
      return false;
    }
  }

  function render(incident) {
    replace(content,
      h('header', {class: 'incident-header'},
        h('div', {class: 'incident-heading'}, h('h1', {class: 'incident-title', id: 'incident-title'}, String(incident.title || id)),
          h('div', {class: 'incident-meta'}, badge(String(incident.severity || '-')),
            h('span', {id: 'incident-status-badge'}, statusBadge(incident.status)),
            h('span', {class: 'muted mono small'}, String(incident.id)))),
        reportButtons(path, incident)),
      h('div', {class: 'incident-grid'},
        responsePanel(incident, path, change), timesPanel(incident), affectedPanel(incident)),
      h('div', {class: 'incident-columns'},
        h('div', {}, alertsPanel(incident), timelinePanel(incident)),
        h('div', {}, commentsPanel(incident, path, change), actionsPanel(incident, path, change))));
  }

  load();
}

function responsePanel(incident, path, change) {
  const analyst = hasRole('analyst');
  const moves = Array.isArray(incident.allowed_moves) ? incident.allowed_moves : [];
  const status = h('select', {id: 'incident-status', disabled: !analyst || !moves.length},
    moves.length ? moves.map(s => h('option', {value: s}, label(s))) : h('option', {value: ''}, 'final status'));
  const note = h('input', {id: 'incident-note', placeholder: 'why (optional)', disabled: !analyst || !moves.length});
  const move = h('button', {type: 'button', id: 'incident-move', class: 'button button-primary', disabled: !analyst || !moves.length,
    title: analyst ? null : 'Changing status needs the analyst role',
    on: {click: () => change(path + '/status', {status: status.value, note: note.value.trim() || undefined},
      'Status changed to ' + label(status.value) + '.')}}, 'Move');
  const assignee = h('input', {id: 'incident-assignee', placeholder: 'user name', disabled: !analyst});
  assignee.value = incident.assignee || '';
  const assign = h('button', {type: 'button', id: 'incident-assign', class: 'button', disabled: !analyst,
    on: {click: () => change(path + '/assign', {assignee: assignee.value.trim() || null},
      assignee.value.trim() ? 'Assigned to ' + assignee.value.trim() + '.' : 'Unassigned.')}}, 'Assign');
  return h('section', {class: 'panel', id: 'incident-response'}, h('h2', {}, 'Response'),
    h('div', {class: 'field-line'}, h('span', {class: 'field-label'}, 'Status'), statusBadge(incident.status)),
    h('div', {class: 'inline-form'}, h('label', {}, 'Move to', status), h('label', {class: 'grow'}, 'Note', note), move),
    h('div', {class: 'inline-form'}, h('label', {class: 'grow'}, 'Assignee', assignee), assign));
}

function timesPanel(incident) {
  const rows = [
    ['First event', shortTime(incident.first_event_time)],
    ['Detected (first alert)', shortTime(incident.first_alert_at)],
    ['Time to detect', duration(incident.time_to_detect_s), 'ttd'],
    ['Time to contain', duration(incident.time_to_contain_s), 'ttc'],
    ['Time to recover', duration(incident.time_to_recover_s), 'ttr'],
    ['Closed', incident.closed_at ? shortTime(incident.closed_at) : null],
  ];
  return h('section', {class: 'panel', id: 'incident-times'}, h('h2', {}, 'Times'),
    h('dl', {class: 'facts'}, rows.map(([name, value, key]) => [h('dt', {}, name),
      h('dd', {class: 'mono', 'data-key': key}, value === null ? h('span', {class: 'muted'}, 'not yet') : value)])));
}

function commentsPanel(incident, path, change) {
  const text = h('textarea', {id: 'incident-comment', rows: '3', placeholder: 'Add a comment (shown as plain text)'});
  const add = h('button', {type: 'button', id: 'incident-comment-add', class: 'button button-primary', on: {click: async () => {
    if (!text.value.trim()) return;
    add.disabled = true;
    await change(path + '/comments', {text: text.value}, 'Comment added.');
    add.disabled = false;
  }}}, 'Comment');
  return h('section', {class: 'panel', id: 'incident-comments'}, h('h2', {}, 'Comments'), commentsList(incident),
    hasRole('analyst') ? h('div', {class: 'comment-form'}, text, h('div', {}, add)) : null);
}
