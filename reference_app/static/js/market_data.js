// Market Data: the quotes board. A snapshot over HTTP, then each tick drawn the moment its WebSocket message arrives.
import { connectLive, fetchJson, loadData } from './live.js';
import { DASH, secondsAgo } from './format.js';
import { seam } from './faults.js';

const board = document.querySelector('[data-testid="quotes"]');
const emptyNote = document.querySelector('[data-testid="board-empty"]');
const sourceState = document.querySelector('[data-testid="data-source-state"]');
const sourceIndicator = document.querySelector('[data-testid="data-source-indicator"]');
const updateRate = document.querySelector('[data-testid="feed-update-rate"]');
const currencyFilter = document.getElementById('currency');
const searchBox = document.getElementById('search');
const headers = [...document.querySelectorAll('th[data-column]')];

const REFRESH_MS = 100; // how often ages, stale flags and the update rate are redrawn between ticks
const RATE_WINDOW_MS = 5000; // the update rate shown is the ticks received over the last 5 seconds

const quotes = new Map(); // instrument -> its row and the quote it shows
const arrivals = []; // performance.now() of each tick received within the rate window
let staleAfterMs = 2000;
let day = null;
let connected = false;
let connectedAt = null;
let reloadingOpens = false;
const sort = { column: null, direction: 'none' };

// ---- values and their formatting -------------------------------------------------------------------------------

const mid = (q) => (q.bid + q.ask) / 2;
const spreadPips = (q) => (q.bid == null ? null : (q.ask - q.bid) / q.pip);
const changePercent = (q) => (q.bid == null || !q.open ? null : ((mid(q) - q.open) / q.open) * 100);
const ageMs = (q, now) => (q.receivedAt == null ? null : now - q.receivedAt);

function signedPercent(value) {
  if (value == null) return DASH;
  const text = Math.abs(value).toFixed(3);
  if (Number(text) === 0) return '0.000%';
  return `${value > 0 ? '+' : '-'}${text}%`;
}

// A quote's last tick is too old once its age (ms) passes the stale threshold (ms).
const tooOld = seam('market_data.tooOld', (age, thresholdMs) => age > thresholdMs);
// A drop cuts every quote off at once: none is live again before its instrument's next tick.
const cutOff = seam('market_data.cutOff', (q) => { q.cutOff = true; });

function isStale(q, now) {
  // A quote is live only while its connection is up and its last tick is recent.
  if (q.cutOff) return true;
  const age = ageMs(q, now);
  if (age == null) return true;
  return tooOld(age, staleAfterMs);
}

// ---- rows ------------------------------------------------------------------------------------------------------

function createRow(q) {
  const row = document.createElement('tr');
  row.dataset.instrument = q.instrument;
  row.innerHTML = `
    <th scope="row"></th>
    <td class="num" data-testid="quote-bid"></td>
    <td class="num" data-testid="quote-ask"></td>
    <td class="num" data-testid="quote-spread"></td>
    <td class="num" data-testid="quote-change"></td>
    <td><span data-testid="quote-age"></span> <span class="flag" data-testid="quote-freshness"></span></td>`;
  row.querySelector('th').textContent = q.instrument;
  q.row = row;
  q.cells = {
    bid: row.querySelector('[data-testid="quote-bid"]'),
    ask: row.querySelector('[data-testid="quote-ask"]'),
    spread: row.querySelector('[data-testid="quote-spread"]'),
    change: row.querySelector('[data-testid="quote-change"]'),
    age: row.querySelector('[data-testid="quote-age"]'),
    freshness: row.querySelector('[data-testid="quote-freshness"]'),
  };
}

function showFreshness(q, now) {
  const freshness = isStale(q, now) ? 'stale' : 'live';
  if (q.row.dataset.freshness === freshness) return;
  q.row.dataset.freshness = freshness;
  q.cells.freshness.textContent = freshness === 'live' ? 'Live' : 'Stale';
}

// Between ticks only what changed is written: an unchanged text rewritten ten times a second would cost the browser
// a layout and a frame each time, for nothing, and delay the next tick's render on a busy machine.
function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

function showAge(q, now) {
  const age = ageMs(q, now);
  setText(q.cells.age, age == null ? DASH : secondsAgo(age / 1000));
}

function showChange(q) {
  const change = changePercent(q);
  q.cells.change.textContent = signedPercent(change);
  q.cells.change.dataset.direction = change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
}

// A bid or an ask with the instrument's decimals (5; 3 for USDJPY).
const priceText = seam('market_data.priceText', (value, decimals) => value.toFixed(decimals));

