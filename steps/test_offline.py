"""Steps of features/offline.feature."""
from __future__ import annotations

import re
from typing import Any

import allure
import pytest
from playwright.sync_api import expect
from pytest_bdd import given, parsers, scenarios, then, when

from fixtures.sessions import Desk
from fixtures.settings import SuiteConfig
from pages.api_client import body_of
from pages.live_state import LiveState
from pages.order_rows import OrderRow
from pages.orders_api import OrdersApi
from pages.realtime_probe import Mark, RealtimeProbe
from pages.strategies_api import StrategiesApi
from pages.trading_page import TradingPage
from steps.conftest import ACTOR, INSTRUMENTS, SCREEN, WorkingOrder

scenarios("offline.feature")

# Losing an answer on purpose takes Playwright's route.fetch(), which does not complete for a POST on Firefox over
# WebDriver BiDi (Playwright 1.64.1, Firefox ESR 153: the console takes the call, route.fetch() times out).
ROUTE_FETCH_ON_FIREFOX = ("firefox cannot lose an answer on purpose: over WebDriver BiDi, Playwright's route.fetch() "
                          "does not complete for a POST")



def instrument_list(text: str) -> list[str]:
    return re.split(r", | and ", text)


# The network --------------------------------------------------------------------------------------------------------

@when(parsers.parse("the {actor}'s browser loses its network connection"), target_fixture="network_lost")
def browser_goes_offline(desk: Desk, actor: str) -> Mark:
    before = RealtimeProbe(desk[actor].page).mark()
    desk[actor].go_offline()
    return before


@when(parsers.parse("the {actor}'s browser is back online"), target_fixture="came_back")
def browser_back_online(desk: Desk, actor: str) -> Mark:
    before = RealtimeProbe(desk[actor].page).mark()
    desk[actor].go_online()
    return before


@given(parsers.parse("the {actor}'s connection will drop while the console takes their next order"))
def connection_drops_with_next_order(desk: Desk, actor: str) -> None:
    if desk[actor].engine == "firefox":
        pytest.skip(ROUTE_FETCH_ON_FIREFOX)
    desk[actor].lose_answer_to_next("POST", "**/api/orders")


@when(parsers.parse("the {actor} cancels the working order from another device"))
def cancels_from_another_device(desk: Desk, actor: str, working_order: WorkingOrder) -> None:
    # The console's API with the actor's session, as another browser of theirs would call it: not cut off by the
    # network this browser lost.
    body_of(OrdersApi(desk[actor].api).cancel(working_order.id), f"cancelling order {working_order.id}")


@when(parsers.parse("the {actor} stops the running strategy from another device"))
def stops_strategy_from_another_device(desk: Desk, actor: str, running_strategy: dict[str, Any]) -> None:
    StrategiesApi(desk[actor].api).stop(running_strategy["id"])


# Every screen -------------------------------------------------------------------------------------------------------

@then(parsers.re(rf"the {ACTOR} sees the {SCREEN} screen offline within a second, presenting nothing as live"))
def sees_screen_offline(desk: Desk, actor: str, screen: str, network_lost: Mark, suite: SuiteConfig) -> None:
    probe, budget_s = RealtimeProbe(desk[actor].page), suite.budgets.offline_shown_within_s
    probe.wait_for_connection_state("offline", since=network_lost, timeout_s=budget_s + 4)
    after_ms = probe.state_shown_after_ms("offline", network_lost)
    live_while_offline = probe.shown_live_while_disconnected(since=network_lost)
    allure.attach(f"{screen}: 'Offline' shown {after_ms if after_ms is None else round(after_ms)} ms after the "
                  f"network was lost (budget {budget_s * 1000:.0f} ms); presented as live meanwhile: "
                  f"{live_while_offline or 'nothing'}", name="offline shown")
    assert after_ms is not None, f"the {screen} screen never said it was offline"
    assert after_ms <= budget_s * 1000, f"the {screen} screen said it was offline only after {after_ms:.0f} ms"
    expect(desk[actor].screen(LiveState).connection_state).to_have_text("Offline")
    assert not live_while_offline and not probe.shown_live(), (
        f"the {screen} screen still presents as live while offline: {live_while_offline or probe.shown_live()}")


# Market Data --------------------------------------------------------------------------------------------------------

@then(parsers.re(rf"the {ACTOR} sees the prices of {INSTRUMENTS} move again, without a reload"),
      converters={"instruments": instrument_list})
def sees_prices_move_again(desk: Desk, actor: str, instruments: list[str], came_back: Mark,
                           suite: SuiteConfig) -> None:
    probe = RealtimeProbe(desk[actor].page)
    still = probe.wait_for_updates(instruments, since=came_back, timeout_s=suite.budgets.live_again_within_s)
    assert not still, f"no new price on screen since the network came back: {', '.join(still)}"
    assert probe.same_document(came_back), "the Market Data screen was reloaded to move again"


# The order ticket ---------------------------------------------------------------------------------------------------

@when(parsers.parse("the {actor} submits the ticket again"))
def submits_ticket_again(desk: Desk, actor: str) -> None:
    desk[actor].screen(TradingPage).ticket.submit()


@then(parsers.parse("the {actor} sees the order ticket closed"))
def sees_ticket_closed(desk: Desk, actor: str) -> None:
    expect(desk[actor].screen(TradingPage).ticket.form).to_be_hidden()


@then(parsers.parse("the {actor} sees one order in the Order History, {status}"))
def sees_one_order(desk: Desk, actor: str, status: str) -> None:
    history = desk[actor].screen(TradingPage).history
    expect(OrderRow(history.rows.first).status).to_have_text(status)
    expect(history.rows).to_have_count(1)
