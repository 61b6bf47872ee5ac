"""Steps shared by several features, and the fixtures every scenario gets."""
from __future__ import annotations

import pytest
from pytest_bdd import given, parsers, when

from fixtures.console_server import ConsoleUnderTest
from fixtures.engines import EngineLaunch
from fixtures.sessions import Desk, Session
from pages.system_status_page import SystemStatusPage


@pytest.fixture(autouse=True)
def engine(engine_launch: EngineLaunch) -> EngineLaunch:
    """Puts the browser engine into every scenario's fixture closure, so `--browser` parametrizes scenarios
    (pytest-bdd scenarios request their step fixtures only at run time) and a missing engine skips them."""
    return engine_launch


@given(parsers.parse("a {actor} is signed in"), target_fixture="session")
def actor_is_signed_in(desk: Desk, actor: str) -> Session:
    return desk.sign_in(actor)


@given(parsers.parse("the {actor} has the System Status dashboard open"), target_fixture="dashboard")
@when(parsers.parse("the {actor} opens the System Status dashboard"), target_fixture="dashboard")
def actor_opens_dashboard(desk: Desk, actor: str) -> SystemStatusPage:
    dashboard = desk[actor].screen(SystemStatusPage)
    dashboard.open()
    return dashboard


@when("the console restarts")
def console_restarts(desk: Desk, restartable_console: ConsoleUnderTest) -> None:
    desk.restart_console()
