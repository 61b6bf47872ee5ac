"""Steps shared by several features, and the fixtures every scenario gets."""
from __future__ import annotations

import pytest
from pytest_bdd import given, parsers, when

from fixtures.engines import EngineLaunch
from fixtures.sessions import Desk, Session
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


@given(parsers.parse("the {actor} has the System Status dashboard open"), target_fixture="dashboard")
@when(parsers.parse("the {actor} opens the System Status dashboard"), target_fixture="dashboard")
def actor_opens_dashboard(desk: Desk, actor: str) -> SystemStatusPage:
    dashboard = desk[actor].screen(SystemStatusPage)
    dashboard.open()
    return dashboard
