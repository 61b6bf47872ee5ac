"""Steps of features/order-management.feature."""
from __future__ import annotations

import re

import allure
from playwright.sync_api import expect
from pytest_bdd import parsers, scenarios, then, when

from fixtures.sessions import Desk
from pages.live import TextRecorder
from pages.order_history import OrderHistory
from pages.order_ticket import order_described
from pages.trading_page import TradingPage
from steps.conftest import ACTOR, INSTRUMENT, assert_just_now

scenarios("order-management.feature")

# A status after which an order moves no more (Working stays until the market or the trader moves it).
SETTLED = ("Filled", "Rejected", "Cancelled", "Working")
CLOCK = r"\d{2}:\d{2}:\d{2}\.\d{3}"
# Generous: five steps a few hundred milliseconds apart on a loaded two-core machine.
STATUS_DEADLINE_S = 15


@when(parsers.parse("the {actor} double-clicks Submit Order on a {order_type} order to {side} {quantity} {instrument}"))
def actor_double_clicks_submit(desk: Desk, actor: str, order_type: str, side: str, quantity: str,
                               instrument: str) -> None:
    ticket = desk[actor].screen(TradingPage).ticket
    ticket.fill_in(instrument, side, quantity, order_type)
    ticket.double_click_submit()


@when(parsers.parse("the {actor} cancels the working order for {quantity} {instrument}"))
def actor_cancels_order(desk: Desk, actor: str, quantity: str, instrument: str) -> None:
    desk[actor].screen(TradingPage).blotter.cancel(quantity, instrument)


@when(parsers.parse("the {actor} filters the Order History by {status}"))
def actor_filters_history(desk: Desk, actor: str, status: str) -> None:
    desk[actor].screen(TradingPage).history.filter_by(status)


@then(parsers.parse("the {actor} saw the order's status go, one after the other and without a reload:"),
      target_fixture="statuses")
def saw_statuses_in_order(status_recorder: TextRecorder, datatable: list[list[str]]) -> list[str]:
    seen = status_recorder.values_until(SETTLED, deadline_s=STATUS_DEADLINE_S)
    allure.attach(seen.describe(), name="Statuses the page showed, with the time since Submit")
    assert seen.values == datatable[0], f"the page showed {seen.values}, expected {datatable[0]}"
    return datatable[0]


@then(parsers.parse("the {actor} sees the time of each of those statuses in the order's timeline"))
def sees_timeline_times(desk: Desk, actor: str, statuses: list[str]) -> None:
    expected = [re.compile(rf"^{re.escape(status)}\s*{CLOCK}$") for status in statuses]
    ticket = desk[actor].screen(TradingPage).ticket
    expect(ticket.timeline_steps).to_have_text(expected)
    assert_just_now(ticket.timeline_times_from_now_s(), "the timeline's status times")


def expect_history_rows(history: OrderHistory, rows: list[dict[str, str]]) -> None:
    """The rows the Order History shows, top to bottom, read these column values (and only these rows show)."""
    expect(history.rows).to_have_count(len(rows))
    for index, values in enumerate(rows):
        expect(history.cells(index)).to_have_text(history.row_texts(values))
    assert_just_now(history.times_from_now_s(), "the Order History's times")


@then(parsers.parse("the {actor} sees the Order History list, newest first:"))
def sees_history_rows(desk: Desk, actor: str, datatable: list[list[str]]) -> None:
    header, *rows = datatable
    expect_history_rows(desk[actor].screen(TradingPage).history,
                        [dict(zip(header, (desk.with_names(value) for value in values), strict=True))
                         for values in rows])


@then(parsers.re(rf'the {ACTOR} sees the Order History list (?P<listed>.+), counted as "(?P<count>[^"]+)"'))
def sees_history_listed_and_counted(desk: Desk, actor: str, listed: str, count: str) -> None:
    """`listed`: "2,000 GBPUSD Cancelled, 5,000 EURUSD Working" (quantity, instrument, status; newest first), or
    "no order"."""
    rows = [] if listed == "no order" else [dict(zip(("quantity", "instrument", "status"), item.split(), strict=True))
                                             for item in listed.split(", ")]
    history = desk[actor].screen(TradingPage).history
    expect_history_rows(history, rows)
    expect(history.count).to_have_text(count)


@then(parsers.parse("the {actor} sees no new order in the Order History"))
def sees_no_new_order(desk: Desk, actor: str) -> None:
    trading = desk[actor].screen(TradingPage)
    expect(trading.history.rows).to_have_count(trading.orders_when_opened)


@then(parsers.parse("the {actor} sees exactly one new order in the Order History"))
def sees_one_new_order(desk: Desk, actor: str) -> None:
    trading = desk[actor].screen(TradingPage)
    expect(trading.history.rows).to_have_count(trading.orders_when_opened + 1)


@then(parsers.parse('the {actor}\'s last order is described as "{description}"'))
def last_order_described(desk: Desk, actor: str, description: str) -> None:
    expect(desk[actor].screen(TradingPage).ticket.summary).to_have_text(order_described(description))


@then(parsers.parse("the {actor} sees the open orders, newest first:"))
def sees_open_orders(desk: Desk, actor: str, datatable: list[list[str]]) -> None:
    header, *rows = datatable
    blotter = desk[actor].screen(TradingPage).blotter
    expect(blotter.rows).to_have_count(len(rows))
    for index, values in enumerate(rows):
        expect(blotter.cells(index)).to_have_text(blotter.row_texts(dict(zip(header, values, strict=True))))
    assert_just_now(blotter.times_from_now_s(), "the open orders' times")


@when(parsers.re(rf"the {ACTOR} starts a new order for {INSTRUMENT}"))
def starts_new_order(desk: Desk, actor: str, instrument: str) -> None:
    desk[actor].screen(TradingPage).ticket.start(instrument)


@when(parsers.re(rf"the {ACTOR} changes the ticket's instrument to {INSTRUMENT}"))
def changes_ticket_instrument(desk: Desk, actor: str, instrument: str) -> None:
    desk[actor].screen(TradingPage).ticket.choose_instrument(instrument)


@then(parsers.re(rf"the {ACTOR} sees the ticket quote (?P<bid>[\d.]+) / (?P<ask>[\d.]+)"))
def sees_ticket_quote(desk: Desk, actor: str, bid: str, ask: str) -> None:
    ticket = desk[actor].screen(TradingPage).ticket
    expect(ticket.quote_bid).to_have_text(bid)
    expect(ticket.quote_ask).to_have_text(ask)
