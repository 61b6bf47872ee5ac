"""Steps of features/navigation.feature."""
from __future__ import annotations

import re

import allure
import pytest
from playwright.sync_api import expect
from pytest_bdd import given, parsers, scenarios, then, when

from fixtures.sessions import Desk, ExpectedRefusal
from fixtures.test_control import TestControl
from pages.live_state import LiveState
from pages.navigation import Hop, NavigationBar
from pages.realtime_probe import Mark, RealtimeProbe
from pages.screens import SCREENS
from steps.conftest import ACTOR, ROUTE

scenarios("navigation.feature")

SCREEN = "(?P<screen>" + "|".join(re.escape(name) for name in NavigationBar.SECTIONS) + ")"


# Following links --------------------------------------------------------------------------------------------------

@when(parsers.re(rf"the {ACTOR} follows each link of the navigation bar from the {SCREEN} screen, coming back each "
                 r"time"), target_fixture="hops")
def follows_every_link(desk: Desk, actor: str, screen: str) -> list[Hop]:
    return desk[actor].screen(NavigationBar).tour_from(screen)


@then(parsers.parse("the {actor} saw each link reach its screen, marked as the current one and no other"))
def saw_each_link_work(hops: list[Hop]) -> None:
    allure.attach("\n".join(f"{h.start} → {h.link}: {h.address}, heading {'shown' if h.heading_shown else 'MISSING'}, "
                            f"current: {', '.join(h.current) or 'none'}" for h in hops), name="links followed")
    wrong = [h for h in hops if not (SCREENS[h.link].ADDRESS.search(h.address) and h.heading_shown
                                     and h.current == (h.link,))]
    assert not wrong, "links that did not reach their screen, marked current alone:\n" + "\n".join(map(str, wrong))


@given(parsers.re(rf"the {ACTOR} has followed the navigation bar from the {SCREEN} screen to (?P<first>[A-Za-z ]+), "
                  r"then (?P<second>[A-Za-z ]+)"))
def has_followed_links(desk: Desk, actor: str, screen: str, first: str, second: str) -> None:
    desk[actor].open(SCREENS[screen])
    navigation = desk[actor].screen(NavigationBar)
    navigation.follow(screen, first)
    navigation.follow(first, second)


@when(parsers.parse("the {actor} goes back"), target_fixture="arrived")
def goes_back(desk: Desk, actor: str) -> Mark:
    before = RealtimeProbe(desk[actor].page).mark()
    desk[actor].go_back()
    return before


@when(parsers.parse("the {actor} goes forward"), target_fixture="arrived")
def goes_forward(desk: Desk, actor: str) -> Mark:
    before = RealtimeProbe(desk[actor].page).mark()
    desk[actor].go_forward()
    return before


@pytest.fixture
def arrived(desk: Desk) -> Mark:
    """When the scenario's last navigation began (a step that navigates overrides it): here, the scenario's start."""
    return Mark("", 0.0)


@then(parsers.re(rf"the {ACTOR} sees the {SCREEN} screen, live and marked current"))
def sees_screen_live_and_current(desk: Desk, actor: str, screen: str, arrived: Mark) -> None:
    navigation, live = desk[actor].screen(NavigationBar), desk[actor].screen(LiveState)
    expect(desk[actor].page).to_have_url(SCREENS[screen].ADDRESS)
    expect(navigation.heading(screen)).to_be_visible()
    expect(navigation.section(screen)).to_have_attribute("aria-current", "page")
    assert navigation.current() == (screen,), f"the navigation bar marks {navigation.current()} as current"
    expect(live.connection_state).to_have_text("Live")
    expect(live.screen).to_have_attribute("data-freshness", "live")
    # Live since it was reached (a page brought back from the browser's cache must connect again, not just say so).
    assert RealtimeProbe(desk[actor].page).wait_for_connection_state("live", since=arrived.at_ms), (
        f"the {screen} screen says Live but has not connected since it was reached")


# A server error -----------------------------------------------------------------------------------------------------

@when(parsers.re(rf"the console answers {ROUTE} again"), target_fixture="came_back")
def console_answers_again(desk: Desk, failing_routes: TestControl, provoked_error: ExpectedRefusal,
                          route: str) -> Mark:
    before = RealtimeProbe(desk.sessions[next(iter(desk.sessions))].page).mark()  # the scenario's one session
    failing_routes.answer_again(route)
    provoked_error.ends()
    return before


@then(parsers.re(rf"the {ACTOR} sees the {SCREEN} screen say \"(?P<message>[^\"]+)\", presenting nothing as live"))
def sees_data_error(desk: Desk, actor: str, screen: str, message: str) -> None:
    live = desk[actor].screen(LiveState)
    expect(live.data_error).to_contain_text(message)
    expect(live.screen).to_have_attribute("data-freshness", "stale")
    shown_live = RealtimeProbe(desk[actor].page).shown_live()
    assert not shown_live, f"the {screen} screen presents as live, without its data: {shown_live}"
