"""The Trading screen: the order ticket, positions and P&L, the order blotter and the order history."""
from __future__ import annotations

import re

from playwright.sync_api import Page

from pages.contract import ContractItem, Sample
from pages.navigation import NavigationBar
from pages.order_blotter import OrderBlotter
from pages.order_history import OrderHistory
from pages.order_ticket import OrderTicket
from pages.positions_panel import PositionsPanel

# The features that use the ticket and the tables (TradingPage.CONTRACT).
_TRADES = ("order_management", "risk_management", "portfolio_monitoring", "access_control")


class TradingPage:
    PATH = "/trading"
    ADDRESS = re.compile(r"/trading$")  # the address bar once the screen is shown
    # What the specs need of the screen (see pages/contract.py); `after` presses New Order, which only opens a ticket.
    CONTRACT = (
        ContractItem("heading", _TRADES),
        ContractItem("ticket.new_order_button", _TRADES),
        *(ContractItem(f"ticket.{field}", _TRADES, after="ticket.new_order_button")
          for field in ("form", "instrument", "side", "quantity", "order_type", "quote_bid", "quote_ask",
                        "submit_button")),
        ContractItem("ticket.price", ("order_management",), only_with="a LIMIT or STOP order type chosen"),
        ContractItem("ticket.error", ("order_management",), only_with="a refused ticket"),
        *(ContractItem(f"ticket.{part}", ("order_management",), only_with="an order submitted")
          for part in ("last_order", "summary", "status", "timeline_steps")),
        ContractItem("positions.table", ("order_management", "portfolio_monitoring", "access_control")),
        *(ContractItem(f"positions.{figure}", ("order_management", "portfolio_monitoring"))
          for figure in ("cash", "equity", "unrealized_pnl", "realized_pnl")),
        *(ContractItem(f"positions.position(EURUSD).{cell}", ("order_management", "portfolio_monitoring"),
                       only_with=Sample.POSITION)
          for cell in ("quantity", "average_price", "mark", "unrealized_pnl", "realized_pnl")),
        ContractItem("blotter.table", ("order_management", "risk_management", "access_control")),
        ContractItem("blotter.error", ("order_management",), only_with="a refused cancel"),
        *(ContractItem(f"blotter.order(10,000|EURUSD).{cell}", ("order_management", "risk_management"),
                       only_with=Sample.WORKING_ORDER) for cell in ("status", "cancel_button")),
        *(ContractItem(f"history.{part}", ("order_management", "risk_management", "access_control"))
          for part in ("table", "status_filter", "count")),
        *(ContractItem(f"history.order(10,000|EURUSD).{cell}", ("order_management",),
                       only_with=Sample.ORDER) for cell in ("status", "fill_price", "reason")),
    )

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
