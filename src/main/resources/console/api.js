// The one way the console talks to Vigil. Every call carries the session cookie (same origin), the
// X-Vigil-Console marker (so a 401 never triggers the browser's Basic password box) and, for anything
// that changes state, the CSRF token from /api/login or /api/me. A 401 sends the user back to login.

let csrfToken = null;
let me = null;

export class ApiError extends Error {
  constructor(method, path, status, body) {
    super((body && body.error) || (method + ' ' + path + ' failed with HTTP ' + status));
    this.method = method;
    this.path = path;
    this.status = status;
    this.body = body || {};
  }
}

export function setSession(info) {
  me = info;
  if (info && info.csrf_token) csrfToken = info.csrf_token;
}

export function currentUser() {
  return me;
}

const RANK = {ingest: 0, viewer: 1, analyst: 2, admin: 3};

/** Whether the logged-in user's role reaches `role` (viewer < analyst < admin). */
export function hasRole(role) {
  return !!me && (RANK[me.role] || 0) >= RANK[role];
}

export async function api(method, path, body, options = {}) {
  const headers = {'Accept': 'application/json', 'X-Vigil-Console': '1', ...(options.headers || {})};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response;
  try {
    response = await fetch(path, {
      method, headers, credentials: 'same-origin', signal: options.signal,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(method, path, 0, {error: 'Vigil did not answer (' + e.message + '); is the server running?'});
  }
  const data = await readJson(response);
  if (response.status === 401 && !options.allowUnauthenticated) {
    location.assign('/console/login.html#expired');
    throw new ApiError(method, path, 401, data);
  }
  if (!response.ok) throw new ApiError(method, path, response.status, data);
  return data;
}

async function readJson(response) {
  const type = response.headers.get('Content-Type') || '';
  if (!type.includes('json')) return {};
  try {
    return await response.json();
  } catch {
    return {};
  }
}

export const get = (path, options) => api('GET', path, undefined, options);
export const post = (path, body, options) => api('POST', path, body === undefined ? {} : body, options);
export const del = (path, options) => api('DELETE', path, undefined, options);

/**
 * Starts POST /api/search under a random id, so that it can be stopped on the server too: cancel() aborts
 * the fetch and sends DELETE /api/search/{id} (a search that already ended answers 404, which is fine).
 * A search cancelled on the server rejects with an ApiError of status 409.
 */
export function startSearch(body) {
  const id = randomSearchId();
  const controller = new AbortController();
  const result = post('/api/search', body, {signal: controller.signal, headers: {'X-Vigil-Search-Id': id}});
  let cancelled = false;
  return {
    result,
    cancel() {
      if (cancelled) return;
      cancelled = true;
      controller.abort();
      del('/api/search/' + id).catch(() => {});
    },
  };
}

function randomSearchId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);                  // works without a secure context, unlike randomUUID()
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}
