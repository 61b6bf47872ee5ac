// Faulty variants of the Trading screen's seams (trading.js), one per named fault. Each is made from the correct
// behaviour, which it receives: REPLACEMENTS[fault][seam] = (correct) => faulty.

export const REPLACEMENTS = {
  // The defect: the Order History's count ignores the filter: it counts every order of the account.
  history_count_ignores_filter: {
    'trading.historyCountText': (correct) => (shown, total) => correct(total),
  },
  // The defect: the Order History is filtered when the filter changes and on load, but not when an order is pushed:
  // the new row shows whatever its status, and the count stays as it was.
  history_filter_skips_pushed_orders: {
    'trading.filterPushedOrder': () => () => {},
  },
  // The defect: the account's Realized P&L is shown from its absolute value (a copy of the exposure figure's code):
  // a realized loss of $6.40 reads $6.40, in the colour of a profit.
  trading_realized_loss_unsigned: {
    'trading.realizedPnl': (correct) => (snapshot) => Math.abs(correct(snapshot)),
  },
  // The defect: the Cancel buttons of Open orders are out of the tab order.
  open_order_cancel_not_tabbable: {
    'trading.cancelButton': (correct) => (order) => Object.assign(correct(order), { tabIndex: -1 }),
  },
  // The defect: for a price chart never finished, the screen keeps at every tick a snapshot of every instrument's
  // latest quote (and its JSON, for the chart's tooltip), in an array nothing trims: the heap grows for as long as the
  // screen is open (some 2 MB every half minute at 40 ticks a second).
  trading_heap_leak: {
    'trading.onTick': (correct) => {
      const latest = {};
      const chartHistory = [];
      return (tick) => {
        latest[tick.instrument] = tick;
        chartHistory.push({ at: Date.now(), quotes: structuredClone(latest), tooltip: JSON.stringify(latest) });
        correct(tick);
      };
    },
  },
  // The defect: Order History inserts each new order after the others: oldest first (the blotter is right).
  order_history_oldest_first: {
    'trading.historyRowBefore': () => (table, order) => [...table.children]
      .find((other) => Number(other.dataset.orderId) > order.id),
  },
  // The defect: the blotter removes only rejected and cancelled orders: filled orders stay in Open orders.
  blotter_keeps_filled_orders: {
    'trading.inBlotter': () => (order) => order.status !== 'rejected' && order.status !== 'cancelled',
  },
  // The defect: the blotter inserts each new order after the others: oldest first (the history is right).
  blotter_oldest_first: {
    'trading.blotterRowBefore': () => (table, order) => [...table.children]
      .find((other) => Number(other.dataset.orderId) > order.id),
  },
  // The defect: "load the snapshot once" (to spare the console a reload at every reconnection): after the page was
  // offline, an order that filled or was cancelled meanwhile keeps its old status in Open orders and the history.
  trading_not_refreshed_after_reconnect: {
    'trading.whenSubscribed': () => (load) => {
      let loaded = false;
      return () => {
        if (loaded) return undefined;
        loaded = true;
        return load();
      };
    },
  },
  // The defect: a server error on Cancel re-enables the button and shows an empty notice: nothing tells the trader
  // that the order was not cancelled, and it goes on working.
  cancel_server_error_silent: {
    'trading.cancelRefusalText': (correct) => (answer) => (answer.status >= 500 ? '' : correct(answer)),
  },
  // The defect: the read-only check was lost when the Cancel button moved into a function of its own: a viewer's Open
  // orders offer Cancel on every working order (the console refuses it, 403, and the blotter says so).
  viewer_offered_order_cancel: {
    'trading.offersCancel': () => (order) => order.status === 'working',
  },
  // The defect: the orders' call was copied from the positions' one with its description: when GET /api/orders fails,
  // the Trading screen's notice says "The console could not load the positions: it answered 503." although the
  // positions loaded, and the trader looks for the fault in the wrong place.
  orders_load_error_names_positions: {
    'trading.dataNames': (correct) => ({ ...correct, orders: correct.positions }),
  },
  // The defect: the Order History's Reason column was written for rejections: it shows a reason only for a Rejected
  // order, so a cancelled order's row says nothing of who cancelled it ("cancelled by Dana Desk", "cancelled by the
  // Emergency Stop of …"), although the console has the reason (GET /api/orders).
  history_reason_only_for_rejections: {
    'trading.historyReason': (correct) => (order) => (order.status === 'rejected' ? correct(order) : ''),
  },
  // The defect: the Cancel buttons of Open orders share one order object, refilled for each row drawn (to spare an
  // allocation per row): every Cancel cancels the working order whose row was drawn last, the newest one, whichever
  // row it is in; once that one is cancelled, the other rows' Cancel is refused ("Order #12 is cancelled").
  cancel_hits_last_drawn_order: {
    'trading.cancelButton': (correct) => {
      const shown = {};
      return (order) => correct(Object.assign(shown, order));
    },
  },
};
