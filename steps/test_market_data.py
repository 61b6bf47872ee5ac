"""Steps of features/market-data.feature."""
from __future__ import annotations

import re
from collections.abc import Callable

from playwright.sync_api import expect
from pytest_bdd import given, parsers, scenarios, then, when

from fixtures.realtime import (
    LiveFigures,
    Mark,
    RealtimeProbe,
    attach_figures,
    over_budget,
)
from fixtures.sessions import Desk
from fixtures.settings import SuiteConfig
from fixtures.test_control import TestControl
from pages.market_data_page import MarketDataPage

scenarios("market-data.feature")

INSTRUMENT = r"(?P<instrument>[A-Z]{6})"
INSTRUMENTS = r"(?P<instruments>[A-Z]{6}(?:(?:, | and )[A-Z]{6})*)"
STALE_AFTER_MS = 2_000  # the test plan: an instrument without a tick for more than 2 s is flagged stale
RECONNECT_WITHIN_MS = 10_000  # the outage, plus the page's back-off between attempts (at most 4 s)

PRICE = re.compile(r"^\d+\.\d{3,5}$")
SPREAD = re.compile(r"^\d+\.\d pips$")
CHANGE = re.compile(r"^([+-]\d+\.\d{3}|0\.000)%$")
LAST_UPDATE = re.compile(r"^\d+\.\d s ago\b")
UPDATE_RATE = re.compile(r"^\d+(\.\d+)? ticks/s$")

# How each column's text reads as a value to sort by: "1.09125", "1.2 pips", "-0.537%", "0.3 s ago".
SORT_VALUE: dict[str, Callable[[str], str | float]] = {
    "Instrument": str,
    "Bid": float,
    "Ask": float,
    "Spread": lambda text: float(text.split()[0]),
    "Change": lambda text: float(text.rstrip("%")),
    "Last update": lambda text: float(text.split()[0]),
}


def instrument_list(text: str) -> list[str]:
    return re.split(r", | and ", text)


def in_order(texts: list[str], column: str, direction: str) -> bool:
    values = [SORT_VALUE[column](text) for text in texts]
    return len(values) > 1 and values == sorted(values, reverse=direction == "descending")


@given(parsers.parse("the {actor} has the Market Data page open"), target_fixture="market_data")
@when(parsers.parse("the {actor} opens the Market Data page"), target_fixture="market_data")
def actor_opens_market_data(desk: Desk, actor: str) -> MarketDataPage:
    market_data = desk[actor].screen(MarketDataPage)
    market_data.open()
    return market_data


@then(parsers.parse('the data source is shown as "{state}" with the feed\'s update rate'))
def data_source_shown(market_data: MarketDataPage, state: str) -> None:
    expect(market_data.data_source).to_have_text(state)
    expect(market_data.update_rate).to_have_text(UPDATE_RATE)


@then(parsers.re(rf"the board quotes {INSTRUMENTS} with bid, ask, spread and change"),
      converters={"instruments": instrument_list})
def board_quotes(market_data: MarketDataPage, instruments: list[str]) -> None:
    for instrument in instruments:
        expect(market_data.quote(instrument).cells).to_have_text([PRICE, PRICE, SPREAD, CHANGE, LAST_UPDATE])


@then("no quote on the board is flagged stale")
def no_quote_flagged_stale(market_data: MarketDataPage) -> None:
    expect(market_data.instruments).not_to_have_count(0)
    expect(market_data.stale_flags).to_have_count(0)


@when(parsers.re(rf"the (?P<actor>.+) watches {INSTRUMENTS} for (?P<seconds>\d+) seconds"),
      converters={"instruments": instrument_list, "seconds": int}, target_fixture="live_figures")
def actor_watches(desk: Desk, actor: str, instruments: list[str], seconds: int,
                  suite: SuiteConfig) -> dict[str, LiveFigures]:
    figures = RealtimeProbe(desk[actor].page).watch(instruments, window_s=seconds)
    attach_figures(figures, suite.budgets, name=f"Real-time figures over {seconds} s")
    return figures


@then("each of them updates more often than the update-rate budget")
def updates_often_enough(live_figures: dict[str, LiveFigures], suite: SuiteConfig) -> None:
    problems = over_budget(live_figures, suite.budgets, "rate")
    assert not problems, "updates too rare: " + "; ".join(problems)


@then("each of them was last updated within the last-update budget")
def updated_recently(live_figures: dict[str, LiveFigures], suite: SuiteConfig) -> None:
    problems = over_budget(live_figures, suite.budgets, "age")
    assert not problems, "last update too old: " + "; ".join(problems)