// Draws the quote a row holds; data-seq and data-ts name the tick on screen, so a probe can time each render.
function drawQuote(q, now) {
  const priced = q.bid != null;
  q.cells.bid.textContent = priced ? priceText(q.bid, q.decimals) : DASH;
  q.cells.ask.textContent = priced ? priceText(q.ask, q.decimals) : DASH;
  q.cells.spread.textContent = priced ? `${spreadPips(q).toFixed(1)} pips` : DASH;
  showChange(q);
  showAge(q, now);
  if (q.seq != null) {
    q.row.dataset.ts = String(q.ts);
    q.row.dataset.seq = String(q.seq);
  }
  q.drawnAt = now;
  showFreshness(q, now);
}

// ---- sorting and filtering (client-side) -----------------------------------------------------------------------

const SORT_KEYS = {
  instrument: (q) => q.instrument,
  bid: (q) => q.bid,
  ask: (q) => q.ask,
  spread: seam('market_data.spreadSortKey', (q) => spreadPips(q)),
  change: seam('market_data.changeSortKey', (q) => changePercent(q)),
  // Youngest first when ascending: the age on screen, which grows from the last tick received.
  age: seam('market_data.ageSortKey', (q) => (q.receivedAt == null ? null : -q.receivedAt)),
};

// Two texts (instrument names) in the sort's direction (`sign`: 1 ascending, -1 descending), like the numbers.
const compareText = seam('market_data.compareText', (x, y, sign) => sign * x.localeCompare(y));

function compareBy(column, direction) {
  const key = SORT_KEYS[column];
  const sign = direction === 'descending' ? -1 : 1;
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    if (x == null || y == null) return (x == null) - (y == null); // quotes without a value go last either way
    if (typeof x === 'string') return compareText(x, y, sign);
    return sign * (x - y);
  };
}

function applySort() {
  if (!sort.column) return;
  const wanted = [...quotes.values()].sort(compareBy(sort.column, sort.direction)).map((q) => q.row);
  const current = [...board.children];
  if (wanted.every((row, index) => row === current[index])) return; // unchanged: no DOM churn
  board.append(...wanted);
}

// A column header says how the board is sorted by it: its direction, or 'none' (null) for every other column.
const showHeaderSort = seam('market_data.showHeaderSort', (header, direction) => {
  header.setAttribute('aria-sort', direction ?? 'none');
  header.querySelector('.sort-mark').textContent = direction == null ? '' : direction === 'ascending' ? ' ▲' : ' ▼';
});

// A column's sort is asked for with its header's button: a click, a tap, or Enter or Space on the focused button.
const onSortRequest = seam('market_data.onSortRequest', (header, sort) => {
  header.querySelector('button').addEventListener('click', sort);
});

function sortBy(column) {
  const direction = sort.column === column && sort.direction === 'ascending' ? 'descending' : 'ascending';
  sort.column = column;
  sort.direction = direction;
  for (const header of headers) showHeaderSort(header, header.dataset.column === column ? direction : null);
  applySort();
}

// The Currency filter offers every currency the board trades, as a base or as a quote (JPY, CHF and CAD are only quotes).
const currenciesOf = seam('market_data.currenciesOf', (instrument) => [instrument.base, instrument.quote]);
// The Currency filter's choices, after "All currencies": every currency the board trades, in alphabetical order.
const currencyChoices = seam('market_data.currencyChoices', (currencies) => currencies);
// A currency filter finds every pair that trades the currency, as its base or its quote.
const tradesIn = seam('market_data.tradesIn', (q, currency) => q.base === currency || q.quote === currency);
// "eur/usd", "Eur Usd" and "EURUSD" all find EURUSD.
const searchText = seam('market_data.searchText', (raw) => raw.toUpperCase().replace(/[^A-Z]/g, ''));
// With both a currency and a search, an instrument must match both.
const matches = seam('market_data.matches', (q, currency, text) => (!currency || tradesIn(q, currency))
  && (!text || q.instrument.includes(text)));
// The note under an empty board says why it is empty.
const showBoardEmpty = seam('market_data.showBoardEmpty', (empty, text) => {
  emptyNote.hidden = !empty;
  emptyNote.textContent = text;
});

function applyFilter() {
  const currency = currencyFilter.value;
  const raw = searchBox.value.trim();
  const text = searchText(raw);
  let shown = 0;
  for (const q of quotes.values()) {
    q.row.hidden = !matches(q, currency, text);
    if (!q.row.hidden) shown += 1;
  }
  showBoardEmpty(shown === 0, shown > 0 ? '' : `No instrument matches ${raw ? `“${raw}”` : 'this filter'}${currency ? ` in ${currency}` : ''}.`);
}

// ---- the feed --------------------------------------------------------------------------------------------------

