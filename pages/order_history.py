"""The Order History of the Trading screen: every order of the account, newest first, filterable by status."""
from __future__ import annotations

import re

from playwright.sync_api import Locator, Page

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

    # The columns after the order number (the row header), in the order the table shows them.
    COLUMNS = ("time", "instrument", "side", "type", "quantity", "price", "status", "fill price", "reason")
    _TIME = re.compile(r"^\d{2}:\d{2}:\d{2}\.\d{3}$")

    def cells(self, index: int) -> Locator:
        """The cells of the order shown `index`-th from the top (0: the newest), in the order of COLUMNS."""
        return self.rows.nth(index).get_by_role("cell")

    def row_texts(self, values: dict[str, str]) -> list[str | re.Pattern[str]]:
        """What `cells` must read for an order with these column values (any time of day where none is given)."""
        return [values.get(column, self._TIME if column == "time" else re.compile(".*")) for column in self.COLUMNS]

    def filter_by(self, status: str) -> None:
        self.status_filter.select_option(label=status)
