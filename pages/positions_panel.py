"""The positions of the account on the Trading screen: cash, equity and P&L, and one row per open position."""
from __future__ import annotations

from playwright.sync_api import Locator, Page


class PositionRow:
    def __init__(self, row: Locator) -> None:
        self.row = row
        self.quantity = row.get_by_test_id("position-quantity")
        self.average_price = row.get_by_test_id("position-average-price")
        self.mark = row.get_by_test_id("position-mark")
        self.unrealized_pnl = row.get_by_test_id("position-unrealized-pnl")
        self.realized_pnl = row.get_by_test_id("position-realized-pnl")


class PositionsPanel:
    # The table's columns as the desk names them, and the test id of the cells (the instrument is the row header).
    COLUMNS = {
        "quantity": "position-quantity",
        "average price": "position-average-price",
        "mark": "position-mark",
        "unrealized P&L": "position-unrealized-pnl",
        "realized P&L": "position-realized-pnl",
    }
    FIGURES = {"Cash": "account-cash", "Equity": "account-equity", "Unrealized P&L": "account-unrealized-pnl",
               "Realized P&L": "account-realized-pnl"}

    def __init__(self, page: Page) -> None:
        self.page = page
        self.table = page.get_by_role("table", name="Positions")
        self.cash = page.get_by_test_id("account-cash")
        self.equity = page.get_by_test_id("account-equity")
        self.unrealized_pnl = page.get_by_test_id("account-unrealized-pnl")
        self.realized_pnl = page.get_by_test_id("account-realized-pnl")
        self.rows = self.table.get_by_role("row").filter(has=page.get_by_role("rowheader"))
        self.instruments = self.table.get_by_role("rowheader")
        self.valued = self.cash.filter(has_not_text="—")  # the account's valuation has arrived

    def position(self, instrument: str) -> PositionRow:
        header = self.page.get_by_role("rowheader", name=instrument, exact=True)
        return PositionRow(self.table.get_by_role("row").filter(has=header))

    def column(self, name: str) -> Locator:
        """Every cell of a column, top to bottom."""
        return self.instruments if name == "instrument" else self.table.get_by_test_id(self.COLUMNS[name])

    def figure(self, name: str) -> Locator:
        """An account figure by its label: "Cash", "Equity", "Unrealized P&L", "Realized P&L"."""
        return self.page.get_by_test_id(self.FIGURES[name])
