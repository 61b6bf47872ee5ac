"""The halted banner every section page carries while the account's trading is halted, and timing its arrival."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from playwright.sync_api import Page

from pages.contract import ContractItem
from pages.live import Appearance, AppearanceRecorder, browser_clock_ms, seconds_from_now


class HaltedBanner:
    # Shown on every section page while the account is halted (see pages/contract.py).
    CONTRACT = tuple(ContractItem(path, ("risk_management",), only_with="a halted account")
                     for path in ("banner", "details"))

    def __init__(self, page: Page) -> None:
        self.page = page
        self.banner = page.get_by_test_id("trading-halted-banner")
        self.details = self.banner.get_by_test_id("halt-details")

    @staticmethod
    def reading(details: re.Pattern[str]) -> re.Pattern[str]:
        """The whole banner's text when its who-and-when part reads `details` (a pattern of the whole part)."""
        inner = details.pattern.removeprefix(r"^\s*").removesuffix(r"\s*$")
        return re.compile(rf"^\s*Trading halted\.\s*{inner}\s*New orders are rejected until a risk manager resumes "
                          r"trading\.\s*$")

    def seconds_from_now(self) -> float | None:
        """How far the time of the halt the banner gives ("at 14:03:01 UTC") is from UTC now on the page's clock; None
        if it gives none."""
        shown = re.search(r"\bat (\d{2}:\d{2}:\d{2}) UTC\b", self.details.inner_text())
        return None if shown is None else seconds_from_now(self.page, shown[1], utc=True)

    def record_appearance(self) -> AppearanceRecorder:
        return AppearanceRecorder(self.banner).start()


@dataclass
class HaltWatch:
    """When a halt was triggered (the triggering page's clock), and a recorder on every other open page's banner.

    Every browser here runs on the same host, so their Date.now() clocks are the same clock.
    """

    triggered_at_ms: float
    recorders: dict[str, AppearanceRecorder]

    @classmethod
    def around(cls, trigger: Callable[[], None], trigger_page: Page, others: Iterable[tuple[str, Page]]) -> HaltWatch:
        """Start watching the other pages, then run `trigger` (the confirm click), timing from just before it."""
        recorders = {name: HaltedBanner(page).record_appearance() for name, page in others}
        triggered_at = browser_clock_ms(trigger_page)
        trigger()
        return cls(triggered_at, recorders)

    def appearance(self, name: str, deadline_s: float) -> Appearance:
        return self.recorders[name].appearance(deadline_s)

    def delay_ms(self, appearance: Appearance) -> float | None:
        return None if appearance.shown_at_ms is None else appearance.shown_at_ms - self.triggered_at_ms
