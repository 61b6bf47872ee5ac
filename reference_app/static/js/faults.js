// Seams: the named points where a fault of the catalogue may replace the page's behaviour (see reference_app/seams.py).
// The page modules are written as the correct console and wrap such a point in seam('name', correct); the faulty
// variants live in ./faulty/, keyed by fault and seam name, each made from the correct behaviour it replaces, and
// take the point's place only while the console runs with that fault. Named faults reach the front end through a <meta> tag the server renders only when faults are active.
import { REPLACEMENTS } from './faulty/index.js';

const active = (document.querySelector('meta[name="console-faults"]')?.content ?? '').split(' ').filter(Boolean);

export function seam(name, correct) {
  for (const fault of active) {
    const replacement = REPLACEMENTS[fault]?.[name];
    if (replacement) return replacement(correct);
  }
  return correct;
}
