// Named faults reach the front end through a <meta> tag that the server renders only when faults are active.
const active = new Set((document.querySelector('meta[name="console-faults"]')?.content ?? '').split(' ').filter(Boolean));

export function hasFault(name) {
  return active.has(name);
}
