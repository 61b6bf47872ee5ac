// Faulty variants of the live connection's seams (live.js), shared by every screen, one per named fault. Each is made
// from the correct behaviour, which it receives: REPLACEMENTS[fault][seam] = (correct) => faulty.

export const REPLACEMENTS = {
  // The defect: an ended session sends the user to sign in without saying why (no "expired" notice).
  expiry_redirect_without_reason: {
    'live.signInAgainUrl': (correct) => (path) => correct(path).replace('&expired=1', ''),
  },
  // The defect: when the connection drops, the indicator is never changed: it keeps saying "Live" while offline.
  offline_indicator_never_shown: {
    'live.showConnectionLost': () => () => {},
  },
  // The defect: the page waits for the network's return on `document`, where the browser never fires "online" (it
  // fires on window): once offline, a screen stays offline until it is reloaded.
  no_reconnect_after_offline: {
    'live.reconnectWhenOnline': () => (reconnect) => {
      document.addEventListener('online', reconnect, { once: true });
    },
  },
  // The defect: a failed call for a screen's data is tried once and never again; the screen waits for a reload.
  data_load_never_retried: {
    'live.retryDelayMs': () => () => null,
  },
  // The defect: a failed call for a screen's data is only logged; the screen says nothing and still claims to be live.
  data_load_failure_silent: {
    'live.showLoadFailure': () => (path, what, status) => {
      console.warn(`could not load ${what} (${status})`);
    },
  },
  // The defect: a refactor left the old start-up call in place: the page starts its live connection twice, holds two
  // WebSockets and handles every event twice.
  live_connection_duplicated: {
    'live.connectLive': (correct) => (...args) => {
      correct(...args);
      correct(...args);
    },
  },
  // The defect: a "keep-alive" recycles the live connection every 2 seconds: the page reconnects over and over.
  live_connection_recycled: {
    'live.recycleAfterMs': () => () => 2000,
  },
  // The defect: to keep Back from walking through every screen flipped through, the navigation bar follows its links
  // with location.replace(): each screen replaces the previous one in the history, and Back leaves the console.
  navigation_replaces_history: {
    'live.followNavigationLinks': () => (links) => {
      for (const link of links) {
        link.addEventListener('click', (event) => {
          event.preventDefault();
          location.replace(link.href);
        });
      }
    },
  },
  // The defect: to bring the desk's most used screen "one Tab away", the Market Data link of the navigation bar was
  // given tabindex="1": on every screen Tab goes to it first, then from the top, against the order of the page.
  market_data_link_first_in_tab_order: {
    'live.followNavigationLinks': (correct) => (links) => {
      correct(links);
      for (const link of links) if (link.textContent.trim() === 'Market Data') link.tabIndex = 1;
    },
  },
  // The defect: the page forgets a failure only when it shows one, never when the retry succeeds: the data comes back,
  // but the notice stays up ("Trying again every second…") and the screen is never presented as live again.
  load_error_notice_stays_after_recovery: {
    'live.clearLoadFailure': () => () => {},
  },
  // The defect: the offline check was dropped in a refactor ("the close event tells us anyway"): a lost network is
  // taken for a dropped connection, shown as "Reconnecting…", and the page keeps trying to connect while offline.
  offline_treated_as_server_drop: {
    'live.browserOffline': () => () => false,
  },
  // The defect: the back-off lost its cap: it doubles for ever, so after an outage of half a minute the page waits
  // another half a minute or more, "Reconnecting…", although the console is back.
  reconnect_backoff_uncapped: {
    'live.reconnectDelayMs': () => (attempt) => 200 * 2 ** attempt,
  },
  // The defect: "halt" is added to the topics at the first connection only; a reconnection subscribes to the page's
  // own topics, so after a dropped connection the halted banner no longer hears of a halt or a resume.
  halt_topic_lost_after_reconnect: {
    'live.subscriptionTopics': (correct) => (topics, reconnecting) => (reconnecting ? topics : correct(topics)),
  },
  // The defect: a page brought back by Back or Forward is not reconnected: it keeps saying "Live" with the
  // connection it closed when it was left, and nothing on it moves until it is reloaded.
  back_restored_page_not_reconnected: {
    'live.reopenWhenRestored': () => () => {},
  },
  // The defect: the halt is read again only at the page's first connection ("the banner is rendered with the page,
  // and the pushes keep it current"): a halt or resume that happened while the page was offline or disconnected was
  // never pushed to it, and is not shown once the page is live again.
  halt_missed_while_offline: {
    'live.refreshHaltWhenLive': (correct) => (reconnected) => {
      if (!reconnected) correct(reconnected);
    },
  },
  // The defect: a page whose session ended sends the user to sign in with the "expired" notice but without `next`
  // (the URL was written by hand, without the page's path): signing in again lands on System Status.
  expired_session_returns_to_status: {
    'live.signInAgainUrl': () => () => '/login?expired=1',
  },
  // The defect: the retry delay of a failed call was typed as 10000 ms instead of 1000: the notice says "Trying again
  // every second…", but a screen whose console answers again stays stale, with its notice, for up to 10 seconds.
  load_retry_every_ten_seconds: {
    'live.retryDelayMs': () => () => 10000,
  },
  // The defect: close code 1013 ("try again later", with which the console turns reconnections away during an
  // outage) is read as "this client is refused": the page stops trying and says "Reconnecting…" until it is reloaded.
  refused_reconnection_given_up: {
    'live.retriesAfterClose': () => (closeCode) => closeCode !== 1013,
  },
};
