"""Steps of features/accessibility.feature."""
from __future__ import annotations

import allure
from playwright.sync_api import expect
from pytest_bdd import parsers, scenarios, then, when

from fixtures.sessions import Desk
from pages.accessibility import WCAG_22_AA, AccessibilityScan, KeyboardUser, ShownOnRequest, TabRound
from pages.trading_page import TradingPage
from steps.conftest import ACTOR

scenarios("accessibility.feature")

PARTS = "new strategy form|order ticket|limits editor"  # as pages.accessibility.ShownOnRequest names them


@then(parsers.re(rf"the {ACTOR}'s screen shows no violation of the WCAG 2\.2 A and AA rules"))
def sees_no_violation(desk: Desk, actor: str) -> None:
    findings = desk[actor].screen(AccessibilityScan).run()
    allure.attach(findings.as_json(), name=f"axe-core {findings.axe_version} results ({', '.join(WCAG_22_AA)})",
                  attachment_type=allure.attachment_type.JSON)
    allure.attach(findings.summary(), name="Violations, with their nodes")
    assert not findings.violations, (f"axe-core {findings.axe_version} finds violations of WCAG A/AA rules on "
                                     f"{findings.url}:\n{findings.summary()}")


@when(parsers.re(rf"the {ACTOR} opens the (?P<part>{PARTS})"))
def actor_opens_part(desk: Desk, actor: str, part: str) -> None:
    desk[actor].screen(ShownOnRequest).show(part)


@when(parsers.re(rf"the {ACTOR} opens the order ticket for a (?P<order_type>LIMIT|STOP) order"))
def actor_opens_ticket_for(desk: Desk, actor: str, order_type: str) -> None:
    desk[actor].screen(TradingPage).ticket.open_for(order_type)


# The keyboard alone -----------------------------------------------------------------------------------------------

@when(parsers.re(rf'the {ACTOR} tabs to the "(?P<name>[^"]+)" button and presses (?P<key>Enter|Space)'))
def actor_tabs_to_and_presses(desk: Desk, actor: str, name: str, key: str) -> None:
    keyboard = desk[actor].screen(KeyboardUser)
    presses = keyboard.tab_to(keyboard.button(name))
    allure.attach(f"{presses} presses of Tab" if presses else "never, after 60 presses of Tab",
                  name=f'Focus reached "{name}" after')
    assert presses, f'Tab never reaches the "{name}" button: the focus went {keyboard.focused()}'
    keyboard.press(key)


@when(parsers.re(rf"the {ACTOR} presses Tab (?P<times>\d+) times"), target_fixture="focus_trail")
def actor_presses_tab(desk: Desk, actor: str, times: str) -> list[tuple[str, bool]]:
    keyboard = desk[actor].screen(KeyboardUser)
    return keyboard.tab_through(keyboard.open_dialog, int(times))


@when(parsers.re(rf"the {ACTOR} tabs once round the whole screen"), target_fixture="tab_round")
def actor_tabs_round(desk: Desk, actor: str) -> TabRound:
    tab_round = desk[actor].screen(KeyboardUser).tab_round()
    allure.attach("\n".join(f"{stop.name}: {stop.indicator or 'NO FOCUS INDICATOR'}" for stop in tab_round.stops),
                  name="Where Tab put the focus, in order, and what showed it")
    return tab_round


@then(parsers.re(rf"the {ACTOR} saw Tab reach every link, button and field shown"))
def saw_tab_reach_every_control(tab_round: TabRound) -> None:
    assert tab_round.controls, "the screen shows no link, button or field at all"
    assert not tab_round.unreached(), f"Tab never reaches: {tab_round.unreached()}"


@then(parsers.re(rf"the {ACTOR} saw Tab go through them in the order of the screen"))
def saw_tab_in_page_order(tab_round: TabRound) -> None:
    assert not tab_round.out_of_order(), (
        f"Tab goes against the order of the screen (WCAG 2.4.3): {'; '.join(tab_round.out_of_order())}")


@then(parsers.re(rf"the {ACTOR} saw each of them show that it had the focus"))
def saw_each_show_focus(tab_round: TabRound) -> None:
    assert not tab_round.without_indicator(), (
        f"these show no outline or shadow when they have the focus: {tab_round.without_indicator()}")


@then(parsers.re(rf'the {ACTOR} sees the focus on the "(?P<button>[^"]+)" button of the "(?P<dialog>[^"]+)" dialog'))
def sees_focus_in_dialog(desk: Desk, actor: str, button: str, dialog: str) -> None:
    keyboard = desk[actor].screen(KeyboardUser)
    expect(keyboard.dialog(dialog)).to_be_visible()
    focused = keyboard.dialog(dialog).get_by_role("button", name=button, exact=True)
    expect(focused).to_be_focused()
    assert keyboard.focus_indicator(focused), f'the focused "{button}" button shows no focus indicator'


@then(parsers.re(rf'the {ACTOR} saw the focus stay inside the "(?P<dialog>[^"]+)" dialog'))
def saw_focus_inside(desk: Desk, actor: str, dialog: str, focus_trail: list[tuple[str, bool]]) -> None:
    trail = "\n".join(f"Tab {n}: {focused}{'' if inside else '  <- outside the dialog'}"
                      for n, (focused, inside) in enumerate(focus_trail, start=1))
    allure.attach(trail, name="Focus after each Tab")
    expect(desk[actor].screen(KeyboardUser).dialog(dialog)).to_be_visible()
    assert all(inside for _, inside in focus_trail), f'the focus left the "{dialog}" dialog:\n{trail}'


@then(parsers.re(rf'the {ACTOR} sees the "(?P<dialog>[^"]+)" dialog closed and the focus back on the '
                 rf'"(?P<button>[^"]+)" button'))
def sees_focus_back(desk: Desk, actor: str, dialog: str, button: str) -> None:
    keyboard = desk[actor].screen(KeyboardUser)
    expect(keyboard.dialog(dialog)).to_be_hidden()
    expect(keyboard.button(button)).to_be_focused()
    assert keyboard.focus_indicator(keyboard.button(button)), f'the focused "{button}" button shows no focus indicator'
