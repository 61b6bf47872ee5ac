"""Steps shared by several features (the phrasing of docs/glossary.md), and the fixtures every scenario gets."""
from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

import allure
import pytest
from playwright.sync_api import APIRequestContext, APIResponse, expect
from pytest_bdd import given, parsers, then, when

from fixtures.console_server import ConsoleUnderTest
from fixtures.devices import DeviceProfiles
from fixtures.engines import EngineLaunch
from fixtures.sessions import Desk, ExpectedRefusal, Session
from fixtures.settings import SuiteConfig
from fixtures.test_control import TestControl
from pages.accessibility import KeyboardUser
from pages.api_client import as_number
from pages.controls import OfferedControls
from pages.halt_banner import HaltedBanner, HaltWatch
from pages.live import TextRecorder
from pages.live_state import LiveState
from pages.login_page import LoginPage
from pages.market_data_page import MarketDataPage
from pages.navigation import NavigationBar
from pages.orders_api import OrdersApi
from pages.portfolio_api import PortfolioApi
from pages.portfolio_page import PortfolioPage
from pages.realtime_probe import Mark, RealtimeProbe
from pages.risk_api import RiskApi
from pages.risk_page import RiskPage
from pages.screens import SCREENS
from pages.strategies_api import StrategiesApi
from pages.strategies_page import StrategiesPage
from pages.strategy_form import StrategyDraft
from pages.system_status_page import SystemStatusPage
from pages.trading_page import TradingPage

SCREEN = "(?P<screen>" + "|".join(re.escape(name) for name in SCREENS) + ")"
ACTOR = r"(?P<actor>[a-z][a-z ]*?)"
INSTRUMENT = r"(?P<instrument>[A-Z]{6})"
INSTRUMENTS = r"(?P<instruments>[A-Z]{6}(?:(?:, | and )[A-Z]{6})*)"
# How a quote's cells read: bid and ask "1.09125", spread "1.2 pips", change "-0.537%", last update "0.3 s ago".
PRICE = re.compile(r"^\d+\.\d{3,5}$")
SPREAD = re.compile(r"^\d+\.\d pips$")
CHANGE = re.compile(r"^([+-]\d+\.\d{3}|0\.000)%$")
LAST_UPDATE = re.compile(r"^\d+\.\d s ago\b")
ROUTE = r"(?P<route>/api/[A-Za-z/-]+)"
SIDES = {"bought": "+", "sold": "-"}

# A strategy that starts trading within a second or two of deployment on a live feed (short timeframe, two pairs).
A_BUSY_STRATEGY = StrategyDraft("Busy Reversion", "Mean Reversion", ("EURUSD", "GBPUSD"), "1M", "$1,000", "10,000")

# A time of day a screen shows for something done during the scenario (an alert, an order, a status): the moment
# the console recorded it, a few seconds before the step reads it, or the scenario's length at most.
JUST_NOW_TOLERANCE_S = 60
# The risk engine samples every account's equity once a second: two new samples within a generous deadline.
SAMPLES, SAMPLES_DEADLINE_S = 2, 6

# How a person may type their email: what each way the features name makes of it.
EMAIL_WRITTEN = {
    "in capitals": str.upper,
    "with a capital initial": lambda email: email[:1].upper() + email[1:],
    "between spaces": lambda email: f"  {email}  ",
}


def instrument_list(text: str) -> list[str]:
    """The instruments "EURUSD, GBPUSD and USDJPY" names."""
    return re.split(r", | and ", text)


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


@given(parsers.re(rf"a {ACTOR} is signed in on an? (?P<device>[A-Za-z][\w ()]*)"))
def actor_signed_in_on_device(desk: Desk, device_profiles: DeviceProfiles, actor: str, device: str) -> Session:
    return desk.sign_in(actor, device=device_profiles.profile(device))


@given(parsers.parse("a {actor} is on the sign-in screen"))
def actor_on_sign_in_screen(desk: Desk, actor: str) -> None:
    desk.arrive_signed_out(actor).open(LoginPage)


