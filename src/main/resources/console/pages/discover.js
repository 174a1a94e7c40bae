// Discover: the analyst's search page. State (query, time range, filters, columns) lives in the URL so a
// search can be shared. One search at a time: a new search, the Cancel button or leaving the page cancels the
// running one, in the browser (abort) and on the server (DELETE /api/search/{id}), and results render in one
// pass, so the page stays responsive on long queries.
import {h, replace, notice, formatNumber} from '../dom.js';
import {startSearch} from '../api.js';
import {replaceRouteParams} from '../route.js';
import {combine} from '../query-text.js';
import {resolve, intervalFor} from '../time.js';
import {createHistogram} from '../histogram.js';
import {createTimePicker} from './discover-time.js';
import {createFieldList} from './discover-fields.js';
import {renderHits} from './discover-hits.js';
import {createSavedMenu} from './discover-saved.js';
import {createExportButtons} from './discover-export.js';

export function mount(container, route) {
  const state = readState(route.params);
  let running = null;                      // the search in flight: {result, cancel()}
  let lastHits = [];
  let pages = [null];                      // search_after of each page; null = first page

  const queryInput = h('input', {id: 'query', class: 'query-input', type: 'search', spellcheck: 'false',
    autocomplete: 'off', placeholder: 'Search… e.g. event.code:4625 AND NOT user.name:svc_*', 'aria-label': 'Query'});
  queryInput.value = state.query;
  const searchButton = h('button', {id: 'search-button', class: 'button button-primary', type: 'submit'}, 'Search');
  const queryError = h('div', {id: 'query-error', class: 'query-error', role: 'alert', hidden: true});
  const filterBar = h('div', {id: 'filters', class: 'filter-bar'});
  const status = h('div', {id: 'search-status', class: 'search-status', 'aria-live': 'polite'});
  const hitCount = h('span', {id: 'hit-count', class: 'hit-count'});
  const chartBox = h('div', {id: 'histogram', class: 'histogram'});
  const table = h('div', {id: 'hits', class: 'hits'});
  const pager = h('div', {id: 'pager', class: 'pager'});
  const fieldBox = h('aside', {id: 'field-list', class: 'field-list', 'aria-label': 'Fields'});

  const picker = createTimePicker(state, () => search());
  const saved = createSavedMenu(() => state, loaded => {
    Object.assign(state, loaded);
    queryInput.value = state.query;
    search();
  });
  const exporter = createExportButtons(() => requestBody(), () => state.columns);
  const form = h('form', {id: 'query-form', class: 'query-bar', on: {submit: event => {
    event.preventDefault();
    if (running) running.cancel(); else search();
  }}}, saved.element, queryInput, picker.element, searchButton);

  replace(container,
    h('header', {class: 'page-header'}, h('h1', {}, 'Discover')),
    form, queryError, filterBar,
    h('div', {class: 'discover'}, fieldBox,
      h('section', {class: 'results'},
        h('div', {class: 'results-head'}, hitCount, status, exporter.element),
        chartBox, table, pager)));

  const histogram = createHistogram(chartBox, (from, to) => {
    state.from = new Date(from).toISOString();
    state.to = new Date(to).toISOString();
    picker.refresh();
    search();
  });
  const fields = createFieldList(fieldBox, {
    columns: () => state.columns,
    toggleColumn,
    addFilter,
    request: () => requestBody(),
  });

  function requestBody() {
    const now = Date.now();
    return {query: combine(state.query, state.filters), from: resolve(state.from, now), to: resolve(state.to, now),
      sort: [{'@timestamp': 'desc'}]};
  }

  function toggleColumn(field) {
    const at = state.columns.indexOf(field);
    if (at >= 0) state.columns.splice(at, 1); else state.columns.push(field);
    writeState(state);
    renderTable();
    fields.render(lastHits);
  }

  function addFilter(field, value, negate) {
    state.filters = state.filters.filter(f => !(f.field === field && f.value === value));
    state.filters.push({field, value, negate: !!negate});
    search();
  }

  function renderFilters() {
    replace(filterBar, state.filters.map((f, i) => h('span', {class: ['filter-pill', f.negate && 'negated']},
      h('span', {class: 'filter-text'}, (f.negate ? 'NOT ' : '') + f.field + ': ' + f.value),
      h('button', {type: 'button', class: 'filter-remove', title: 'Remove filter', 'aria-label': 'Remove filter',
        on: {click: () => { state.filters.splice(i, 1); search(); }}}, '×'))));
  }

  function renderTable() {
    renderHits(table, lastHits, {columns: state.columns, toggleColumn, addFilter});
  }

  async function search(page = 0) {
    state.query = queryInput.value;
    if (page === 0) pages = [null];
    writeState(state);
    renderFilters();
    const body = requestBody();
    if (Number.isNaN(body.from) || Number.isNaN(body.to)) {
      showError({error: 'The time range is not valid; pick a quick range or enter both dates.'});
      return;
    }
    const interval = intervalFor(body.from, body.to);
    body.size = state.size;
    if (pages[page]) body.search_after = pages[page];
    if (page === 0) body.aggs = {histogram: {date_histogram: {field: '@timestamp', fixed_interval: interval.name}}};
    if (running) running.cancel();
    const mine = running = startSearch(body);
    busy(true);
    try {
      const result = await mine.result;
      queryError.hidden = true;
      lastHits = result.hits;
      if (result.hits.length === state.size) pages[page + 1] = result.hits[result.hits.length - 1].sort;
      hitCount.textContent = formatNumber(result.total) + (result.total === 1 ? ' hit' : ' hits');
      status.textContent = 'took ' + result.took_ms + ' ms';
      if (result.aggs && result.aggs.histogram) {
        histogram.update(result.aggs.histogram.buckets, interval.millis, body.from, body.to);
      }
      renderTable();
      renderPager(page, result.total);
      fields.render(lastHits);
    } catch (e) {
      if (e.name === 'AbortError' || e.status === 409) {
        if (running === mine) status.textContent = 'Search cancelled.';
      } else if (e.status === 400) {
        showError(e.body);
      } else {
        replace(table, notice('error', 'The search failed', e.message));
      }
    } finally {
      if (running === mine) {
        running = null;
        busy(false);
      }
    }
  }

  function busy(on) {
    searchButton.textContent = on ? 'Cancel' : 'Search';
    searchButton.classList.toggle('button-danger', on);
    container.classList.toggle('is-searching', on);
    if (on) status.textContent = 'Searching…';
  }

  function showError(body) {
    status.textContent = '';
    const sent = combine(state.query, state.filters);
    const offset = sent.startsWith('(') && state.filters.length ? 1 : 0;
    const position = typeof body.position === 'number' ? body.position - offset : -1;
    const inUserText = position >= 0 && position <= state.query.length;
    replace(queryError, h('span', {class: 'query-error-message'}, body.error || 'The query is not valid.'),
      inUserText ? h('pre', {class: 'query-error-caret'}, state.query + '\n' + ' '.repeat(position) + '^') : null);
    queryError.hidden = false;
    queryInput.focus();
    if (inUserText) queryInput.setSelectionRange(position, Math.min(state.query.length, position + 1));
  }

  function renderPager(page, total) {
    const shown = page * state.size;
    replace(pager,
      h('button', {type: 'button', class: 'button', id: 'page-prev', disabled: page === 0,
        on: {click: () => search(page - 1)}}, '‹ Previous'),
      h('span', {class: 'pager-text'}, total === 0 ? 'No hits' : (shown + 1) + '–' + (shown + lastHits.length)
        + ' of ' + formatNumber(total)),
      h('button', {type: 'button', class: 'button', id: 'page-next', disabled: !pages[page + 1] || shown + lastHits.length >= total,
        on: {click: () => search(page + 1)}}, 'Next ›'));
  }

  search();
  return () => {
    if (running) running.cancel();
    histogram.destroy();
    picker.close();
  };
}

function readState(params) {
  let filters = [];
  try {
    filters = JSON.parse(params.get('filters') || '[]').filter(f => f && typeof f.field === 'string');
  } catch {
    filters = [];
  }
  return {
    query: params.get('q') || '',
    from: params.get('from') || 'now-24h',
    to: params.get('to') || 'now',
    filters,
    columns: (params.get('cols') || '').split(',').filter(Boolean),
    size: 50,
  };
}

function writeState(state) {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  params.set('from', state.from);
  params.set('to', state.to);
  if (state.filters.length) params.set('filters', JSON.stringify(state.filters));
  if (state.columns.length) params.set('cols', state.columns.join(','));
  replaceRouteParams('discover', params);
}
