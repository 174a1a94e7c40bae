// Time ranges: quick ranges are relative expressions ("now-24h" .. "now") kept as text in the URL and
// resolved to epoch millis when a search runs; absolute ranges are ISO instants.

export const QUICK_RANGES = [
  {label: 'Last 15 minutes', from: 'now-15m'},
  {label: 'Last hour', from: 'now-1h'},
  {label: 'Last 4 hours', from: 'now-4h'},
  {label: 'Last 24 hours', from: 'now-24h'},
  {label: 'Last 7 days', from: 'now-7d'},
  {label: 'Last 30 days', from: 'now-30d'},
  {label: 'Last 90 days', from: 'now-90d'},
];

const UNIT_MS = {s: 1000, m: 60000, h: 3600000, d: 86400000, w: 604800000};
const RELATIVE = /^now(?:-(\d+)([smhdw]))?$/;

/** "now-15m" / "now" / ISO text / epoch millis text → epoch millis, or NaN when not understood. */
export function resolve(expression, now = Date.now()) {
  const text = String(expression).trim();
  const relative = RELATIVE.exec(text);
  if (relative) return relative[1] ? now - Number(relative[1]) * UNIT_MS[relative[2]] : now;
  if (/^\d{10,}$/.test(text)) return Number(text);
  return Date.parse(text);
}

export function describeRange(from, to) {
  const quick = QUICK_RANGES.find(r => r.from === from);
  if (quick && to === 'now') return quick.label;
  return shortTime(from) + ' → ' + shortTime(to);
}

function shortTime(expression) {
  const millis = resolve(expression);
  if (RELATIVE.test(String(expression))) return String(expression);
  return Number.isNaN(millis) ? String(expression) : new Date(millis).toISOString().slice(0, 19).replace('T', ' ');
}

const INTERVALS = [
  ['1s', 1e3], ['5s', 5e3], ['10s', 1e4], ['30s', 3e4], ['1m', 6e4], ['5m', 3e5], ['10m', 6e5], ['30m', 18e5],
  ['1h', 36e5], ['3h', 108e5], ['12h', 432e5], ['1d', 864e5], ['7d', 6048e5],
];

/** The histogram interval giving at most about 80 bars over the range. */
export function intervalFor(fromMillis, toMillis) {
  const span = Math.max(1, toMillis - fromMillis);
  for (const [name, millis] of INTERVALS) {
    if (span / millis <= 80) return {name, millis};
  }
  return {name: '30d', millis: 30 * 864e5};
}

/** ISO instant → value for <input type="datetime-local"> (UTC, seconds). */
export function toLocalInput(millis) {
  return new Date(millis).toISOString().slice(0, 19);
}

/** <input type="datetime-local"> value (read as UTC) → ISO instant, or null. */
export function fromLocalInput(value) {
  if (!value) return null;
  const millis = Date.parse(value.length === 16 ? value + ':00Z' : value + 'Z');
  return Number.isNaN(millis) ? null : new Date(millis).toISOString();
}
