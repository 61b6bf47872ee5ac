"""The console's orders API, as the signed-in user: sets the scene for a scenario faster than the ticket would.

The same public API the order ticket calls (see docs/ui-contract.md), so it works against any console that offers
the Trading screen. Given steps use it; When steps use the screens.
"""
from __future__ import annotations

import uuid
from typing import Any

from playwright.sync_api import APIRequestContext, APIResponse


class OrdersApiError(RuntimeError):
    pass


class OrdersApi:
    def __init__(self, request: APIRequestContext) -> None:
        self.request = request  # a browser context's request: it carries that context's session cookie

    @staticmethod
    def _body(response: APIResponse, what: str) -> dict[str, Any]:
        if not response.ok:
            raise OrdersApiError(f"{what} answered {response.status}: {response.text()}")
        return response.json()

    def positions(self) -> dict[str, float]:
        """The account's open positions: instrument -> signed quantity."""
        book = self._body(self.request.get("/api/positions"), "reading the positions")
        return {p["instrument"]: p["quantity"] for p in book["positions"]}

    def place_market(self, side: str, quantity: float, instrument: str) -> dict[str, Any]:
        ticket = {"client_order_id": uuid.uuid4().hex, "instrument": instrument, "side": side, "type": "MARKET",
                  "quantity": quantity}
        return self._body(self.request.post("/api/orders", data=ticket), f"placing {side} {quantity:,.0f} {instrument}")

    def trade_at_market(self, trades: list[list[str]]) -> dict[str, float]:
        """Place MARKET orders, all at once, for signed amounts as the desk writes them ([["EURUSD", "+10,000"]]: buy
        10,000; "-4,000": sell 4,000); returns the position each instrument will be left with once they fill."""
        now = self.positions()
        held = {instrument: now.get(instrument, 0.0) for instrument, _ in trades}
        for instrument, amount in trades:
            units = float(amount.replace(",", ""))
            self.place_market("BUY" if units > 0 else "SELL", abs(units), instrument)
            held[instrument] += units
        return held
