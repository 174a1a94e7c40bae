// The field sidebar: fields of the hits on screen; a click shows a field's top values over all matches
// (a terms aggregation) with counts, and + / − add a filter for or against a value.
import {h, replace, formatNumber} from '../dom.js';
import {post} from '../api.js';
import {fieldCounts, sampleValues} from '../fields.js';

export function createFieldList(box, actions) {
  const filterInput = h('input', {type: 'search', id: 'field-filter', class: 'field-filter', placeholder: 'Filter fields',
    'aria-label': 'Filter fields', on: {input: () => render(hits)}});
  const list = h('div', {class: 'field-groups'});
  replace(box, filterInput, list);
  let hits = [];
  let open = null;
  let controller = null;

  function render(newHits) {
    hits = newHits;
    const needle = filterInput.value.trim().toLowerCase();
    const counts = fieldCounts(hits).filter(([name]) => name.toLowerCase().includes(needle));
    const selected = counts.filter(([name]) => actions.columns().includes(name));
    const available = counts.filter(([name]) => !actions.columns().includes(name));
    replace(list,
      selected.length ? group('Selected fields', selected) : null,
      group('Available fields', available),
      counts.length === 0 ? h('p', {class: 'muted'}, hits.length ? 'No field matches.' : 'No hits, no fields.') : null);
  }

  function group(title, entries) {
    return h('section', {class: 'field-group'}, h('h3', {}, title),
      h('ul', {}, entries.map(([name, count]) => fieldItem(name, count))));
  }

  function fieldItem(name, count) {
    const isColumn = actions.columns().includes(name);
    const details = h('div', {class: 'field-details'});
    const item = h('li', {class: ['field-item', open === name && 'open'], 'data-field': name},
      h('div', {class: 'field-row'},
        h('button', {type: 'button', class: 'field-name', title: name + ' (in ' + count + ' of ' + hits.length + ' hits)',
          on: {click: () => toggle(name)}}, name),
        h('button', {type: 'button', class: ['icon-button', 'field-column', isColumn && 'on'],
          title: isColumn ? 'Remove column' : 'Add as column', 'aria-label': (isColumn ? 'Remove column ' : 'Add column ') + name,
          on: {click: () => actions.toggleColumn(name)}}, isColumn ? '−' : '+')),
      details);
    if (open === name) loadTopValues(name, details);
    return item;
  }

  function toggle(name) {
    open = open === name ? null : name;
    render(hits);
  }

  async function loadTopValues(field, details) {
    if (controller) controller.abort();
    const mine = controller = new AbortController();
    replace(details, h('p', {class: 'muted'}, 'Loading top values…'));
    let buckets;
    let total;
    let note = null;
    try {
      const result = await post('/api/search', {...actions.request(), size: 0,
        aggs: {top: {terms: {field, size: 5}}}}, {signal: mine.signal});
      buckets = result.aggs.top.buckets;
      total = result.total;
    } catch (e) {
      if (e.name === 'AbortError') return;
      buckets = sampleValues(hits, field);          // e.g. a text field the store cannot aggregate
      total = hits.length;
      note = 'Top values in the ' + hits.length + ' hits shown (' + e.message + ')';
    }
    replace(details, topValues(field, buckets, total), note ? h('p', {class: 'muted small'}, note) : null);
  }

  function topValues(field, buckets, total) {
    if (!buckets.length) return h('p', {class: 'muted'}, 'No values.');
    return h('ol', {class: 'top-values'}, buckets.map(bucket => {
      const value = bucket.key_as_string || String(bucket.key);
      const share = total ? Math.round((bucket.doc_count / total) * 100) : 0;
      const meter = h('meter', {class: 'top-meter', min: '0', max: '100', value: String(share)});
      return h('li', {class: 'top-value'},
        h('div', {class: 'top-value-row'},
          h('span', {class: 'top-value-text', title: value}, value),
          h('span', {class: 'top-value-count'}, formatNumber(bucket.doc_count) + ' · ' + share + '%'),
          h('button', {type: 'button', class: 'icon-button filter-for', title: 'Filter for this value',
            'aria-label': 'Filter for ' + field + ' ' + value, on: {click: () => actions.addFilter(field, value, false)}}, '⊕'),
          h('button', {type: 'button', class: 'icon-button filter-out', title: 'Filter out this value',
            'aria-label': 'Filter out ' + field + ' ' + value, on: {click: () => actions.addFilter(field, value, true)}}, '⊖')),
        meter);
    }));
  }

  return {render};
}
