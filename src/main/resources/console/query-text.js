// Writing the search language from values picked in the UI (filters, links to events). Values are
// escaped the way the search lexer expects, so a value such as `a:b (c)` or `OR` stays one exact term.

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'and', 'or', 'not', 'TO']);
const ALWAYS = new Set(['\\', '(', ')', '[', ']', '{', '}', '"', '<', '>', ':', '*', '?', '&', '|']);
const FIRST = new Set(['-', '+', '!']);

/** Escapes a field name or an exact value as one word of the search language. */
export function escapeTerm(value) {
  const text = String(value);
  if (text === '') return '""';
  let out = KEYWORDS.has(text) ? '\\' : '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (ALWAYS.has(c) || (i === 0 && FIRST.has(c)) || /\s/.test(c)) out += '\\';
    out += c;
  }
  return out;
}

/** One filter clause: field:value, or NOT field:value when negated, or _exists_ when value is undefined. */
export function filterClause(filter) {
  const clause = filter.value === undefined
    ? '_exists_:' + escapeTerm(filter.field)
    : escapeTerm(filter.field) + ':' + escapeTerm(filter.value);
  return filter.negate ? 'NOT ' + clause : clause;
}

/** The query actually sent: the user's text (grouped) ANDed with every enabled filter. */
export function combine(queryText, filters) {
  const parts = [];
  const text = (queryText || '').trim();
  if (text && text !== '*') parts.push(filters.length ? '(' + text + ')' : text);
  for (const f of filters) {
    if (!f.disabled) parts.push(filterClause(f));
  }
  return parts.join(' AND ');
}

/** Events with these ids, for links from alerts and incidents: _id:(a OR b). The store indexes _id exactly. */
export function idsQuery(ids) {
  if (ids.length === 1) return '_id:' + escapeTerm(ids[0]);
  return '_id:(' + ids.map(escapeTerm).join(' OR ') + ')';
}
