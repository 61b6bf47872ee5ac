// The page's WebSocket: subscribes to topics, reconnects with back-off, and shows the connection state. Every
// connection also carries the account's "halt" event to the banner of every section page (halt.js).
import { seam } from './faults.js';
import { refreshHalt, showHalt } from './halt.js';

const indicator = () => document.querySelector('[data-testid="connection-state"]');

// Set once the page starts to leave (a link, a form such as Sign out). From then on the page neither reconnects nor
// sends the user to sign in: a call answered 401 because Sign out has just ended the session must not replace the
// navigation already under way (which would lose "You have signed out").
let pageLeaving = false;
window.addEventListener('beforeunload', () => { pageLeaving = true; });
// A page the browser brings back from its back-forward cache (Back, Forward) is not leaving any more.
window.addEventListener('pageshow', (event) => { if (event.persisted) pageLeaving = false; });

// The navigation bar's links are plain links that the browser follows: each screen visited is an entry of its history,
// so that Back and Forward go through the screens (the correct behaviour: nothing to add to them).
const followNavigationLinks = seam('live.followNavigationLinks', () => {});
followNavigationLinks(document.querySelectorAll('nav[aria-label="Sections"] a[href]'));

// The console refused the session this page was loaded with: it expired or ended elsewhere. The sign-in page says so
// and brings the user back here, as it does when a page request meets an ended session.
const signInAgainUrl = seam('live.signInAgainUrl', (path) => `/login?next=${encodeURIComponent(path)}&expired=1`);

function sendToSignIn() {
  location.assign(signInAgainUrl(location.pathname));
}

function showConnection(state, label) {
  const element = indicator();
  if (element) {
    element.dataset.state = state;
    element.textContent = label;
  }
  connected = state === 'live';
  showLiveness();
}

// ---- Whether the screen presents its data as live ----------------------------------------------------------------
// The screen (<main>, data-freshness) is live only while its connection is live and every call for its data has
// been answered; otherwise it is not, and a failed call is explained in the screen's notice (test id
// `data-error`) until a retry succeeds (docs/ui-contract.md, "Every section page").
let connected = false;
const failing = new Map(); // path -> what could not be loaded, and the console's answer
const loading = new Map(); // path -> the pending load, shared by every caller until it succeeds

function showLiveness() {
  const main = document.querySelector('main');
  if (main) main.dataset.freshness = connected && failing.size === 0 ? 'live' : 'stale';
  const notice = document.querySelector('[data-testid="data-error"]');
  if (!notice) return;
  const problems = [...failing.values()].map(({ what, status }) => (status === 0
    ? `The console could not be reached to load ${what}.`
    : `The console could not load ${what}: it answered ${status}.`));
  notice.textContent = problems.length ? `${problems.join(' ')} What is shown is not live. Trying again every second…` : '';
  notice.hidden = problems.length === 0;
}

// The moment the connection is lost, the indicator stops saying "Live": "Offline" without a network, "Reconnecting…"
// otherwise.
const showConnectionLost = seam('live.showConnectionLost', (offline) => (offline
  ? showConnection('offline', 'Offline')
  : showConnection('reconnecting', 'Reconnecting…')));

// How long after a failed call for a screen's data it is tried again (the correct behaviour: every second).
const retryDelayMs = seam('live.retryDelayMs', () => 1000);
// A call that succeeds again ends its failure: the notice goes, and the screen is live again once nothing else fails.
const clearLoadFailure = seam('live.clearLoadFailure', (path) => {
  failing.delete(path);
});
// What a failed call for a screen's data shows (the correct behaviour: the notice, and the screen no longer live).
const showLoadFailure = seam('live.showLoadFailure', (path, what, status) => {
  failing.set(path, { what, status });
  showLiveness();
});

// A screen's data over HTTP, e.g. loadData('/api/positions', 'the positions'): resolves with the console's answer once
// it is a success; until then the screen says what failed and tries again by itself, without a reload.
export function loadData(path, what) {
  if (!loading.has(path)) {
    loading.set(path, new Promise((resolve) => {
      const attempt = async () => {
        const answer = await fetchJson(path);
        if (answer.ok) {
          loading.delete(path);
          clearLoadFailure(path);
          showLiveness();
          resolve(answer.body);
          return;
        }
        showLoadFailure(path, what, answer.status);
        const delay = retryDelayMs();
        if (delay != null) setTimeout(attempt, delay);
      };
      attempt();
    }));
  }
  return loading.get(path);
}