@given(parsers.re(rf"a {ACTOR} is on the sign-in screen on an? (?P<device>[A-Za-z][\w ()]*)"))
def actor_on_sign_in_screen_on_device(desk: Desk, device_profiles: DeviceProfiles, actor: str, device: str) -> None:
    desk.arrive_signed_out(actor, device=device_profiles.profile(device)).open(LoginPage)


@when(parsers.re(rf"the {ACTOR} signs in with (?:their email written (?P<written>[a-z ]+?) and )?a wrong password "
                 r"(?P<times>once|\d+ times)"))
def signs_in_with_wrong_password(desk: Desk, actor: str, written: str | None, times: str) -> None:
    attempts = 1 if times == "once" else int(times.split()[0])
    email = desk[actor].user.email
    desk[actor].monitor.expect_refusal("POST", r"^/login$", attempts)
    desk[actor].screen(LoginPage).guess_wrongly(EMAIL_WRITTEN[written](email) if written else email, attempts)


@when(parsers.parse("the {actor} signs in with their password"))
def actor_signs_in(desk: Desk, actor: str) -> None:
    session = desk[actor]
    session.screen(LoginPage).sign_in(session.user.email, session.user.password)


@given(parsers.parse("sign-in lockouts on the console last {seconds:d} seconds"), target_fixture="lockout_s")
def lockouts_last(console_control: TestControl, request: pytest.FixtureRequest, seconds: int) -> int:
    previous = console_control.set_login_lockout(seconds)
    request.addfinalizer(lambda: console_control.set_login_lockout(previous))
    return seconds


def sees_sign_in_locked(desk: Desk, actor: str, refusal: str | re.Pattern[str]) -> None:
    """The sign-in was refused (429) with the refusal shown, and Sign in stays disabled while the lockout lasts."""
    desk[actor].monitor.expect_refusal("POST", r"^/login$")
    login = desk[actor].screen(LoginPage)
    expect(login.error).to_have_text(refusal)
    expect(login.sign_in_button).to_be_disabled()


@then(parsers.parse('the {actor}\'s sign-in is refused as too many attempts: "{refusal}"'))
def refused_as_too_many_attempts_saying(desk: Desk, actor: str, refusal: str) -> None:
    sees_sign_in_locked(desk, actor, refusal)


@when(parsers.parse("the {actor}'s session expires"))
def session_expires(desk: Desk, actor: str, console_control: TestControl) -> None:
    desk[actor].monitor.expect_refusal("*", r"^/api/", times=None)  # every call of the page, from now on
    console_control.expire_sessions(desk[actor].user.email)


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


@then(parsers.re(rf"the {ACTOR} sees the {SCREEN} screen live again, without a reload"))
def sees_screen_reconnected(desk: Desk, actor: str, screen: str, suite: SuiteConfig) -> None:
    timeout_ms = suite.budgets.reconnect_after_restart_s * 1000
    expect(desk[actor].screen(NavigationBar).connection_state).to_have_text("Live", timeout=timeout_ms)


@then(parsers.re(rf"the {ACTOR} sees the {SCREEN} screen live again by itself, without a reload"))
def sees_screen_live_again(desk: Desk, actor: str, screen: str, came_back: Mark, suite: SuiteConfig) -> None:
    live, within_ms = desk[actor].screen(LiveState), suite.budgets.live_again_within_s * 1000
    expect(live.connection_state).to_have_text("Live", timeout=within_ms)
    expect(live.screen).to_have_attribute("data-freshness", "live", timeout=within_ms)
    probe = RealtimeProbe(desk[actor].page)
    after_ms = probe.turned_live_after_ms("screen", came_back)
    allure.attach(f"{screen}: live again {'?' if after_ms is None else round(after_ms)} ms after the connection or "
                  f"the console came back (budget {within_ms:.0f} ms)", name="live again")
    assert probe.same_document(came_back), f"the {screen} screen was reloaded to be live again"


# The console and the market ---------------------------------------------------------------------------------------

