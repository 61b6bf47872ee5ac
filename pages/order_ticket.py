"""The order ticket: the button that opens it, the ticket's fields, Submit Order, the last order's status.

The Trading screen opens it with New Order; the Portfolio screen opens the same ticket, prefilled, with Add Position.
"""
from __future__ import annotations

import re

from playwright.sync_api import Page

from pages.forms import replace_value
from pages.live import TextRecorder, seconds_from_now


def order_described(text: str) -> re.Pattern[str]:
    """A line that describes an order as written, "Order #N: SELL 12,500 EURUSD MARKET ·", with any order number for
    #N (order numbers are the console's, shared by every account)."""
    return re.compile("^" + re.escape(text).replace(re.escape("#N"), r"#\d+") + "$")


class OrderTicket:
    def __init__(self, page: Page, opener: str = "New Order") -> None:
        self.page = page
        self.new_order_button = page.get_by_role("button", name=opener, exact=True)
        self.form = page.get_by_role("form", name="Order ticket")
        self.instrument = self.form.get_by_label("Instrument")
        self.side = self.form.get_by_label("Side")
        self.quantity = self.form.get_by_label("Quantity")
        self.order_type = self.form.get_by_label("Order type")
        self.price = self.form.get_by_label("Price")
        self.quote_bid = self.form.get_by_test_id("ticket-bid")  # the chosen instrument's live bid and ask
        self.quote_ask = self.form.get_by_test_id("ticket-ask")
        self.submit_button = self.form.get_by_role("button", name="Submit Order")
        self.error = self.form.get_by_role("alert")
        self.last_order = page.get_by_role("region", name="Last order")
        self.summary = self.last_order.get_by_test_id("last-order-summary")  # the order in one line: side, size, ...
        self.status = self.last_order.get_by_test_id("last-order-status")
        self.reason = self.last_order.get_by_test_id("last-order-reason")  # why it was rejected or cancelled, if it was
        self.timeline_steps = self.last_order.get_by_role("list", name="Status timeline").get_by_role("listitem")

    @staticmethod
    def reason_shown(reason: str) -> re.Pattern[str]:
        """The reason next to the last order's status, as shown ("(cancelled by the trader)"); none: nothing shown."""
        return re.compile(rf"^\(?{re.escape(reason)}\)?$" if reason else r"^\s*$")

    def timeline_times_from_now_s(self) -> list[float]:
        """How far each status time of the last order's timeline is from the time of day now on the page's clock."""
        shown = [re.search(r"\d{2}:\d{2}:\d{2}", step) for step in self.timeline_steps.all_inner_texts()]
        return [seconds_from_now(self.page, time[0]) if time else float("inf") for time in shown]

    def fill_in(self, instrument: str, side: str, quantity: str, order_type: str, price: str = "") -> None:
        """Open a new ticket and fill it in as typed; the price only where the order type offers it."""
        self.start(instrument)
        self.side.select_option(side)
        self.quantity.fill(quantity)
        self.order_type.select_option(order_type)
        if order_type != "MARKET":
            self.price.fill(price)

    def open_for(self, order_type: str) -> None:
        """Open a new ticket for an order of this type: a LIMIT or STOP ticket shows its price field."""
        self.new_order_button.click()
        self.order_type.select_option(order_type)
        self.price.wait_for()

    def start(self, instrument: str) -> None:
        """Open a new ticket and choose the instrument, nothing else."""
        self.new_order_button.click()
        self.choose_instrument(instrument)

    def choose_instrument(self, instrument: str) -> None:
        """Choose another instrument on the open ticket."""
        self.instrument.select_option(instrument)

    def change_quantity(self, quantity: str) -> None:
        """Type a quantity in place of the one the ticket holds (it may have been prefilled)."""
        replace_value(self.quantity, quantity)

    def entered(self) -> dict[str, str]:
        """What the open ticket holds, as its fields show it."""
        return {"instrument": self.instrument.input_value(), "side": self.side.input_value(),
                "quantity": self.quantity.input_value(), "order type": self.order_type.input_value()}

    def submit(self) -> None:
        self.submit_button.click()

    def submit_recording_status(self) -> TextRecorder:
        """Submit, with every status the ticket then shows recorded in the page (see `TextRecorder`)."""
        recorder = TextRecorder(self.status).start()
        self.submit()
        return recorder

    def double_click_submit(self) -> None:
        self.submit_button.dblclick()

    def place(self, instrument: str, side: str, quantity: str, order_type: str, price: str = "") -> None:
        self.fill_in(instrument, side, quantity, order_type, price)
        self.submit()
