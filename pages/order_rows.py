"""One order's row, as the order blotter and the order history show it."""
from __future__ import annotations

import re

from playwright.sync_api import Locator, Page

from pages.live import seconds_from_now

_TIME = re.compile(r"^\d{2}:\d{2}:\d{2}\.\d{3}$")
_ANYTHING = re.compile(".*")


class OrderRow:
    def __init__(self, row: Locator) -> None:
        self.row = row
        self.status = row.get_by_test_id("order-status")
        self.fill_price = row.get_by_test_id("order-fill-price")
        self.reason = row.get_by_test_id("order-reason")
        self.cancel_button = row.get_by_role("button", name="Cancel")


def order_rows(page: Page, table: Locator) -> Locator:
    """The table's order rows (each has its order number as row header), without the column headers."""
    return table.get_by_role("row").filter(has=page.get_by_role("rowheader"))


def order_row(page: Page, table: Locator, quantity: str, instrument: str) -> OrderRow:
    rows = order_rows(page, table)
    for text in (quantity, instrument):
        rows = rows.filter(has=page.get_by_role("cell", name=text, exact=True))
    return OrderRow(rows)


class OrderTable:
    """A table of orders, one row each with the order number as row header: the blotter or the history."""

    COLUMNS: tuple[str, ...] = ()  # the cells after the row header, in the order the table shows them

    def __init__(self, page: Page, name: str) -> None:
        self.page = page
        self.table = page.get_by_role("table", name=name)
        self.rows = order_rows(page, self.table)

    def order(self, quantity: str, instrument: str) -> OrderRow:
        return order_row(self.page, self.table, quantity, instrument)

    def cells(self, index: int) -> Locator:
        """The cells of the order shown `index`-th from the top (0: the newest), in the order of COLUMNS."""
        return self.rows.nth(index).get_by_role("cell")

    def row_texts(self, values: dict[str, str]) -> list[str | re.Pattern[str]]:
        """What `cells` must read for an order with these column values (any time of day, and anything in a
        column not given)."""
        return [values.get(column, _TIME if column == "time" else _ANYTHING) for column in self.COLUMNS]

    def times_from_now_s(self) -> list[float]:
        """How far each order's time of day (top to bottom) is from the time of day now on the page's clock, in s."""
        shown = self.rows.get_by_test_id("order-time").all_inner_texts()
        return [seconds_from_now(self.page, time[:8]) for time in shown]
