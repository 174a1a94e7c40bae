// The hits table and the expandable document view. Every value is a text node: the XSS corpus in the
// browser tests goes through here.
import {h, replace, formatTime} from '../dom.js';
import {flatten, valueText} from '../fields.js';

const SUMMARY_FIELDS = 14;

export function renderHits(table, hits, actions) {
  if (!hits.length) {
    replace(table, h('div', {class: 'empty-state'}, h('strong', {}, 'No results match your search'),
      h('p', {}, 'Try a wider time range or a simpler query.')));
    return;
  }
  const columns = actions.columns;
  const head = h('tr', {}, h('th', {class: 'col-toggle'}), h('th', {class: 'col-time'}, 'Time'),
    columns.length ? columns.map(c => h('th', {}, h('span', {}, c), h('button', {type: 'button', class: 'icon-button col-remove',
      title: 'Remove column', 'aria-label': 'Remove column ' + c, on: {click: () => actions.toggleColumn(c)}}, '×')))
      : h('th', {}, 'Document'));
  const body = h('tbody', {});
  const fragment = document.createDocumentFragment();
  for (const hit of hits) fragment.appendChild(row(hit, columns, actions, columns.length + 2));
  body.appendChild(fragment);
  replace(table, h('table', {class: 'hits-table'}, h('thead', {}, head), body));
}

function row(hit, columns, actions, span) {
  const flat = flatten(hit._source || {});
  const toggle = h('button', {type: 'button', class: 'icon-button row-toggle', 'aria-expanded': 'false',
    'aria-label': 'Show document ' + hit._id}, '›');
  const tr = h('tr', {class: 'hit', 'data-id': hit._id},
    h('td', {class: 'col-toggle'}, toggle),
    h('td', {class: 'col-time'}, formatTime(hit['@timestamp'])),
    columns.length ? columns.map(c => h('td', {class: 'cell'}, flat.has(c) ? valueText(flat.get(c)) : '-'))
      : h('td', {class: 'cell-summary'}, summary(flat)));
  let detail = null;
  toggle.addEventListener('click', () => {
    if (detail) {
      detail.remove();
      detail = null;
    } else {
      detail = h('tr', {class: 'hit-detail'}, h('td', {colspan: String(span)}, documentView(hit, flat, actions)));
      tr.after(detail);
    }
    tr.classList.toggle('expanded', !!detail);
    toggle.setAttribute('aria-expanded', String(!!detail));
  });
  return tr;
}

function summary(flat) {
  const parts = [];
  for (const [key, value] of flat) {
    if (key === '@timestamp') continue;
    if (parts.length >= SUMMARY_FIELDS) break;
    parts.push(h('span', {class: 'kv'}, h('span', {class: 'kv-key'}, key + ':'), h('span', {class: 'kv-value'}, valueText(value))));
  }
  return parts;
}

function documentView(hit, flat, actions) {
  const tableView = h('table', {class: 'doc-table'}, h('tbody', {}, [...flat.entries()].map(([field, value]) =>
    h('tr', {'data-field': field},
      h('td', {class: 'doc-actions'},
        h('button', {type: 'button', class: 'icon-button', title: 'Filter for value', 'aria-label': 'Filter for ' + field,
          on: {click: () => actions.addFilter(field, valueText(value), false)}}, '⊕'),
        h('button', {type: 'button', class: 'icon-button', title: 'Filter out value', 'aria-label': 'Filter out ' + field,
          on: {click: () => actions.addFilter(field, valueText(value), true)}}, '⊖'),
        h('button', {type: 'button', class: 'icon-button', title: 'Toggle column', 'aria-label': 'Toggle column ' + field,
          on: {click: () => actions.toggleColumn(field)}}, '▦')),
      h('th', {class: 'doc-field'}, field),
      h('td', {class: 'doc-value'}, valueText(value))))));
  const json = h('pre', {class: 'doc-json', hidden: true}, JSON.stringify({_id: hit._id, ...hit._source}, null, 2));
  const tabs = h('div', {class: 'tabs'},
    h('button', {type: 'button', class: 'tab active', on: {click: e => show(e, false)}}, 'Table'),
    h('button', {type: 'button', class: 'tab', on: {click: e => show(e, true)}}, 'JSON'),
    h('span', {class: 'doc-id'}, '_id ' + hit._id));
  function show(event, asJson) {
    for (const tab of tabs.querySelectorAll('.tab')) tab.classList.toggle('active', tab === event.target);
    json.hidden = !asJson;
    tableView.hidden = asJson;
  }
  return h('div', {class: 'doc-view'}, tabs, tableView, json);
}
