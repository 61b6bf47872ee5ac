"""The order blotter of the Trading screen: the open orders with their live status; a working one can be cancelled."""
from __future__ import annotations

from playwright.sync_api import Page, Response

from pages.order_rows import OrderTable


class OrderBlotter(OrderTable):
    COLUMNS = ("time", "instrument", "side", "type", "quantity", "price", "status", "actions")

    def __init__(self, page: Page) -> None:
        super().__init__(page, "Open orders")
        self.error = page.get_by_test_id("blotter-error")
        self.empty_note = page.get_by_test_id("no-open-orders")

    def cancel(self, quantity: str, instrument: str) -> None:
        """Press the order's Cancel and wait until the console has answered it, as a person waits for the row to
        change: whatever the scenario does next (move the market) meets the order cancelled, or still working if the
        console refused."""
        with self.page.expect_response(_cancel_answer):
            self.order(quantity, instrument).cancel_button.click()


def _cancel_answer(response: Response) -> bool:
    return response.request.method == "POST" and response.url.endswith("/cancel")