@then("their ticks reach the screen within the latency budget")
def ticks_reach_screen_in_time(live_figures: dict[str, LiveFigures], suite: SuiteConfig) -> None:
    problems = over_budget(live_figures, suite.budgets, "latency")
    assert not problems, "ticks reach the screen too late: " + "; ".join(problems)


@when(parsers.parse("the {actor} filters the board by the currency {currency}"))
def filter_by_currency(market_data: MarketDataPage, currency: str) -> None:
    market_data.filter_by_currency(currency)


@when(parsers.parse('the {actor} searches the board for "{text}"'))
def search_board(market_data: MarketDataPage, text: str) -> None:
    market_data.search(text)


@then(parsers.re(rf"the board lists exactly {INSTRUMENTS}"), converters={"instruments": instrument_list})
def board_lists_exactly(market_data: MarketDataPage, instruments: list[str]) -> None:
    expect(market_data.instruments).to_have_count(len(instruments))
    assert sorted(market_data.instruments.all_inner_texts()) == sorted(instruments)


@given("the market quotes these prices:")
def market_quotes_prices(market: TestControl, datatable: list[list[str]]) -> None:
    for instrument, bid, ask in datatable[1:]:
        market.set_price(instrument, float(bid), float(ask))


@when(parsers.parse("the {actor} sorts the board by {column}, {direction}"))
def sort_board(market_data: MarketDataPage, column: str, direction: str) -> None:
    market_data.sort_by(column, direction)


@then(parsers.parse("the board is in {direction} order of {column}"))
def board_in_order(market_data: MarketDataPage, direction: str, column: str) -> None:
    expect(market_data.column_header(column)).to_have_attribute("aria-sort", direction)
    texts = market_data.column_values(column)
    assert in_order(texts, column, direction), f"{column} reads, top to bottom: {', '.join(texts)}"


@when(parsers.re(rf"the feed stops quoting {INSTRUMENT}"))
def feed_stops_quoting(market: TestControl, instrument: str) -> None:
    market.pause_feed(instrument)


@when(parsers.re(rf"the feed quotes {INSTRUMENT} again"))
def feed_quotes_again(market: TestControl, instrument: str) -> None:
    market.resume_feed(instrument)


@then(parsers.re(rf"{INSTRUMENT} is flagged stale"))
def instrument_flagged_stale(market_data: MarketDataPage, instrument: str, suite: SuiteConfig) -> None:
    timeout = STALE_AFTER_MS + suite.timeouts.expect_ms
    expect(market_data.quote(instrument).freshness).to_have_text("Stale", timeout=timeout)


@then(parsers.re(rf"{INSTRUMENTS} are still shown live"), converters={"instruments": instrument_list})
@then(parsers.re(rf"{INSTRUMENTS} is shown live again"), converters={"instruments": instrument_list})
def instruments_shown_live(market_data: MarketDataPage, instruments: list[str]) -> None:
    for instrument in instruments:
        expect(market_data.quote(instrument).freshness).to_have_text("Live")


@when(parsers.parse("the console drops the {actor}'s connection for {seconds:d} seconds"),
      target_fixture="connection_dropped")
def console_drops_connection(desk: Desk, market: TestControl, actor: str, seconds: int) -> Mark:
    before = RealtimeProbe(desk[actor].page).mark()
    market.drop_connections(desk.account.id, refuse_for_s=seconds)
    return before


@then("the board shows that it is reconnecting")
def board_shows_reconnecting(market_data: MarketDataPage, connection_dropped: Mark) -> None:
    shown = RealtimeProbe(market_data.page).wait_for_connection_state("reconnecting", since=connection_dropped)
    assert shown, "the page never showed that it was reconnecting after its connection was dropped"


@then("the board is live again without a reload")
def board_live_again(market_data: MarketDataPage, connection_dropped: Mark) -> None:
    expect(market_data.navigation.connection_state).to_have_text("Live", timeout=RECONNECT_WITHIN_MS)
    assert RealtimeProbe(market_data.page).same_document(connection_dropped), "the page was reloaded to reconnect"


@then("no quote was shown as live while the board was reconnecting")
def no_quote_live_while_reconnecting(market_data: MarketDataPage, connection_dropped: Mark) -> None:
    shown = RealtimeProbe(market_data.page).shown_live_while_disconnected(since=connection_dropped)
    assert not shown, f"shown as live while the connection was down: {', '.join(shown)}"


@then(parsers.re(rf"prices of {INSTRUMENTS} move again"), converters={"instruments": instrument_list})
def prices_move_again(market_data: MarketDataPage, instruments: list[str], connection_dropped: Mark) -> None:
    probe = RealtimeProbe(market_data.page)
    still = probe.wait_for_updates(instruments, since=probe.reconnected_at(connection_dropped))
    assert not still, f"no new price on screen since the reconnection: {', '.join(still)}"
