// Saved searches, kept in this browser's localStorage per user until the server stores them
// (proposed: /api/saved-searches, see API.md).
import {h, replace} from '../dom.js';
import {currentUser} from '../api.js';

function key() {
  return 'vigil.saved-searches.' + (currentUser() ? currentUser().user : 'anonymous');
}

export function loadSaved() {
  try {
    const list = JSON.parse(localStorage.getItem(key()) || '[]');
    return Array.isArray(list) ? list.filter(s => s && typeof s.name === 'string') : [];
  } catch {
    return [];
  }
}

function store(list) {
  localStorage.setItem(key(), JSON.stringify(list));
}

export function createSavedMenu(currentState, onLoad) {
  const nameInput = h('input', {id: 'save-name', placeholder: 'Name this search', 'aria-label': 'Saved search name'});
  const list = h('ul', {id: 'saved-list', class: 'saved-list'});
  const panel = h('div', {id: 'saved-panel', class: 'popover saved-panel', hidden: true},
    h('h3', {}, 'Saved searches'), list,
    h('div', {class: 'saved-new'}, nameInput,
      h('button', {type: 'button', id: 'save-search', class: 'button button-primary', on: {click: save}}, 'Save')));
  const button = h('button', {type: 'button', id: 'saved-button', class: 'button', title: 'Saved searches',
    on: {click: () => { panel.hidden = !panel.hidden; render(); }}}, '☆ Saved');

  function render() {
    const saved = loadSaved();
    replace(list, saved.length ? saved.map((s, i) => h('li', {},
      h('button', {type: 'button', class: 'link-button saved-load', on: {click: () => {
        panel.hidden = true;
        onLoad({query: s.query, from: s.from, to: s.to, filters: s.filters || [], columns: s.columns || []});
      }}}, s.name),
      h('button', {type: 'button', class: 'icon-button', title: 'Delete', 'aria-label': 'Delete saved search ' + s.name,
        on: {click: () => { saved.splice(i, 1); store(saved); render(); }}}, '×')))
      : h('li', {class: 'muted'}, 'Nothing saved yet.'));
  }

  function save() {
    const name = nameInput.value.trim();
    if (!name) return;
    const state = currentState();
    const saved = loadSaved().filter(s => s.name !== name);
    saved.push({name, query: document.getElementById('query').value, from: state.from, to: state.to,
      filters: state.filters, columns: state.columns});
    store(saved);
    nameInput.value = '';
    render();
  }

  return {element: h('div', {class: 'saved-menu'}, button, panel)};
}
