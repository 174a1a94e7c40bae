// Export buttons: analysts and admins may export; a viewer sees why not.
import {h, formatNumber} from '../dom.js';
import {download} from '../dom.js';
import {hasRole} from '../api.js';
import {fetchAll, toCsv, toNdjson, MAX_EXPORT} from '../export.js';

export function createExportButtons(request, columns) {
  const allowed = hasRole('analyst');
  const progress = h('span', {class: 'export-progress', id: 'export-progress'});
  let controller = null;

  async function run(format) {
    if (controller) controller.abort();
    const mine = controller = new AbortController();
    try {
      const hits = await fetchAll(request(), mine.signal,
        (done, total) => { progress.textContent = 'Exporting ' + formatNumber(done) + ' of ' + formatNumber(Math.min(total, MAX_EXPORT)); });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      if (format === 'csv') download('vigil-' + stamp + '.csv', 'text/csv', toCsv(hits, columns()));
      else download('vigil-' + stamp + '.ndjson', 'application/x-ndjson', toNdjson(hits));
      progress.textContent = 'Exported ' + formatNumber(hits.length) + ' events';
    } catch (e) {
      progress.textContent = e.name === 'AbortError' ? 'Export cancelled' : 'Export failed: ' + e.message;
    } finally {
      if (controller === mine) controller = null;
    }
  }

  const why = allowed ? 'Download up to ' + formatNumber(MAX_EXPORT) + ' matching events' : 'Export needs the analyst role';
  return {element: h('div', {class: 'export'}, progress,
    h('button', {type: 'button', id: 'export-csv', class: 'button button-small', disabled: !allowed, title: why,
      on: {click: () => run('csv')}}, 'CSV'),
    h('button', {type: 'button', id: 'export-ndjson', class: 'button button-small', disabled: !allowed, title: why,
      on: {click: () => run('ndjson')}}, 'NDJSON'))};
}
