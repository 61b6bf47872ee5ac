"""Form helpers shared by page objects."""
from __future__ import annotations

from playwright.sync_api import Locator


def replace_value(field: Locator, text: str) -> None:
    """Type `text` into a field in place of what it holds.

    `fill` alone is not enough: Playwright 1.64 driving Firefox over WebDriver BiDi appends to a prefilled
    `type=email` or `type=number` input instead of replacing its value (seen here: "5" filled with "7" gives
    "57"), so the field is cleared first.
    """
    field.clear()
    field.fill(text)