// What the data source says while the connection is down: "Offline" when the browser has no network (before the first
// connection too), "Connecting…" before the first connection, "Reconnecting…" when the console dropped it.
const sourceDownState = seam('market_data.sourceDownState', (everConnected) => {
  if (navigator.onLine === false) return 'Offline';
  return everConnected ? 'Reconnecting…' : 'Connecting…';
});

// The update rate: ticks received over the window, per second.
const ratePerSecond = seam('market_data.ratePerSecond', (ticks, spanMs) => Math.round((ticks * 1000) / spanMs));

// Whether the feed is ticking while connected. Just (re)connected, the first ticks are on their way: "No ticks" only once
// none came for the stale threshold.
const feedTicking = seam('market_data.feedTicking', (now) => now - connectedAt <= staleAfterMs
  || [...quotes.values()].some((q) => !isStale(q, now)));

function showSource(now) {
  let state;
  let healthy;
  if (!connected) {
    [state, healthy] = [sourceDownState(connectedAt != null), false];
  } else {
    [state, healthy] = feedTicking(now) ? ['Connected', true] : ['No ticks', false];
  }
  setText(sourceState, state);
  const health = healthy ? 'healthy' : 'unhealthy';
  if (sourceIndicator.dataset.health !== health) sourceIndicator.dataset.health = health;
  while (arrivals.length && arrivals[0] < now - RATE_WINDOW_MS) arrivals.shift();
  if (connectedAt == null) return;
  const span = Math.min(RATE_WINDOW_MS, now - connectedAt);
  const text = span < 1000 ? DASH : `${ratePerSecond(arrivals.length, span)} ticks/s`;
  setText(updateRate, text);
}

// A sorted board stays sorted: each tick may move its instrument past another.
const sortAfterTick = seam('market_data.sortAfterTick', () => applySort());

// How the board follows the feed: a tick is drawn the moment it arrives (then the board is re-sorted, and the first
// tick of a new UTC day reloads the opens); between ticks only each quote's age and freshness flag move.
const drawing = seam('market_data.drawing', {
  tick(q, tick, now) {
    Object.assign(q, { bid: tick.bid, ask: tick.ask, ts: tick.ts, seq: tick.seq });
    drawQuote(q, now);
    sortAfterTick();
    if (new Date(tick.ts).toISOString().slice(0, 10) !== day) reloadOpens();
  },
  between(q, now) {
    showAge(q, now);
    showFreshness(q, now);
  },
});

function onTick(tick) {
  const q = quotes.get(tick.instrument);
  if (!q) return;
  const now = performance.now();
  arrivals.push(now);
  q.receivedAt = now;
  q.cutOff = false;
  drawing.tick(q, tick, now);
}

function refresh() {
  const now = performance.now();
  for (const q of quotes.values()) drawing.between(q, now);
  if (sort.column === 'age') applySort();
  showSource(now);
}

// A new UTC day has begun: its first quotes are the new base of the daily change.
async function reloadOpens() {
  if (reloadingOpens) return;
  reloadingOpens = true;
  try {
    const { ok, body } = await fetchJson('/api/market-data');
    if (!ok) return;
    day = body.day;
    for (const row of body.instruments) {
      const q = quotes.get(row.instrument);
      if (q) {
        q.open = row.open;
        showChange(q);
      }
    }
    applySort();
  } finally {
    reloadingOpens = false;
  }
}

function onDisconnect() {
  connected = false;
  const now = performance.now();
  for (const q of quotes.values()) {
    cutOff(q);
    showFreshness(q, now);
  }
  showSource(now);
}

function onOpen() {
  connected = true;
  connectedAt = performance.now();
  arrivals.length = 0;
  showSource(connectedAt);
}

// ---- start -----------------------------------------------------------------------------------------------------

const snapshot = await loadData('/api/market-data', 'the quotes'); // retried until it is answered
day = snapshot.day;
staleAfterMs = snapshot.stale_after_ms;
const loadedAt = performance.now();
for (const row of snapshot.instruments) {
  // The snapshot's age is measured on the server's clock, so no clock of this browser needs to agree with it.
  const q = { ...row, receivedAt: row.age_ms == null ? null : loadedAt - row.age_ms, drawnAt: -Infinity, cutOff: false };
  quotes.set(q.instrument, q);
  createRow(q);
  drawQuote(q, loadedAt);
  board.append(q.row);
}
for (const currency of currencyChoices([...new Set(snapshot.instruments.flatMap(currenciesOf))].sort())) {
  currencyFilter.append(new Option(currency, currency));
}
headers.forEach((header) => onSortRequest(header, () => sortBy(header.dataset.column)));
currencyFilter.addEventListener('change', applyFilter);
searchBox.addEventListener('input', applyFilter);
applyFilter();
connectLive(['tick'], (topic, data) => onTick(data), { onSubscribed: onOpen, onDisconnect });
setInterval(refresh, REFRESH_MS);
