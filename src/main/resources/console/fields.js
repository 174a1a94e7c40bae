// Event documents arrive as nested ECS (_source); the console shows them as flat dotted fields.

/** {"source": {"ip": "1.2.3.4"}} → Map{"source.ip" → "1.2.3.4"}; arrays of scalars stay one value. */
export function flatten(source, prefix = '', out = new Map()) {
  if (source === null || typeof source !== 'object' || Array.isArray(source)) {
    if (prefix) out.set(prefix, source);
    return out;
  }
  for (const [key, value] of Object.entries(source)) {
    const path = prefix ? prefix + '.' + key : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) flatten(value, path, out);
    else out.set(path, value);
  }
  return out;
}

/** A flat value as one line of text. */
export function valueText(value) {
  if (value === null || value === undefined) return '-';
  if (Array.isArray(value)) return value.map(v => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Field names seen across hits with how many hits carry each, most common first, then by name. */
export function fieldCounts(hits) {
  const counts = new Map();
  for (const hit of hits) {
    for (const field of flatten(hit._source || {}).keys()) counts.set(field, (counts.get(field) || 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => a[0].localeCompare(b[0]));
}

/** Top values of a field among hits (when the store cannot aggregate the field). */
export function sampleValues(hits, field, limit = 5) {
  const counts = new Map();
  for (const hit of hits) {
    const value = flatten(hit._source || {}).get(field);
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      const key = valueText(v);
      counts.set(key, (counts.get(key) || 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([key, count]) => ({key, doc_count: count}));
}
