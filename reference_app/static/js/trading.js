// Trading screen: the order ticket, the live status of the last order, positions and P&L, open orders, history.
import { connectLive, fetchJson } from './live.js';
import { DASH, clockTime, price, units, usd } from './format.js';
import { hasFault } from './faults.js';

const LABELS = {
  pending: 'Pending', risk_check: 'Risk Check', approved: 'Approved', submitted: 'Submitted',
  working: 'Working', filled: 'Filled', rejected: 'Rejected', cancelled: 'Cancelled',
};
const OPEN = new Set(['pending', 'risk_check', 'approved', 'submitted', 'working']);
const FINAL = new Set(['filled', 'rejected', 'cancelled']);
const NUMBER = /^[-+]?\d+(\.\d+)?$/;

const $ = (selector, root = document) => root.querySelector(selector);
const byTestId = (id, root = document) => $(`[data-testid="${id}"]`, root);

const decimals = Object.fromEntries(
  [...document.querySelectorAll('#ticket-instrument option')].map((o) => [o.value, Number(o.dataset.decimals)]),
);
const orders = new Map(); // order id -> the most advanced state seen (by number of status events)
const quotes = new Map(); // instrument -> latest tick
let positionsValuedAt = 0;
let haltAsOf = 0; // server time of the halt state the ticket follows: an older snapshot never overrides it
let halted = !byTestId('trading-halted').hidden; // as the server rendered the page

// ---- The order ticket ---------------------------------------------------------------------------------------

const form = $('form[aria-label="Order ticket"]');
const fields = {
  instrument: $('#ticket-instrument'), side: $('#ticket-side'), quantity: $('#ticket-quantity'),
  type: $('#ticket-type'), price: $('#ticket-price'),
};
const newOrderButton = $('[data-action="new-order"]');
const readOnly = newOrderButton.dataset.readOnly === 'true';
const priceField = $('[data-price-field]');
const submitButton = $('button[type="submit"]', form);
const ticketError = byTestId('ticket-error');
const lastSummary = byTestId('last-order-summary');
const lastStatus = byTestId('last-order-status');
const lastReason = byTestId('last-order-reason');
const timeline = $('ol[aria-label="Status timeline"]');

let clientOrderId = null; // one per ticket: resubmitting the same ticket can never place a second order
let sending = false;
let trackedClientId = null; // the order whose status the ticket follows
let tracked = null;

function newClientOrderId() {
  // getRandomValues works on plain http too, where crypto.randomUUID does not exist.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function showTicketError(message) {
  ticketError.textContent = message;
  ticketError.hidden = !message;
}

function syncPriceField() {
  priceField.hidden = fields.type.value === 'MARKET';
}

function showTicketQuote() {
  const quote = quotes.get(fields.instrument.value);
  const places = decimals[fields.instrument.value];
  byTestId('ticket-bid').textContent = quote ? price(quote.bid, places) : DASH;
  byTestId('ticket-ask').textContent = quote ? price(quote.ask, places) : DASH;
}

// While the account is halted nothing can be entered: New Order is disabled and an open ticket closes.
function showHalted(isHalted, asOf) {
  if (asOf < haltAsOf) return;
  haltAsOf = asOf;
  halted = isHalted;
  byTestId('trading-halted').hidden = !halted;
  newOrderButton.disabled = readOnly || halted;
  submitButton.disabled = halted || sending;
  if (halted) form.hidden = true;
}

function openTicket() {
  form.reset();
  form.hidden = false;
  clientOrderId = newClientOrderId();
  showTicketError('');
  syncPriceField();
  showTicketQuote();
  fields.quantity.focus();
}

function readNumber(text) {
  const plain = text.trim().replace(/,/g, '');
  return NUMBER.test(plain) ? Number(plain) : NaN;
}

// Only what cannot be sent is checked here; every rule about what may be traded is the server's.
function readTicket() {
  const quantityText = fields.quantity.value.trim();
  if (!quantityText) return { error: 'Enter a quantity' };
  const quantity = readNumber(quantityText);
  if (Number.isNaN(quantity)) return { error: 'Quantity must be a number' };
  const type = fields.type.value;
  let limitPrice = null;
  if (type !== 'MARKET' && fields.price.value.trim()) {
    limitPrice = readNumber(fields.price.value);
    if (Number.isNaN(limitPrice)) return { error: 'Price must be a number' };
  }
  return { ticket: { instrument: fields.instrument.value, side: fields.side.value, type, quantity, price: limitPrice } };
}

function problemText(body) {
  if (typeof body?.detail === 'string') return body.detail;
  if (Array.isArray(body?.detail)) return `Check the ticket: ${body.detail.map((e) => e.loc.at(-1)).join(', ')}`;
  return 'The console could not take the order';
}

