"""The navigation bar every console page shares: the sections, the signed-in user, sign-out, connection state."""
from __future__ import annotations

from playwright.sync_api import Locator, Page

from pages.contract import ContractItem


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
        self.signed_in_user = page.get_by_test_id("signed-in-user")
        self.connection_state = page.get_by_test_id("connection-state")
        self.sign_out_button = page.get_by_role("button", name="Sign out")

    def section(self, name: str) -> Locator:
        return self.sections.get_by_role("link", name=name, exact=True)

    def go_to(self, name: str) -> None:
        self.section(name).click()

    def open_section(self, name: str) -> None:
        """Follow the section's link and wait until its page is shown (its heading), not the page being left."""
        self.go_to(name)
        self.page.get_by_role("heading", name=name, level=1, exact=True).wait_for()

    def sign_out(self) -> None:
        self.sign_out_button.click()