@then(parsers.parse("the {actor} saw the System Status screen ready within its response-time budget"))
def saw_screen_ready_in_time(desk: Desk, actor: str, suite: SuiteConfig) -> None:
    dashboard = desk[actor].screen(SystemStatusPage)
    budget = suite.budgets.status_page_ready_s
    allure.attach(f"{dashboard.seconds_until_ready:.3f} s (budget {budget} s)",
                  name="Time until the System Status screen was ready")
    assert dashboard.seconds_until_ready is not None and dashboard.seconds_until_ready <= budget, (
        f"the dashboard was ready after {dashboard.seconds_until_ready:.2f} s, over its {budget} s budget"
    )


@when("the console restarts")
def console_restarts(desk: Desk, restartable_console: ConsoleUnderTest) -> None:
    desk.restart_console()


@given(parsers.re(rf"{INSTRUMENT} is quoted at (?P<bid>[\d.]+) / (?P<ask>[\d.]+)"))
@when(parsers.re(rf"{INSTRUMENT} moves to (?P<bid>[\d.]+) / (?P<ask>[\d.]+)"))
def instrument_quoted_at(market: TestControl, instrument: str, bid: str, ask: str) -> None:
    market.set_price(instrument, float(bid), float(ask))


# Routes the console is made to fail -----------------------------------------------------------------------------------

@pytest.fixture
def failing_routes(console_control: TestControl) -> Iterator[TestControl]:
    """The test-control API for a scenario that makes routes fail; whatever it made fail answers again after it."""
    yield console_control
    console_control.restore_routes()


@given(parsers.re(rf"the console answers {ROUTE} with a (?P<status>5\d\d) server error"),
       target_fixture="provoked_error")
def console_fails_route(desk: Desk, failing_routes: TestControl, route: str, status: str) -> ExpectedRefusal:
    return fail_route(desk, failing_routes, route, int(status))


@given(parsers.re(r"the console answers the Cancel of that order with a (?P<status>5\d\d) server error"),
       target_fixture="provoked_error")
def console_fails_cancel(desk: Desk, failing_routes: TestControl, working_order: WorkingOrder,
                         status: str) -> ExpectedRefusal:
    return fail_route(desk, failing_routes, f"/api/orders/{working_order.id}/cancel", int(status))


def fail_route(desk: Desk, failing_routes: TestControl, route: str, status: int) -> ExpectedRefusal:
    """Make the console answer the route with the server error (for two minutes, or until the scenario ends)."""
    failing_routes.fail_route(route, status, for_s=120)
    return desk.expect_server_error(rf"^{re.escape(route)}$", status)


# The market data feed ---------------------------------------------------------------------------------------------

@given("the market data feed has stopped", target_fixture="feed_stopped_at")
@when("the market data feed stops", target_fixture="feed_stopped_at")
def market_data_stops(market: TestControl) -> float:
    market.pause_feed()
    return time.monotonic()


@when("the market data feed resumes")
def market_data_resumes(market: TestControl) -> None:
    market.resume_feed()


@then(parsers.re(rf"the {ACTOR} sees {INSTRUMENTS} quoted with bid, ask, spread, change and a live last update"),
      converters={"instruments": instrument_list})
def sees_quotes(desk: Desk, actor: str, instruments: list[str]) -> None:
    market_data = desk[actor].screen(MarketDataPage)
    for instrument in instruments:
        quote = market_data.quote(instrument)
        expect(quote.cells).to_have_text([PRICE, PRICE, SPREAD, CHANGE, LAST_UPDATE])
        expect(quote.freshness).to_be_visible()
        expect(quote.freshness).to_have_text("Live")


@then(parsers.re(rf'the {ACTOR} sees (?P<which>every|no) quote flagged stale and the data source "(?P<state>[^"]+)"'))
def sees_quote_freshness(desk: Desk, actor: str, which: str, state: str) -> None:
    market_data = desk[actor].screen(MarketDataPage)
    expect(market_data.data_source).to_have_text(state)
    expect(market_data.stale_flags).to_have_count(market_data.instruments.count() if which == "every" else 0)


# Orders -----------------------------------------------------------------------------------------------------------

@when(parsers.re(rf"the {ACTOR} submits a (?P<order_type>MARKET) order to (?P<side>BUY|SELL) "
                 rf"(?P<quantity>[\d,]+) {INSTRUMENT}"), target_fixture="status_recorder")
