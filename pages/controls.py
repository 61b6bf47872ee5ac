"""The controls a screen offers its user. A control a role may not use is absent, hidden or disabled; which of the
three is the console's choice, so the specs only ask whether it is offered (shown and enabled)."""
from __future__ import annotations

from playwright.sync_api import Locator, Page


class OfferedControls:
    def __init__(self, page: Page) -> None:
        self.page = page

    def button(self, name: str) -> Locator:
        """The button of that name if the screen offers it: shown and enabled; otherwise it matches nothing."""
        return self.page.get_by_role("button", name=name, exact=True, disabled=False)
