// Number and time formatting shared by the pages.
export const DASH = '—';

export function milliseconds(value) {
  return value == null ? DASH : `${value.toFixed(value < 10 ? 2 : 0)} ms`;
}

export function secondsAgo(value) {
  return value == null ? DASH : `${value.toFixed(1)} s ago`;
}

export function clockTime(epochMs) {
  const time = new Date(epochMs);
  const pad = (n, width = 2) => String(n).padStart(width, '0');
  return `${pad(time.getHours())}:${pad(time.getMinutes())}:${pad(time.getSeconds())}.${pad(time.getMilliseconds(), 3)}`;
}
