// Faulty variants of the order ticket's seams (order_ticket.js), one per named fault. Each is made from the correct
// behaviour, which it receives: REPLACEMENTS[fault][seam] = (correct) => faulty.
import { clockTime } from '../format.js';

const FINAL = new Set(['filled', 'rejected', 'cancelled']);

function newClientOrderId() {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export const REPLACEMENTS = {
  // The defect: the ticket reads the halt only when the page loads: a halt announced while the Trading screen is open
  // leaves New Order enabled (the banner shows it; an order sent is refused by the console).
  new_order_enabled_through_live_halt: {
    'orderTicket.followHalt': () => () => {},
  },
  // The defect: the ticket polls its order's status every 1.5 s instead of listening to the push, so short-lived
  // statuses never reach the screen.
  order_status_polled: {
    'orderTicket.following': () => ({ show, fetchJson }) => ({
      placed(order) {
        const timer = setInterval(async () => {
          const answer = await fetchJson(`/api/orders/${order.id}`);
          if (answer.ok) show(answer.body);
          if (!answer.ok || FINAL.has(answer.body.status)) clearInterval(timer);
        }, 1500);
      },
      pushed() {},
    }),
  },
  // The defect: every click makes a new client order id and nothing blocks a second click: a double click places two
  // orders.
  double_submit_two_orders: {
    'orderTicket.submission': () => () => ({ busy: () => false, start: () => newClientOrderId() }),
  },
  // The defect: the rejection reason is read from a field the order does not have.
  rejection_reason_not_shown: {
    'orderTicket.reasonOf': () => (order) => order.reject_reason,
  },
  // The defect: the timeline's times are formatted without milliseconds.
  timeline_times_without_milliseconds: {
    'orderTicket.stepTime': () => (at) => clockTime(at, { milliseconds: false }),
  },
  // The defect: a send that got no answer is taken for a success: the ticket closes and says nothing, and the order
  // is never looked for again (lost if it never arrived, unfollowed if it did).
  unanswered_order_forgotten: {
    'orderTicket.whenUnanswered': () => (ticket) => ticket.close(),
  },
  // The defect: a naive retry queue sends an unanswered order again on reconnection, as a new order (a fresh client
  // order id), without asking whether the first one arrived: placed twice when it had.
  unanswered_order_resent_on_reconnect: {
    'orderTicket.reconcileUnconfirmed': () => async (ticket) => ticket.resend(newClientOrderId()),
  },
  // The defect: only the console's refusals of a ticket (4xx) were thought of: when it answers a server error (5xx) the
  // ticket shows nothing, Submit Order comes back, and the trader cannot tell that the order was not placed.
  ticket_silent_on_server_error: {
    'orderTicket.refusalText': (correct) => (answer) => (answer.status >= 500 ? '' : correct(answer)),
  },
  // The defect: the ticket's quote is read as [ask, bid]: "Bid" shows the ask and "Ask" the bid, so the bid shown is
  // above the ask.
  ticket_quote_bid_ask_swapped: {
    'orderTicket.ticketQuote': (correct) => (quote) => correct(quote).reverse(),
  },
  // The defect: the unconfirmed order is looked for by the order's number instead of its client order id, which never
  // match: an order that did reach the console is reported "Not placed" once the page is live again.
  unconfirmed_order_looked_up_by_id: {
    'orderTicket.isUnconfirmedOrder': () => (order, clientOrderId) => String(order.id) === clientOrderId,
  },
  // The defect: New Order keeps the ticket's client order id once it has one (meant to make sending a refused ticket
  // again safe): every later ticket of the page carries the first order's id, so a second order with the same details
  // is answered with the first one and nothing is placed, and one with other details is refused with "Client order id
  // … was already used for order #12, a different order".
  new_order_reuses_client_order_id: {
    'orderTicket.openingClientOrderId': (correct) => (previous) => previous ?? correct(previous),
  },
  // The defect: the one-line description of an order reads the side from the sign of the quantity, as a position's
  // side is read, but an order's quantity is unsigned and its side a field of its own: every SELL order is described as
  // a BUY in Last order and in the Portfolio's status line of a close or a resize.
  order_summary_side_from_quantity: {
    'orderTicket.describeOrder': (correct) => (order) => correct({ ...order, side: order.quantity < 0 ? 'SELL' : 'BUY' }),
  },
};
