"""The positions of the account on the Trading screen: cash, equity and P&L, and one row per open position."""
from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Locator, Page


@dataclass(frozen=True)
class PositionFigures:
    """One position as a screen shows it: the texts of its cells."""

    instrument: str
    quantity: str
    average_price: str
    mark: str
    unrealized_pnl: str


def read_positions(page: Page, table: Locator) -> list[PositionFigures]:
    """The positions a table shows, in its order (a screen showing the same cell test ids as the Trading screen)."""
    rows = table.get_by_role("row").filter(has=page.get_by_role("rowheader"))
    return [PositionFigures(row.get_by_role("rowheader").inner_text().strip(),
                            *(row.get_by_test_id(test_id).inner_text().strip() for test_id in
                              ("position-quantity", "position-average-price", "position-mark",
                               "position-unrealized-pnl")))
            for row in rows.all()]


class PositionRow:
    def __init__(self, row: Locator) -> None:
        self.row = row
        self.quantity = row.get_by_test_id("position-quantity")
        self.average_price = row.get_by_test_id("position-average-price")
        self.mark = row.get_by_test_id("position-mark")
        self.unrealized_pnl = row.get_by_test_id("position-unrealized-pnl")
        self.realized_pnl = row.get_by_test_id("position-realized-pnl")


class PositionsPanel:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.table = page.get_by_role("table", name="Positions")
        self.cash = page.get_by_test_id("account-cash")
        self.equity = page.get_by_test_id("account-equity")
        self.unrealized_pnl = page.get_by_test_id("account-unrealized-pnl")
        self.realized_pnl = page.get_by_test_id("account-realized-pnl")
        self.rows = self.table.get_by_role("row").filter(has=page.get_by_role("rowheader"))
        self.valued = self.cash.filter(has_not_text="—")  # the account's valuation has arrived

    def position(self, instrument: str) -> PositionRow:
        header = self.page.get_by_role("rowheader", name=instrument, exact=True)
        return PositionRow(self.table.get_by_role("row").filter(has=header))

    def read_positions(self) -> list[PositionFigures]:
        return read_positions(self.page, self.table)
