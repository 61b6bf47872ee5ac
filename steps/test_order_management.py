"""Steps of features/order-management.feature."""
from __future__ import annotations

import re

import allure
from playwright.sync_api import expect
from pytest_bdd import given, parsers, scenarios, then, when

from fixtures.sessions import Desk
from pages.live import TextRecorder
from pages.trading_page import TradingPage

scenarios("order-management.feature")

# A status after which an order moves no more (Working stays until the market or the trader moves it).
SETTLED = ("Filled", "Rejected", "Cancelled", "Working")
CLOCK = r"\d{2}:\d{2}:\d{2}\.\d{3}"
# Generous: five steps a few hundred milliseconds apart on a loaded two-core machine.
STATUS_DEADLINE_S = 15


@given(parsers.parse("the {actor} has the Trading screen open"), target_fixture="trading")
def actor_has_trading_open(desk: Desk, actor: str) -> TradingPage:
    trading = desk[actor].screen(TradingPage)
    trading.open()
    return trading


@when(parsers.re(r"the (?P<actor>\w+) submits a (?P<order_type>MARKET) order to (?P<side>BUY|SELL) "
                 r"(?P<quantity>[\d,]+) (?P<instrument>[A-Z]{6})"), target_fixture="status_recorder")
def actor_submits_order(trading: TradingPage, order_type: str, side: str, quantity: str,
                        instrument: str) -> TextRecorder:
    trading.ticket.fill_in(instrument, side, quantity, order_type)
    return trading.ticket.submit_recording_status()


@when(parsers.re(r'the (?P<actor>\w+) submits a (?P<order_type>\w+) ticket to (?P<side>BUY|SELL) "(?P<quantity>[^"]*)" '
                 r'(?P<instrument>[A-Z]{6}) with the price "(?P<price>[^"]*)"'))
def actor_submits_ticket(trading: TradingPage, order_type: str, side: str, quantity: str, instrument: str,
                         price: str) -> None:
    trading.ticket.place(instrument, side, quantity, order_type, price)


@when(parsers.parse("the {actor} double-clicks Submit Order on a {order_type} order to {side} {quantity} {instrument}"))
def actor_double_clicks_submit(trading: TradingPage, order_type: str, side: str, quantity: str,
                               instrument: str) -> None:
    trading.ticket.fill_in(instrument, side, quantity, order_type)
    trading.ticket.double_click_submit()


@given(parsers.parse("the {actor} has placed a {order_type} order to {side} {quantity} {instrument} at {price}"))
def actor_has_placed_order(trading: TradingPage, order_type: str, side: str, quantity: str, instrument: str,
                           price: str) -> None:
    trading.ticket.place(instrument, side, quantity, order_type, price)
    expect(trading.blotter.order(quantity, instrument).status).to_have_text("Working")


@when(parsers.parse("the {actor} cancels the working order for {quantity} {instrument}"))
def actor_cancels_order(trading: TradingPage, quantity: str, instrument: str) -> None:
    trading.blotter.cancel(quantity, instrument)
    expect(trading.blotter.order(quantity, instrument).row).to_have_count(0)


@then("the order's status showed, one after the other and without a reload:", target_fixture="statuses")
def status_showed_in_order(status_recorder: TextRecorder, datatable: list[list[str]]) -> list[str]:
    seen = status_recorder.values_until(SETTLED, deadline_s=STATUS_DEADLINE_S)
    allure.attach(seen.describe(), name="Statuses the page showed, with the time since Submit")
    assert seen.values == datatable[0], f"the page showed {seen.values}, expected {datatable[0]}"
    return datatable[0]


@then("the order's timeline gives the time of each of those statuses")
def timeline_gives_times(trading: TradingPage, statuses: list[str]) -> None:
    expected = [re.compile(rf"^{re.escape(status)}\s*{CLOCK}$") for status in statuses]
    expect(trading.ticket.timeline_steps).to_have_text(expected)


@then(parsers.parse('the order\'s status shows "{status}"'))
def order_status_shows(trading: TradingPage, status: str) -> None:
    expect(trading.ticket.status).to_have_text(status)


@then(parsers.re(r"the Order History lists the order for (?P<quantity>[\d,]+) (?P<instrument>[A-Z]{6}) as "
                 r"(?P<status>\w+) at (?P<fill_price>[\d.]+)"))
def history_lists_order(trading: TradingPage, quantity: str, instrument: str, status: str, fill_price: str) -> None:
    order = trading.history.order(quantity, instrument)
    expect(order.status).to_have_text(status)
    expect(order.fill_price).to_have_text(fill_price)


@then(parsers.parse("the Order History, filtered by {status}, lists only the order for {quantity} {instrument}"))
def filtered_history_lists_only(trading: TradingPage, status: str, quantity: str, instrument: str) -> None:
    trading.history.filter_by(status)
    expect(trading.history.rows).to_have_count(1)
    expect(trading.history.order(quantity, instrument).status).to_have_text(status)


@then("the Order History lists exactly one new order")
def history_lists_one_new_order(trading: TradingPage) -> None:
    expect(trading.history.rows).to_have_count(trading.orders_when_opened + 1)


@then(parsers.parse("the {actor} holds {quantity} {instrument} at an average price of {price}"))
def actor_holds_position(trading: TradingPage, quantity: str, instrument: str, price: str) -> None:
    position = trading.positions.position(instrument)
    expect(position.quantity).to_have_text(quantity)
    expect(position.average_price).to_have_text(price)


@then(parsers.parse("the unrealized P&L of the {instrument} position is {amount}"))
def unrealized_pnl_is(trading: TradingPage, instrument: str, amount: str) -> None:
    expect(trading.positions.position(instrument).unrealized_pnl).to_have_text(amount)


@then(parsers.parse('the ticket is refused with "{reason}"'))
def ticket_refused_with(trading: TradingPage, reason: str) -> None:
    expect(trading.ticket.error).to_contain_text(reason)


@then("no order has been created")
def no_order_created(trading: TradingPage) -> None:
    before = trading.orders_when_opened
    trading.open()  # what the console has stored, not what the page happens to show
    expect(trading.history.rows).to_have_count(before)
