"""The console's screens by the names the features give them ("the Trading screen"), and which one a page shows."""
from __future__ import annotations

from playwright.sync_api import Page

from pages.login_page import LoginPage
from pages.market_data_page import MarketDataPage
from pages.portfolio_page import PortfolioPage
from pages.risk_page import RiskPage
from pages.strategies_page import StrategiesPage
from pages.system_status_page import SystemStatusPage
from pages.trading_page import TradingPage


class ConsoleAddress:
    """The console's own address, with no screen's path: it leads to a screen (which one depends on the session)."""
    PATH = "/"


SCREENS: dict[str, type] = {
    "System Status": SystemStatusPage,
    "Strategies": StrategiesPage,
    "Trading": TradingPage,
    "Risk Management": RiskPage,
    "Portfolio": PortfolioPage,
    "Market Data": MarketDataPage,
    "sign-in": LoginPage,
}


def screen_shown(page: Page) -> type:
    """The page object type of the screen the page shows now, by its address."""
    for screen in SCREENS.values():
        if screen.ADDRESS.search(page.url):
            return screen
    raise LookupError(f"no screen of the console is at {page.url}")
