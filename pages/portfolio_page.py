"""The Portfolio screen: the overview, the positions and a position's details, and the order ticket to add one."""
from __future__ import annotations

import re

from playwright.sync_api import Page

from pages.contract import ContractItem, Sample
from pages.navigation import NavigationBar
from pages.order_ticket import OrderTicket
from pages.portfolio_overview import PortfolioOverview
from pages.portfolio_positions import PortfolioPositions
from pages.position_details import PositionDetails

_PORTFOLIO = ("portfolio_monitoring",)  # the feature using the screen (PortfolioPage.CONTRACT)
_ROW = "positions.position(EURUSD)"


class PortfolioPage:
    PATH = "/portfolio"
    ADDRESS = re.compile(r"/portfolio$")  # the address bar once the screen is shown
    # What the specs need of the screen (see pages/contract.py); `after` presses Add Position, which only opens a
    # prefilled ticket.
    CONTRACT = (
        ContractItem("heading", ("portfolio_monitoring", "access_control")),
        *(ContractItem(f"overview.{figure}", ("portfolio_monitoring", "access_control"))
          for figure in ("total_value", "cash_balance", "open_positions", "unrealized_pnl", "valued_at")),
        ContractItem("positions.table", _PORTFOLIO),
        ContractItem("ticket.new_order_button", ("portfolio_monitoring", "access_control")),
        *(ContractItem(f"ticket.{field}", _PORTFOLIO, after="ticket.new_order_button")
          for field in ("form", "instrument", "side", "quantity", "order_type", "submit_button")),
        *(ContractItem(f"{_ROW}.{cell}", _PORTFOLIO, only_with=Sample.POSITION)
          for cell in ("quantity", "average_price", "mark", "unrealized_pnl", "sync_status", "details_button",
                       "modify_button", "close_button")),
        ContractItem("positions.action_status", _PORTFOLIO, only_with="a position closed or resized"),
        *(ContractItem(f"positions.close_dialog.{part}", _PORTFOLIO, only_with=Sample.POSITION,
                       after=f"{_ROW}.close_button")
          for part in ("dialog", "order_summary", "confirm_button", "cancel_button")),
        *(ContractItem(f"positions.resize_dialog.{part}", _PORTFOLIO, only_with=Sample.POSITION,
                       after=f"{_ROW}.modify_button")
          for part in ("dialog", "target_quantity", "order_summary", "confirm_button", "cancel_button")),
        *(ContractItem(f"details.{part}", _PORTFOLIO, only_with=Sample.POSITION, after=f"{_ROW}.details_button")
          for part in ("region", "instrument", "figure(Quantity)", "figure(Average price)", "figure(Mark)",
                       "figure(Unrealized P&L)", "figure(Realized P&L)", "figure(Exposure)",
                       "figure(Synchronisation)", "synced_at", "hide_button")),
        ContractItem("details.sync_detail", _PORTFOLIO, only_with="a position out of sync"),
    )

    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", name="Portfolio", level=1)
        self.overview = PortfolioOverview(page)
        self.positions = PortfolioPositions(page)
        self.details = PositionDetails(page)
        self.ticket = OrderTicket(page, opener="Add Position")
        # The dialog open now (a closed one is not in the accessibility tree), and the order it says it will place.
        self.confirmation_summary = page.get_by_role("dialog").get_by_test_id("order-summary")
        self._live = NavigationBar(page).connection_state.filter(has_text="Live")
        self._document: float | None = None  # performance.timeOrigin of the document open() loaded

    def open(self) -> None:
        """Visit the screen and wait until it is live and shows the account's valuation."""
        self.page.goto(self.PATH)
        self._wait_until_ready()

    def reload(self) -> None:
        self.page.reload()
        self._wait_until_ready()

    def _wait_until_ready(self) -> None:
        self._live.wait_for()
        self.overview.loaded.wait_for()
        self._document = self.page.evaluate("performance.timeOrigin")

    def show(self) -> None:
        """Open the screen unless it is already shown."""
        if self._document is None or not re.search(rf"{self.PATH}$", self.page.url):
            self.open()

    def reloaded_since_opened(self) -> bool:
        """Whether the page is another document than the one open() loaded (a reload, a navigation)."""
        return self.page.evaluate("performance.timeOrigin") != self._document

    def wait_until_holds(self, positions: dict[str, float]) -> None:
        """Wait until the positions table shows each instrument at its quantity."""
        for instrument, quantity in positions.items():
            self.positions.wait_until_holds(instrument, quantity)

    def open_details(self, instrument: str) -> None:
        """Press the position's details button, and wait until the details shown are that position's."""
        self.positions.open_details(instrument)
        self.details.instrument.filter(has_text=instrument).wait_for()

    def add_position(self) -> None:
        self.ticket.new_order_button.click()