def actor_submits_order(desk: Desk, actor: str, order_type: str, side: str, quantity: str,
                        instrument: str) -> TextRecorder:
    ticket = desk[actor].screen(TradingPage).ticket
    ticket.fill_in(instrument, side, quantity, order_type)
    return ticket.submit_recording_status()


@then(parsers.re(rf"the {ACTOR}'s last order shows \"(?P<status>[^\"]+)\"(?: because \"(?P<reason>[^\"]+)\")?$"))
def last_order_shows(desk: Desk, actor: str, status: str, reason: str | None) -> None:
    """The status of the order the ticket placed, and the reason next to it: none unless the step gives one."""
    ticket = desk[actor].screen(TradingPage).ticket
    expect(ticket.status).to_have_text(status)
    expect(ticket.reason).to_have_text(ticket.reason_shown(desk.with_names(reason or "")))


@then(parsers.re(rf"the {ACTOR}'s order is refused with \"(?P<reason>[^\"]+)\""))
def order_refused_with(desk: Desk, actor: str, reason: str) -> None:
    desk[actor].monitor.expect_refusal("POST", r"^/api/orders$")
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


@when(parsers.re(r'the (?P<actor>[a-z ]+) submits a (?P<order_type>\w+) ticket to (?P<side>BUY|SELL) '
                 r'"(?P<quantity>[^"]*)" (?P<instrument>[A-Z]{6}) with the price "(?P<price>[^"]*)"'))
def actor_submits_ticket(desk: Desk, actor: str, order_type: str, side: str, quantity: str, instrument: str,
                         price: str) -> None:
    desk[actor].screen(TradingPage).ticket.place(instrument, side, quantity, order_type, price)


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


@then(parsers.parse("the {actor} sees the positions:"))
def sees_positions(desk: Desk, actor: str, datatable: list[list[str]]) -> None:
    header, *rows = datatable
    positions = desk[actor].shown().positions
    for column, values in zip(header, zip(*rows, strict=True), strict=True):
        expect(positions.column(column)).to_have_text(list(values))


@then(parsers.re(rf"the {ACTOR} sees no {INSTRUMENT} position"))
def sees_no_position(desk: Desk, actor: str, instrument: str) -> None:
    expect(desk[actor].shown().positions.position(instrument).row).to_have_count(0)


@then(parsers.parse("the {actor} sees the account figures:"))
def sees_account_figures(desk: Desk, actor: str, datatable: list[list[str]]) -> None:
    positions = desk[actor].screen(TradingPage).positions
    for name, value in datatable:
        expect(positions.figure(name)).to_have_text(value)


@then(parsers.parse('the {actor} sees the order for {quantity} {instrument} in the Order History as {status}: '
                    '"{reason}"'))
def sees_order_in_history(desk: Desk, actor: str, quantity: str, instrument: str, status: str, reason: str) -> None:
    order = desk[actor].screen(TradingPage).history.order(quantity, instrument)
    expect(order.status).to_have_text(status)
    expect(order.reason).to_have_text(desk.expected_text(reason))


@then(parsers.parse('the {actor} sees the ticket say "{text}"'))
def sees_ticket_say(desk: Desk, actor: str, text: str) -> None:
    expect(desk[actor].screen(TradingPage).ticket.error).to_have_text(text)


@then(parsers.parse('the {actor} sees the open orders say "{text}"'))
def sees_open_orders_say(desk: Desk, actor: str, text: str) -> None:
    expect(desk[actor].screen(TradingPage).blotter.error).to_have_text(text)


@then(parsers.parse("the {actor} sees no open orders"))
def sees_no_open_orders(desk: Desk, actor: str) -> None:
    blotter = desk[actor].screen(TradingPage).blotter
    expect(blotter.rows).to_have_count(0)
    expect(blotter.empty_note).to_be_visible()


@then(parsers.parse("the {actor} sees the order for {quantity} {instrument} Working among the open orders"))
def sees_order_working(desk: Desk, actor: str, quantity: str, instrument: str) -> None:
    expect(desk[actor].screen(TradingPage).blotter.order(quantity, instrument).status).to_have_text("Working")