// While the browser has no network at all, nothing is tried until it has: the page says "Offline" and waits for the
// browser's "online" event (the correct behaviour).
const reconnectWhenOnline = seam('live.reconnectWhenOnline', (reconnect) => {
  window.addEventListener('online', reconnect, { once: true });
});

// Whether the browser has lost its network (then "Offline", and nothing is tried until it is back), as opposed to a
// connection the console dropped (then "Reconnecting…", and attempts with back-off).
const browserOffline = seam('live.browserOffline', () => navigator.onLine === false);

// How long after the n-th failed attempt the next one is made: doubling from 400 ms, at most 4 s, so that a page
// comes back within seconds of the console, however long it was away.
const reconnectDelayMs = seam('live.reconnectDelayMs', (attempt) => Math.min(4000, 200 * 2 ** attempt));

// The topics a connection subscribes to (`reconnecting`: after a drop), the same at its first opening and at every
// reconnection: the page's own, and "halt" for the banner.
const subscriptionTopics = seam('live.subscriptionTopics', (topics, reconnecting) => [...new Set([...topics, 'halt'])]);

// A page brought back from the back-forward cache (Back, Forward) opens its connection again (`reopen`): it was
// closed when the page was left.
const reopenWhenRestored = seam('live.reopenWhenRestored', (reopen) => reopen());

// A page keeps its one connection for as long as it is open (the correct behaviour: never recycled on purpose).
const recycleAfterMs = seam('live.recycleAfterMs', () => null);

// Whether the page tries again after its socket closed with this code: always (a console restarting, or turning
// reconnections away for a while with 1013 "try again later", comes back; only 4401 ends it, handled before).
const retriesAfterClose = seam('live.retriesAfterClose', (closeCode) => true);

// Each time the subscription is confirmed (`reconnected`: again, after a drop or offline), the halt is read again: a
// halt or resume that happened while the page was loading, offline or disconnected was never pushed to it.
const refreshHaltWhenLive = seam('live.refreshHaltWhenLive', (reconnected) => refreshHalt());

