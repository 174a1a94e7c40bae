// The console keeps each page's state in the URL hash, so a search can be bookmarked and shared.

/** Parses location.hash: "#/incidents/42?x=1" → {name: 'incidents', rest: ['42'], params}. */
export function parseRoute(hash) {
  const raw = (hash || '').replace(/^#\/?/, '');
  const mark = raw.indexOf('?');
  const path = mark < 0 ? raw : raw.slice(0, mark);
  const query = mark < 0 ? '' : raw.slice(mark + 1);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return {name: parts[0] || 'discover', rest: parts.slice(1), params: new URLSearchParams(query || '')};
}

/** Sets the hash without re-mounting the page (for pages that keep their state in the URL). */
export function replaceRouteParams(name, params) {
  const query = params.toString();
  history.replaceState(null, '', '#/' + name + (query ? '?' + query : ''));
}

