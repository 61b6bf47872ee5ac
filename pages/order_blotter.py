"""The order blotter of the Trading screen: the open orders with their live status; a working one can be cancelled."""
from __future__ import annotations

from playwright.sync_api import Page

from pages.order_rows import OrderRow, order_row, order_rows


class OrderBlotter:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.table = page.get_by_role("table", name="Open orders")
        self.rows = order_rows(page, self.table)
        self.error = page.get_by_test_id("blotter-error")

    def order(self, quantity: str, instrument: str) -> OrderRow:
        return order_row(self.page, self.table, quantity, instrument)

    def cancel(self, quantity: str, instrument: str) -> None:
        self.order(quantity, instrument).cancel_button.click()
