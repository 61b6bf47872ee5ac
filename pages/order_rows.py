"""One order's row, as the order blotter and the order history show it."""
from __future__ import annotations

from playwright.sync_api import Locator, Page


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