@then(parsers.parse("the {actor} sees the risk metrics:"))
def sees_risk_metrics(desk: Desk, actor: str, datatable: list[list[str]]) -> None:
    risk = desk[actor].screen(RiskPage)
    for name, value in datatable:
        expect(risk.metric(name)).to_have_text(value)


# Controls and the API -------------------------------------------------------------------------------------------

class DeskRecords:
    """Makes the records the roles table acts on: each through the API, then waited for on a screen."""

    def __init__(self, api: APIRequestContext, observer: Session, strategy_name: str) -> None:
        self.api = api
        self.observer = observer
        self.strategy = replace(A_BUSY_STRATEGY, name=strategy_name)

    def make(self, record: str) -> dict[str, Any]:
        makers = {"nothing yet": dict, "a working order": self._working_order, "a saved strategy": self._saved,
                  "a running strategy": self._running, "a EURUSD position": self._position, "a halt": self._halt}
        return makers[record]()

    def _working_order(self) -> dict[str, Any]:
        placed = OrdersApi(self.api).place("EURUSD", "BUY", 10_000, "LIMIT", 1.0)  # answered while still Pending
        blotter = self.observer.open(TradingPage).blotter
        expect(blotter.order("10,000", "EURUSD").status).to_have_text("Working")
        return {"working order": placed["id"]}

    def _saved(self) -> dict[str, Any]:
        return {"saved strategy": StrategiesApi(self.api).save(self.strategy)["id"]}

    def _running(self) -> dict[str, Any]:
        api = StrategiesApi(self.api)
        strategy = api.deploy(api.save(self.strategy)["id"])
        expect(self.observer.open(StrategiesPage).active_strategy(self.strategy.name).status).to_have_text("Running")
        return {"running strategy": strategy["id"]}

    def _position(self) -> dict[str, Any]:
        portfolio = self.observer.open(PortfolioPage)
        portfolio.wait_until_holds(OrdersApi(self.api).trade_at_market([["EURUSD", "+10,000"]]))
        return {}

    def _halt(self) -> dict[str, Any]:
        RiskApi(self.api).emergency_stop()
        return {}


@pytest.fixture
def desk_records() -> dict[str, Any]:
    """What a Given step left in the desk's account for later steps to act on (ids by kind); none by default."""
    return {}


def attempt_through_api(request: APIRequestContext, action: str, records: dict[str, Any], strategy_name: str
                        ) -> APIResponse:
    """What each action sends to the console's API, as the screen's control would."""
    attempts = {
        "place an order": lambda: OrdersApi(request).submit("EURUSD", "BUY", 10_000),
        "cancel the working order": lambda: OrdersApi(request).cancel(records["working order"]),
        "create a strategy": lambda: StrategiesApi(request).submit(replace(A_BUSY_STRATEGY, name=strategy_name)),
        "deploy the saved strategy": lambda: StrategiesApi(request).request_deploy(records["saved strategy"]),
        "stop the running strategy": lambda: StrategiesApi(request).request_stop(records["running strategy"]),
        "close the EURUSD position": lambda: PortfolioApi(request).close("EURUSD"),
        "change the EURUSD position's size": lambda: PortfolioApi(request).resize("EURUSD", 5_000),
        "add a position": lambda: OrdersApi(request).submit("GBPUSD", "BUY", 10_000),
        "edit the limits": lambda: RiskApi(request).save_limits(50_000, 2_000),
        "trigger the Emergency Stop": lambda: RiskApi(request).request_emergency_stop(),
        "resume trading": lambda: RiskApi(request).resume(),
    }
    return attempts[action]()


@when(parsers.parse("the {actor} asks the console's API to {action}"), target_fixture="api_answer")
def asks_api_to(desk: Desk, actor: str, action: str, desk_records: dict[str, Any]) -> APIResponse:
    return attempt_through_api(desk[actor].api, action, desk_records, desk.record_name(A_BUSY_STRATEGY.name))


@then(parsers.re(r'the console answers (?P<status>\d{3})(?: "(?P<detail>[^"]+)")?'))
def console_answers(api_answer: APIResponse, status: str, detail: str | None) -> None:
    assert api_answer.status == int(status), f"the console answered {api_answer.status}: {api_answer.text()}"
    said = api_answer.json().get("detail")
    assert said, f"the {status} answer does not say why: {api_answer.text()}"
    assert detail is None or detail in said, f"the {status} answer says {said!r}, not {detail!r}"


