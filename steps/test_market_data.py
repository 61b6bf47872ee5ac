"""Steps of features/market-data.feature."""
from __future__ import annotations

import re

import allure
from playwright.sync_api import APIResponse, expect
from pytest_bdd import given, parsers, scenarios, then, when

from fixtures.realtime import LiveFigures, attach_figures, over_budget, watch_quietly
from fixtures.sessions import Desk
from fixtures.settings import SuiteConfig
from fixtures.test_control import TestControl
from pages.market_data_api import MarketDataApi
from pages.market_data_page import MarketDataPage
from pages.realtime_probe import Mark, RealtimeProbe
from steps.conftest import ACTOR, INSTRUMENT, INSTRUMENTS, instrument_list

scenarios("market-data.feature")

STALE_AFTER_MS = 2_000  # the test plan: an instrument without a tick for more than 2 s is flagged stale
# How late after those 2 s the flag may come: the page redraws ages and flags between ticks, on a loaded machine.
STALE_FLAG_SLACK_MS = 900
RATE_WINDOW_S = 5  # the update rate the screen shows counts the ticks of the last 5 seconds
RECONNECT_WITHIN_MS = 10_000  # the outage, plus the page's back-off between attempts (at most 4 s)

UPDATE_RATE = re.compile(r"^\d+(\.\d+)? ticks/s$")

# The board ------------------------------------------------------------------------------------------------------

@then(parsers.parse('the {actor} sees the data source "{state}" with the feed\'s update rate'))
def sees_data_source(desk: Desk, actor: str, state: str) -> None:
    market_data = desk[actor].screen(MarketDataPage)
    expect(market_data.data_source).to_have_text(state)
    expect(market_data.update_rate).to_have_text(UPDATE_RATE)


@then(parsers.re(rf"the {ACTOR} sees {INSTRUMENT} quoted at (?P<bid>[\d.]+) / (?P<ask>[\d.]+) with a spread of "
                 r"(?P<spread>[\d.]+ pips)"))
def sees_quote(desk: Desk, actor: str, instrument: str, bid: str, ask: str, spread: str) -> None:
    quote = desk[actor].screen(MarketDataPage).quote(instrument)
    expect(quote.bid).to_have_text(bid)
    expect(quote.ask).to_have_text(ask)
    expect(quote.spread).to_have_text(spread)


@then(parsers.parse("the {actor} sees no quote flagged stale"))
def sees_no_stale_quote(desk: Desk, actor: str) -> None:
    market_data = desk[actor].screen(MarketDataPage)
    expect(market_data.instruments).not_to_have_count(0)
    expect(market_data.stale_flags).to_have_count(0)


@when(parsers.re(rf"the {ACTOR} watches {INSTRUMENTS} for (?P<seconds>\d+) seconds"),
      converters={"instruments": instrument_list, "seconds": int}, target_fixture="live_figures")
def actor_watches(desk: Desk, actor: str, instruments: list[str], seconds: int,
                  suite: SuiteConfig) -> dict[str, LiveFigures]:
    figures, pressures = watch_quietly(RealtimeProbe(desk[actor].page), instruments, window_s=seconds)
    attach_figures(figures, suite.budgets, name=f"Real-time figures over {seconds} s", window_pressures=pressures)
    return figures


@then(parsers.parse("the {actor} saw each of them update more often than the update-rate budget"))
def saw_updates_often_enough(live_figures: dict[str, LiveFigures], suite: SuiteConfig) -> None:
    problems = over_budget(live_figures, suite.budgets, "rate")
    assert not problems, "updates too rare: " + "; ".join(problems)


@then(parsers.parse("the {actor} saw each of them last updated within the last-update budget"))
def saw_updated_recently(live_figures: dict[str, LiveFigures], suite: SuiteConfig) -> None:
    problems = over_budget(live_figures, suite.budgets, "age")
    assert not problems, "last update too old: " + "; ".join(problems)


@then(parsers.parse("the {actor} saw their ticks reach the screen within the latency budget"))
def saw_ticks_in_time(live_figures: dict[str, LiveFigures], suite: SuiteConfig) -> None:
    problems = over_budget(live_figures, suite.budgets, "latency")
    assert not problems, "ticks reach the screen too late: " + "; ".join(problems)


