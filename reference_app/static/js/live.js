// The page's WebSocket: subscribes to topics, reconnects with back-off, and shows the connection state.
const indicator = () => document.querySelector('[data-testid="connection-state"]');

function showConnection(state, label) {
  const element = indicator();
  if (!element) return;
  element.dataset.state = state;
  element.textContent = label;
}

// onSubscribed runs each time the server has confirmed the subscription (after every reconnect too): the moment
// from which no event is missed, so a page loads its snapshot then.
export function connectLive(topics, onEvent, { onReconnect, onSubscribed } = {}) {
  // The URL comes from the page's own location, so the console works behind any host, port or TLS proxy.
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
  let socket;
  let attempt = 0;
  let leaving = false;

  function open() {
    socket = new WebSocket(url);
    socket.addEventListener('open', () => {
      socket.send(JSON.stringify({ subscribe: topics }));
      if (attempt > 0 && onReconnect) onReconnect();
      attempt = 0;
    });
    socket.addEventListener('message', (message) => {
      const event = JSON.parse(message.data);
      if (event.topic !== 'subscribed') {
        onEvent(event.topic, event.data);
        return;
      }
      // "Live" only once the server has the subscription: from then on, every event reaches the page.
      showConnection('live', 'Live');
      if (onSubscribed) onSubscribed();
    });
    socket.addEventListener('close', (event) => {
      if (leaving) return;
      if (event.code === 4401) {
        location.assign(`/login?next=${encodeURIComponent(location.pathname)}`);
        return;
      }
      showConnection('reconnecting', 'Reconnecting…');
      attempt += 1;
      setTimeout(open, Math.min(4000, 200 * 2 ** attempt));
    });
  }

  // Once the page starts to leave (a link, a form such as Sign out), it must not reconnect: the browser may
  // close the socket before the page is gone. Closing on the way out also keeps browsers from reporting an
  // interrupted connection as an error.
  const leave = () => {
    leaving = true;
    socket?.close(1000, 'page closed');
  };
  window.addEventListener('beforeunload', () => { leaving = true; });
  window.addEventListener('pagehide', leave);
  open();
}

export async function fetchJson(path, options = {}) {
  const response = await fetch(path, { headers: { 'Content-Type': 'application/json' }, ...options });
  if (response.status === 401) {
    location.assign(`/login?next=${encodeURIComponent(location.pathname)}`);
    return new Promise(() => {});
  }
  const body = await response.json();
  return { ok: response.ok, status: response.status, body };
}
