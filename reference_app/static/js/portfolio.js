// Portfolio screen: the overview and the positions with their synchronisation, live; a position's details; closing
// a position, changing its size, and adding a new one with the shared order ticket.
import { connectLive, fetchJson, loadData, notDoneText } from './live.js';
import { DASH, clockTime, price, units, usd } from './format.js';
import { seam } from './faults.js';
import {
  STATUS_LABELS, createOrderTicket, describeOrder, newClientOrderId, problemText, readNumber,
} from './order_ticket.js';

const SYNC_LABELS = { synchronized: 'Synchronized', syncing: 'Syncing…', out_of_sync: 'Out of sync' };
// A new position is one lot unless the trader says otherwise.
const DEFAULT_QUANTITY = 10000;

const $ = (selector, root = document) => root.querySelector(selector);
const byTestId = (id, root = document) => $(`[data-testid="${id}"]`, root);

const table = $('table[aria-label="Positions"]');
const canAct = table.dataset.canAct === 'true';
const rows = new Map(); // instrument -> its row
let book = null; // the latest valuation shown
let shownDetails = null; // the instrument whose details are open

function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
  return element;
}

function showMoney(element, value) {
  setText(element, usd(value));
  element.dataset.sign = value <= -0.005 ? 'loss' : value >= 0.005 ? 'profit' : 'flat';
}

// ---- Overview ----------------------------------------------------------------------------------------------------

// Total Portfolio Value is the account's equity: cash plus what the open positions cost plus their unrealized P&L.
const totalValue = seam('portfolio.totalValue', (snapshot) => snapshot.equity_usd);
// The last synchronisation's time of day, in the trader's time zone as every time of the screens.
const syncedTime = seam('portfolio.syncedTime', (epochMs) => clockTime(epochMs, { milliseconds: false }));

// Cash Balance is the account's cash now: the starting cash less what the fills bought, plus what they sold.
const cashBalance = seam('portfolio.cashBalance', (snapshot) => snapshot.cash_usd);
// Open Positions counts every position the valuation lists, long or short (flat ones are not listed).
const openPositionsCount = seam('portfolio.openPositionsCount', (held) => held.length);

// The overview follows every valuation the console pushes.
const showOverview = seam('portfolio.showOverview', (snapshot) => {
  setText(byTestId('portfolio-total-value'), usd(totalValue(snapshot)));
  setText(byTestId('portfolio-cash-balance'), usd(cashBalance(snapshot)));
  setText(byTestId('portfolio-open-positions'), units(openPositionsCount(snapshot.positions)));
  showMoney(byTestId('portfolio-unrealized-pnl'), snapshot.unrealized_pnl_usd);
  const valuedAt = byTestId('portfolio-valued-at');
  valuedAt.dateTime = new Date(snapshot.valued_at).toISOString();
  setText(valuedAt, clockTime(snapshot.valued_at, { milliseconds: false }));
});

// ---- Positions ---------------------------------------------------------------------------------------------------

function showSync(element, position) {
  setText(element, SYNC_LABELS[position.sync_status] ?? DASH);
  element.dataset.status = position.sync_status ?? '';
  element.title = position.sync_detail ?? '';
}

function actionButton(label, name, onClick) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'secondary';
  button.textContent = label;
  button.setAttribute('aria-label', name);
  button.addEventListener('click', onClick);
  return button;
}

// The row header opens the position's details: a button, so that Tab reaches it and Enter or Space press it.
const detailsOpener = seam('portfolio.detailsOpener', (instrument, onOpen) => {
  const open = document.createElement('button');
  open.type = 'button';
  open.className = 'link';
  open.textContent = instrument; // the row header's name stays the instrument
  open.addEventListener('click', onOpen);
  return open;
});
// The row actions' accessible names say what each does to which position (shown as Modify and Close).
const rowActionNames = seam('portfolio.rowActionNames', (instrument) => ({
  modify: `Modify the ${instrument} position`,
  close: `Close the ${instrument} position`,
}));

