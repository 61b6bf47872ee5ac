"""The console's own API as a signed-in user, for Given steps that set the scene faster than the screens would, and
for Then steps that check what the console does with a request that never went through a screen.

The same public API the pages call (see docs/ui-contract.md), so it works against any console that offers them.
"""
from __future__ import annotations

import uuid
from typing import Any

from playwright.sync_api import APIRequestContext, APIResponse


class DeskApiError(RuntimeError):
    pass


def _body(response: APIResponse, what: str) -> dict[str, Any]:
    if not response.ok:
        raise DeskApiError(f"{what} answered {response.status}: {response.text()}")
    return response.json()


class OrdersApi:
    def __init__(self, request: APIRequestContext) -> None:
        self.request = request  # a browser context's request: it carries that context's session cookie

    def submit(self, instrument: str, side: str, quantity: float, order_type: str = "MARKET",
               price: float | None = None) -> APIResponse:
        """Send an order as a client other than the order ticket would; the console's answer, whatever it is."""
        ticket = {"client_order_id": uuid.uuid4().hex, "instrument": instrument, "side": side, "type": order_type,
                  "quantity": quantity, "price": price}
        return self.request.post("/api/orders", data=ticket)

    def place(self, instrument: str, side: str, quantity: float, order_type: str = "MARKET",
              price: float | None = None) -> dict[str, Any]:
        """Place an order that the console must accept; the order as it answered (status Pending)."""
        return _body(self.submit(instrument, side, quantity, order_type, price), "placing an order")

    def positions(self) -> dict[str, Any]:
        return _body(self.request.get("/api/positions"), "reading the positions")


class RiskApi:
    def __init__(self, request: APIRequestContext) -> None:
        self.request = request

    def set_limits(self, max_position_size: float | None = None, daily_loss_limit: float | None = None
                   ) -> dict[str, Any]:
        """Save the account's limits (a risk manager's session); a limit not given keeps its value."""
        current = self.limits()
        body = {"max_position_size": current["max_position_size"] if max_position_size is None else max_position_size,
                "daily_loss_limit": current["daily_loss_limit"] if daily_loss_limit is None else daily_loss_limit}
        return _body(self.request.put("/api/risk/limits", data=body), "saving the limits")

    def limits(self) -> dict[str, Any]:
        return _body(self.request.get("/api/risk"), "reading the risk screen's data")["limits"]

    def emergency_stop(self) -> dict[str, Any]:
        return _body(self.request.post("/api/risk/emergency-stop"), "the Emergency Stop")

    def resume(self) -> APIResponse:
        """Ask the console to resume trading; its answer, whatever it is (a trader gets 403)."""
        return self.request.post("/api/risk/resume")
