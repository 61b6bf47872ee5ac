"""The Order History of the Trading screen: every order of the account, newest first, filterable by status."""
from __future__ import annotations

from playwright.sync_api import Page

from pages.order_rows import OrderRow, order_row, order_rows


class OrderHistory:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.table = page.get_by_role("table", name="Order history")
        self.rows = order_rows(page, self.table)
        self.status_filter = page.get_by_label("Status", exact=True)
        self.count = page.get_by_test_id("order-history-count")
        self.loaded = self.count.filter(has_not_text="Loading")

    def order(self, quantity: str, instrument: str) -> OrderRow:
        return order_row(self.page, self.table, quantity, instrument)

    def filter_by(self, status: str) -> None:
        self.status_filter.select_option(label=status)
