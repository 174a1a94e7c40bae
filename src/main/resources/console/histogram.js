// The Discover histogram: matches per time bucket as bars (uPlot, canvas — event data never reaches the
// DOM here). Dragging across the chart selects a time range and calls onBrush(fromMillis, toMillis).
import uPlot from '/console/vendor/uplot/uPlot.esm.js';

const BAR_COLOR = '#54b399';

export function createHistogram(container, onBrush) {
  let plot = null;
  const resize = new ResizeObserver(() => {
    if (plot) plot.setSize({width: widthOf(container), height: 150});
  });
  resize.observe(container);

  function options(intervalMillis) {
    return {
      width: widthOf(container),
      height: 150,
      legend: {show: false},
      cursor: {drag: {x: true, y: false, setScale: false}, points: {show: false}},
      select: {show: true},
      scales: {x: {time: true}, y: {range: (u, min, max) => [0, Math.max(1, max * 1.1)]}},
      axes: [
        {stroke: '#69707d', grid: {stroke: '#eef0f3', width: 1}, ticks: {stroke: '#d3dae6'}},
        {stroke: '#69707d', grid: {stroke: '#eef0f3', width: 1}, ticks: {show: false}, size: 50,
          values: (u, values) => values.map(v => Number.isInteger(v) ? v.toLocaleString('en-US') : '')},
      ],
      series: [
        {},
        {label: 'Matches', fill: BAR_COLOR, stroke: BAR_COLOR, width: 0, points: {show: false},
          paths: uPlot.paths.bars({size: [0.85, 64], align: 1})},
      ],
      hooks: {
        setSelect: [u => {
          if (u.select.width < 4) return;
          const from = u.posToVal(u.select.left, 'x') * 1000;
          const to = u.posToVal(u.select.left + u.select.width, 'x') * 1000;
          u.setSelect({left: 0, top: 0, width: 0, height: 0}, false);
          onBrush(Math.floor(from), Math.ceil(to));
        }],
      },
      intervalMillis,
    };
  }

  return {
    /** buckets: [{key: epochMillis, doc_count}]; the x range is the searched range, not just the data. */
    update(buckets, intervalMillis, fromMillis, toMillis) {
      const xs = buckets.map(b => Number(b.key) / 1000);
      const ys = buckets.map(b => b.doc_count);
      if (plot) plot.destroy();
      const opts = options(intervalMillis);
      opts.scales.x.range = () => [fromMillis / 1000, toMillis / 1000];
      plot = new uPlot(opts, [xs, ys], container);
    },
    destroy() {
      resize.disconnect();
      if (plot) plot.destroy();
      plot = null;
    },
  };
}

function widthOf(el) {
  return Math.max(300, el.clientWidth || 800);
}
