// Faulty variants of the order ticket's seams (order_ticket.js), one per named fault. Each is made from the correct
// behaviour, which it receives: REPLACEMENTS[fault][seam] = (correct) => faulty.

const freshId = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

export const REPLACEMENTS = {
  // The defect: a send that got no answer is taken for a success: the ticket closes and says nothing, and the order
  // is never looked for again (lost if it never arrived, unfollowed if it did).
  unanswered_order_forgotten: {
    'order_ticket.whenUnanswered': () => (ticket) => ticket.close(),
  },
  // The defect: a naive retry queue sends an unanswered order again on reconnection, as a new order (a fresh client
  // order id), without asking whether the first one arrived: placed twice when it had.
  unanswered_order_resent_on_reconnect: {
    'order_ticket.reconcileUnconfirmed': () => async (ticket) => ticket.resend(freshId()),
  },
};
