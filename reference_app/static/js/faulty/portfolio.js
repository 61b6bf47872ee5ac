// Faulty variants of the Portfolio screen's seams (portfolio.js), one per named fault. Each is made from the correct
// behaviour, which it receives: REPLACEMENTS[fault][seam] = (correct) => faulty.

export const REPLACEMENTS = {
  // The defect: the details' last synchronisation time is formatted with toISOString(): the time of day in UTC, where
  // every other time of the screens is the trader's own (invisible on a machine that runs in UTC).
  details_sync_time_in_utc: {
    'portfolio.syncedTime': (correct) => (epochMs) => (epochMs == null ? correct(epochMs)
      : new Date(epochMs).toISOString().slice(11, 19)),
  },
  // The defect: the size change opens on the size without its sign: for a short position it opens on a long of the
  // same size, and Change Size as it stands would buy twice the position.
  resize_prefilled_unsigned: {
    'portfolio.resizePrefill': (correct) => (position) => correct({ ...position, quantity: Math.abs(position.quantity) }),
  },
  // The defect: the status line of a close or resize shows the console's first answer and never follows the order's
  // pushes: it stays at "Pending" after the order filled.
  action_status_not_followed: {
    'portfolio.followActionOrder': () => () => {},
  },
  // The defect: the details panel computes the exposure itself, as quantity × mark, in the quote currency: a yen
  // position's exposure reads some 150 times too large.
  details_exposure_in_quote_currency: {
    'portfolio.exposureOf': () => (position) => Math.abs(position.quantity * position.mark),
  },
  // The defect: to avoid a layout jump while the positions table fills, the overview is drawn only once a "settle"
  // timer of 3.5 s has fired; until then its figures read "—" (the valuations arrive, and are kept, meanwhile).
  portfolio_slow_first_render: {
    'portfolio.showOverview': (correct) => {
      let latest = null;
      let settled = false;
      setTimeout(() => {
        settled = true;
        if (latest) correct(latest);
      }, 3500);
      return (snapshot) => {
        latest = snapshot;
        if (settled) correct(snapshot);
      };
    },
  },
  // The defect: the overview is drawn from the first valuation only and ignores every push after it.
  portfolio_overview_frozen: {
    'portfolio.showOverview': (correct) => {
      let drawn = false;
      return (snapshot) => {
        if (drawn) return;
        drawn = true;
        correct(snapshot);
      };
    },
  },
  // The defect: Total Portfolio Value is cash plus unrealized P&L, leaving out what the open positions cost.
  portfolio_value_omits_position_cost: {
    'portfolio.totalValue': () => (snapshot) => snapshot.cash_usd + snapshot.unrealized_pnl_usd,
  },
  // The defect: the details panel is filled in once when opened and is not redrawn on pushes.
  details_panel_not_live: {
    'portfolio.redrawDetails': () => () => {},
  },
  // The defect: what differs is read from a field the position does not have.
  sync_detail_not_shown: {
    'portfolio.syncDetailOf': () => (position) => position.detail,
  },
  // The defect: Add Position fills in the ticket before the ticket resets itself, so it opens blank.
  add_position_prefill_overwritten: {
    'portfolio.openPrefilled': () => (orderTicket, values) => {
      orderTicket.fill(values);
      orderTicket.open();
    },
  },
  // The defect: the size dialog closes as soon as it is submitted: a refused size is never explained.
  size_dialog_closes_before_answer: {
    'portfolio.resizeDialog': (correct) => ({ ...correct, submitted: (dialog) => dialog.close() }),
  },
  // The defect: the size dialog is opened with show() instead of showModal(): not modal, the page stays interactive.
  resize_dialog_not_modal: {
    'portfolio.resizeDialog': (correct) => ({ ...correct, open: (dialog) => dialog.show() }),
  },
  // The defect: the Close dialog cancels the browser's Escape handling ("no accidental closes").
  close_dialog_ignores_escape: {
    'portfolio.closeDialog': (correct) => ({
      ...correct,
      setUp: (dialog) => dialog.addEventListener('cancel', (event) => event.preventDefault()),
    }),
  },
  // The defect: the dialogs' Cancel button lost its type="button" in a restyle, and a button in a form submits it by
  // default: Cancel places the close or resize order, as confirming does.
  position_dialog_cancel_confirms: {
    'portfolio.wireCancel': () => (button) => {
      button.type = 'submit';
    },
  },
  // The defect: the instrument that opens the details was restyled as a link-looking <span> with a click handler: a
  // mouse opens the details, but it has no role, Tab never reaches it and Enter cannot open them.
  position_details_opener_not_a_button: {
    'portfolio.detailsOpener': () => (instrument, onOpen) => {
      const open = document.createElement('span');
      open.className = 'link';
      open.style.cssText = 'color: var(--accent); text-decoration: underline; cursor: pointer;';
      open.textContent = instrument;
      open.addEventListener('click', onOpen);
      return open;
    },
  },
  // The defect: the two accessible names were pasted the wrong way round: the button shown as Modify is named "Close
  // the EURUSD position", and the one shown as Close "Modify the EURUSD position".
  position_action_names_swapped: {
    'portfolio.rowActionNames': (correct) => (instrument) => {
      const names = correct(instrument);
      return { modify: names.close, close: names.modify };
    },
  },
  // The defect: Open Positions counts the positions whose quantity is above zero (a filter meant to leave out flat
  // positions, written as > 0 instead of !== 0): a short position is not counted.
  open_positions_count_skips_shorts: {
    'portfolio.openPositionsCount': () => (held) => held.filter((position) => position.quantity > 0).length,
  },
  // The defect: for a "change since" tooltip never finished, the overview keeps every valuation drawn, with a copy of
  // its figures (some 25 DOM nodes), in a list nothing trims: five valuations a second, over a hundred detached nodes
  // a second, for as long as the screen is open.
  portfolio_valuations_kept: {
    'portfolio.showOverview': (correct) => {
      const drawnBefore = [];
      return (snapshot) => {
        const figures = document.querySelector('.overview');
        drawnBefore.push({ snapshot, figures: figures?.cloneNode(true), json: JSON.stringify(snapshot) });
        correct(snapshot);
      };
    },
  },
  // The defect: the Close dialog's summary was written for a long ("close" = sell): it always says Sell, so for a short
  // of -10,000 it reads "Sell 10,000 EURUSD at the market." while the order the console places buys 10,000 back.
  close_summary_always_sells: {
    'portfolio.closingDifference': () => (position) => -Math.abs(position.quantity),
  },
  // The defect: Cash Balance is read from the valuation's starting cash instead of its cash: it stays at
  // $1,000,000.00 whatever the fills bought or sold (the Trading screen's Cash and the total value are right).
  portfolio_cash_shows_starting_cash: {
    'portfolio.cashBalance': () => (snapshot) => snapshot.starting_cash,
  },
  // The defect: the instruments held are looked up by a `symbol` field the positions do not have (they say
  // `instrument`): nothing counts as held, so Add Position always opens on the first instrument, EURUSD, even when the
  // account already holds EURUSD (it should offer GBPUSD, the first one not held).
  add_position_offers_held_instrument: {
    'portfolio.instrumentToAdd': (correct) => (instruments, held) => correct(instruments,
      held.map((position) => ({ instrument: position.symbol }))),
  },
  // The defect: a server error on Close Position or Change Size shows only the console's own words ("The service
  // behind this route is unavailable…") in the dialog: nothing says that the position was not closed or resized.
  position_server_error_not_said_undone: {
    'portfolio.dialogRefusalText': (correct) => (notDone, answer) => (typeof answer.body.detail === 'string'
      ? answer.body.detail : correct(notDone, answer)),
  },
  // The defect: the details' Realized P&L is read from the valuation (the account's total) instead of the position:
  // with a loss of $6.40 realized on EURUSD, the details of a GBPUSD position never reduced also say -$6.40 (the
  // Trading screen's row for GBPUSD says $0.00).
  details_realized_pnl_of_account: {
    'portfolio.detailsRealizedPnl': () => (position, valuation) => valuation.realized_pnl_usd,
  },
  // The defect: to save the trader a Tab, the Close position dialog moves the focus to Close Position once it is open,
  // instead of leaving it on Cancel: a keyboard user who opens it and presses Enter flattens the position at once.
  close_dialog_focus_on_confirm: {
    'portfolio.closeDialog': (correct) => ({
      ...correct,
      open: (dialog) => {
        correct.open(dialog);
        dialog.querySelector('button[type="submit"]').focus();
      },
    }),
  },
  // The defect: when the position whose details are open is no longer held (closed here or elsewhere), the details
  // panel returns without hiding itself: its row leaves the table, but "Position details" goes on showing the closed
  // position's last quantity, P&L and synchronisation.
  details_kept_after_close: {
    'portfolio.detailsOfClosedPosition': () => () => {},
  },
};
