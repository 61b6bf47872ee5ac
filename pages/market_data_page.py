"""The Market Data screen: the quotes board, its data source and update rate, currency filter, search and sorting."""
from __future__ import annotations

import re

from playwright.sync_api import Locator, Page

from pages.contract import ContractItem
from pages.navigation import NavigationBar


class QuoteRow:
    """One instrument's row on the board."""

    def __init__(self, row: Locator) -> None:
        self.row = row
        self.cells = row.get_by_role("cell")  # bid, ask, spread, change, last update: in that order
        self.bid = row.get_by_test_id("quote-bid")
        self.ask = row.get_by_test_id("quote-ask")
        self.spread = row.get_by_test_id("quote-spread")
        self.change = row.get_by_test_id("quote-change")
        self.last_update = row.get_by_test_id("quote-age")
        self.freshness = row.get_by_test_id("quote-freshness")  # "Live", or "Stale": the stale flag

    def wait_for_next_tick(self) -> None:
        """Wait until the row shows a tick later than the one on screen now (its data-seq moves on)."""
        row = self.row.element_handle()
        self.row.page.wait_for_function("([row, seq]) => row.dataset.seq !== seq",
                                        arg=[row, row.get_attribute("data-seq")], polling="raf")


_BOARD = ("market_data",)  # the feature using the board (MarketDataPage.CONTRACT)


class MarketDataPage:
    PATH = "/market-data"
    ADDRESS = re.compile(r"/market-data$")  # the address bar once the screen is shown
    # What the specs need of the screen (see pages/contract.py).
    MAJORS = ("EURUSD", "GBPUSD", "USDJPY", "AUDUSD")
    COLUMNS = ("Instrument", "Bid", "Ask", "Spread", "Change", "Last update")
    CONTRACT = (
        *(ContractItem(path, _BOARD) for path in ("heading", "data_source", "data_source_indicator", "update_rate",
                                                  "currency", "search_box", "board")),
        *(ContractItem(f"quote({instrument}).{cell}", _BOARD) for instrument in MAJORS
          for cell in ("row", "bid", "ask", "spread", "change", "last_update", "freshness")),
        *(ContractItem(f"column_header({column})", _BOARD) for column in COLUMNS),
        ContractItem("empty_note", _BOARD, only_with="a filter or search that matches no instrument"),
    )

    def __init__(self, page: Page) -> None:
        self.page = page
        self.navigation = NavigationBar(page)
        self.heading = page.get_by_role("heading", name="Market Data", level=1)
        self.data_source = page.get_by_test_id("data-source-state")
        self.data_source_indicator = page.get_by_test_id("data-source-indicator")
        self.update_rate = page.get_by_test_id("feed-update-rate")
        self.currency = page.get_by_label("Currency")
        self.currency_choices = self.currency.get_by_role("option")
        self.search_box = page.get_by_role("searchbox", name="Search instruments")
        self.board = page.get_by_role("table", name="Quotes")
        self.instruments = self.board.get_by_role("rowheader")  # the instruments shown, top to bottom
        self.stale_flags = self.board.get_by_test_id("quote-freshness").filter(has_text="Stale")
        self.empty_note = page.get_by_test_id("board-empty")
        # What a column shows, per visible row, top to bottom (hidden rows are filtered out).
        self._columns: dict[str, Locator] = {
            "Instrument": self.instruments,
            "Bid": self.board.get_by_test_id("quote-bid").filter(visible=True),
            "Ask": self.board.get_by_test_id("quote-ask").filter(visible=True),
            "Spread": self.board.get_by_test_id("quote-spread").filter(visible=True),
            "Change": self.board.get_by_test_id("quote-change").filter(visible=True),
            "Last update": self.board.get_by_test_id("quote-age").filter(visible=True),
        }

    def open(self) -> None:
        """Visit the board and wait until it lists its instruments."""
        self.page.goto(self.PATH)
        self.instruments.first.wait_for()

    def reload(self) -> None:
        self.page.reload()
        self.instruments.first.wait_for()

    def update_rate_shown(self) -> float:
        """The update rate the screen shows now, in ticks a second ("40 ticks/s")."""
        return float(self.update_rate.inner_text().split()[0])

    def sort_claims(self) -> dict[str, str]:
        """Every column header that says the board is sorted by it (aria-sort ascending or descending)."""
        orders = {column: self.column_header(column).get_attribute("aria-sort") for column in self._columns}
        return {column: order for column, order in orders.items() if order in ("ascending", "descending")}

    def quote(self, instrument: str) -> QuoteRow:
        header = self.page.get_by_role("rowheader", name=instrument, exact=True)  # matched inside each row
        return QuoteRow(self.board.get_by_role("row").filter(has=header))

    def filter_by_currency(self, currency: str) -> None:
        self.currency.select_option(currency)

    def search(self, text: str) -> None:
        self.search_box.fill(text)

    def column_header(self, column: str) -> Locator:
        return self.board.get_by_role("columnheader", name=column, exact=True)

    def sort_by(self, column: str, direction: str) -> None:
        """Click the column's heading until the board is sorted that way ("ascending" or "descending")."""
        header = self.column_header(column)
        for _ in range(2):  # the first click sorts ascending, the next one descending
            if header.get_attribute("aria-sort") == direction:
                return
            header.get_by_role("button", name=column, exact=True).click()

    def column_values(self, column: str) -> list[str]:
        """The texts of a column, top to bottom, read in one go so that a moving board cannot tear them."""
        if column not in self._columns:
            raise KeyError(f"the board has no column {column!r}; columns: {', '.join(self._columns)}")
        return self._columns[column].all_inner_texts()
