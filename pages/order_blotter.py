"""The order blotter of the Trading screen: the open orders with their live status; a working one can be cancelled."""
from __future__ import annotations

from playwright.sync_api import Page

from pages.order_rows import OrderTable


class OrderBlotter(OrderTable):
    COLUMNS = ("time", "instrument", "side", "type", "quantity", "price", "status", "actions")

    def __init__(self, page: Page) -> None:
        super().__init__(page, "Open orders")
        self.error = page.get_by_test_id("blotter-error")
        self.empty_note = page.get_by_test_id("no-open-orders")

    def cancel(self, quantity: str, instrument: str) -> None:
        self.order(quantity, instrument).cancel_button.click()
