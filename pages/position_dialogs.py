"""The confirmations of the Portfolio screen's position actions: in-page dialogs to close a position or change its
size, each saying which order it will place."""
from __future__ import annotations

from playwright.sync_api import Page

from pages.forms import replace_value


class PositionDialog:
    def __init__(self, page: Page, name: str, confirm: str) -> None:
        self.dialog = page.get_by_role("dialog", name=name)
        self.order_summary = self.dialog.get_by_test_id("order-summary")
        self.confirm_button = self.dialog.get_by_role("button", name=confirm)
        self.cancel_button = self.dialog.get_by_role("button", name="Cancel")
        # Only a visible alert counts: a dialog that closed before the answer hides whatever it would have said.
        self.error = self.dialog.get_by_role("alert")

    def cancel(self) -> None:
        """Press Cancel and wait until the dialog has gone."""
        self.cancel_button.click()
        self.dialog.wait_for(state="hidden")


class CloseDialog(PositionDialog):
    def __init__(self, page: Page) -> None:
        super().__init__(page, "Close position", "Close Position")


class ResizeDialog(PositionDialog):
    def __init__(self, page: Page) -> None:
        super().__init__(page, "Change position size", "Change Size")
        self.target_quantity = self.dialog.get_by_label("Target quantity")
        self.current = self.dialog.get_by_test_id("resize-current")  # the position it changes, as it stands

    def enter_target(self, quantity: str) -> None:
        replace_value(self.target_quantity, quantity)