@then("the console accepts it")
def console_accepts(api_answer: APIResponse) -> None:
    assert api_answer.ok, f"the console answered {api_answer.status}: {api_answer.text()}"


@then(parsers.parse('the {actor} sees the "{control}" button offered'))
def sees_control(desk: Desk, actor: str, control: str) -> None:
    expect(desk[actor].screen(OfferedControls).button(control)).not_to_have_count(0)


@then(parsers.parse('the {actor} sees no "{control}" button offered'))
def sees_no_control(desk: Desk, actor: str, control: str) -> None:
    expect(desk[actor].screen(OfferedControls).button(control)).to_have_count(0)


# The market data board ---------------------------------------------------------------------------------------

# How each column's text reads as a value to sort by: "1.09125", "1.2 pips", "-0.537%", "0.3 s ago".
SORT_VALUE: dict[str, Callable[[str], str | float]] = {
    "Instrument": str,
    "Bid": float,
    "Ask": float,
    "Spread": lambda text: float(text.split()[0]),
    "Change": lambda text: float(text.rstrip("%")),
    "Last update": lambda text: float(text.split()[0]),
}


def in_order(texts: list[str], column: str, direction: str) -> bool:
    values = [SORT_VALUE[column](text) for text in texts]
    return len(values) > 1 and values == sorted(values, reverse=direction == "descending")


@then(parsers.parse("the {actor} sees the board in {direction} order of {column}, and only that column sorted"))
def sees_board_in_order(desk: Desk, actor: str, direction: str, column: str) -> None:
    market_data = desk[actor].screen(MarketDataPage)
    expect(market_data.column_header(column)).to_have_attribute("aria-sort", direction)
    texts = market_data.column_values(column)
    assert in_order(texts, column, direction), f"{column} reads, top to bottom: {', '.join(texts)}"
    claims = market_data.sort_claims()
    assert claims == {column: direction}, f"the column headers claim these sorts: {claims}"


# Strategies -------------------------------------------------------------------------------------------------------

def deploy_busy_strategy(desk: Desk, actor: str, name: str, until_running: bool) -> dict[str, Any]:
    """Save and deploy a strategy that trades on its first prices; with `until_running`, wait until the actor's
    Strategies screen shows it Running (warmed up: it trades, and it can be stopped). The strategy as deployed."""
    name = desk.record_name(name)
    api = StrategiesApi(desk[actor].api)
    strategy = api.deploy(api.save(replace(A_BUSY_STRATEGY, name=name))["id"])
    if until_running:
        expect(desk[actor].open(StrategiesPage).active_strategy(name).status).to_have_text("Running")
    return strategy


@then(parsers.parse('the {actor} sees the strategies summed up as "{summary}"'))
def sees_summary(desk: Desk, actor: str, summary: str) -> None:
    expect(desk[actor].screen(StrategiesPage).summary).to_have_text(summary)


@given(parsers.parse('the {actor} has a stopped strategy named "{name}"'))
def strategy_stopped(desk: Desk, actor: str, name: str) -> None:
    strategy = deploy_busy_strategy(desk, actor, name, until_running=True)  # a Deploying one cannot be stopped yet
    StrategiesApi(desk[actor].api).stop(strategy["id"])


@when(parsers.re(rf'the {ACTOR} deploys "(?P<name>[^"]+)" (?:again )?from All Strategies'))
def actor_deploys_again(desk: Desk, actor: str, name: str) -> None:
    desk[actor].screen(StrategiesPage).deploy(desk.record_name(name))


@then(parsers.parse('the {actor} sees the strategy list refuse it with "{message}"'))
def sees_strategy_list_refusal(desk: Desk, actor: str, message: str) -> None:
    desk[actor].monitor.expect_refusal("POST", r"^/api/strategies/\d+/deploy$")
    expect(desk[actor].screen(StrategiesPage).error).to_have_text(message)


@given(parsers.parse('the {actor} has deployed a strategy named "{name}" that waits for its first prices'),
       target_fixture="running_strategy")