// onSubscribed: every time the server confirms the subscription (after every reconnect too), the moment from which
// no event is missed, so a page loads its snapshot then; onReconnect: when it does so again after a drop;
// onDisconnect: whenever the connection is lost (the socket closes, or the browser goes offline), in the same task
// that shows "Reconnecting…" or "Offline", so that a page can stop presenting its data as live at the very moment the
// connection is gone. Every (re)subscription is also announced to the page's other modules as 'console:live'.
function connectLiveOnce(topics, onEvent, { onSubscribed, onReconnect, onDisconnect } = {}) {
  // The URL comes from the page's own location, so the console works behind any host, port or TLS proxy.
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
  let socket;
  let attempt = 0;
  let lost = false; // the connection is gone and the page has said so; set until the next subscription
  let retry = null; // the timer of the next attempt

  // The one place where a lost connection is shown: "Offline" while the browser has no network (its socket may not
  // even close until the network is back), "Reconnecting…" otherwise; then the next attempt, as soon as it can work.
  function connectionLost(closeCode) {
    if (lost) return;
    lost = true;
    const offline = browserOffline();
    showConnectionLost(offline);
    if (onDisconnect) onDisconnect();
    attempt += 1;
    if (offline) reconnectWhenOnline(reconnect);
    else if (retriesAfterClose(closeCode)) retry = setTimeout(open, reconnectDelayMs(attempt));
  }

  function reconnect() {
    if (!pageLeaving) open();
  }

  function open() {
    lost = false;
    // An earlier socket still connecting (it was given up for lost) must not come alive beside this one.
    if (socket && socket.readyState <= WebSocket.OPEN) socket.close(1000, 'replaced');
    socket = new WebSocket(url);
    const current = socket;
    // batch: events the server has queued together arrive as one message (an array), handled in one task.
    const subscribe = subscriptionTopics(topics, attempt > 0);
    socket.addEventListener('open', () => current.send(JSON.stringify({ subscribe, batch: true })));
    socket.addEventListener('message', (message) => {
      if (current !== socket || lost) return; // a socket given up for lost (offline) is not listened to any more
      const received = JSON.parse(message.data);
      const events = Array.isArray(received) ? received : [received];
      const subscribed = events.some((event) => event.topic === 'subscribed');
      for (const event of events) {
        if (event.topic === 'halt') showHalt(event.data);
        // A page hears of a topic only if it asked for it (the halt reaches it as a 'console:halt' DOM event).
        if (event.topic !== 'subscribed' && topics.includes(event.topic)) onEvent(event.topic, event.data);
      }
      if (!subscribed) return;
      // Live only once the server has answered: a connection it accepts and closes at once never looks live.
      showConnection('live', 'Live');
      refreshHaltWhenLive(attempt > 0);
      if (onSubscribed) onSubscribed();
      if (attempt > 0 && onReconnect) onReconnect();
      attempt = 0;
      document.dispatchEvent(new CustomEvent('console:live'));
      const recycle = recycleAfterMs();
      if (recycle != null) setTimeout(() => current.close(1000, 'recycled'), recycle);
    });
    socket.addEventListener('close', (event) => {
      // The page's own close on the way out may be reported only once the page is back from the back-forward cache,
      // after pageshow: it is not a lost connection (pageshow reconnects the page itself).
      if (pageLeaving || current !== socket || current.closedOnPageHide) return;
      if (event.code === 4401) {
        sendToSignIn();
        return;
      }
      connectionLost(event.code);
    });
  }

  // Without a network the socket may stay open, silent, until the network is back (and then fail): the browser's
  // "offline" event is the moment the page stops presenting anything as live. That socket is given up for lost.
  window.addEventListener('offline', () => {
    if (pageLeaving) return;
    if (lost) {
      // Already reconnecting: say "Offline" now instead, and wait for the network rather than the next attempt.
      clearTimeout(retry);
      lost = false;
    }
    connectionLost();
    socket.close(1000, 'offline');
  });

  // Brought back from the back-forward cache: the connection closed on the way out is opened again.
  window.addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    reopenWhenRestored(() => {
      lost = false;
      connectionLost();
    });
  });

  // Closing on the way out keeps browsers from reporting an interrupted connection as an error. pageLeaving is set
  // here too, for a page closed without beforeunload, so that this close does not start a reconnection.
  window.addEventListener('pagehide', () => {
    pageLeaving = true;
    if (!socket) return;
    socket.closedOnPageHide = true;
    socket.close(1000, 'page closed');
  });
  open();
}

// A page starts its live connection once (the correct behaviour).
export const connectLive = seam('live.connectLive', connectLiveOnce);

export const UNREACHABLE = 'The console could not be reached. Try again in a moment.';

// What a change the console did not make says. A refusal (4xx) says what is wrong (`refusal`); a server error (5xx)
// says that the change was not made, and the console's answer: "service unavailable" alone does not tell a person
// whether the order was cancelled or the limits saved.
export function notDoneText(notDone, answer, refusal) {
  return answer.status >= 500 ? `${notDone}: the console answered ${answer.status}.` : refusal;
}

// Every call of a page: a network failure (the console restarting, the page being left mid-request, which Firefox
// reports as a NetworkError, or as an AbortError while the answer's body is still arriving) becomes an answer the
// page can show, never an uncaught rejection.
export async function fetchJson(path, options = {}) {
  const unreachable = { ok: false, status: 0, body: { detail: UNREACHABLE } };
  let response;
  try {
    response = await fetch(path, { headers: { 'Content-Type': 'application/json' }, ...options });
  } catch {
    return unreachable;
  }
  if (response.status === 401) {
    if (!pageLeaving) sendToSignIn();
    return new Promise(() => {});
  }
  let body;
  try {
    body = await response.json();
  } catch {
    return unreachable;
  }
  return { ok: response.ok, status: response.status, body };
}
