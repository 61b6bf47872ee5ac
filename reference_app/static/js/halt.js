// The halted banner of every section page: rendered by the server with the page, kept current by the "halt" event that
// every live connection receives (live.js), and read again each time the connection is (re)established, so that a
// halt or resume that happened while the page was loading or offline is never missed.
import { fetchJson } from './live.js';

const banner = document.querySelector('[data-testid="trading-halted-banner"]');
let shownAsOf = Number(banner?.dataset.asOf ?? 0); // server time of the state shown: an older one never overwrites it

// Pages that act on the halt (the order ticket, the Risk screen) listen for 'console:halt' on the document.
export function showHalt(halt) {
  if (halt.as_of < shownAsOf) return;
  shownAsOf = halt.as_of;
  if (banner) {
    banner.querySelector('[data-testid="halt-details"]').textContent = halt.message;
    banner.dataset.halted = String(halt.halted);
    banner.hidden = !halt.halted;
  }
  document.dispatchEvent(new CustomEvent('console:halt', { detail: halt }));
}

export async function refreshHalt() {
  try {
    const answer = await fetchJson('/api/risk/halt');
    if (answer.ok) showHalt(answer.body);
  } catch {
    // The page is being left mid-request (Firefox rejects the body read): nothing to show any more.
  }
}
