// Faulty variants of the Market Data screen's seams (market_data.js), one per named fault. Each is made from the
// correct behaviour, which it receives: REPLACEMENTS[fault][seam] = (correct) => faulty.

const THROTTLE_MS = 2000; // a quote is redrawn at most this often

const pricesOf = (tick) => ({ bid: tick.bid, ask: tick.ask, ts: tick.ts, seq: tick.seq });

export const REPLACEMENTS = {
  // The defect: the board is sorted when a header is clicked, and not again: a price that moves past another leaves
  // the rows out of order under a header that still claims the sort.
  board_not_resorted_on_tick: {
    'market_data.sortAfterTick': () => () => {},
  },
  // The defect: the data source says Connected as long as the connection is up, whether or not ticks arrive.
  data_source_connected_without_ticks: {
    'market_data.feedTicking': () => () => true,
  },
  // The defect: every tick adds a "flash" marker to its quote's row header, to be removed when its CSS animation ends;
  // the stylesheet defines no such animation, so no marker is ever removed: one more DOM node per tick (40 a second)
  // for as long as the board is open. The markers are empty, so nothing shows.
  market_data_tick_markers_leak: {
    'market_data.drawing': (correct) => ({
      ...correct,
      tick(q, tick, now) {
        correct.tick(q, tick, now);
        const flash = document.createElement('span');
        flash.className = 'tick-flash';
        flash.setAttribute('aria-hidden', 'true');
        flash.addEventListener('animationend', () => flash.remove());
        q.row.querySelector('th').append(flash);
      },
    }),
  },
  // The defect: the sort key drops the sign, so a fall of 0.5 % sorts after a rise of 0.1 %.
  change_sort_ignores_sign: {
    'market_data.changeSortKey': (correct) => (q) => {
      const change = correct(q);
      return change == null ? null : Math.abs(change);
    },
  },
  // The defect: the board stops redrawing AUDUSD after its first quote, yet its clock restarts on every tick.
  quote_frozen_shown_live: {
    'market_data.drawing': (correct) => ({
      ...correct,
      tick(q, tick, now) {
        if (q.instrument === 'AUDUSD' && q.seq != null) correct.between(q, now);
        else correct.tick(q, tick, now);
      },
    }),
  },
  // The defect: to save CPU, each quote is redrawn at most every 2 s, while its clock restarts on every tick.
  quote_updates_throttled: {
    'market_data.drawing': (correct) => {
      const waiting = new Set(); // quotes with a tick not drawn yet
      return {
        tick(q, tick, now) {
          if (now - q.drawnAt < THROTTLE_MS) {
            Object.assign(q, pricesOf(tick));
            waiting.add(q);
            return;
          }
          waiting.delete(q);
          correct.tick(q, tick, now);
        },
        between(q, now) {
          if (waiting.has(q) && now - q.drawnAt >= THROTTLE_MS) {
            waiting.delete(q);
            correct.tick(q, pricesOf(q), now);
          } else {
            correct.between(q, now);
          }
        },
      };
    },
  },
  // The defect: Change is computed against the previous tick's mid instead of the day's open.
  change_against_previous_tick: {
    'market_data.drawing': (correct) => ({
      ...correct,
      tick(q, tick, now) {
        if (q.bid != null) q.open = (q.bid + q.ask) / 2;
        correct.tick(q, tick, now);
      },
    }),
  },
  // The defect: the stale check compares seconds with milliseconds, so no instrument is ever flagged stale.
  stale_flag_never_shown: {
    'market_data.tooOld': () => (age, thresholdMs) => age / 1000 > thresholdMs,
  },
  // The defect: the stale check adds a second of grace: an instrument is flagged stale only after 3 s.
  stale_threshold_one_second_late: {
    'market_data.tooOld': (correct) => (age, thresholdMs) => correct(age, thresholdMs + 1000),
  },
  // The defect: a dropped connection does not cut the quotes off: they stay live until they age out.
  disconnect_keeps_prices_live: {
    'market_data.cutOff': () => () => {},
  },
  // The defect: sorting by Spread applies the direction the wrong way round.
  spread_sort_reversed: {
    'market_data.spreadSortKey': (correct) => (q) => {
      const spread = correct(q);
      return spread == null ? null : -spread;
    },
  },
  // The defect: sorting sets the sorted column's aria-sort but never resets the previous column's.
  aria_sort_left_on_previous_column: {
    'market_data.showHeaderSort': (correct) => (header, direction) => {
      if (direction != null) correct(header, direction);
    },
  },
  // The defect: the currency filter matches only the base currency, so JPY shows no pair.
  currency_filter_base_only: {
    'market_data.tradesIn': () => (q, currency) => q.base === currency,
  },
  // The defect: with both a currency filter and a search, an instrument matching either is shown.
  filter_and_search_combined_with_or: {
    'market_data.matches': (correct) => (q, currency, text) => (currency && text
      ? correct(q, currency, '') || correct(q, '', text)
      : correct(q, currency, text)),
  },
  // The defect: the search compares case-sensitively, so "aud" finds nothing.
  search_case_sensitive: {
    'market_data.searchText': () => (raw) => raw.replace(/[^A-Za-z]/g, ''),
  },
  // The defect: when nothing matches, the board is empty but its note stays hidden.
  board_empty_message_missing: {
    'market_data.showBoardEmpty': (correct) => (empty, text) => correct(false, text),
  },
  // The defect: the update rate shows the ticks received over the 5 s window, not per second.
  update_rate_not_per_second: {
    'market_data.ratePerSecond': () => (ticks) => ticks,
  },
  // The defect: the data source's "down" wording was copied from before the offline work: it says "Reconnecting…"
  // even while the browser has no network at all.
  data_source_never_says_offline: {
    'market_data.sourceDownState': () => (everConnected) => (everConnected ? 'Reconnecting…' : 'Connecting…'),
  },
  // The defect: the text comparison forgets the direction: sorting by Instrument descending leaves the board A to Z,
  // under a header that says descending (the numeric columns sort both ways).
  instrument_sort_descending_ignored: {
    'market_data.compareText': () => (x, y) => x.localeCompare(y),
  },
  // The defect: the Currency filter's choices are made from the pairs' base currencies only: JPY, CHF and CAD, which
  // are only ever quoted, are not offered, so the board cannot be filtered to the yen pairs.
  currency_filter_lists_base_currencies_only: {
    'market_data.currenciesOf': () => (instrument) => [instrument.base],
  },
  // The defect: the search is upper-cased but its separators are kept: "eur/usd" or "EUR USD" finds nothing (the board
  // is empty, "No instrument matches"), only the symbol typed without them does.
  search_keeps_separators: {
    'market_data.searchText': () => (raw) => raw.toUpperCase(),
  },
  // The defect: sorting was moved from the header button's click to the header cell's mousedown ("a click anywhere in
  // the header sorts, and before the button takes the focus"): a mouse click still sorts, but Enter or Space on a
  // focused sort button does nothing, so the board cannot be sorted from the keyboard.
  sort_headers_mouse_only: {
    'market_data.onSortRequest': () => (header, sort) => {
      header.addEventListener('mousedown', sort);
    },
  },
  // The defect: the choices were once read from the select's own options, skipping the first ("All currencies"); the
  // skip stayed when they came to be built from the snapshot's currencies: AUD, first in alphabetical order, is not
  // offered, so the board cannot be filtered to AUDUSD by currency.
  currency_filter_omits_first_currency: {
    'market_data.currencyChoices': (correct) => (currencies) => correct(currencies).slice(1),
  },
  // The defect: the board formats every bid and ask with five decimals, as the EURUSD mock-up had them, instead of the
  // instrument's own: USDJPY reads 151.20400 / 151.21600 instead of 151.204 / 151.216 (the spread is right).
  board_prices_fixed_five_decimals: {
    'market_data.priceText': () => (value) => value.toFixed(5),
  },
  // The defect: the Last update sort key is the arrival time of the last tick, not its negation (the age), so the
  // directions are swapped: ascending puts the quote updated longest ago first (a stale one on top) while the header
  // says ascending, and descending puts the freshest first.
  last_update_sort_reversed: {
    'market_data.ageSortKey': () => (q) => (q.receivedAt == null ? null : q.receivedAt),
  },
};
