"""Steps of features/responsive-layout.feature."""
from __future__ import annotations

import allure
import pytest
from playwright.sync_api import expect
from pytest_bdd import parsers, scenarios, then, when

from fixtures.sessions import Desk
from fixtures.settings import SuiteConfig
from pages.layout import ScreenLayout, TouchTargets
from pages.trading_page import TradingPage
from steps.conftest import ACTOR

scenarios("responsive-layout.feature")

# A control as the features name it: "the New Order button", "the Currency filter".
CONTROL = r"the (?P<control>[A-Z][\w ]*? (?:button|filter))"
# Firefox over WebDriver BiDi has no touch emulation: with has_touch, `'ontouchstart' in window` is false and tap()
# dispatches neither a touch nor a click (Playwright 1.64.1, Firefox ESR 153; measured with a one-button page).
NO_TOUCH_ON_FIREFOX = ("firefox cannot tap: over WebDriver BiDi it has no touch emulation, a tap reaches the page as "
                       "nothing")


def touch_targets(desk: Desk, actor: str) -> TouchTargets:
    """The actor's screen, to be tapped: where the engine cannot tap, the scenario is skipped with the reason."""
    if desk[actor].engine == "firefox":
        pytest.skip(NO_TOUCH_ON_FIREFOX)
    return desk[actor].screen(TouchTargets)


@then(parsers.re(rf"the {ACTOR} sees the screen fit its width, with nothing to scroll sideways"))
def sees_screen_fit(desk: Desk, actor: str, suite: SuiteConfig) -> None:
    width = desk[actor].screen(ScreenLayout).width(settle_ms=suite.timeouts.expect_ms)
    allure.attach(width.report(), name="Page width")
    assert width.fits, f"the page scrolls sideways on the {actor}'s screen:\n{width.report()}"


@then(parsers.re(rf"the {ACTOR} sees every section of the navigation bar and Sign out within reach"))
def sees_navigation_within_reach(desk: Desk, actor: str) -> None:
    layout = desk[actor].screen(ScreenLayout)
    for control in (*layout.section_links, layout.sign_out_button):
        expect(control).to_be_visible()
        expect(control).to_be_in_viewport()


@then(parsers.re(rf"the {ACTOR} sees {CONTROL} at least (?P<width>\d+) by (?P<height>\d+) pixels"))
def sees_control_big_enough(desk: Desk, actor: str, control: str, width: str, height: str) -> None:
    targets = desk[actor].screen(TouchTargets)
    expect(targets.control(control)).to_be_visible()
    size = targets.size(control)
    allure.attach(f"{control}: {size.width:.1f} × {size.height:.1f} CSS px (at least {width} × {height})",
                  name="Touch target size")
    assert size.at_least(float(width), float(height)), (
        f"the {control} is {size.width:.1f} × {size.height:.1f} CSS px, smaller than {width} × {height}")


@when(parsers.re(rf"the {ACTOR} taps {CONTROL} and chooses (?P<option>[A-Z]{{3}})$"))
def actor_taps_and_chooses(desk: Desk, actor: str, control: str, option: str) -> None:
    touch_targets(desk, actor).tap_and_choose(control, option)


@when(parsers.re(rf"the {ACTOR} taps the New Order button and enters a quantity of (?P<quantity>[\d,]+)"))
def actor_taps_new_order(desk: Desk, actor: str, quantity: str) -> None:
    touch_targets(desk, actor).tap("New Order button")  # a new ticket: a MARKET order to BUY EURUSD
    desk[actor].screen(TradingPage).ticket.change_quantity(quantity)


@when(parsers.re(rf"the {ACTOR} taps {CONTROL}$"))
def actor_taps(desk: Desk, actor: str, control: str) -> None:
    touch_targets(desk, actor).tap(control)


@then(parsers.re(rf"the {ACTOR} sees the (?P<opened>[A-Z][\w ]*?|order ticket) open"))
def sees_opened(desk: Desk, actor: str, opened: str) -> None:
    expect(desk[actor].screen(TouchTargets).opened(opened)).to_be_visible()


@then(parsers.re(rf"the {ACTOR} sees the board list only the pairs that trade (?P<currency>[A-Z]{{3}})"))
def sees_pairs_of_currency(desk: Desk, actor: str, currency: str) -> None:
    quotes = desk[actor].screen(TouchTargets).quotes
    expect(quotes.first).to_be_visible()
    expect(quotes.filter(has_not_text=currency)).to_have_count(0)
