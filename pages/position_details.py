"""A position's details on the Portfolio screen: its figures, realized P&L and synchronisation, live."""
from __future__ import annotations

from playwright.sync_api import Locator, Page

from pages.live import seconds_from_now, text_change_intervals_ms


class PositionDetails:
    # The figures as the desk names them, and the test id of each.
    FIGURES = {
        "Quantity": "details-quantity",
        "Average price": "details-average-price",
        "Mark": "details-mark",
        "Unrealized P&L": "details-unrealized-pnl",
        "Realized P&L": "details-realized-pnl",
        "Exposure": "details-exposure",
        "Synchronisation": "details-sync-status",
        "Last synchronised": "details-synced-at",
    }

    def __init__(self, page: Page) -> None:
        self.page = page
        self.region = page.get_by_role("region", name="Position details")
        self.instrument = self.region.get_by_test_id("details-instrument")
        self.synced_at = self.region.get_by_test_id("details-synced-at")
        self.sync_detail = self.region.get_by_test_id("details-sync-detail")
        self.hide_button = self.region.get_by_role("button", name="Hide details")

    def figure(self, name: str) -> Locator:
        if name not in self.FIGURES:
            raise KeyError(f"the position details have no figure {name!r}; they show {', '.join(self.FIGURES)}")
        return self.region.get_by_test_id(self.FIGURES[name])

    def synced_at_from_now_s(self) -> float:
        """How far the last synchronisation time shown ("14:03:01") is from the time of day now on the page's clock."""
        return seconds_from_now(self.page, self.synced_at.inner_text()[:8])

    def sync_time_change_intervals_ms(self, changes: int, deadline_s: float) -> list[float]:
        """Watch the last synchronisation time, in the page, until it has changed `changes` times (see pages.live)."""
        return text_change_intervals_ms(self.synced_at, changes, deadline_s)
