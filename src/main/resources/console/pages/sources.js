// Sources: what is sending, how fast, when last, how much fails to parse, and which went silent.
import {h, replace, badge, formatTime, formatNumber, unavailable} from '../dom.js';
import {get} from '../api.js';

export function mount(container) {
  const controller = new AbortController();
  const body = h('div', {id: 'source-list'}, h('p', {class: 'muted'}, 'Loading sources…'));
  replace(container, h('header', {class: 'page-header'}, h('h1', {}, 'Sources')), body);
  async function load() {
    try {
      const data = await get('/api/sources', {signal: controller.signal});
      const sources = data.sources || [];
      replace(body, sources.length ? h('table', {class: 'data-table'},
        h('thead', {}, h('tr', {}, ['Source', 'Events/s', 'Bytes/s', 'Parse failures', 'Last event', 'State']
          .map(t => h('th', {}, t)))),
        h('tbody', {}, sources.map(s => h('tr', {},
          h('td', {class: 'mono'}, String(s.name)), h('td', {class: 'num'}, formatNumber(s.events_per_s)),
          h('td', {class: 'num'}, formatNumber(s.bytes_per_s)), h('td', {class: 'num'}, formatNumber(s.parse_failures)),
          h('td', {class: 'mono'}, formatTime(s.last_event)), h('td', {}, s.silent ? badge('silent') : badge('ok'))))))
        : h('div', {class: 'empty-state'}, h('strong', {}, 'No source has sent anything yet')));
    } catch (e) {
      if (e.name !== 'AbortError') replace(body, unavailable('Sources', e));
    }
  }
  load();
  const timer = setInterval(load, 15000);
  return () => { clearInterval(timer); controller.abort(); };
}
