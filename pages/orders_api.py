"""The console's orders API as the signed-in user: orders placed without the ticket, and the account's book."""
from __future__ import annotations

import uuid
from typing import Any

from playwright.sync_api import APIRequestContext, APIResponse

from pages.api_client import as_number, body_of


class OrdersApi:
    def __init__(self, request: APIRequestContext) -> None:
        self.request = request

    def submit(self, instrument: str, side: str, quantity: float, order_type: str = "MARKET",
               price: float | None = None) -> APIResponse:
        """Send an order as a client other than the order ticket would; the console's answer, whatever it is."""
        ticket = {"client_order_id": uuid.uuid4().hex, "instrument": instrument, "side": side, "type": order_type,
                  "quantity": quantity, "price": price}
        return self.request.post("/api/orders", data=ticket)

    def place(self, instrument: str, side: str, quantity: float, order_type: str = "MARKET",
              price: float | None = None) -> dict[str, Any]:
        """Place an order that the console must accept; the order as it answered (status Pending)."""
        return body_of(self.submit(instrument, side, quantity, order_type, price),
                       f"placing {side} {quantity:,.0f} {instrument} {order_type}")

    def cancel(self, order_id: int) -> APIResponse:
        """Ask the console to cancel an order; its answer, whatever it is (a viewer: 403)."""
        return self.request.post(f"/api/orders/{order_id}/cancel")

    def order(self, order_id: int) -> APIResponse:
        """Ask for one order by its id; the console's answer, whatever it is (another account's order: 404)."""
        return self.request.get(f"/api/orders/{order_id}")

    def history(self) -> list[dict[str, Any]]:
        """The account's orders as GET /api/orders gives them, newest first."""
        return body_of(self.request.get("/api/orders"), "reading the orders")["orders"]

    def book(self) -> dict[str, Any]:
        """The account's valuation as GET /api/positions gives it: cash, equity, exposure and the positions."""
        return body_of(self.request.get("/api/positions"), "reading the positions")

    def positions(self) -> dict[str, float]:
        """The account's open positions: instrument -> signed quantity."""
        return {p["instrument"]: p["quantity"] for p in self.book()["positions"]}

    def trade_at_market(self, trades: list[list[str]]) -> dict[str, float]:
        """Place MARKET orders, all at once, for signed amounts as the desk writes them ([["EURUSD", "+10,000"]]: buy
        10,000; "-4,000": sell 4,000); returns the position each instrument will be left with once they fill."""
        now = self.positions()
        held = {instrument: now.get(instrument, 0.0) for instrument, _ in trades}
        for instrument, amount in trades:
            units = as_number(amount)
            self.place(instrument, "BUY" if units > 0 else "SELL", abs(units))
            held[instrument] += units
        return held