function newRow(instrument) {
  const row = document.createElement('tr');
  const header = document.createElement('th');
  header.scope = 'row';
  header.append(detailsOpener(instrument, () => showDetails(instrument)));
  row.append(header);
  for (const id of ['position-quantity', 'position-average-price', 'position-mark', 'position-unrealized-pnl',
    'position-sync-status']) {
    const cell = document.createElement('td');
    cell.dataset.testid = id;
    row.append(cell);
  }
  const actions = document.createElement('td');
  actions.className = 'row-actions';
  if (canAct) {
    const names = rowActionNames(instrument);
    actions.append(
      actionButton('Modify', names.modify, () => openResize(instrument)),
      actionButton('Close', names.close, () => openClose(instrument)),
    );
  }
  row.append(actions);
  return row;
}

function showPositions(snapshot) {
  if (book && snapshot.valued_at < book.valued_at) return; // an older valuation, overtaken
  book = snapshot;
  showOverview(snapshot);
  const body = byTestId('positions');
  const held = new Set(snapshot.positions.map((p) => p.instrument));
  for (const [instrument, row] of rows) {
    if (!held.has(instrument)) {
      row.remove();
      rows.delete(instrument);
    }
  }
  for (const position of snapshot.positions) {
    let row = rows.get(position.instrument);
    if (!row) {
      row = newRow(position.instrument);
      rows.set(position.instrument, row);
      body.append(row);
    }
    setText(byTestId('position-quantity', row), units(position.quantity, { signed: true }));
    setText(byTestId('position-average-price', row), price(position.average_price, position.decimals));
    setText(byTestId('position-mark', row), price(position.mark, position.decimals));
    showMoney(byTestId('position-unrealized-pnl', row), position.unrealized_pnl_usd);
    showSync(byTestId('position-sync-status', row), position);
  }
  byTestId('no-positions').hidden = snapshot.positions.length > 0;
  if (shownDetails) redrawDetails(shownDetails);
}

function positionOf(instrument) {
  return book?.positions.find((p) => p.instrument === instrument) ?? null;
}

// ---- Details -----------------------------------------------------------------------------------------------------

const details = $('section[aria-label="Position details"]');
// What differs, for a position out of sync.
const syncDetailOf = seam('portfolio.syncDetailOf', (position) => position.sync_detail);
// A position's gross exposure, in US dollars as the console converted it.
const exposureOf = seam('portfolio.exposureOf', (position) => position.exposure_usd);
// The realized P&L of the position whose details are shown (not the account's, which the Trading screen sums up).
const detailsRealizedPnl = seam('portfolio.detailsRealizedPnl', (position, valuation) => position.realized_pnl_usd);
// The details of a position that is no longer open (closed here or elsewhere) are hidden: nothing is left to show.
const detailsOfClosedPosition = seam('portfolio.detailsOfClosedPosition', (hide) => hide());
// The open details panel follows the pushes, like the table.
const redrawDetails = seam('portfolio.redrawDetails', (instrument) => showDetails(instrument));

function showDetails(instrument) {
  const position = positionOf(instrument);
  if (!position) {
    detailsOfClosedPosition(hideDetails);
    return;
  }
  shownDetails = instrument;
  details.hidden = false;
  setText(byTestId('details-instrument', details), instrument);
  setText(byTestId('details-quantity', details), units(position.quantity, { signed: true }));
  setText(byTestId('details-average-price', details), price(position.average_price, position.decimals));
  setText(byTestId('details-mark', details), price(position.mark, position.decimals));
  showMoney(byTestId('details-unrealized-pnl', details), position.unrealized_pnl_usd);
  showMoney(byTestId('details-realized-pnl', details), detailsRealizedPnl(position, book));
  setText(byTestId('details-exposure', details), usd(exposureOf(position)));
  showSync(byTestId('details-sync-status', details), position);
  const syncedAt = byTestId('details-synced-at', details);
  if (position.synced_at != null) syncedAt.dateTime = new Date(position.synced_at).toISOString();
  setText(syncedAt, syncedTime(position.synced_at));
  setText(byTestId('details-sync-detail', details), syncDetailOf(position) ?? '');
}

