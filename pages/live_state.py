"""What every section page says about being live: the navigation bar's connection state, whether the screen presents
its data as live (`data-freshness` on its main region), and the notice of a call for its data that failed."""
from __future__ import annotations

from playwright.sync_api import Page


class LiveState:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.connection_state = page.get_by_test_id("connection-state")  # "Live", "Reconnecting…", "Offline"
        self.screen = page.get_by_role("main")  # data-freshness: "live" | "stale"
        self.data_error = page.get_by_test_id("data-error")  # role alert: what could not be loaded, and the answer
