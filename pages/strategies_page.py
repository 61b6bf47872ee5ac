"""The Strategies page: the account's strategies, those active in the simulation, and the way to a new one."""
from __future__ import annotations

import re

from playwright.sync_api import Locator, Page

from pages.contract import ContractItem, Sample
from pages.live import text_change_intervals_ms


class StrategyRow:
    """One strategy in a list; the metric cells exist under Active Strategies, the settings under All Strategies."""

    def __init__(self, row: Locator) -> None:
        self.row = row
        self.name = row.get_by_role("rowheader")
        self.type = row.get_by_test_id("strategy-type")
        self.instruments = row.get_by_test_id("strategy-instruments")
        self.timeframe = row.get_by_test_id("strategy-timeframe")
        self.risk_limit = row.get_by_test_id("strategy-risk-limit")
        self.max_position_size = row.get_by_test_id("strategy-max-position-size")
        self.status = row.get_by_test_id("strategy-status")
        self.stop_reason = row.get_by_test_id("strategy-stop-reason")
        self.pnl = row.get_by_test_id("strategy-pnl")
        self.trades = row.get_by_test_id("strategy-trades")
        self.win_rate = row.get_by_test_id("strategy-win-rate")
        self._settings = {"Strategy type": self.type, "Instruments": self.instruments, "Timeframe": self.timeframe,
                          "Risk limit": self.risk_limit, "Max position size": self.max_position_size,
                          "Status": self.status}
        self.deploy_button = row.get_by_role("button", name="Deploy", exact=True)
        self.stop_button = row.get_by_role("button", name="Stop", exact=True)

    def setting(self, column: str) -> Locator:
        """A cell under All Strategies by the name of its column: "Strategy type", ..., "Status"."""
        return self._settings[column]

    def metric_change_intervals_ms(self, changes: int, deadline_s: float) -> list[float]:
        """Watch the row in the page until its figures have changed `changes` times (or the deadline passes)."""
        return text_change_intervals_ms(self.row, changes, deadline_s)


class StrategiesPage:
    PATH = "/strategies"
    ADDRESS = re.compile(r"/strategies$")  # the address bar once the screen is shown
    # What the specs need of the page (see pages/contract.py); a strategy's rows exist once it is saved.
    CONTRACT = (
        ContractItem("heading", ("strategy_management", "access_control")),
        ContractItem("summary", ("strategy_management", "access_control")),
        ContractItem("create_button", ("strategy_management", "access_control")),
        ContractItem("active_strategies", ("strategy_management",)),
        ContractItem("all_strategies", ("strategy_management",)),
        ContractItem("error", ("strategy_management",), only_with="a Deploy or Stop refused from a list"),
        *(ContractItem(f"strategy(UI Test Strategy).{cell}", ("strategy_management",),
                       only_with=Sample.SAVED_STRATEGY)
          for cell in ("name", "type", "instruments", "timeframe", "risk_limit", "max_position_size", "status",
                       "stop_reason", "deploy_button")),
        *(ContractItem(f"active_strategy(Contract Check Momentum).{cell}", ("strategy_management",),
                       only_with=Sample.RUNNING_STRATEGY) for cell in ("pnl", "trades", "win_rate", "stop_button")),
    )

    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", name="Strategies", level=1)
        self.summary = page.get_by_test_id("strategies-summary")
        self.create_button = page.get_by_role("button", name="Create New Strategy")
        self.active_strategies = page.get_by_role("table", name="Active Strategies")
        self.all_strategies = page.get_by_role("table", name="All Strategies")
        self.active_names = self.active_strategies.get_by_role("rowheader")
        self.strategy_names = self.all_strategies.get_by_role("rowheader")
        self.error = page.get_by_test_id("strategies-error")
        self._loaded = self.summary.filter(has_not_text="Loading")

    def visit(self) -> None:
        self.page.goto(self.PATH)

    def open(self) -> None:
        """Visit the page and wait until it shows the account's strategies."""
        self.visit()
        self._loaded.wait_for()

    def reload(self) -> None:
        self.page.reload()
        self._loaded.wait_for()

    def create_new_strategy(self) -> None:
        """Open an empty strategy form (see StrategyForm)."""
        self.create_button.click()

    def _row(self, table: Locator, name: str) -> StrategyRow:
        header = self.page.get_by_role("rowheader", name=name, exact=True)
        return StrategyRow(table.get_by_role("row").filter(has=header))

    def strategy(self, name: str) -> StrategyRow:
        """The strategy's row under All Strategies."""
        return self._row(self.all_strategies, name)

    def active_strategy(self, name: str) -> StrategyRow:
        """The strategy's row under Active Strategies."""
        return self._row(self.active_strategies, name)

    def stop(self, name: str) -> None:
        self.active_strategy(name).stop_button.click()

    def deploy(self, name: str) -> None:
        self.strategy(name).deploy_button.click()