function hideDetails() {
  shownDetails = null;
  details.hidden = true;
}

// ---- Close and resize --------------------------------------------------------------------------------------------

const actionStatus = byTestId('position-action-status');
const actionError = byTestId('position-action-error');
let actionOrderId = null; // the order of the latest close or resize, followed live
let actionLabel = '';

function showActionOrder(order) {
  if (order.id !== actionOrderId) return;
  const reason = order.reason ? ` (${order.reason})` : '';
  setText(actionStatus, `${actionLabel}: ${describeOrder(order)} ${STATUS_LABELS[order.status]}${reason}`);
  actionStatus.dataset.status = order.status;
}

// The latest close or resize follows its order's pushes to the end.
const followActionOrder = seam('portfolio.followActionOrder', (order) => showActionOrder(order));

// How an action dialog behaves: it opens modal (the page behind is inert), Escape or Cancel dismiss it, and it stays
// open while the console is asked, so that a refusal is explained in it (`submitted` runs when it is submitted).
const MODAL = {
  setUp() {},
  open: (dialog) => dialog.showModal(),
  submitted() {},
};
const DIALOGS = {
  close: seam('portfolio.closeDialog', MODAL),
  resize: seam('portfolio.resizeDialog', MODAL),
};

// A dialog's Cancel button (type="button", so it never submits its form) dismisses the dialog, and nothing is sent.
const wireCancel = seam('portfolio.wireCancel', (button, dialog) => {
  button.addEventListener('click', () => dialog.close());
});

// Why a close or a size change was not made: the console's reason (4xx), or its server error (5xx).
const dialogRefusalText = seam('portfolio.dialogRefusalText',
  (notDone, answer) => notDoneText(notDone, answer, problemText(answer.body)));

// One in-page dialog per action: `send(clientOrderId)` posts it and answers {ok, body}; a refusal stays in the
// dialog with its reason (`notDone` says what was not done when the console failed), an accepted order closes it and
// is followed under the table.
function actionDialog(name, { prepare, send, label, notDone }) {
  const dialog = $(`dialog[data-dialog="${name}"]`);
  if (!dialog) return () => {}; // a viewer's page has no dialogs
  const form = $('form', dialog);
  const error = $('[role="alert"]', dialog);
  const submit = $('button[type="submit"]', dialog);
  let instrument = null;
  let clientOrderId = null; // one per opening: a double click or a retry places one order
  let sending = false;
  const behaviour = DIALOGS[name];

  function showError(message) {
    error.textContent = message;
    error.hidden = !message;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending) return;
    behaviour.submitted(dialog);
    const request = send(instrument);
    if (request.error) {
      showError(request.error);
      return;
    }
    sending = true;
    submit.disabled = true;
    showError('');
    const answer = await fetchJson(request.path, {
      method: 'POST', body: JSON.stringify({ ...request.body, client_order_id: clientOrderId }),
    });
    sending = false;
    submit.disabled = false;
    if (!answer.ok) {
      showError(dialogRefusalText(notDone, answer));
      return;
    }
    dialog.close();
    actionOrderId = answer.body.id;
    actionLabel = label(instrument);
    actionError.hidden = true;
    showActionOrder(answer.body);
  });
  wireCancel($('[data-action="cancel"]', dialog), dialog);
  behaviour.setUp(dialog);

  return (chosen) => {
    if (!positionOf(chosen)) return; // closed meanwhile: its row is on its way out
    instrument = chosen;
    clientOrderId = newClientOrderId();
    showError('');
    prepare(dialog, positionOf(chosen));
    behaviour.open(dialog);
  };
}

