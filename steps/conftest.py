"""Steps shared by several features, and the fixtures every scenario gets."""
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
from pages.orders_api import OrdersApi
from pages.portfolio_page import PortfolioPage
from pages.risk_page import RiskPage
from pages.strategies_api import StrategiesApi
from pages.strategy_form import StrategyDraft
from pages.system_status_page import SystemStatusPage
from pages.trading_page import TradingPage


@dataclass(frozen=True)
class WorkingOrder:
    """An order a Given step left working: its id, and how the screens name it (quantity as shown, instrument)."""
    id: int
    quantity: str
    instrument: str


SIDES = {"bought": "+", "sold": "-"}

# A strategy that starts trading within a second or two of deployment on a live feed (short timeframe, two pairs).
A_BUSY_STRATEGY = StrategyDraft("Busy Reversion", "Mean Reversion", ("EURUSD", "GBPUSD"), "1M", "$1,000", "10,000")


@pytest.fixture(autouse=True)
def scenario_setup(engine_launch: EngineLaunch, desk: Desk) -> Desk:
    """Every scenario's fixtures, set up before its first step.

    pytest-bdd requests step fixtures only when a step runs, so without this `browser_name` would not be in the
    scenarios' fixture closure (`--browser` would not parametrize them, a missing engine would not skip them),
    and the console start and account provisioning would be timed as part of the steps.
    """
    return desk


# "a trader of another desk is signed in" is a user of a second account: see steps/test_access_control.py.
@given(parsers.re(r"a (?P<actor>(?!.* of another desk).+) is signed in"), target_fixture="session")
def actor_is_signed_in(desk: Desk, actor: str) -> Session:
    return desk.sign_in(actor)


@given(parsers.parse("a {actor} is on the sign-in page"))
def actor_on_sign_in_page(desk: Desk, actor: str) -> None:
    desk.arrive_signed_out(actor).screen(LoginPage).open()


@given(parsers.parse("the {actor} has the System Status dashboard open"), target_fixture="dashboard")
@when(parsers.parse("the {actor} opens the System Status dashboard"), target_fixture="dashboard")
def actor_opens_dashboard(desk: Desk, actor: str) -> SystemStatusPage:
    dashboard = desk[actor].screen(SystemStatusPage)
    dashboard.open()
    return dashboard


@when(parsers.parse("the {actor} signs in with their password"))
def actor_signs_in(desk: Desk, actor: str) -> None:
    session = desk[actor]
    session.screen(LoginPage).sign_in(session.user.email, session.user.password)


@then("the System Status dashboard is shown")
def dashboard_is_shown(desk: Desk) -> None:
    expect(desk.current.page).to_have_url(re.compile(r"/status$"))
    expect(desk.current.screen(SystemStatusPage).heading).to_be_visible()


@then("the sign-in page is shown")
def sign_in_page_is_shown(desk: Desk) -> None:
    expect(desk.current.page).to_have_url(re.compile(r"/login(\?|$)"))
    expect(desk.current.screen(LoginPage).heading).to_be_visible()


@when("the console restarts")
def console_restarts(desk: Desk, restartable_console: ConsoleUnderTest) -> None:
    desk.restart_console()


@given(parsers.parse("{instrument} is quoted at {bid} / {ask}"))
@when(parsers.parse("{instrument} moves to {bid} / {ask}"))
def instrument_quoted_at(market: TestControl, instrument: str, bid: str, ask: str) -> None:
    market.set_price(instrument, float(bid), float(ask))


@given(parsers.parse("the {actor} has the Trading screen open"), target_fixture="trading")
@when(parsers.parse("the {actor} opens the Trading screen"), target_fixture="trading")
def actor_has_trading_open(desk: Desk, actor: str) -> TradingPage:
    trading = desk[actor].screen(TradingPage)
    trading.open()
    return trading


@given(parsers.parse("the {actor} has the Risk Management screen open"), target_fixture="risk")
@when(parsers.parse("the {actor} opens the Risk Management screen"), target_fixture="risk")
def actor_opens_risk(desk: Desk, actor: str) -> RiskPage:
    risk = desk[actor].screen(RiskPage)
    risk.open()
    return risk


@when(parsers.re(r"the (?P<actor>.+?) submits a (?P<order_type>MARKET) order to (?P<side>BUY|SELL) "
                 r"(?P<quantity>[\d,]+) (?P<instrument>[A-Z]{6})"), target_fixture="status_recorder")
def actor_submits_order(trading: TradingPage, order_type: str, side: str, quantity: str,
                        instrument: str) -> TextRecorder:
    trading.ticket.fill_in(instrument, side, quantity, order_type)
    return trading.ticket.submit_recording_status()


@then(parsers.parse('the order\'s status shows "{status}"'))
def order_status_shows(trading: TradingPage, status: str) -> None:
    expect(trading.ticket.status).to_have_text(status)


@then(parsers.parse('the ticket is refused with "{reason}"'))
def ticket_refused_with(trading: TradingPage, reason: str) -> None:
    expect(trading.ticket.error).to_contain_text(reason)


@given(parsers.parse('the {actor} has a running strategy named "{name}"'), target_fixture="running_strategy")
def strategy_running(desk: Desk, actor: str, name: str) -> dict[str, Any]:
    api = StrategiesApi(desk[actor].context.request)
    return api.deploy(api.save(replace(A_BUSY_STRATEGY, name=name))["id"])


@given(parsers.re(r"the (?P<actor>.+?) has (?P<side>bought|sold) (?P<quantity>[\d,]+) (?P<instrument>[A-Z]{6}) at "
                  r"the market"), target_fixture="portfolio")
def actor_has_traded(desk: Desk, actor: str, side: str, quantity: str, instrument: str) -> PortfolioPage:
    return actor_holds_positions(desk, actor, [["instrument", "position"], [instrument, f"{SIDES[side]}{quantity}"]])


@given(parsers.parse("the {actor} holds these positions, opened at the market:"), target_fixture="portfolio")
def actor_holds_positions(desk: Desk, actor: str, datatable: list[list[str]]) -> PortfolioPage:
    portfolio = desk[actor].screen(PortfolioPage)
    portfolio.show()  # where the trader sees the orders fill
    portfolio.wait_until_holds(OrdersApi(desk[actor].context.request).trade_at_market(datatable[1:]))
    return portfolio


@given(parsers.parse("the {actor} has a working {order_type} order to {side} {quantity} {instrument} at {price}"),
       target_fixture="working_order")
def actor_has_working_order(desk: Desk, actor: str, order_type: str, side: str, quantity: str, instrument: str,
                            price: str) -> WorkingOrder:
    placed = OrdersApi(desk[actor].context.request).place(instrument, side, as_number(quantity), order_type,
                                                          float(price))
    expect(actor_has_trading_open(desk, actor).blotter.order(quantity, instrument).status).to_have_text("Working")
    return WorkingOrder(placed["id"], quantity, instrument)