@then(parsers.parse("the {actor} saw the feed's update rate shown as the ticks the screen received, within a quarter"))
def saw_update_rate_shown(desk: Desk, actor: str) -> None:
    market_data = desk[actor].screen(MarketDataPage)
    shown = market_data.update_rate_shown()
    received = RealtimeProbe(desk[actor].page).updates_per_second(window_s=RATE_WINDOW_S)
    allure.attach(f"shown {shown:g} ticks/s; the page rendered {received:.1f} updates/s over the last "
                  f"{RATE_WINDOW_S} s", name="Update rate")
    assert abs(shown - received) <= received / 4, (
        f"the screen says {shown:g} ticks/s, but it rendered {received:.1f} updates a second")


@given(parsers.re(rf"{INSTRUMENT} opened the day at (?P<open_mid>[\d.]+)"))
def instrument_opened_at(market: TestControl, instrument: str, open_mid: str) -> None:
    market.set_day_open(instrument, float(open_mid))


@then(parsers.re(rf"the {ACTOR} sees {INSTRUMENT}'s change hold at (?P<change>[+-]?[\d.]+%) over the next tick"))
def sees_change_hold(desk: Desk, actor: str, instrument: str, change: str) -> None:
    quote = desk[actor].screen(MarketDataPage).quote(instrument)
    expect(quote.change).to_have_text(change)
    quote.wait_for_next_tick()
    expect(quote.change).to_have_text(change)


@when(parsers.parse('the {actor} asks the console\'s API for the quotes of "{instrument}"'),
      target_fixture="api_answer")
def asks_for_quotes(desk: Desk, actor: str, instrument: str) -> APIResponse:
    return MarketDataApi(desk[actor].api).quotes(instrument)


# Filter, search, sort -------------------------------------------------------------------------------------------

@when(parsers.parse("the {actor} filters the board by the currency {currency}"))
def filter_by_currency(desk: Desk, actor: str, currency: str) -> None:
    desk[actor].screen(MarketDataPage).filter_by_currency(currency)


@then(parsers.parse("the {actor} sees the currency filter offer exactly: {choices}"))
def sees_currency_choices(desk: Desk, actor: str, choices: str) -> None:
    expect(desk[actor].screen(MarketDataPage).currency_choices).to_have_text(choices.split(", "))


@when(parsers.parse('the {actor} searches the board for "{text}"'))
def search_board(desk: Desk, actor: str, text: str) -> None:
    desk[actor].screen(MarketDataPage).search(text)


@then(parsers.re(rf"the {ACTOR} sees the board list exactly {INSTRUMENTS}"),
      converters={"instruments": instrument_list})
def sees_board_list(desk: Desk, actor: str, instruments: list[str]) -> None:
    market_data = desk[actor].screen(MarketDataPage)
    expect(market_data.instruments).to_have_count(len(instruments))
    assert sorted(market_data.instruments.all_inner_texts()) == sorted(instruments)
    expect(market_data.empty_note).to_be_hidden()


@then(parsers.parse("the {actor} sees the board say that no instrument matches"))
def sees_board_empty(desk: Desk, actor: str) -> None:
    market_data = desk[actor].screen(MarketDataPage)
    expect(market_data.instruments).to_have_count(0)
    expect(market_data.empty_note).to_be_visible()
    expect(market_data.empty_note).to_contain_text("No instrument matches")


@given("the market quotes these prices:")
def market_quotes_prices(market: TestControl, datatable: list[list[str]]) -> None:
    for instrument, bid, ask in datatable[1:]:
        market.set_price(instrument, float(bid), float(ask))


@given(parsers.parse("the {actor} has sorted the board by {column}, {direction}"))
@when(parsers.parse("the {actor} sorts the board by {column}, {direction}"))
def sort_board(desk: Desk, actor: str, column: str, direction: str) -> None:
    desk[actor].screen(MarketDataPage).sort_by(column, direction)


# Staleness and the connection -----------------------------------------------------------------------------------

@when(parsers.re(rf"the feed stops quoting {INSTRUMENT}"))
def feed_stops_quoting(market: TestControl, instrument: str) -> None:
    market.pause_feed(instrument)


@given(parsers.re(rf"the feed has stopped quoting {INSTRUMENT}, and the {ACTOR}'s board flags it stale"))
def feed_has_stopped_quoting(desk: Desk, market: TestControl, instrument: str, actor: str,
                             suite: SuiteConfig) -> None:
    market.pause_feed(instrument)
    freshness = desk[actor].screen(MarketDataPage).quote(instrument).freshness
    expect(freshness).to_have_text("Stale", timeout=STALE_AFTER_MS + suite.timeouts.expect_ms)