async function submitTicket(event) {
  event.preventDefault();
  const careless = hasFault('double_submit_two_orders');
  if (sending && !careless) return;
  const { ticket, error } = readTicket();
  if (error) {
    showTicketError(error);
    return;
  }
  const id = careless ? newClientOrderId() : clientOrderId;
  if (!careless) {
    sending = true;
    submitButton.disabled = true;
  }
  showTicketError('');
  trackedClientId = id; // before sending: the first status may arrive on the WebSocket before the answer
  tracked = null;
  let answer;
  try {
    answer = await fetchJson('/api/orders', { method: 'POST', body: JSON.stringify({ ...ticket, client_order_id: id }) });
  } catch {
    // The order may have been placed: the same client order id makes a second attempt safe.
    showTicketError('No answer from the console. Submit again: the order will not be placed twice.');
    return;
  } finally {
    sending = false;
    submitButton.disabled = halted;
  }
  if (answer.ok) {
    showLastOrder(answer.body);
    form.hidden = true;
    if (hasFault('order_status_polled')) pollStatus(answer.body.id);
  } else {
    trackedClientId = null;
    showTicketError(problemText(answer.body));
  }
}

function pollStatus(orderId) {
  const timer = setInterval(async () => {
    const answer = await fetchJson(`/api/orders/${orderId}`);
    if (answer.ok) showLastOrder(answer.body);
    if (!answer.ok || FINAL.has(answer.body.status)) clearInterval(timer);
  }, 1500);
}

function describe(order) {
  const at = order.price == null ? '' : ` at ${price(order.price, order.decimals)}`;
  return `Order #${order.id}: ${order.side} ${units(order.quantity)} ${order.instrument} ${order.type}${at} ·`;
}

function showLastOrder(order) {
  if (order.client_order_id !== trackedClientId) return;
  if (tracked && order.events.length < tracked.events.length) return; // an older state, overtaken
  tracked = order;
  lastSummary.textContent = describe(order);
  if (lastStatus.textContent !== LABELS[order.status]) lastStatus.textContent = LABELS[order.status];
  lastStatus.dataset.status = order.status;
  lastReason.textContent = order.reason ? `(${order.reason})` : '';
  timeline.replaceChildren(...order.events.map((step) => {
    const item = document.createElement('li');
    const time = document.createElement('time');
    time.dateTime = new Date(step.at).toISOString();
    time.textContent = clockTime(step.at);
    item.append(LABELS[step.status], time);
    return item;
  }));
}

// ---- Orders: the blotter of open orders and the history ------------------------------------------------------

const blotter = byTestId('open-orders');
const blotterError = byTestId('blotter-error');
const history = byTestId('order-history');
const historyFilter = $('#history-status');
const historyCount = byTestId('order-history-count');
const rows = { blotter: new Map(), history: new Map() };

function cell(row, testId, text, header = false) {
  const element = document.createElement(header ? 'th' : 'td');
  if (header) element.scope = 'row';
  element.dataset.testid = testId;
  element.textContent = text;
  row.append(element);
  return element;
}

function fillOrderRow(row, order, { withFill }) {
  row.replaceChildren();
  row.dataset.status = order.status;
  cell(row, 'order-id', `#${order.id}`, true);
  cell(row, 'order-time', clockTime(order.created_at));
  cell(row, 'order-instrument', order.instrument);
  cell(row, 'order-side', order.side);
  cell(row, 'order-type', order.type);
  cell(row, 'order-quantity', units(order.quantity));
  cell(row, 'order-price', order.price == null ? DASH : price(order.price, order.decimals));
  cell(row, 'order-status', LABELS[order.status]).dataset.status = order.status;
  if (withFill) {
    cell(row, 'order-fill-price', order.fill_price == null ? DASH : price(order.fill_price, order.decimals));
    cell(row, 'order-reason', order.reason ?? '');
  }
}

function placeRow(table, map, order, build) {
  let row = map.get(order.id);
  if (!row) {
    row = document.createElement('tr');
    map.set(order.id, row);
    // Newest first: before the first row with a smaller order id.
    const next = [...table.children].find((other) => Number(other.dataset.orderId) < order.id);
    row.dataset.orderId = order.id;
    table.insertBefore(row, next ?? null);
  }
  build(row);
  return row;
}

function showInBlotter(order) {
  const existing = rows.blotter.get(order.id);
  if (!OPEN.has(order.status)) {
    existing?.remove();
    rows.blotter.delete(order.id);
  } else {
    placeRow(blotter, rows.blotter, order, (row) => {
      fillOrderRow(row, order, { withFill: false });
      const actions = document.createElement('td');
      if (order.status === 'working') {
        const cancel = document.createElement('button');
        cancel.type = 'button';
        cancel.className = 'secondary';
        cancel.textContent = 'Cancel';
        cancel.setAttribute('aria-label', `Cancel order #${order.id}`);
        cancel.addEventListener('click', () => cancelOrder(order.id, cancel));
        actions.append(cancel);
      }
      row.append(actions);
    });
  }
  byTestId('no-open-orders').hidden = rows.blotter.size > 0;
}

