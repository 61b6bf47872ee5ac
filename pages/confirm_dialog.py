"""An in-page confirmation dialog (role `dialog`, named by its title): confirm it, or cancel it."""
from __future__ import annotations

from playwright.sync_api import Page


class ConfirmDialog:
    def __init__(self, page: Page, name: str, confirm_label: str) -> None:
        self.dialog = page.get_by_role("dialog", name=name)
        self.confirm_button = self.dialog.get_by_role("button", name=confirm_label, exact=True)
        self.cancel_button = self.dialog.get_by_role("button", name="Cancel", exact=True)

    def confirm(self) -> None:
        self.confirm_button.click()
        self.dialog.wait_for(state="hidden")

    def cancel(self) -> None:
        self.cancel_button.click()
        self.dialog.wait_for(state="hidden")