@then(parsers.re(rf"the {ACTOR} sees {INSTRUMENT} (?P<place>first|last) on the board"))
def sees_instrument_placed(desk: Desk, actor: str, instrument: str, place: str) -> None:
    instruments = desk[actor].screen(MarketDataPage).instruments
    expect(instruments.first if place == "first" else instruments.last).to_have_text(instrument)


@when(parsers.re(rf"the feed quotes {INSTRUMENT} again"))
def feed_quotes_again(market: TestControl, instrument: str) -> None:
    market.resume_feed(instrument)


@then(parsers.re(rf"the {ACTOR} sees {INSTRUMENT} flagged stale 2 seconds after its last tick, not before"))
def sees_flagged_stale_in_time(desk: Desk, actor: str, instrument: str, suite: SuiteConfig) -> None:
    market_data = desk[actor].screen(MarketDataPage)
    timeout = STALE_AFTER_MS + suite.timeouts.expect_ms
    expect(market_data.quote(instrument).freshness).to_have_text("Stale", timeout=timeout)
    after_ms = RealtimeProbe(desk[actor].page).stale_after_last_update_ms(instrument)
    assert after_ms is not None, f"the probe saw {instrument} flagged stale, but no update of it before"
    allure.attach(f"{after_ms:.0f} ms after its last update on screen (rule: more than {STALE_AFTER_MS} ms)",
                  name=f"{instrument} flagged stale")
    assert STALE_AFTER_MS - 100 <= after_ms <= STALE_AFTER_MS + STALE_FLAG_SLACK_MS, (
        f"{instrument} was flagged stale {after_ms:.0f} ms after its last update on screen, not just after "
        f"{STALE_AFTER_MS} ms")


@then(parsers.re(rf"the {ACTOR} sees {INSTRUMENTS} still live"), converters={"instruments": instrument_list})
@then(parsers.re(rf"the {ACTOR} sees {INSTRUMENTS} live again"), converters={"instruments": instrument_list})
def sees_live(desk: Desk, actor: str, instruments: list[str]) -> None:
    market_data = desk[actor].screen(MarketDataPage)
    for instrument in instruments:
        expect(market_data.quote(instrument).freshness).to_have_text("Live")


@when(parsers.parse("the console drops the {actor}'s connection for {seconds:d} seconds"),
      target_fixture="connection_dropped")
def console_drops_connection(desk: Desk, market: TestControl, actor: str, seconds: int) -> Mark:
    before = RealtimeProbe(desk[actor].page).mark()
    market.drop_connections(desk.account.id, refuse_for_s=seconds)
    return before


@then(parsers.parse("the {actor} sees the board reconnecting"))
def sees_reconnecting(desk: Desk, actor: str, connection_dropped: Mark) -> None:
    shown = RealtimeProbe(desk[actor].page).wait_for_connection_state("reconnecting", since=connection_dropped)
    assert shown, "the page never showed that it was reconnecting after its connection was dropped"


@then(parsers.parse("the {actor} sees the board live again, without a reload"))
def sees_live_again(desk: Desk, actor: str, connection_dropped: Mark) -> None:
    market_data = desk[actor].screen(MarketDataPage)
    expect(market_data.navigation.connection_state).to_have_text("Live", timeout=RECONNECT_WITHIN_MS)
    assert RealtimeProbe(desk[actor].page).same_document(connection_dropped), "the page was reloaded to reconnect"


@then(parsers.parse("the {actor} saw no quote shown as live while the board was reconnecting"))
def saw_nothing_live_while_reconnecting(desk: Desk, actor: str, connection_dropped: Mark) -> None:
    shown = RealtimeProbe(desk[actor].page).shown_live_while_disconnected(since=connection_dropped)
    assert not shown, f"shown as live while the connection was down: {', '.join(shown)}"


@then(parsers.re(rf"the {ACTOR} sees the prices of {INSTRUMENTS} move again"),
      converters={"instruments": instrument_list})
def sees_prices_move(desk: Desk, actor: str, instruments: list[str], connection_dropped: Mark) -> None:
    probe = RealtimeProbe(desk[actor].page)
    still = probe.wait_for_updates(instruments, since=probe.reconnected_at(connection_dropped))
    assert not still, f"no new price on screen since the reconnection: {', '.join(still)}"
