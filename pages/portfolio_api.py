"""The console's portfolio API as the signed-in user: a position closed or resized without the Portfolio screen."""
from __future__ import annotations

import uuid

from playwright.sync_api import APIRequestContext, APIResponse


class PortfolioApi:
    def __init__(self, request: APIRequestContext) -> None:
        self.request = request

    def close(self, instrument: str) -> APIResponse:
        """Ask the console to close the position; its answer, whatever it is (a viewer: 403)."""
        return self.request.post(f"/api/portfolio/positions/{instrument}/close",
                                 data={"client_order_id": uuid.uuid4().hex})

    def resize(self, instrument: str, target_quantity: float) -> APIResponse:
        """Ask the console to change the position's size; its answer, whatever it is (a viewer: 403)."""
        return self.request.post(f"/api/portfolio/positions/{instrument}/resize",
                                 data={"client_order_id": uuid.uuid4().hex, "target_quantity": target_quantity})
