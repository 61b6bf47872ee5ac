// Number and time formatting shared by the pages.
export const DASH = '—';

export function milliseconds(value) {
  return value == null ? DASH : `${value.toFixed(value < 10 ? 2 : 0)} ms`;
}

export function secondsAgo(value) {
  return value == null ? DASH : `${value.toFixed(1)} s ago`;
}

// The local time of day, 14:03:01.120; with { milliseconds: false }, 14:03:01.
export function clockTime(epochMs, { milliseconds = true } = {}) {
  if (epochMs == null) return DASH;
  const time = new Date(epochMs);
  const pad = (n, width = 2) => String(n).padStart(width, '0');
  const seconds = `${pad(time.getHours())}:${pad(time.getMinutes())}:${pad(time.getSeconds())}`;
  return milliseconds ? `${seconds}.${pad(time.getMilliseconds(), 3)}` : seconds;
}

// Money in the account currency: $1,234.56, with a minus sign for a loss (-$1,234.56), never "-$0.00"; with
// { wholeDollars: true }, whole amounts drop the cents ($5,000), as the desk writes limits.
export function usd(value, { wholeDollars = false } = {}) {
  if (value == null) return DASH;
  const cents = Math.round(value * 100);
  const digits = wholeDollars && cents % 100 === 0 ? 0 : 2;
  const amount = (Math.abs(cents) / 100).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${cents < 0 ? '-' : ''}$${amount}`;
}

// Quantities in whole units with thousands separators (10,000); `signed` adds + for a long (+10,000).
export function units(value, { signed = false } = {}) {
  if (value == null) return DASH;
  const text = Math.abs(value).toLocaleString('en-US', { maximumFractionDigits: 0 });
  if (value < 0) return `-${text}`;
  return signed && value > 0 ? `+${text}` : text;
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

// A price with the instrument's decimals (5 for most pairs, 3 for USDJPY).
export function price(value, decimals) {
  return value == null ? DASH : value.toFixed(decimals);
}

// A ratio as a percentage with two decimals and its sign: -0.0101 -> -1.01%, never "-0.00%".
export function signedPercent(ratio) {
  if (ratio == null) return DASH;
  const hundredths = Math.round(ratio * 10000);
  return `${hundredths < 0 ? '-' : ''}${(Math.abs(hundredths) / 100).toFixed(2)}%`;
}
