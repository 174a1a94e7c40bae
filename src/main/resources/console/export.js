// CSV and NDJSON export of a search, built in the browser from /api/search pages (search_after), so the
// export is exactly what the analyst sees, up to MAX_EXPORT hits. CSV cells that a spreadsheet would run
// as a formula (= + - @ tab CR) are prefixed with a quote: a log line must not become a formula.
import {post} from './api.js';
import {flatten, valueText} from './fields.js';

export const MAX_EXPORT = 10000;
const PAGE = 1000;

export async function fetchAll(request, signal, onProgress) {
  const hits = [];
  let after = null;
  while (hits.length < MAX_EXPORT) {
    const body = {...request, size: Math.min(PAGE, MAX_EXPORT - hits.length), aggs: undefined};
    if (after) body.search_after = after;
    const page = await post('/api/search', body, {signal});
    hits.push(...page.hits);
    onProgress(hits.length, page.total);
    if (page.hits.length < body.size) break;
    after = page.hits[page.hits.length - 1].sort;
  }
  return hits;
}

export function toNdjson(hits) {
  return hits.map(hit => JSON.stringify({_id: hit._id, ...hit._source})).join('\n') + '\n';
}

export function toCsv(hits, columns) {
  const fields = columns.length ? ['@timestamp', ...columns.filter(c => c !== '@timestamp')] : allFields(hits);
  // '@timestamp' is the one header a formula guard would mangle; any other name is guarded like data
  const lines = [['_id', ...fields].map(f => (f === '@timestamp' ? f : csvCell(f))).join(',')];
  for (const hit of hits) {
    const flat = flatten(hit._source || {});
    lines.push([hit._id, ...fields.map(f => (f === '@timestamp' ? hit['@timestamp'] : flat.get(f)))]
      .map(v => csvCell(v === undefined ? '' : valueText(v))).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

function allFields(hits) {
  const names = new Set(['@timestamp']);
  for (const hit of hits) for (const key of flatten(hit._source || {}).keys()) names.add(key);
  return [...names];
}

export function csvCell(value) {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}
