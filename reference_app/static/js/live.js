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

// The console refused the session this page was loaded with: it expired or ended elsewhere. The sign-in page says so
// and brings the user back here, as it does when a page request meets an ended session.
const signInAgainUrl = seam('live.signInAgainUrl', (path) => `/login?next=${encodeURIComponent(path)}&expired=1`);

function sendToSignIn() {
  location.assign(signInAgainUrl(location.pathname));
}

function showConnection(state, label) {
  const element = indicator();
  if (!element) return;
  element.dataset.state = state;
  element.textContent = label;
}

// The moment the socket closes, the indicator stops saying "Live".
const showReconnecting = seam('live.showReconnecting', () => showConnection('reconnecting', 'Reconnecting…'));

// onSubscribed: every time the server confirms the subscription (after every reconnect too), the moment from which
// no event is missed, so a page loads its snapshot then; onReconnect: when it does so again after a drop;
// onDisconnect: whenever the socket closes, in the same task that shows "Reconnecting…", so that a page can stop
// presenting its data as live at the very moment the connection is gone.
export function connectLive(topics, onEvent, { onSubscribed, onReconnect, onDisconnect } = {}) {
  // The URL comes from the page's own location, so the console works behind any host, port or TLS proxy.
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
  let socket;
  let attempt = 0;

  function open() {
    socket = new WebSocket(url);
    // batch: events the server has queued together arrive as one message (an array), handled in one task.
    const subscribe = [...new Set([...topics, 'halt'])];
    socket.addEventListener('open', () => socket.send(JSON.stringify({ subscribe, batch: true })));
    socket.addEventListener('message', (message) => {
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
      refreshHalt();
      if (onSubscribed) onSubscribed();
      if (attempt > 0 && onReconnect) onReconnect();
      attempt = 0;
    });
    socket.addEventListener('close', (event) => {
      if (pageLeaving) return;
      if (event.code === 4401) {
        sendToSignIn();
        return;
      }
      showReconnecting();
      if (onDisconnect) onDisconnect();
      attempt += 1;
      setTimeout(open, Math.min(4000, 200 * 2 ** attempt));
    });
  }

  // Closing on the way out keeps browsers from reporting an interrupted connection as an error. pageLeaving is set
  // here too, for a page closed without beforeunload, so that this close does not start a reconnection.
  window.addEventListener('pagehide', () => {
    pageLeaving = true;
    socket?.close(1000, 'page closed');
  });
  open();
}

export const UNREACHABLE = 'The console could not be reached. Try again in a moment.';

// Every call of a page: a network failure (the console restarting, the page being left mid-request, which Firefox
// reports as a NetworkError) becomes an answer the page can show, never an uncaught rejection.
export async function fetchJson(path, options = {}) {
  let response;
  try {
    response = await fetch(path, { headers: { 'Content-Type': 'application/json' }, ...options });
  } catch {
    return { ok: false, status: 0, body: { detail: UNREACHABLE } };
  }
  if (response.status === 401) {
    if (!pageLeaving) sendToSignIn();
    return new Promise(() => {});
  }
  const body = await response.json();
  return { ok: response.ok, status: response.status, body };
}
