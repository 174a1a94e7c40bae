// Rules: every loaded detection rule with its state, log source, file and text, the load problems
// (file:line: reason), the ATT&CK coverage of the enabled rules, and a tester (rule-test.js).
import {h, replace, badge, notice, unavailable} from '../dom.js';
import {get, post, hasRole} from '../api.js';
import {TACTICS, coverage} from '../attack.js';
import {ruleTester} from './rule-test.js';

export function mount(container) {
  const controller = new AbortController();
  const signal = controller.signal;
  const problems = h('div', {id: 'rule-problems'});
  const message = h('div', {});
  const matrix = h('div', {id: 'attack-matrix'});
  const list = h('div', {id: 'rule-list'}, h('p', {class: 'muted'}, 'Loading rules…'));
  replace(container, h('header', {class: 'page-header'}, h('h1', {}, 'Rules')), problems, message,
    h('section', {class: 'panel'}, h('h2', {}, 'Rules'), list),
    h('section', {class: 'panel'}, h('h2', {}, 'ATT&CK coverage (enabled rules)'), matrix),
    h('section', {class: 'panel'}, h('h2', {}, 'Test a rule against recent events'), ruleTester(signal)));

  async function load() {
    try {
      const data = await get('/api/rules', {signal});
      const rules = data.rules || [];
      renderProblems(data.problems || []);
      replace(list, rules.length ? rulesTable(rules) : h('p', {class: 'muted'}, 'No rules are loaded.'));
      renderMatrix(rules);
    } catch (e) {
      if (e.name !== 'AbortError') replace(list, unavailable('Rules', e));
    }
  }

  function renderProblems(items) {
    replace(problems, items.length ? h('div', {class: 'notice notice-error', role: 'alert'},
      h('strong', {}, items.length + (items.length === 1 ? ' rule could not be loaded' : ' rules could not be loaded')),
      h('ul', {class: 'problems'}, items.map(p => h('li', {class: 'problem'},
        h('span', {class: 'mono problem-where'}, String(p.file) + ':' + String(p.line)), ': ' + String(p.reason))))) : null);
  }

  function rulesTable(rules) {
    return h('table', {class: 'data-table'},
      h('thead', {}, h('tr', {}, ['Title', 'Level', 'Log source', 'Tags', 'File', 'State', ''].map(t => h('th', {}, t)))),
      h('tbody', {}, rules.flatMap(ruleRows)));
  }

  function ruleRows(rule) {
    const text = h('pre', {class: 'rule-source'}, 'Loading…');
    const detail = h('tr', {class: 'rule-source-row', hidden: true}, h('td', {colspan: '7'},
      (rule.falsepositives || []).length ? h('p', {class: 'small'}, h('strong', {}, 'False positives: '),
        rule.falsepositives.map(String).join('; ')) : null, text));
    let loaded = false;
    const open = async () => {
      detail.hidden = !detail.hidden;
      if (detail.hidden || loaded) return;
      loaded = true;
      try {
        replace(text, String((await get('/api/rules/' + encodeURIComponent(rule.id) + '/text', {signal})).text));
      } catch (e) {
        loaded = false;
        if (e.name !== 'AbortError') replace(text, unavailable('The rule text', e));
      }
    };
    return [h('tr', {'data-id': rule.id},
      h('td', {}, h('button', {type: 'button', class: 'link-button rule-title', 'aria-expanded': 'false',
        title: 'Show the rule file', on: {click: open}}, String(rule.title || rule.id)),
        h('div', {class: 'muted small mono'}, String(rule.id))),
      h('td', {}, badge(String(rule.level || '-'))),
      h('td', {class: 'small'}, logsourceText(rule.logsource)),
      h('td', {}, (rule.tags || []).map(t => badge(String(t), 'tag'))),
      h('td', {class: 'mono small rule-file'}, fileName(rule.source)),
      h('td', {class: 'rule-state'}, stateBadge(rule)),
      h('td', {}, toggleButton(rule))), detail];
  }

  function toggleButton(rule) {
    const canChange = hasRole('analyst');
    const toggle = h('button', {type: 'button', class: 'button button-small rule-toggle', disabled: !canChange,
      title: canChange ? '' : 'Changing rules needs the analyst role',
      on: {click: async () => {
        toggle.disabled = true;
        try {
          await post('/api/rules/' + encodeURIComponent(rule.id) + (rule.enabled ? '/disable' : '/enable'));
          replace(message);
          load();
        } catch (e) {
          replace(message, notice('error', 'Could not change the rule', e.message));
          toggle.disabled = false;
        }
      }}}, rule.enabled ? 'Disable' : 'Enable');
    return toggle;
  }

  function renderMatrix(rules) {
    const covered = coverage(rules);
    replace(matrix, h('div', {class: 'attack-matrix'}, TACTICS.map(([key, name]) => {
      const techniques = [...covered.get(key).entries()].sort();
      return h('div', {class: ['attack-tactic', techniques.length ? 'covered' : null], 'data-tactic': key},
        h('h4', {}, name + ' (' + techniques.length + ')'),
        h('ul', {}, techniques.length ? techniques.map(([id, count]) => h('li', {class: 'attack-technique',
          title: count + ' rule(s)'}, id + ' · ' + count)) : h('li', {class: 'attack-empty'}, 'no coverage')));
    })));
  }

  load();
  return () => controller.abort();
}

/** enabled / disabled, or "not running" for an enabled rule the engine could not compile (see the problems). */
function stateBadge(rule) {
  if (!rule.enabled) return badge('disabled');
  if (rule.active === false) {
    return h('span', {title: 'Enabled, but it did not compile: see the problems above'}, badge('not running', 'error'));
  }
  return badge('enabled');
}

/** {product: windows, category: process_creation} → "windows / process_creation". */
function logsourceText(logsource) {
  if (!logsource || typeof logsource !== 'object') return '-';
  const parts = ['product', 'category', 'service'].map(k => logsource[k]).filter(v => v !== undefined && v !== null);
  return parts.length ? parts.map(String).join(' / ') : '-';
}

/** "/etc/vigil/rules/x.yml:3" → "x.yml:3"; the full path is in the title. */
function fileName(source) {
  const text = String(source || '-');
  const slash = Math.max(text.lastIndexOf('/'), text.lastIndexOf('\\'));
  return h('span', {title: text}, slash >= 0 ? text.slice(slash + 1) : text);
}
