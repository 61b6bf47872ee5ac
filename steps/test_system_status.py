"""Steps of features/system-status.feature."""
from __future__ import annotations

import re

import allure
from playwright.sync_api import expect
from pytest_bdd import parsers, scenarios, then, when

from fixtures.settings import SuiteConfig
from fixtures.test_control import TestControl
from pages.system_status_page import SystemStatusPage

scenarios("system-status.feature")

HEALTH_BY_COLOUR = {"green": "healthy", "red": "unhealthy"}
LATENCY = re.compile(r"^\d+(\.\d+)? ms$")
HEARTBEAT = re.compile(r"^\d+(\.\d+)? s ago$")


@then("the dashboard shows these components in green:")
def dashboard_shows_components(dashboard: SystemStatusPage, datatable: list[list[str]]) -> None:
    _, *rows = datatable
    expect(dashboard.component_names).to_have_text([name for name, _ in rows])
    for name, state in rows:
        dashboard_shows_component(dashboard, name, state, "green")


@then(parsers.parse('the dashboard shows {name} as "{state}" in {colour}'))
def dashboard_shows_component(dashboard: SystemStatusPage, name: str, state: str, colour: str) -> None:
    component = dashboard.component(name)
    expect(component.state).to_have_text(state)
    expect(component.indicator).to_have_attribute("data-health", HEALTH_BY_COLOUR[colour])


@then("every component shows its latency and its last heartbeat")
def components_show_metrics(dashboard: SystemStatusPage) -> None:
    for name in dashboard.component_names.all_inner_texts():
        component = dashboard.component(name)
        expect(component.latency).to_have_text(LATENCY)
        expect(component.heartbeat).to_have_text(HEARTBEAT)


@then("the dashboard reports all systems operational")
def dashboard_reports_operational(dashboard: SystemStatusPage) -> None:
    expect(dashboard.overall_health).to_have_text("All systems operational")


@then("the status refreshes at least once a second without a reload")
def status_refreshes_every_second(dashboard: SystemStatusPage, suite: SuiteConfig) -> None:
    budget_ms = suite.budgets.status_refresh_interval_s * 1000
    refreshes = 4
    intervals = dashboard.refresh_intervals_ms(refreshes, deadline_s=refreshes * budget_ms / 1000 + 1)
    allure.attach(", ".join(f"{i:.0f} ms" for i in intervals) or "none", name="Intervals between refreshes")
    assert len(intervals) == refreshes, f"the status refreshed {len(intervals)} times, expected {refreshes}"
    assert max(intervals) <= budget_ms, f"a refresh took {max(intervals):.0f} ms, over the {budget_ms:.0f} ms budget"


@then("the dashboard was ready within its response-time budget")
def dashboard_ready_within_budget(dashboard: SystemStatusPage, suite: SuiteConfig) -> None:
    budget = suite.budgets.status_page_ready_s
    allure.attach(f"{dashboard.seconds_until_ready:.3f} s (budget {budget} s)", name="Time until the dashboard was ready")
    assert dashboard.seconds_until_ready is not None and dashboard.seconds_until_ready <= budget, (
        f"the dashboard was ready after {dashboard.seconds_until_ready:.2f} s, over its {budget} s budget"
    )


@when("the market data feed stops")
def market_data_stops(market: TestControl) -> None:
    market.pause_feed()


@when("the market data feed resumes")
def market_data_resumes(market: TestControl) -> None:
    market.resume_feed()
