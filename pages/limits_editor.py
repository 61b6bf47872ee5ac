"""The account's limits on the Risk Management screen, and the Edit Limits form that changes them."""
from __future__ import annotations

import re

from playwright.sync_api import Locator, Page

from pages.forms import replace_value


class LimitsEditor:
    def __init__(self, page: Page) -> None:
        self.page = page
        # The limits in force, in this order: Max Position Size ("50,000"), Daily Loss Limit ("$2,000").
        self.shown = page.get_by_test_id(re.compile(r"^risk-limit-(max-position-size|daily-loss)$"))
        self.edit_button = page.get_by_role("button", name="Edit Limits", exact=True)
        self.form = page.get_by_role("form", name="Edit Limits")
        self.save_button = self.form.get_by_role("button", name="Save Limits")
        self.error = self.form.get_by_role("alert")
        self.status = page.get_by_test_id("limits-status")
        self._answered = self.status.filter(has_text="Limits saved").or_(self.error.filter(has_text=re.compile(r"\S")))

    def field(self, label: str) -> Locator:
        """The editor's field labelled "Max Position Size" or "Daily Loss Limit"."""
        return self.form.get_by_label(label, exact=True)

    def split_message(self, message: str) -> tuple[str, str]:
        """A refusal as the desk writes it, "Max Position Size must be greater than 0 units": field and rule."""
        for label in ("Max Position Size", "Daily Loss Limit"):
            if message.startswith(label + " "):
                return label, message[len(label) + 1:]
        raise ValueError(f"{message!r} names neither Max Position Size nor Daily Loss Limit first")

    def open(self) -> None:
        """Press Edit Limits: the editor opens, filled in with the limits as the screen has them."""
        self.edit_button.click()

    def set(self, values: dict[str, str]) -> None:
        """Open the editor, type each value (by field label) as the desk writes it, save, and wait for the answer:
        the limits saved, or the editor saying why not."""
        self.open()
        for label, text in values.items():
            replace_value(self.field(label), text)
        self.save_button.click()
        self._answered.wait_for()