function showInHistory(order) {
  placeRow(history, rows.history, order, (row) => fillOrderRow(row, order, { withFill: true }));
  applyHistoryFilter();
}

function applyHistoryFilter() {
  const wanted = historyFilter.value;
  let shown = 0;
  for (const [id, row] of rows.history) {
    row.hidden = Boolean(wanted) && orders.get(id)?.status !== wanted;
    if (!row.hidden) shown += 1;
  }
  historyCount.textContent = shown === 0 ? 'No orders' : `${shown} order${shown === 1 ? '' : 's'}`;
}

function upsertOrder(order) {
  const known = orders.get(order.id);
  if (known && order.events.length < known.events.length) return; // an older state than the one shown
  orders.set(order.id, order);
  showInBlotter(order);
  showInHistory(order);
  if (!hasFault('order_status_polled')) showLastOrder(order);
}

async function cancelOrder(orderId, button) {
  button.disabled = true;
  blotterError.hidden = true;
  const answer = await fetchJson(`/api/orders/${orderId}/cancel`, { method: 'POST' });
  if (answer.ok) {
    upsertOrder(answer.body);
  } else {
    button.disabled = false;
    blotterError.textContent = problemText(answer.body);
    blotterError.hidden = false;
  }
}

// ---- Positions and P&L -------------------------------------------------------------------------------------

const positionRows = new Map();

function showMoney(element, value) {
  element.textContent = usd(value);
  element.dataset.sign = value <= -0.005 ? 'loss' : value >= 0.005 ? 'profit' : 'flat';
}

function showPositions(snapshot) {
  if (snapshot.valued_at < positionsValuedAt) return;
  positionsValuedAt = snapshot.valued_at;
  showHalted(snapshot.trading_halted, snapshot.valued_at);
  byTestId('account-cash').textContent = usd(snapshot.cash_usd);
  byTestId('account-equity').textContent = usd(snapshot.equity_usd);
  showMoney(byTestId('account-unrealized-pnl'), snapshot.unrealized_pnl_usd);
  showMoney(byTestId('account-realized-pnl'), snapshot.realized_pnl_usd);
  const table = byTestId('positions');
  const held = new Set(snapshot.positions.map((p) => p.instrument));
  for (const [instrument, row] of positionRows) {
    if (!held.has(instrument)) {
      row.remove();
      positionRows.delete(instrument);
    }
  }
  for (const position of snapshot.positions) {
    let row = positionRows.get(position.instrument);
    if (!row) {
      row = document.createElement('tr');
      cell(row, 'position-instrument', position.instrument, true);
      for (const id of ['position-quantity', 'position-average-price', 'position-mark',
        'position-unrealized-pnl', 'position-realized-pnl']) cell(row, id, '');
      positionRows.set(position.instrument, row);
      table.append(row);
    }
    const set = (id, text) => {
      const element = byTestId(id, row);
      if (element.textContent !== text) element.textContent = text;
      return element;
    };
    set('position-quantity', units(position.quantity, { signed: true }));
    set('position-average-price', price(position.average_price, position.decimals));
    set('position-mark', price(position.mark, position.decimals));
    showMoney(byTestId('position-unrealized-pnl', row), position.unrealized_pnl_usd);
    showMoney(byTestId('position-realized-pnl', row), position.realized_pnl_usd);
  }
  byTestId('no-positions').hidden = snapshot.positions.length > 0;
}

// ---- Live -----------------------------------------------------------------------------------------------------

async function loadSnapshot() {
  const [recent, book] = await Promise.all([fetchJson('/api/orders?limit=500'), fetchJson('/api/positions')]);
  if (recent.ok) recent.body.orders.slice().reverse().forEach(upsertOrder);
  applyHistoryFilter();
  if (book.ok) showPositions(book.body);
}

function onEvent(topic, data) {
  if (topic === 'order') upsertOrder(data);
  else if (topic === 'positions') showPositions(data);
  else if (topic === 'tick') {
    quotes.set(data.instrument, data);
    if (data.instrument === fields.instrument.value) showTicketQuote();
  }
}

newOrderButton.addEventListener('click', openTicket);
document.addEventListener('console:halt', (event) => showHalted(event.detail.halted, event.detail.as_of));
$('[data-action="close-ticket"]').addEventListener('click', () => { form.hidden = true; });
fields.type.addEventListener('change', syncPriceField);
fields.instrument.addEventListener('change', showTicketQuote);
form.addEventListener('submit', submitTicket);
historyFilter.addEventListener('change', applyHistoryFilter);
connectLive(['order', 'positions', 'tick'], onEvent, { onSubscribed: loadSnapshot });
