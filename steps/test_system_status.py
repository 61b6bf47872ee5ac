"""Steps of features/system-status.feature."""
from __future__ import annotations

import re
import time

import allure
from playwright.sync_api import expect
from pytest_bdd import parsers, scenarios, then

from fixtures.sessions import Desk
from fixtures.settings import SuiteConfig
from pages.colours import computed_colour, wait_for_colour
from pages.system_status_page import SystemStatusPage

scenarios("system-status.feature")

HEALTH_BY_COLOUR = {"green": "healthy", "red": "unhealthy"}
LATENCY = re.compile(r"^\d+(\.\d+)? ms$")
HEARTBEAT = re.compile(r"^[01]\.\d s ago$")  # less than 2 seconds ago
HEARTBEAT_AGE = {"less than 2 seconds ago": HEARTBEAT,
                 "2 seconds ago or more": re.compile(r"^([2-9]|\d{2,})\.\d s ago$")}
COMPONENTS = 5  # the test plan's five components
# How late after its deadline a stale feed may still be reported: the dashboard redraws on the status pushes, on a
# loaded machine.
STALE_REPORT_SLACK_S = 0.9


def expect_component(dashboard: SystemStatusPage, name: str, state: str, colour: str) -> None:
    component = dashboard.component(name)
    expect(component.state).to_have_text(state)
    expect(component.indicator).to_have_attribute("data-health", HEALTH_BY_COLOUR[colour])
    # What a person sees: the colour the indicator is drawn in, not only what its markup says.
    assert wait_for_colour(component.indicator, "background-color", colour), (
        f"{name}'s indicator is drawn in {computed_colour(component.indicator, 'background-color')}, not {colour}")


@then(parsers.parse("the {actor} sees these components in green:"))
def sees_components(desk: Desk, actor: str, datatable: list[list[str]]) -> None:
    dashboard = desk[actor].screen(SystemStatusPage)
    _, *rows = datatable
    expect(dashboard.component_names).to_have_text([name for name, _ in rows])
    for name, state in rows:
        expect_component(dashboard, name, state, "green")


@then(parsers.parse('the {actor} sees {name} as "{state}" in {colour}'))
def sees_component(desk: Desk, actor: str, name: str, state: str, colour: str) -> None:
    expect_component(desk[actor].screen(SystemStatusPage), name, state, colour)


@then(parsers.parse("the {actor} sees every component's latency, and its last heartbeat less than 2 seconds ago"))
def sees_component_metrics(desk: Desk, actor: str) -> None:
    dashboard = desk[actor].screen(SystemStatusPage)
    expect(dashboard.latencies).to_have_text([LATENCY] * COMPONENTS)
    expect(dashboard.heartbeats).to_have_text([HEARTBEAT] * COMPONENTS)


@then(parsers.parse('the {actor} sees Market Data turn "Stale" in red within {seconds:d} seconds of the feed stopping'))
def sees_market_data_stale_in_time(desk: Desk, actor: str, seconds: int, feed_stopped_at: float) -> None:
    dashboard = desk[actor].screen(SystemStatusPage)
    left_ms = (feed_stopped_at + seconds + STALE_REPORT_SLACK_S - time.monotonic()) * 1000
    expect(dashboard.component("Market Data").state).to_have_text("Stale", timeout=max(left_ms, 1))
    expect_component(dashboard, "Market Data", "Stale", "red")


@then(parsers.re(rf"the (?P<actor>[a-z ]+) sees (?P<name>[A-Za-z ]+)'s last heartbeat "
                 rf"(?P<age>{'|'.join(HEARTBEAT_AGE)})"))
def sees_heartbeat_age(desk: Desk, actor: str, name: str, age: str) -> None:
    expect(desk[actor].screen(SystemStatusPage).component(name).heartbeat).to_have_text(HEARTBEAT_AGE[age])


@then(parsers.parse('the {actor} sees the platform reported in {colour} as "{overall}"'))
def sees_overall_health(desk: Desk, actor: str, colour: str, overall: str) -> None:
    overall_health = desk[actor].screen(SystemStatusPage).overall_health
    expect(overall_health).to_have_text(overall)
    assert wait_for_colour(overall_health, "color", colour), (
        f"the overall health is written in {computed_colour(overall_health, 'color')}, not {colour}")


@then(parsers.parse("the {actor} sees the status refreshed at least once a second, without a reload"))
def sees_status_refreshed(desk: Desk, actor: str, suite: SuiteConfig) -> None:
    dashboard = desk[actor].screen(SystemStatusPage)
    budget_ms = suite.budgets.status_refresh_interval_s * 1000
    refreshes = 4
    intervals = dashboard.refresh_intervals_ms(refreshes, deadline_s=refreshes * budget_ms / 1000 + 1)
    allure.attach(", ".join(f"{i:.0f} ms" for i in intervals) or "none", name="Intervals between refreshes")
    assert len(intervals) == refreshes, f"the status refreshed {len(intervals)} times, expected {refreshes}"
    assert max(intervals) <= budget_ms, f"a refresh took {max(intervals):.0f} ms, over the {budget_ms:.0f} ms budget"
