"""The confirmations of the Portfolio screen's position actions: in-page dialogs to close a position or change its
size, each saying which order it will place."""
from __future__ import annotations

from playwright.sync_api import Page

from pages.forms import replace_value


class CloseDialog:
    def __init__(self, page: Page) -> None:
        self.dialog = page.get_by_role("dialog", name="Close position")
        self.order_summary = self.dialog.get_by_test_id("order-summary")
        self.confirm_button = self.dialog.get_by_role("button", name="Close Position")
        self.cancel_button = self.dialog.get_by_role("button", name="Cancel")
        self.error = self.dialog.get_by_role("alert")


class ResizeDialog:
    def __init__(self, page: Page) -> None:
        self.dialog = page.get_by_role("dialog", name="Change position size")
        self.target_quantity = self.dialog.get_by_label("Target quantity")
        self.order_summary = self.dialog.get_by_test_id("order-summary")
        self.confirm_button = self.dialog.get_by_role("button", name="Change Size")
        self.cancel_button = self.dialog.get_by_role("button", name="Cancel")
        # Only a visible alert counts: a dialog that closed before the answer hides whatever it would have said.
        self.error = self.dialog.get_by_role("alert")

    def enter_target(self, quantity: str) -> None:
        replace_value(self.target_quantity, quantity)
