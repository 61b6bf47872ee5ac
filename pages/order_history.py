"""The Order History of the Trading screen: every order of the account, newest first, filterable by status."""
from __future__ import annotations

from playwright.sync_api import Page

from pages.order_rows import OrderTable


class OrderHistory(OrderTable):
    COLUMNS = ("time", "instrument", "side", "type", "quantity", "price", "status", "fill price", "reason")

    def __init__(self, page: Page) -> None:
        super().__init__(page, "Order history")
        self.status_filter = page.get_by_label("Status", exact=True)
        self.count = page.get_by_test_id("order-history-count")
        self.loaded = self.count.filter(has_not_text="Loading")

    def filter_by(self, status: str) -> None:
        self.status_filter.select_option(label=status)
