// The order ticket, shared by the Trading and Portfolio screens (templates/_order_ticket.html): its fields, one
// client order id per ticket, Submit Order, and the live status of the order it placed ("Last order").
import { fetchJson, notDoneText } from './live.js';
import { DASH, clockTime, price, units } from './format.js';
import { seam } from './faults.js';

export const STATUS_LABELS = {
  pending: 'Pending', risk_check: 'Risk Check', approved: 'Approved', submitted: 'Submitted',
  working: 'Working', filled: 'Filled', rejected: 'Rejected', cancelled: 'Cancelled',
};
const NUMBER = /^[-+]?\d+(\.\d+)?$/;
// A ticket sent without an answer (the connection was lost on the way, or the browser is offline) is neither lost nor
// sent again behind the trader's back: it keeps its client order id, says so, and asks the console, once the page is
// live again, whether the order arrived (docs/ui-contract.md, "An order without an answer").
export const UNCONFIRMED = 'Not confirmed: the connection was lost before the console answered. Once it is back, '
  + 'this ticket checks whether the order was placed.';
export const NOT_PLACED = 'Not placed: the console never received this order. Submit it again to place it; it will '
  + 'not be placed twice.';

// What the ticket does with a send that got no answer: keep the ticket open, with its client order id, and say so.
const whenUnanswered = seam('orderTicket.whenUnanswered', (ticket) => ticket.holdUnconfirmed());

// The unconfirmed order is known by the one id the ticket had before any answer: its client order id.
const isUnconfirmedOrder = seam('orderTicket.isUnconfirmedOrder', (order, clientOrderId) => (
  order.client_order_id === clientOrderId));

// Once the page is live again: the console's answer about an unconfirmed order. Placed: the ticket follows it as if
// the answer had arrived; not placed: the trader is told, and decides (a market that moved meanwhile is theirs to
// judge, so nothing is sent for them); no answer yet: asked again at the next reconnection.
const reconcileUnconfirmed = seam('orderTicket.reconcileUnconfirmed', async (ticket) => {
  const answer = await fetchJson('/api/orders?limit=100');
  if (!answer.ok) return;
  const order = answer.body.orders.find((o) => isUnconfirmedOrder(o, ticket.unconfirmedId()));
  if (order) ticket.followPlaced(order);
  else ticket.showNotPlaced();
});

const $ = (selector, root = document) => root.querySelector(selector);
const byTestId = (id, root = document) => $(`[data-testid="${id}"]`, root);

