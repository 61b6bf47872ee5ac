"""The console's market-data API as the signed-in user: the board's starting point, asked for directly."""
from __future__ import annotations

from playwright.sync_api import APIRequestContext, APIResponse


class MarketDataApi:
    def __init__(self, request: APIRequestContext) -> None:
        self.request = request

    def quotes(self, instrument: str) -> APIResponse:
        """Ask for one instrument's quote; the console's answer, whatever it is (an unknown one: 404)."""
        return self.request.get("/api/market-data", params={"instrument": instrument})
