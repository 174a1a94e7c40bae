// The console shell: who is logged in, the sidebar, and a hash router (#/discover?q=...) that mounts one
// page at a time. A page module exports mount(container, route) and may return a cleanup function,
// which the router calls before the next page (to abort its fetches and timers).
import {h, replace, notice} from './dom.js';
import {get, post, setSession, hasRole, currentUser} from './api.js';
import {parseRoute} from './route.js';

const PAGES = [
  {path: 'discover', label: 'Discover', icon: '⌕', role: 'viewer', load: () => import('./pages/discover.js')},
  {path: 'alerts', label: 'Alerts', icon: '⚑', role: 'viewer', load: () => import('./pages/alerts.js')},
  {path: 'incidents', label: 'Incidents', icon: '◈', role: 'viewer', load: () => import('./pages/incidents.js')},
  {path: 'rules', label: 'Rules', icon: '≡', role: 'viewer', load: () => import('./pages/rules.js')},
  {path: 'sources', label: 'Sources', icon: '⇶', role: 'viewer', load: () => import('./pages/sources.js')},
  {path: 'admin', label: 'Administration', icon: '⚙', role: 'admin', load: () => import('./pages/admin.js')},
];

const page = document.getElementById('page');
let cleanup = null;
let generation = 0;

async function show() {
  const route = parseRoute(location.hash);
  const spec = PAGES.find(p => p.path === route.name);
  const mine = ++generation;
  if (cleanup) {
    cleanup();
    cleanup = null;
  }
  markActive(route.name);
  if (!spec) {
    replace(page, notice('error', 'No such page', 'There is no console page called "' + route.name + '".'));
    return;
  }
  if (!hasRole(spec.role)) {
    replace(page, notice('error', 'Not allowed', spec.label + ' needs the ' + spec.role + ' role; you are '
      + currentUser().role + '.'));
    return;
  }
  const module = await spec.load();
  if (mine !== generation) return;
  page.replaceChildren();
  document.title = spec.label + ' · Vigil';
  cleanup = module.mount(page, route) || null;
}

function markActive(name) {
  for (const link of document.querySelectorAll('#nav a')) {
    link.classList.toggle('active', link.dataset.page === name);
  }
}

function buildNav() {
  const nav = document.getElementById('nav');
  for (const spec of PAGES) {
    if (!hasRole(spec.role)) continue;     // a viewer does not even see the Administration entry
    nav.appendChild(h('li', {}, h('a', {href: '#/' + spec.path, 'data-page': spec.path, id: 'nav-' + spec.path},
      h('span', {class: 'nav-icon', 'aria-hidden': 'true'}, spec.icon), h('span', {}, spec.label))));
  }
}

async function start() {
  let info;
  try {
    info = await get('/api/me');
  } catch (e) {
    return;                                 // api() already redirected to login on 401
  }
  setSession(info);
  replace(document.getElementById('whoami'), h('span', {class: 'whoami-name'}, info.user),
    h('span', {class: 'whoami-role'}, info.role));
  document.getElementById('logout').addEventListener('click', async () => {
    try {
      await post('/api/logout');
    } finally {
      location.assign('/console/login.html');
    }
  });
  buildNav();
  window.addEventListener('hashchange', show);
  if (!location.hash) history.replaceState(null, '', '#/discover');
  show();
}

start();
