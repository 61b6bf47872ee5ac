"""The overview of the Portfolio screen: Total Portfolio Value, Cash Balance, Open Positions, Unrealized P&L."""
from __future__ import annotations

from playwright.sync_api import Locator, Page


class PortfolioOverview:
    # The figures as the desk names them, and the test id of each (a metric cell has no accessible name of its own).
    FIGURES = {
        "Total Portfolio Value": "portfolio-total-value",
        "Cash Balance": "portfolio-cash-balance",
        "Open Positions": "portfolio-open-positions",
        "Unrealized P&L": "portfolio-unrealized-pnl",
    }

    def __init__(self, page: Page) -> None:
        self.page = page
        self.total_value = page.get_by_test_id("portfolio-total-value")
        self.cash_balance = page.get_by_test_id("portfolio-cash-balance")
        self.open_positions = page.get_by_test_id("portfolio-open-positions")
        self.unrealized_pnl = page.get_by_test_id("portfolio-unrealized-pnl")
        self.valued_at = page.get_by_test_id("portfolio-valued-at")
        self.loaded = self.valued_at.filter(has_not_text="—")

    def figure(self, name: str) -> Locator:
        if name not in self.FIGURES:
            raise KeyError(f"the overview has no figure {name!r}; it shows {', '.join(self.FIGURES)}")
        return self.page.get_by_test_id(self.FIGURES[name])
