// How incident values read on screen: statuses with spaces, short times, durations in words.
import {badge, formatTime} from '../dom.js';

/** Every status, in lifecycle order (NIST SP 800-61 phases, then false positive). */
export const STATUSES = ['new', 'triaged', 'contained', 'eradicated', 'recovered', 'closed', 'false_positive'];

/** "false_positive" → "false positive". */
export function label(status) {
  return String(status || '-').replace(/_/g, ' ');
}

export function statusBadge(status) {
  return badge(label(status), 'status-' + String(status || 'none'));
}

/** ISO time to the second, without the "T" and zone (the console shows UTC throughout). */
export function shortTime(value) {
  return formatTime(value).slice(0, 19);
}

/** Seconds as "4 min 12 s", "2 h 5 min", "3 d 4 h"; null (not reached yet) as null. */
export function duration(seconds) {
  if (seconds === null || seconds === undefined || Number.isNaN(Number(seconds))) return null;
  const total = Math.max(0, Math.round(Number(seconds)));
  const units = [['d', 86400], ['h', 3600], ['min', 60], ['s', 1]];
  const first = units.findIndex(([, size]) => total >= size);
  if (first < 0) return '0 s';
  const [bigName, bigSize] = units[first];
  const out = Math.floor(total / bigSize) + ' ' + bigName;
  const next = units[first + 1];
  const rest = next ? Math.floor((total % bigSize) / next[1]) : 0;
  return rest ? out + ' ' + rest + ' ' + next[0] : out;
}
