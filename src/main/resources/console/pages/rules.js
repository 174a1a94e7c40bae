// Rules: every loaded detection rule with its state, text and load problems, the ATT&CK coverage of the
// enabled ones, and a way to test a rule's text against recent events before enabling it.
import {h, replace, badge, notice, unavailable, formatNumber} from '../dom.js';
import {get, post, hasRole} from '../api.js';
import {TACTICS, coverage} from '../attack.js';
import {renderHits} from './discover-hits.js';

export function mount(container) {
  const controller = new AbortController();
  const problems = h('div', {id: 'rule-problems'});
  const matrix = h('div', {id: 'attack-matrix'});
  const list = h('div', {id: 'rule-list'}, h('p', {class: 'muted'}, 'Loading rules…'));
  const tester = ruleTester();
  replace(container, h('header', {class: 'page-header'}, h('h1', {}, 'Rules')), problems,
    h('section', {class: 'panel'}, h('h2', {}, 'Rules'), list),
    h('section', {class: 'panel'}, h('h2', {}, 'ATT&CK coverage (enabled rules)'), matrix),
    h('section', {class: 'panel'}, h('h2', {}, 'Test a rule against recent events'), tester));

  async function load() {
    try {
      const data = await get('/api/rules', {signal: controller.signal});
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
      h('strong', {}, items.length + ' rule file(s) could not be loaded'),
      h('ul', {class: 'problems'}, items.map(p => h('li', {}, h('span', {class: 'mono'}, String(p.file) + ':' + String(p.line)),
        ' — ' + String(p.reason))))) : null);
  }

  function rulesTable(rules) {
    return h('table', {class: 'data-table'},
      h('thead', {}, h('tr', {}, ['Title', 'Level', 'Tags', 'State', ''].map(t => h('th', {}, t)))),
      h('tbody', {}, rules.flatMap(ruleRows)));
  }

  function ruleRows(rule) {
    const source = h('tr', {class: 'rule-source-row', hidden: true},
      h('td', {colspan: '5'}, h('pre', {class: 'rule-source'}, String(rule.source || '(no source text)'))));
    const canChange = hasRole('analyst');
    const toggle = h('button', {type: 'button', class: 'button button-small', disabled: !canChange,
      title: canChange ? '' : 'Changing rules needs the analyst role',
      on: {click: async () => {
        toggle.disabled = true;
        try {
          await post('/api/rules/' + encodeURIComponent(rule.id) + (rule.enabled ? '/disable' : '/enable'));
          load();
        } catch (e) {
          replace(problems, notice('error', 'Could not change the rule', e.message));
          toggle.disabled = false;
        }
      }}}, rule.enabled ? 'Disable' : 'Enable');
    return [h('tr', {'data-id': rule.id},
      h('td', {}, h('button', {type: 'button', class: 'link-button', on: {click: () => { source.hidden = !source.hidden; }}},
        String(rule.title || rule.id)), h('div', {class: 'muted small mono'}, String(rule.id))),
      h('td', {}, badge(String(rule.level || '-'))),
      h('td', {}, (rule.tags || []).map(t => badge(String(t), 'tag'))),
      h('td', {}, badge(rule.enabled ? 'enabled' : 'disabled')),
      h('td', {}, toggle)), source];
  }

  function renderMatrix(rules) {
    const covered = coverage(rules);
    replace(matrix, h('div', {class: 'attack-matrix'}, TACTICS.map(([key, name]) => {
      const techniques = [...covered.get(key).entries()].sort();
      return h('div', {class: 'attack-tactic', 'data-tactic': key}, h('h4', {}, name + ' (' + techniques.length + ')'),
        h('ul', {}, techniques.length ? techniques.map(([id, count]) => h('li', {class: 'attack-technique',
          title: count + ' rule(s)'}, id + ' · ' + count)) : h('li', {class: 'attack-empty'}, 'no coverage')));
    })));
  }

  load();
  return () => controller.abort();
}

function ruleTester() {
  const source = h('textarea', {id: 'rule-test-source', rows: '10', spellcheck: 'false',
    placeholder: 'title: Failed logons\nlogsource:\n  product: windows\ndetection:\n  sel:\n    event.code: 4625\n  condition: sel'});
  const range = h('select', {id: 'rule-test-range'}, [['now-1h', 'last hour'], ['now-24h', 'last 24 hours'], ['now-7d', 'last 7 days']]
    .map(([v, l]) => h('option', {value: v}, l)));
  range.value = 'now-24h';
  const result = h('div', {id: 'rule-test-result'});
  let controller = null;
  const run = h('button', {type: 'button', id: 'rule-test-run', class: 'button button-primary', on: {click: async () => {
    if (controller) controller.abort();
    const mine = controller = new AbortController();
    replace(result, h('p', {class: 'muted'}, 'Testing…'));
    try {
      const data = await post('/api/rules/test', {source: source.value, from: range.value, to: 'now', size: 20}, {signal: mine.signal});
      const table = h('div', {class: 'hits'});
      renderHits(table, data.hits || [], {columns: [], toggleColumn: () => {}, addFilter: () => {}});
      replace(result, h('p', {}, h('strong', {}, formatNumber(data.matches) + ' matching events'), ' in the chosen range'), table);
    } catch (e) {
      if (e.name === 'AbortError') return;
      replace(result, e.status === 400 ? notice('error', 'The rule is not valid', e.message) : unavailable('Rule testing', e));
    }
  }}}, 'Test');
  return h('div', {class: 'comment-form'}, source, h('div', {class: 'toolbar'}, h('label', {}, 'Range', range), run), result);
}
