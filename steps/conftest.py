"""Steps shared by several features, and the fixtures every scenario gets."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from fixtures.console_server import ConsoleUnderTest
from fixtures.engines import EngineLaunch
from fixtures.sessions import Desk, Session
from fixtures.test_control import TestControl
from pages.login_page import LoginPage
from pages.system_status_page import SystemStatusPage


@pytest.fixture(autouse=True)
def scenario_setup(engine_launch: EngineLaunch, desk: Desk) -> Desk:
    """Every scenario's fixtures, set up before its first step.

    pytest-bdd requests step fixtures only when a step runs, so without this `browser_name` would not be in the
    scenarios' fixture closure (`--browser` would not parametrize them, a missing engine would not skip them),
    and the console start and account provisioning would be timed as part of the steps.
    """
    return desk


@given(parsers.parse("a {actor} is signed in"), target_fixture="session")
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
