// Building DOM without HTML strings. Every piece of data becomes a text node (createTextNode /
// textContent); nothing here parses markup, so a log line can never become script. Links may only
// point inside the console (a '#' route or a same-origin path), never at a URL taken from data.

const SAFE_HREF = /^(#|\/(?!\/))/;

/** h('div', {class: 'x', on: {click: fn}}, 'text', child, [more]) → element. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'on') {
      for (const [type, handler] of Object.entries(value)) el.addEventListener(type, handler);
    } else if (key === 'class') {
      el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    } else if (key === 'href') {
      if (!SAFE_HREF.test(String(value))) throw new Error('refusing a link outside the console: ' + value);
      el.setAttribute('href', value);
    } else if (key.startsWith('on')) {
      throw new Error('inline handler attributes are not allowed: ' + key);
    } else if (key === 'style') {
      throw new Error('inline style attributes are blocked by the CSP; use a class');
    } else if (key in el && typeof value !== 'string') {
      el[key] = value;                     // properties such as checked, disabled, value
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces every child of el. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** Any value as display text: objects as JSON, null as "-". */
export function text(value) {
  if (value === null || value === undefined) return '-';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function formatNumber(n) {
  return typeof n === 'number' ? n.toLocaleString('en-US') : text(n);
}

export function formatTime(value) {
  if (value === null || value === undefined || value === '') return '-';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return d.toISOString().replace('T', ' ').replace('Z', '');
}

/** A panel: 'info', 'ok' (a change was saved) or 'error'; also says a part of Vigil is not there (404). */
export function notice(kind, title, detail) {
  return h('div', {class: ['notice', 'notice-' + kind], role: kind === 'error' ? 'alert' : 'status'},
    h('strong', {}, title), detail ? h('p', {}, detail) : null);
}

export function unavailable(what, error) {
  if (error && error.status === 404) {
    return notice('info', what + ' is not available on this server yet',
      error.method + ' ' + error.path + ' answered 404. This page will work once that stage of Vigil is enabled.');
  }
  if (error && error.status === 403) {
    return notice('error', 'Not allowed', error.message);
  }
  return notice('error', what + ' could not be loaded', error ? error.message : 'unknown error');
}

/** Offers bytes to the user as a file download (a blob: link; nothing leaves the browser). */
export function download(filename, mime, content) {
  const url = URL.createObjectURL(new Blob([content], {type: mime}));
  const a = h('a', {class: 'hidden', download: filename});
  a.href = url;                            // blob: URL we just made, not data
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function badge(label, kind) {
  return h('span', {class: ['badge', 'badge-' + String(kind || label).toLowerCase().replace(/[^a-z0-9]+/g, '-')]}, label);
}
