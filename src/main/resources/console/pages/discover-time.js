// The time picker: a button showing the range, opening a panel with quick ranges and absolute dates (UTC).
import {h, replace} from '../dom.js';
import {QUICK_RANGES, describeRange, resolve, toLocalInput, fromLocalInput} from '../time.js';

export function createTimePicker(state, onChange) {
  const label = h('span', {id: 'time-label'});
  const button = h('button', {type: 'button', id: 'time-button', class: 'button time-button', 'aria-haspopup': 'true',
    on: {click: () => (panel.hidden ? open() : close())}}, h('span', {'aria-hidden': 'true'}, '◷ '), label);
  const fromInput = h('input', {id: 'time-from', type: 'datetime-local', step: '1', 'aria-label': 'From (UTC)'});
  const toInput = h('input', {id: 'time-to', type: 'datetime-local', step: '1', 'aria-label': 'To (UTC)'});
  const problem = h('p', {class: 'form-error', hidden: true});
  const panel = h('div', {id: 'time-panel', class: 'popover time-panel', hidden: true},
    h('div', {class: 'time-quick'}, h('h3', {}, 'Quick ranges'),
      h('ul', {}, QUICK_RANGES.map(range => h('li', {}, h('button', {type: 'button', class: 'link-button',
        'data-from': range.from, on: {click: () => pick(range.from, 'now')}}, range.label))))),
    h('div', {class: 'time-absolute'}, h('h3', {}, 'Absolute range (UTC)'),
      h('label', {for: 'time-from'}, 'From'), fromInput, h('label', {for: 'time-to'}, 'To'), toInput, problem,
      h('button', {type: 'button', id: 'time-apply', class: 'button button-primary', on: {click: applyAbsolute}}, 'Apply')));

  function open() {
    const now = Date.now();
    fromInput.value = toLocalInput(resolve(state.from, now));
    toInput.value = toLocalInput(resolve(state.to, now));
    problem.hidden = true;
    panel.hidden = false;
  }

  function close() {
    panel.hidden = true;
  }

  function pick(from, to) {
    state.from = from;
    state.to = to;
    refresh();
    close();
    onChange();
  }

  function applyAbsolute() {
    const from = fromLocalInput(fromInput.value);
    const to = fromLocalInput(toInput.value);
    if (!from || !to || Date.parse(from) >= Date.parse(to)) {
      problem.textContent = 'Enter both dates, with From before To.';
      problem.hidden = false;
      return;
    }
    pick(from, to);
  }

  function refresh() {
    replace(label, describeRange(state.from, state.to));
  }

  refresh();
  return {element: h('div', {class: 'time-picker'}, button, panel), refresh, close};
}
