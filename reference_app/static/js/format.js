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

// Money in USD: $1,234.56 and -$3.20; with { wholeDollars: true }, whole amounts drop the cents ($5,000), as
// the desk writes limits.
export function usd(value, { wholeDollars = false } = {}) {
  if (value == null) return DASH;
  const digits = wholeDollars && Number.isInteger(value) ? 0 : 2;
  const text = Math.abs(value).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${value < 0 ? '-' : ''}$${text}`;
}

// Quantities in units: 10,000.
export function units(value) {
  return value == null ? DASH : value.toLocaleString('en-US', { maximumFractionDigits: 8 });
}

// A ratio as a whole percentage: 0.667 -> 67%.
export function percent(ratio) {
  return ratio == null ? DASH : `${Math.round(ratio * 100)}%`;
}

// What a person types as an amount ("$1,000", "10,000", " 2500.50 ") as a number; null when it is not one.
export function parseAmount(text) {
  const cleaned = text.replace(/[\s$,]/g, '');
  if (cleaned === '') return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}
