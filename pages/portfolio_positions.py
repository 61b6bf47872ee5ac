"""The positions table of the Portfolio screen: one row per open position with its synchronisation status, and the
row's actions (details, Modify, Close)."""
from __future__ import annotations

import re

from playwright.sync_api import Locator, Page

from pages.position_dialogs import CloseDialog, ResizeDialog
from pages.positions_panel import PositionRow


class PortfolioPositionRow(PositionRow):
    def __init__(self, row: Locator, instrument: str) -> None:
        super().__init__(row)
        self.sync_status = row.get_by_test_id("position-sync-status")
        self.details_button = row.get_by_role("button", name=instrument, exact=True)
        self.modify_button = row.get_by_role("button", name=f"Modify the {instrument} position")
        self.close_button = row.get_by_role("button", name=f"Close the {instrument} position")


class PortfolioPositions:
    # The table's columns as the desk names them, and the test id of the cells (the instrument is the row header).
    COLUMNS = {
        "quantity": "position-quantity",
        "average price": "position-average-price",
        "mark": "position-mark",
        "unrealized P&L": "position-unrealized-pnl",
        "synchronisation": "position-sync-status",
    }

    def __init__(self, page: Page) -> None:
        self.page = page
        self.table = page.get_by_role("table", name="Positions")
        self.instruments = self.table.get_by_role("rowheader")
        self.action_status = page.get_by_test_id("position-action-status")
        self.close_dialog = CloseDialog(page)
        self.resize_dialog = ResizeDialog(page)

    def position(self, instrument: str) -> PortfolioPositionRow:
        header = self.page.get_by_role("rowheader", name=instrument, exact=True)
        return PortfolioPositionRow(self.table.get_by_role("row").filter(has=header), instrument)

    def column(self, name: str) -> Locator:
        """Every cell of a column, top to bottom."""
        return self.instruments if name == "instrument" else self.table.get_by_test_id(self.COLUMNS[name])

    def wait_until_holds(self, instrument: str, quantity: float) -> None:
        """Wait until the table shows the position at `quantity` (no row for a flat one)."""
        row = self.position(instrument)
        if quantity == 0:
            row.row.wait_for(state="detached")
        else:
            row.quantity.filter(has_text=re.compile(rf"^{re.escape(f'{quantity:+,.0f}')}$")).wait_for()

    def open_details(self, instrument: str) -> None:
        self.position(instrument).details_button.click()

    def ask_to_close(self, instrument: str) -> None:
        self.position(instrument).close_button.click()

    def confirm_close(self) -> None:
        self.close_dialog.confirm_button.click()

    def ask_to_resize(self, instrument: str) -> None:
        self.position(instrument).modify_button.click()

    def enter_new_size(self, instrument: str, quantity: str) -> None:
        self.ask_to_resize(instrument)
        self.resize_dialog.enter_target(quantity)

    def confirm_size_change(self) -> None:
        self.resize_dialog.confirm_button.click()

    def change_size(self, instrument: str, quantity: str) -> None:
        self.enter_new_size(instrument, quantity)
        self.confirm_size_change()
