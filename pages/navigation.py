"""The navigation bar every console page shares: the sections, the signed-in user, sign-out, connection state."""
from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Locator, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from pages.contract import ContractItem

# The sections whose links are marked current (aria-current="page"), by their names, in the bar's order.
_CURRENT = "links => links.filter((l) => l.getAttribute('aria-current') === 'page').map((l) => l.textContent.trim())"


@dataclass(frozen=True)
class Hop:
    """One link followed: from which section, which link, the address reached, whether the section's heading was
    shown there, and which links the bar then marked current."""

    start: str
    link: str
    address: str
    heading_shown: bool
    current: tuple[str, ...]


class NavigationBar:
    # The sections of the console, as the navigation bar names them (each page's level-1 heading says the same).
    SECTIONS = ("System Status", "Strategies", "Trading", "Risk Management", "Portfolio", "Market Data")
    # What the specs need of the bar on every section page (see pages/contract.py).
    CONTRACT = (
        ContractItem("sections", ("access_control", "risk_management")),
        *(ContractItem(f"section({name})", ("access_control", "risk_management")) for name in SECTIONS),
        ContractItem("signed_in_user", ("authentication", "access_control")),
        ContractItem("connection_state", ("strategy_management", "order_management", "risk_management",
                                          "portfolio_monitoring", "market_data")),
        ContractItem("sign_out_button", ("authentication", "access_control")),
    )

    def __init__(self, page: Page) -> None:
        self.page = page
        self.sections = page.get_by_role("navigation", name="Sections")
        self.links = self.sections.get_by_role("link")
        self.signed_in_user = page.get_by_test_id("signed-in-user")
        self.connection_state = page.get_by_test_id("connection-state")
        self.sign_out_button = page.get_by_role("button", name="Sign out")

    def section(self, name: str) -> Locator:
        return self.sections.get_by_role("link", name=name, exact=True)

    def heading(self, name: str) -> Locator:
        return self.page.get_by_role("heading", name=name, level=1, exact=True)

    def go_to(self, name: str) -> None:
        self.section(name).click()

    def open_section(self, name: str) -> None:
        """Follow the section's link and wait until its page is shown (its heading), not the page being left."""
        self.go_to(name)
        self.heading(name).wait_for()

    def current(self) -> tuple[str, ...]:
        """The sections the bar marks as the current one (exactly one, on a section's page)."""
        return tuple(self.links.evaluate_all(_CURRENT))

    def follow(self, start: str, link: str, heading_timeout_ms: float = 5_000) -> Hop:
        """Follow one link from the section shown (`start`) and record where it led, once that page has loaded."""
        with self.page.expect_navigation():
            self.go_to(link)
        heading = self.heading(link)
        try:
            heading.wait_for(timeout=heading_timeout_ms)
        except PlaywrightTimeoutError:  # recorded, not raised: the step that reads the hops says what went wrong
            pass
        return Hop(start, link, self.page.url, heading.is_visible(), self.current())

    def tour_from(self, start: str) -> list[Hop]:
        """From `start`, follow every link of the bar in turn, coming back to `start` by its own link after each."""
        hops = []
        for link in self.SECTIONS:
            hops.append(self.follow(start, link))
            if link != start:
                hops.append(self.follow(link, start))
        return hops

    def sign_out(self) -> None:
        self.sign_out_button.click()