def strategy_deployed(desk: Desk, actor: str, name: str) -> dict[str, Any]:
    return deploy_busy_strategy(desk, actor, name, until_running=False)


@given(parsers.parse('the {actor} has a running strategy named "{name}"'), target_fixture="running_strategy")
def strategy_running(desk: Desk, actor: str, name: str) -> dict[str, Any]:
    return deploy_busy_strategy(desk, actor, name, until_running=True)


@then(parsers.parse('the {actor} sees "{name}" listed as Stopped: "{reason}"'))
def sees_strategy_stopped(desk: Desk, actor: str, name: str, reason: str) -> None:
    row = desk[actor].screen(StrategiesPage).strategy(desk.record_name(name))
    expect(row.status).to_have_text("Stopped")
    expect(row.stop_reason).to_have_text(desk.expected_text(reason))


# Risk and the halt ------------------------------------------------------------------------------------------------

@given(parsers.parse("the account's max position size is {size}"))
def max_position_size_is(desk: Desk, size: str) -> None:
    RiskApi(desk.api_as("risk_manager")).set_limits(max_position_size=as_number(size))


@given(parsers.parse("the account's daily loss limit is {limit}"))
def daily_loss_limit_is(desk: Desk, limit: str) -> None:
    RiskApi(desk.api_as("risk_manager")).set_limits(daily_loss_limit=as_number(limit))


def assert_just_now(seconds_from_now: list[float], what: str) -> None:
    """Times of day shown for things done during the scenario are the time of day now, give or take its length."""
    far = [f"{s:.0f} s" for s in seconds_from_now if s > JUST_NOW_TOLERANCE_S]
    assert not far, f"{what}: {', '.join(far)} away from the time of day now"


@then(parsers.parse('the {actor} sees the risk alert "{message}"'))
def sees_risk_alert(desk: Desk, actor: str, message: str) -> None:
    risk = desk[actor].screen(RiskPage)
    expect(risk.alert_messages.first).to_have_text(desk.expected_text(message))
    expect(risk.alert_times.first).to_have_text(RiskPage.ALERT_TIME)
    assert_just_now(risk.alert_seconds_from_now()[:1], "the alert's time")


@then(parsers.parse('the {actor} sees trading halted: "{details}"'))
def sees_trading_halted(desk: Desk, actor: str, details: str) -> None:
    banner = desk[actor].screen(HaltedBanner)
    expect(banner.banner).to_be_visible()
    expect(banner.banner).to_have_text(banner.reading(desk.expected_text(details)))
    shown = desk[actor].shown()
    if isinstance(shown, RiskPage):  # the screen's own trading state says so too, and offers no second stop
        expect(shown.trading_state).to_have_text("Halted")
        expect(shown.emergency_stop_button).to_be_disabled()
    if "HH:MM:SS UTC" in details:
        off_by_s = banner.seconds_from_now()
        assert off_by_s is not None and off_by_s <= JUST_NOW_TOLERANCE_S, (
            f"the halt's time of day is {off_by_s} s away from UTC now")


@given(parsers.parse("the {actor} has triggered the Emergency Stop"))
@when(parsers.parse("the {actor} triggers the Emergency Stop from another device"))
def actor_has_triggered_emergency_stop(desk: Desk, actor: str) -> None:
    RiskApi(desk[actor].api).emergency_stop()


@when(parsers.re(rf"the {ACTOR} triggers the Emergency Stop and is asked to confirm it"))
def actor_asked_to_confirm_emergency_stop(desk: Desk, actor: str) -> None:
    desk[actor].screen(RiskPage).trigger_emergency_stop()


@when(parsers.re(rf"the {ACTOR} presses Resume Trading and is asked to confirm it"))
def actor_asked_to_confirm_resume(desk: Desk, actor: str) -> None:
    desk[actor].screen(RiskPage).ask_to_resume()


@when(parsers.re(rf"the {ACTOR} presses (?P<key>Escape|Enter|Space)"))
def actor_presses(desk: Desk, actor: str, key: str) -> None:
    desk[actor].screen(KeyboardUser).press(key)


