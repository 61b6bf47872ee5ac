"""The System Status dashboard: one row per platform component with its state and health metrics."""
from __future__ import annotations

import re

from playwright.sync_api import Locator, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from pages.contract import ContractItem
from pages.live import text_change_intervals_ms


class ComponentRow:
    def __init__(self, row: Locator) -> None:
        self.row = row
        self.indicator = row.get_by_test_id("health-indicator")
        self.state = row.get_by_test_id("component-state")
        self.latency = row.get_by_test_id("component-latency")
        self.heartbeat = row.get_by_test_id("component-heartbeat")


class SystemStatusPage:
    PATH = "/status"
    ADDRESS = re.compile(r"/status$")  # the address bar once the screen is shown
    # What the specs need of the dashboard (see pages/contract.py).
    COMPONENTS = ("Nautilus Integration", "Risk Management", "Portfolio Sync", "Market Data", "Database")
    CONTRACT = (
        ContractItem("heading", ("system_status", "authentication", "access_control")),
        ContractItem("components", ("system_status",)),
        *(ContractItem(f"component({name}){cell}", ("system_status",)) for name in COMPONENTS
          for cell in (".row", ".indicator", ".state", ".latency", ".heartbeat")),
        ContractItem("overall_health", ("system_status",)),
        ContractItem("last_update", ("system_status",)),
    )

    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", name="System Status", level=1)
        self.components = page.get_by_role("table", name="Components")
        self.component_names = self.components.get_by_role("rowheader")
        self.latencies = self.components.get_by_test_id("component-latency")
        self.heartbeats = self.components.get_by_test_id("component-heartbeat")
        self.overall_health = page.get_by_test_id("overall-health")
        self.last_update = page.get_by_test_id("status-updated-at")
        self.seconds_until_ready: float | None = None

    def visit(self) -> None:
        self.page.goto(self.PATH)

    def open(self) -> None:
        """Visit the dashboard and wait until it shows the first status snapshot; remembers how long that took."""
        self.visit()
        self._wait_until_ready()

    def reload(self) -> None:
        self.page.reload()
        self._wait_until_ready()

    def _wait_until_ready(self) -> None:
        # performance.now() counts from the start of this page's navigation, on the browser's own clock. It is read in
        # the page at the first animation frame that shows a snapshot, so that the time the test harness takes to
        # notice and to ask (tens of milliseconds more on a busy machine) is not charged to the dashboard.
        shown = self.last_update.element_handle()
        try:
            ready_ms = self.page.wait_for_function(
                "([element, placeholder]) => element.textContent.trim() !== placeholder && performance.now()",
                arg=[shown, "—"], polling="raf")
        except PlaywrightTimeoutError as timeout:
            raise PlaywrightTimeoutError(f'the System Status screen showed no status snapshot (its Last update still '
                                         f'reads "—"): {timeout.message}') from None
        self.seconds_until_ready = ready_ms.json_value() / 1000

    def component(self, name: str) -> ComponentRow:
        header = self.page.get_by_role("rowheader", name=name, exact=True)
        return ComponentRow(self.components.get_by_role("row").filter(has=header))

    def refresh_intervals_ms(self, refreshes: int, deadline_s: float) -> list[float]:
        """Watch the "last update" time until it has refreshed `refreshes` times, in the page, without reloading."""
        return text_change_intervals_ms(self.last_update, refreshes, deadline_s)