function orderText(difference, instrument) {
  if (difference === 0) return 'Nothing to order: the position already has that size.';
  const side = difference > 0 ? 'Buy' : 'Sell';
  return `${side} ${units(Math.abs(difference))} ${instrument} at the market.`;
}

// What a close orders: the position's opposite, a sale for a long and a purchase for a short (as the console does).
const closingDifference = seam('portfolio.closingDifference', (position) => -position.quantity);

const openClose = actionDialog('close', {
  label: (instrument) => `Closing ${instrument}`,
  notDone: 'The position was not closed',
  prepare(dialog, position) {
    setText(byTestId('order-summary', dialog), orderText(closingDifference(position), position.instrument));
  },
  send: (instrument) => ({ path: `/api/portfolio/positions/${instrument}/close`, body: {} }),
});

const resizeTarget = $('#resize-target');

function readTarget() {
  const text = resizeTarget.value.trim();
  if (!text) return { error: 'Enter the target quantity' };
  const target = readNumber(text);
  return Number.isNaN(target) ? { error: 'Target quantity must be a number' } : { target };
}

function previewResize() {
  const dialog = $('dialog[data-dialog="resize"]');
  const position = positionOf(dialog.dataset.instrument);
  const { target, error } = readTarget();
  const summary = byTestId('order-summary', dialog);
  if (error || !position) setText(summary, '');
  else setText(summary, orderText(target - position.quantity, position.instrument));
}

// The size change opens on the position's own size, signed: until the trader changes it, it orders nothing.
const resizePrefill = seam('portfolio.resizePrefill', (position) => units(position.quantity));

const openResize = actionDialog('resize', {
  label: (instrument) => `Resizing ${instrument}`,
  notDone: 'The position was not resized',
  prepare(dialog, position) {
    dialog.dataset.instrument = position.instrument;
    const now = units(position.quantity, { signed: true });
    setText(byTestId('resize-current', dialog), `${position.instrument} position: ${now}`);
    resizeTarget.value = resizePrefill(position);
    previewResize();
  },
  send(instrument) {
    const { target, error } = readTarget();
    if (error) return { error };
    return { path: `/api/portfolio/positions/${instrument}/resize`, body: { target_quantity: target } };
  },
});
resizeTarget?.addEventListener('input', previewResize);

// ---- Add a position: the order ticket, prefilled -----------------------------------------------------------------

const addPositionButton = $('[data-action="add-position"]');
const ticket = createOrderTicket(addPositionButton);

// The ticket opens (which resets it), then takes the values.
const openPrefilled = seam('portfolio.openPrefilled', (orderTicket, values) => {
  orderTicket.open();
  orderTicket.fill(values);
});

// A new position is offered in the first instrument (in the ticket's order) that the account does not hold yet.
const instrumentToAdd = seam('portfolio.instrumentToAdd', (instruments, held) => {
  const holding = new Set(held.map((p) => p.instrument));
  return instruments.find((symbol) => !holding.has(symbol)) ?? instruments[0];
});

function addPosition() {
  const instrument = instrumentToAdd(ticket.instruments, book?.positions ?? []);
  openPrefilled(ticket, { instrument, side: 'BUY', type: 'MARKET', quantity: DEFAULT_QUANTITY });
}

// ---- Live --------------------------------------------------------------------------------------------------------

async function loadSnapshot() {
  showPositions(await loadData('/api/positions', 'the positions')); // retried until it is answered
}

function onEvent(topic, data) {
  if (topic === 'positions') showPositions(data);
  else if (topic === 'order') {
    followActionOrder(data);
    ticket.showOrder(data);
  } else if (topic === 'tick') ticket.onTick(data);
}

addPositionButton.addEventListener('click', addPosition);
$('[data-action="hide-details"]').addEventListener('click', hideDetails);
connectLive(['positions', 'order', 'tick'], onEvent, { onSubscribed: loadSnapshot });
