// Trading screen: the order ticket, the live status of the last order, positions and P&L, open orders, history.
import { connectLive, fetchJson, loadData, notDoneText } from './live.js';
import { DASH, clockTime, price, units, usd } from './format.js';
import { seam } from './faults.js';
import { STATUS_LABELS as LABELS, createOrderTicket, problemText } from './order_ticket.js';

const OPEN = new Set(['pending', 'risk_check', 'approved', 'submitted', 'working']);

const $ = (selector, root = document) => root.querySelector(selector);
const byTestId = (id, root = document) => $(`[data-testid="${id}"]`, root);

const orders = new Map(); // order id -> the most advanced state seen (by number of status events)
let positionsValuedAt = 0;

const newOrderButton = $('[data-action="new-order"]');
const ticket = createOrderTicket(newOrderButton);
// A read-only role follows the desk's orders but is offered nothing that changes them (the API refuses it too).
const readOnly = newOrderButton.dataset.readOnly === 'true';
newOrderButton.addEventListener('click', () => ticket.open());

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

// The history's Reason: why an order was rejected or cancelled (and by whom), whatever ended it.
const historyReason = seam('trading.historyReason', (order) => order.reason ?? '');

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
    cell(row, 'order-reason', historyReason(order));
  }
}

// Newest first: a new order's row goes before the first row with a smaller order id.
const newestFirst = (table, order) => [...table.children].find((other) => Number(other.dataset.orderId) < order.id);
const historyRowBefore = seam('trading.historyRowBefore', newestFirst);
const blotterRowBefore = seam('trading.blotterRowBefore', newestFirst);
// The blotter holds the orders that are still open: in flight or working.
const inBlotter = seam('trading.inBlotter', (order) => OPEN.has(order.status));
// The Order History's count: the orders it shows under the filter chosen (`shown`), of `total`.
const historyCountText = seam('trading.historyCountText', (shown) => (shown === 0 ? 'No orders'
  : `${shown} order${shown === 1 ? '' : 's'}`));

function placeRow(table, map, order, build, rowBefore = newestFirst) {
  let row = map.get(order.id);
  if (!row) {
    row = document.createElement('tr');
    map.set(order.id, row);
    const next = rowBefore(table, order);
    row.dataset.orderId = order.id;
    table.insertBefore(row, next ?? null);
  }
  build(row);
  return row;
}

// A working order's Cancel button in Open orders.
const cancelButton = seam('trading.cancelButton', (order) => {
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.className = 'secondary';
  cancel.textContent = 'Cancel';
  cancel.setAttribute('aria-label', `Cancel order #${order.id}`);
  cancel.addEventListener('click', () => cancelOrder(order.id, cancel));
  return cancel;
});

// A working order's row offers Cancel, to a role that may cancel it (never to a read-only one).
const offersCancel = seam('trading.offersCancel', (order, isReadOnly) => order.status === 'working' && !isReadOnly);

function showInBlotter(order) {
  const existing = rows.blotter.get(order.id);
  if (!inBlotter(order)) {
    existing?.remove();
    rows.blotter.delete(order.id);
  } else {
    placeRow(blotter, rows.blotter, order, (row) => {
      fillOrderRow(row, order, { withFill: false });
      const actions = document.createElement('td');
      if (offersCancel(order, readOnly)) actions.append(cancelButton(order));
      row.append(actions);
    }, blotterRowBefore);
  }
  byTestId('no-open-orders').hidden = rows.blotter.size > 0;
}

// An order placed or moved on while the history is filtered is held to the filter chosen, as every row is.
const filterPushedOrder = seam('trading.filterPushedOrder', () => applyHistoryFilter());

function showInHistory(order) {
  placeRow(history, rows.history, order, (row) => fillOrderRow(row, order, { withFill: true }), historyRowBefore);
  filterPushedOrder(order);
}

function applyHistoryFilter() {
  const wanted = historyFilter.value;
  let shown = 0;
  for (const [id, row] of rows.history) {
    row.hidden = Boolean(wanted) && orders.get(id)?.status !== wanted;
    if (!row.hidden) shown += 1;
  }
  historyCount.textContent = historyCountText(shown, rows.history.size);
}

function upsertOrder(order) {
  const known = orders.get(order.id);
  if (known && order.events.length < known.events.length) return; // an older state than the one shown
  orders.set(order.id, order);
  showInBlotter(order);
  showInHistory(order);
  ticket.showOrder(order);
}

// Why a Cancel was refused: the order no longer works (409), or it was not cancelled because the console failed (5xx).
const cancelRefusalText = seam('trading.cancelRefusalText',
  (answer) => notDoneText('The order was not cancelled', answer, problemText(answer.body)));

async function cancelOrder(orderId, button) {
  button.disabled = true;
  blotterError.hidden = true;
  const answer = await fetchJson(`/api/orders/${orderId}/cancel`, { method: 'POST' });
  if (answer.ok) {
    upsertOrder(answer.body);
  } else {
    button.disabled = false;
    blotterError.textContent = cancelRefusalText(answer);
    blotterError.hidden = false;
  }
}

// ---- Positions and P&L -------------------------------------------------------------------------------------

const positionRows = new Map();

// The account's realized P&L as the positions snapshot gives it: signed, a loss below zero.
const realizedPnl = seam('trading.realizedPnl', (snapshot) => snapshot.realized_pnl_usd);

function showMoney(element, value) {
  element.textContent = usd(value);
  element.dataset.sign = value <= -0.005 ? 'loss' : value >= 0.005 ? 'profit' : 'flat';
}

function showPositions(snapshot) {
  if (snapshot.valued_at < positionsValuedAt) return;
  positionsValuedAt = snapshot.valued_at;
  byTestId('account-cash').textContent = usd(snapshot.cash_usd);
  byTestId('account-equity').textContent = usd(snapshot.equity_usd);
  showMoney(byTestId('account-unrealized-pnl'), snapshot.unrealized_pnl_usd);
  showMoney(byTestId('account-realized-pnl'), realizedPnl(snapshot));
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

// What each call of the screen loads, as its data-error notice names it when the call fails.
const dataNames = seam('trading.dataNames', { orders: 'the orders', positions: 'the positions' });

async function loadSnapshot() {
  // Each retried until it is answered, and shown as soon as it is.
  await Promise.all([
    loadData('/api/orders?limit=500', dataNames.orders).then((recent) => {
      recent.orders.slice().reverse().forEach(upsertOrder);
      applyHistoryFilter();
    }),
    loadData('/api/positions', dataNames.positions).then(showPositions),
  ]);
}

// A tick moves the ticket's prices; nothing else on this screen keeps it.
const onTick = seam('trading.onTick', (tick) => ticket.onTick(tick));

function onEvent(topic, data) {
  if (topic === 'order') upsertOrder(data);
  else if (topic === 'positions') showPositions(data);
  else if (topic === 'tick') onTick(data);
}

// The orders and positions are loaded again at every (re)subscription: an order that changed while the page was not
// connected (offline, or the console away) is shown as it is now.
const whenSubscribed = seam('trading.whenSubscribed', (load) => load);

historyFilter.addEventListener('change', applyHistoryFilter);
connectLive(['order', 'positions', 'tick'], onEvent, { onSubscribed: whenSubscribed(loadSnapshot) });
