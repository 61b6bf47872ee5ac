"""The Trading screen: the order ticket, positions and P&L, the order blotter and the order history."""
from __future__ import annotations

import re

from playwright.sync_api import Page

from pages.navigation import NavigationBar
from pages.order_blotter import OrderBlotter
from pages.order_history import OrderHistory
from pages.order_ticket import OrderTicket
from pages.positions_panel import PositionsPanel


class TradingPage:
    PATH = "/trading"
    ADDRESS = re.compile(r"/trading$")  # the address bar once the screen is shown

    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", name="Trading", level=1)
        self.ticket = OrderTicket(page)
        self.positions = PositionsPanel(page)
        self.blotter = OrderBlotter(page)
        self.history = OrderHistory(page)
        self._live = NavigationBar(page).connection_state.filter(has_text="Live")
        self.orders_when_opened: int | None = None

    def open(self) -> None:
        """Visit the screen and wait until it is live and shows the account's orders; remembers how many."""
        self.page.goto(self.PATH)
        self._wait_until_ready()
        self.orders_when_opened = self.history.rows.count()

    def reload(self) -> None:
        self.page.reload()
        self._wait_until_ready()

    def _wait_until_ready(self) -> None:
        self._live.wait_for()
        self.history.loaded.wait_for()
