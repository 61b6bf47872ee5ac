"""Steps shared by several features (the phrasing of docs/glossary.md), and the fixtures every scenario gets."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

import pytest
from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from fixtures.console_server import ConsoleUnderTest
from fixtures.engines import EngineLaunch
from fixtures.sessions import Desk, Session
from fixtures.test_control import TestControl
from pages.api_client import as_number
from pages.live import TextRecorder
from pages.login_page import LoginPage
from pages.navigation import NavigationBar
from pages.orders_api import OrdersApi
from pages.portfolio_page import PortfolioPage
from pages.screens import SCREENS
from pages.strategies_api import StrategiesApi
from pages.strategy_form import StrategyDraft
from pages.trading_page import TradingPage

SCREEN = "(?P<screen>" + "|".join(re.escape(name) for name in SCREENS) + ")"
ACTOR = r"(?P<actor>[a-z][a-z ]*?)"
INSTRUMENT = r"(?P<instrument>[A-Z]{6})"
SIDES = {"bought": "+", "sold": "-"}

# A strategy that starts trading within a second or two of deployment on a live feed (short timeframe, two pairs).
A_BUSY_STRATEGY = StrategyDraft("Busy Reversion", "Mean Reversion", ("EURUSD", "GBPUSD"), "1M", "$1,000", "10,000")


@dataclass(frozen=True)
class WorkingOrder:
    """An order a Given step left working: its id, and how the screens name it (quantity as shown, instrument)."""
    id: int
    quantity: str
    instrument: str


@pytest.fixture(autouse=True)
def scenario_setup(engine_launch: EngineLaunch, desk: Desk) -> Desk:
    """Every scenario's fixtures, set up before its first step.

    pytest-bdd requests step fixtures only when a step runs, so without this `browser_name` would not be in the
    scenarios' fixture closure (`--browser` would not parametrize them, a missing engine would not skip them),
    and the console start and account provisioning would be timed as part of the steps.
    """
    return desk


# People -----------------------------------------------------------------------------------------------------------

# "a trader of another desk is signed in" is a user of a second account: see steps/test_access_control.py.
@given(parsers.re(r"a (?P<actor>(?!.* of another desk)[a-z ]+) is signed in"))
def actor_is_signed_in(desk: Desk, actor: str) -> Session:
    return desk.sign_in(actor)


@given(parsers.parse("a {actor} is on the sign-in screen"))
def actor_on_sign_in_screen(desk: Desk, actor: str) -> None:
    desk.arrive_signed_out(actor).open(LoginPage)


@when(parsers.parse("the {actor} signs in with their password"))
def actor_signs_in(desk: Desk, actor: str) -> None:
    session = desk[actor]
    session.screen(LoginPage).sign_in(session.user.email, session.user.password)


@when(parsers.parse("the {actor} signs out"))
def actor_signs_out(desk: Desk, actor: str) -> None:
    desk[actor].screen(NavigationBar).sign_out()


@then(parsers.parse("the {actor} sees their name in the navigation bar"))
def sees_own_name(desk: Desk, actor: str) -> None:
    expect(desk[actor].screen(NavigationBar).signed_in_user).to_contain_text(desk[actor].user.display_name)


@then(parsers.parse('the {actor} sees the sign-in screen confirm "{notice}"'))
def sees_sign_in_notice(desk: Desk, actor: str, notice: str) -> None:
    expect(desk[actor].screen(LoginPage).notice(notice)).to_be_visible()


# Screens ----------------------------------------------------------------------------------------------------------

@given(parsers.re(rf"the {ACTOR} has the {SCREEN} screen open"))
@when(parsers.re(rf"the {ACTOR} opens the {SCREEN} screen"))
def actor_opens_screen(desk: Desk, actor: str, screen: str) -> None:
    desk[actor].open(SCREENS[screen])


@when(parsers.re(rf"the {ACTOR} reloads the {SCREEN} screen"))
def actor_reloads_screen(desk: Desk, actor: str, screen: str) -> None:
    desk[actor].reload(SCREENS[screen])


@when(parsers.re(rf"the {ACTOR} follows the navigation bar to the {SCREEN} screen"))
def actor_follows_navigation(desk: Desk, actor: str, screen: str) -> None:
    desk[actor].screen(NavigationBar).go_to(screen)


@when(parsers.re(rf"the {ACTOR} goes to the {SCREEN} screen by its address"))
def actor_goes_to_address(desk: Desk, actor: str, screen: str) -> None:
    desk[actor].visit(SCREENS[screen])


@then(parsers.re(rf"the {ACTOR} sees the {SCREEN} screen$"))
def actor_sees_screen(desk: Desk, actor: str, screen: str) -> None:
    page_object = desk[actor].screen(SCREENS[screen])
    expect(desk[actor].page).to_have_url(page_object.ADDRESS)
    expect(page_object.heading).to_be_visible()


# The console and the market ---------------------------------------------------------------------------------------

@when("the console restarts")
def console_restarts(desk: Desk, restartable_console: ConsoleUnderTest) -> None:
    desk.restart_console()


@given(parsers.re(rf"{INSTRUMENT} is quoted at (?P<bid>[\d.]+) / (?P<ask>[\d.]+)"))
@when(parsers.re(rf"{INSTRUMENT} moves to (?P<bid>[\d.]+) / (?P<ask>[\d.]+)"))
def instrument_quoted_at(market: TestControl, instrument: str, bid: str, ask: str) -> None:
    market.set_price(instrument, float(bid), float(ask))


# Orders -----------------------------------------------------------------------------------------------------------

@when(parsers.re(rf"the {ACTOR} submits a (?P<order_type>MARKET) order to (?P<side>BUY|SELL) "
                 rf"(?P<quantity>[\d,]+) {INSTRUMENT}"), target_fixture="status_recorder")
def actor_submits_order(desk: Desk, actor: str, order_type: str, side: str, quantity: str,
                        instrument: str) -> TextRecorder:
    ticket = desk[actor].screen(TradingPage).ticket
    ticket.fill_in(instrument, side, quantity, order_type)
    return ticket.submit_recording_status()


@then(parsers.re(rf"the {ACTOR}'s last order shows \"(?P<status>[^\"]+)\""))
def last_order_shows(desk: Desk, actor: str, status: str) -> None:
    expect(desk[actor].screen(TradingPage).ticket.status).to_have_text(status)


@then(parsers.re(rf"the {ACTOR}'s order is refused with \"(?P<reason>[^\"]+)\""))
def order_refused_with(desk: Desk, actor: str, reason: str) -> None:
    expect(desk[actor].screen(TradingPage).ticket.error).to_contain_text(reason)


def trade_at_market(session: Session, trades: list[list[str]]) -> None:
    """Place the trades through the API and wait until the Portfolio screen shows them filled."""
    portfolio = session.screen(PortfolioPage)
    portfolio.show()  # where the trader sees the orders fill
    portfolio.wait_until_holds(OrdersApi(session.api).trade_at_market(trades))


@given(parsers.re(rf"the {ACTOR} has (?P<side>bought|sold) (?P<quantity>[\d,]+) {INSTRUMENT} at the market"))
def actor_has_traded(desk: Desk, actor: str, side: str, quantity: str, instrument: str) -> None:
    trade_at_market(desk[actor], [[instrument, f"{SIDES[side]}{quantity}"]])


@given(parsers.parse("the {actor} holds these positions, opened at the market:"))
def actor_holds_positions(desk: Desk, actor: str, datatable: list[list[str]]) -> None:
    trade_at_market(desk[actor], datatable[1:])


@given(parsers.re(rf"the {ACTOR} has a working (?P<order_type>LIMIT|STOP) order to (?P<side>BUY|SELL) "
                  rf"(?P<quantity>[\d,]+) {INSTRUMENT} at (?P<price>[\d.]+)"), target_fixture="working_order")
def actor_has_working_order(desk: Desk, actor: str, order_type: str, side: str, quantity: str, instrument: str,
                            price: str) -> WorkingOrder:
    placed = OrdersApi(desk[actor].api).place(instrument, side, as_number(quantity), order_type, float(price))
    trading = desk[actor].open(TradingPage)
    expect(trading.blotter.order(quantity, instrument).status).to_have_text("Working")
    return WorkingOrder(placed["id"], quantity, instrument)


@then(parsers.re(rf"the {ACTOR} sees the position (?P<quantity>[+-][\d,]+) {INSTRUMENT} at an average price of "
                 r"(?P<price>[\d.]+)"))
def sees_position(desk: Desk, actor: str, quantity: str, instrument: str, price: str) -> None:
    position = desk[actor].shown().positions.position(instrument)
    expect(position.quantity).to_have_text(quantity)
    expect(position.average_price).to_have_text(price)


@then(parsers.re(rf"the {ACTOR} sees the {INSTRUMENT} position marked at (?P<mark>[\d.]+) with an unrealized P&L of "
                 r"(?P<pnl>-?\$[\d,.]+)"))
def sees_position_pnl(desk: Desk, actor: str, instrument: str, mark: str, pnl: str) -> None:
    position = desk[actor].shown().positions.position(instrument)
    expect(position.mark).to_have_text(mark)
    expect(position.unrealized_pnl).to_have_text(pnl)


# Strategies -------------------------------------------------------------------------------------------------------

@given(parsers.parse('the {actor} has a running strategy named "{name}"'), target_fixture="running_strategy")
def strategy_running(desk: Desk, actor: str, name: str) -> dict[str, Any]:
    api = StrategiesApi(desk[actor].api)
    return api.deploy(api.save(replace(A_BUSY_STRATEGY, name=name))["id"])