export function newClientOrderId() {
  // getRandomValues works on plain http too, where crypto.randomUUID does not exist.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

// A quantity or price as typed ("10,000", " 1.085 ") as a number; NaN when it is not one.
export function readNumber(text) {
  const plain = text.trim().replace(/,/g, '');
  return NUMBER.test(plain) ? Number(plain) : NaN;
}

// The console's reason for refusing a request, in words a person can act on.
export function problemText(body) {
  if (typeof body?.detail === 'string') return body.detail;
  if (Array.isArray(body?.detail)) return `Check the ticket: ${body.detail.map((e) => e.loc.at(-1)).join(', ')}`;
  return 'The console could not take the order';
}

// An order in one line, "Order #12: SELL 12,500 EURUSD MARKET ·": its side as the order has it (its quantity is
// unsigned).
export const describeOrder = seam('orderTicket.describeOrder', (order) => {
  const at = order.price == null ? '' : ` at ${price(order.price, order.decimals)}`;
  return `Order #${order.id}: ${order.side} ${units(order.quantity)} ${order.instrument} ${order.type}${at} ·`;
});

// Each opening of the ticket (New Order, Add Position) is a new order, with a fresh client order id: the id is kept
// only while that same ticket is sent again (`previous`: the id of the ticket opened before).
const openingClientOrderId = seam('orderTicket.openingClientOrderId', (previous) => newClientOrderId());

// One order per ticket: a click while the ticket is being sent does nothing, and every sending of the ticket carries
// its client order id, so the console never places it twice. `ticket` gives the ticket's state and its Submit button.
const submission = seam('orderTicket.submission', (ticket) => ({
  busy: () => ticket.sending,
  start() {
    ticket.sending = true;
    ticket.submitButton.disabled = true;
    return ticket.clientOrderId;
  },
}));

// How the ticket follows the order it placed: every status of it arrives with the pushes of the "order" topic, which
// the page hands to the ticket (`pushed`); nothing to do when it is placed. `show` draws the order on the ticket,
// `fetchJson` is the page's way of asking the console.
const following = seam('orderTicket.following', ({ show }) => ({ placed() {}, pushed: show }));

// A status step's time, to the millisecond: the steps of one order are often within the same second.
const stepTime = seam('orderTicket.stepTime', (at) => clockTime(at, { milliseconds: true }));
const reasonOf = seam('orderTicket.reasonOf', (order) => order.reason);
// How the ticket and its opener follow a halt or a resume announced while the page is open: at once.
const followHalt = seam('orderTicket.followHalt', (show, halted) => show(halted));
// Why the console refused the ticket, whatever its answer: a bad ticket (422), a halt (409), a server error (5xx).
const refusalText = seam('orderTicket.refusalText',
  (answer) => notDoneText('The order was not placed', answer, problemText(answer.body)));
// The ticket's quote of the chosen instrument, as [bid, ask].
const ticketQuote = seam('orderTicket.ticketQuote', (quote) => [quote.bid, quote.ask]);

// Wires up the ticket of the page. `open()` shows an empty ticket with a fresh client order id, `fill(values)` puts
// values into it ({instrument, side, type, quantity}), `showOrder(order)` follows the order the ticket placed, and
// `onTick(tick)` keeps the bid and ask of the chosen instrument up to date. `opener` is the page's button that opens
// the ticket: disabled for a read-only role (data-read-only) and while the account is halted.
export function createOrderTicket(opener) {
  const form = $('form[aria-label="Order ticket"]');
  const fields = {
    instrument: $('#ticket-instrument'), side: $('#ticket-side'), quantity: $('#ticket-quantity'),
    type: $('#ticket-type'), price: $('#ticket-price'),
  };
  const decimals = Object.fromEntries([...fields.instrument.options].map((o) => [o.value, Number(o.dataset.decimals)]));
  const priceField = $('[data-price-field]', form);
  const submitButton = $('button[type="submit"]', form);
  const ticketError = byTestId('ticket-error', form);
  const lastSummary = byTestId('last-order-summary');
  const lastStatus = byTestId('last-order-status');
  const lastReason = byTestId('last-order-reason');
  const timeline = $('ol[aria-label="Status timeline"]');
  const quotes = new Map(); // instrument -> latest tick

  // clientOrderId: one per ticket, so resubmitting the same ticket can never place a second order.
  const state = { clientOrderId: null, sending: false, submitButton };
  const guard = submission(state);
  let trackedClientId = null; // the order whose status the ticket follows
  let tracked = null;
  let unconfirmed = null; // {id, ticket}: sent without an answer; whether the console has it is not known yet
  const readOnly = opener.dataset.readOnly === 'true';
  let halted = document.querySelector('[data-testid="trading-halted-banner"]')?.dataset.halted === 'true';

  // While the account is halted nothing can be entered: the opener is disabled and an open ticket closes.
  function showHalted(isHalted) {
    halted = isHalted;
    opener.disabled = readOnly || halted;
    submitButton.disabled = halted || state.sending;
    if (halted) form.hidden = true;
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
    const [bid, ask] = quote ? ticketQuote(quote) : [null, null];
    byTestId('ticket-bid', form).textContent = quote ? price(bid, places) : DASH;
    byTestId('ticket-ask', form).textContent = quote ? price(ask, places) : DASH;
  }

  function open() {
    form.reset();
    form.hidden = false;
    state.clientOrderId = openingClientOrderId(state.clientOrderId);
    showTicketError('');
    syncPriceField();
    showTicketQuote();
    fields.quantity.focus();
  }

  function fill({ instrument, side, type, quantity }) {
    if (instrument) fields.instrument.value = instrument;
    if (side) fields.side.value = side;
    if (type) fields.type.value = type;
    if (quantity != null) fields.quantity.value = units(quantity);
    syncPriceField();
    showTicketQuote();
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

  async function submitTicket(event) {
    event.preventDefault();
    if (guard.busy()) return;
    const { ticket, error } = readTicket();
    if (error) {
      showTicketError(error);
      return;
    }
    const id = guard.start();
    await send(ticket, id);
  }

  async function send(ticket, id) {
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
      state.sending = false;
      submitButton.disabled = halted;
    }
    if (answer.status === 0) {
      whenUnanswered(handle(ticket, id));
    } else if (answer.ok) {
      unconfirmed = null;
      showOrder(answer.body);
      form.hidden = true;
      follow.placed(answer.body);
    } else {
      trackedClientId = null;
      showTicketError(refusalText(answer));
    }
  }

  // What the seams above may do with the ticket of an unanswered send.
  function handle(ticket, id) {
    return {
      unconfirmedId: () => unconfirmed?.id,
      holdUnconfirmed() {
        unconfirmed = { id, ticket };
        showTicketError(UNCONFIRMED);
      },
      followPlaced(order) {
        unconfirmed = null;
        trackedClientId = order.client_order_id;
        tracked = null;
        showTicketError('');
        showOrder(order);
        form.hidden = true;
      },
      showNotPlaced() {
        unconfirmed = null;
        showTicketError(NOT_PLACED);
      },
      close() {
        unconfirmed = null;
        trackedClientId = null;
        showTicketError('');
        form.hidden = true;
      },
      resend: (newId) => send(ticket, newId),
    };
  }

  document.addEventListener('console:live', () => {
    if (unconfirmed) reconcileUnconfirmed(handle(unconfirmed.ticket, unconfirmed.id));
  });

  function showOrder(order) {
    if (order.client_order_id !== trackedClientId) return;
    if (tracked && order.events.length < tracked.events.length) return; // an older state, overtaken
    tracked = order;
    lastSummary.textContent = describeOrder(order);
    if (lastStatus.textContent !== STATUS_LABELS[order.status]) lastStatus.textContent = STATUS_LABELS[order.status];
    lastStatus.dataset.status = order.status;
    const reason = reasonOf(order);
    lastReason.textContent = reason ? `(${reason})` : '';
    timeline.replaceChildren(...order.events.map((step) => {
      const item = document.createElement('li');
      const time = document.createElement('time');
      time.dateTime = new Date(step.at).toISOString();
      time.textContent = stepTime(step.at);
      item.append(STATUS_LABELS[step.status], time);
      return item;
    }));
  }

  function onTick(tick) {
    quotes.set(tick.instrument, tick);
    if (tick.instrument === fields.instrument.value) showTicketQuote();
  }

  const follow = following({ show: showOrder, fetchJson });

  $('[data-action="close-ticket"]', form).addEventListener('click', () => { form.hidden = true; });
  fields.type.addEventListener('change', syncPriceField);
  fields.instrument.addEventListener('change', showTicketQuote);
  form.addEventListener('submit', submitTicket);
  // halt.js announces every halt and resume, whether it arrived live or was read after a reconnect.
  document.addEventListener('console:halt', (event) => followHalt(showHalted, event.detail.halted));
  showHalted(halted);
  // showOrder: the page hands the ticket every order it hears of; the ticket shows the one it follows.
  return { open, fill, showOrder: (order) => follow.pushed(order), onTick, instruments: Object.keys(decimals) };
}
