// Administration (admins only; the server enforces it too): users, API tokens, audit log.
import {h, replace, badge, formatTime, unavailable, notice} from '../dom.js';
import {get, post, del} from '../api.js';

export function mount(container) {
  const controller = new AbortController();
  const users = h('div', {id: 'admin-users'});
  const tokens = h('div', {id: 'admin-tokens'});
  const audit = h('div', {id: 'admin-audit'});
  replace(container, h('header', {class: 'page-header'}, h('h1', {}, 'Administration')),
    h('section', {class: 'panel'}, h('h2', {}, 'Users'), users),
    h('section', {class: 'panel'}, h('h2', {}, 'API tokens'), tokens),
    h('section', {class: 'panel'}, h('h2', {}, 'Audit log'), audit));
  const signal = controller.signal;
  let newSecret = null;                    // the token just created, kept only in this page's memory

  async function section(target, what, path, render) {
    try {
      render(await get(path, {signal}));
    } catch (e) {
      if (e.name !== 'AbortError') replace(target, unavailable(what, e));
    }
  }

  function table(headers, rows) {
    return h('table', {class: 'data-table'}, h('thead', {}, h('tr', {}, headers.map(t => h('th', {}, t)))), h('tbody', {}, rows));
  }

  function loadTokens() {
    section(tokens, 'API tokens', '/api/tokens', data => replace(tokens, newSecret ? h('div', {class: 'notice notice-info'},
      h('strong', {}, 'New token — copy it now, it is shown only once:'), h('div', {class: 'token-secret', id: 'token-secret'},
        newSecret)) : null, tokenForm(),
      table(['Name', 'Owner', 'Role', 'Created', 'Last used', 'State', ''], (data.tokens || []).map(t => h('tr', {'data-id': t.id},
        h('td', {}, String(t.name)), h('td', {}, String(t.owner)), h('td', {}, badge(String(t.role), 'role')),
        h('td', {class: 'mono'}, formatTime(t.created_at)), h('td', {class: 'mono'}, formatTime(t.last_used_at)),
        h('td', {}, t.revoked ? badge('revoked', 'disabled') : badge('active', 'ok')),
        h('td', {}, t.revoked ? null : h('button', {type: 'button', class: 'button button-small', on: {click: async () => {
          await del('/api/tokens/' + encodeURIComponent(t.id));
          loadTokens();
        }}}, 'Revoke')))))));
  }

  function tokenForm() {
    const name = h('input', {id: 'token-name', placeholder: 'e.g. filebeat-dc01'});
    const role = h('select', {id: 'token-role'}, ['ingest', 'viewer', 'analyst', 'admin'].map(r => h('option', {value: r}, r)));
    const out = h('div', {});
    return h('div', {}, h('form', {class: 'toolbar', on: {submit: async e => {
      e.preventDefault();
      try {
        const created = await post('/api/tokens', {name: name.value.trim(), role: role.value});
        newSecret = created.token;
        loadTokens();
      } catch (err) {
        replace(out, notice('error', 'The token was not created', err.message));
      }
    }}}, h('label', {}, 'Name', name), h('label', {}, 'Role', role),
    h('button', {type: 'submit', class: 'button button-primary'}, 'Create token')), out);
  }

  section(users, 'User management', '/api/users', data => replace(users, table(['User', 'Role', 'State', 'Created', 'Last login'],
    (data.users || []).map(u => h('tr', {'data-user': String(u.name)}, h('td', {}, String(u.name)), h('td', {}, badge(String(u.role), 'role')),
      h('td', {}, u.disabled ? badge('disabled') : badge('active', 'ok')),
      h('td', {class: 'mono'}, formatTime(u.created_at)), h('td', {class: 'mono'}, formatTime(u.last_login_at)))))));
  loadTokens();
  section(audit, 'The audit log', '/api/audit?limit=100', data => replace(audit, table(['Time', 'User', 'Action', 'Target', 'Details'],
    (data.records || []).map(a => h('tr', {}, h('td', {class: 'mono nowrap'}, formatTime(a.time)),
      h('td', {}, String(a.actor || '-')), h('td', {class: 'mono'}, String(a.action || '-')),
      h('td', {class: 'mono'}, String(a.target || '-')), h('td', {class: 'mono small'}, detailsText(a.details)))))));
  return () => controller.abort();
}

/** {status: "acknowledged"} → "status=acknowledged" (values are text nodes like everything else). */
function detailsText(details) {
  if (!details || typeof details !== 'object') return '';
  return Object.entries(details).map(([k, v]) => k + '=' + (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(' ');
}