@when(parsers.parse("the {actor} triggers the Emergency Stop and confirms it"), target_fixture="halt_watch")
def actor_triggers_emergency_stop(desk: Desk, actor: str) -> HaltWatch:
    dialog = desk[actor].screen(RiskPage).trigger_emergency_stop()
    return HaltWatch.around(dialog.confirm, desk[actor].page, desk.others(actor))


@then(parsers.parse("the {actor}'s screen shows trading halted within a second, without a reload"))
def actor_sees_halt_in_time(desk: Desk, actor: str, halt_watch: HaltWatch, suite: SuiteConfig) -> None:
    budget_s = suite.budgets.halt_shown_everywhere_s
    seen = halt_watch.appearance(actor, deadline_s=budget_s + 5)  # beyond the budget: to report how late it was
    delay = halt_watch.delay_ms(seen)
    allure.attach(f"{'never' if delay is None else f'{delay:.0f} ms'} from the confirm click to the {actor}'s banner "
                  f"(budget {budget_s * 1000:.0f} ms; both clocks: this host's)", name="Halt shown after")
    assert not seen.shown_at_start, f"the {actor}'s screen showed trading halted before the Emergency Stop"
    assert delay is not None and delay <= budget_s * 1000, (
        f"the {actor}'s screen showed the halt {'never' if delay is None else f'after {delay:.0f} ms'}, "
        f"budget {budget_s * 1000:.0f} ms")


@then(parsers.parse("the {actor} sees the risk alerts, newest first:"))
def sees_risk_alerts(desk: Desk, actor: str, datatable: list[list[str]]) -> None:
    risk = desk[actor].screen(RiskPage)
    expect(risk.alert_messages).to_have_text([desk.expected_text(message) for [message] in datatable])
    expect(risk.alert_times).to_have_text([RiskPage.ALERT_TIME] * len(datatable))
    # Each was raised during this scenario: its time is the time of day now, give or take the scenario's length.
    assert_just_now(risk.alert_seconds_from_now(), "the alerts' times")


@when(parsers.parse("the {actor} resumes trading"))
def actor_resumes_trading(desk: Desk, actor: str) -> None:
    desk[actor].screen(RiskPage).resume_trading()


@then(parsers.re(rf"the {ACTOR} sees trading still (?P<state>active|halted) after the risk engine's next two equity "
                 r"samples"))
def sees_state_kept_after_samples(desk: Desk, actor: str, state: str) -> None:
    risk = desk[actor].screen(RiskPage)
    intervals = risk.equity_sample_intervals_ms(SAMPLES, SAMPLES_DEADLINE_S)
    assert len(intervals) == SAMPLES, f"the risk engine recorded {len(intervals)} samples in {SAMPLES_DEADLINE_S} s"
    expect(risk.trading_state).to_have_text(state.capitalize())
    banner = desk[actor].screen(HaltedBanner).banner
    if state == "halted":
        expect(banner).to_be_visible()
    else:
        expect(banner).to_be_hidden()


@then(parsers.parse("the {actor} sees trading active, with no risk alert"))
def sees_trading_active(desk: Desk, actor: str) -> None:
    risk = desk[actor].screen(RiskPage)
    expect(risk.trading_state).to_have_text("Active")
    expect(risk.no_alerts).to_be_visible()
    expect(desk[actor].screen(HaltedBanner).banner).to_be_hidden()


# A position's details and actions on the Portfolio screen --------------------------------------------------------

@given(parsers.parse("the {actor} has the details of the {instrument} position open"))
@when(parsers.parse("the {actor} opens the details of the {instrument} position"))
def actor_opens_details(desk: Desk, actor: str, instrument: str) -> None:
    desk[actor].screen(PortfolioPage).open_details(instrument)


@when(parsers.parse("the {actor} asks to close the {instrument} position"))
def actor_asks_to_close(desk: Desk, actor: str, instrument: str) -> None:
    desk[actor].screen(PortfolioPage).positions.ask_to_close(instrument)


@when(parsers.parse("the {actor} enters a new size of {quantity} for the {instrument} position"))
def actor_enters_new_size(desk: Desk, actor: str, quantity: str, instrument: str) -> None:
    desk[actor].screen(PortfolioPage).positions.enter_new_size(instrument, quantity)
