"""The controls a screen offers its user. A control a role may not use is absent, hidden or disabled; which of the
three is the console's choice, so the specs only ask whether it is offered (shown and enabled)."""
from __future__ import annotations

import re

from playwright.sync_api import Locator, Page


class OfferedControls:
    def __init__(self, page: Page) -> None:
        self.page = page

    def button(self, name: str) -> Locator:
        """The buttons whose name is or begins with `name` ("Cancel order" finds "Cancel order #12") that the screen
        offers: shown and enabled; if it offers none, this matches nothing."""
        return self.page.get_by_role("button", name=re.compile(rf"^{re.escape(name)}(\s|$)"), disabled=False)
