"""The console's strategies API as the signed-in user: strategies saved and deployed without the form."""
from __future__ import annotations

from typing import Any

from playwright.sync_api import APIRequestContext, APIResponse

from pages.api_client import as_number, body_of
from pages.strategy_form import StrategyDraft


class StrategiesApi:
    def __init__(self, request: APIRequestContext) -> None:
        self.request = request  # a browser context's request: it carries that context's session cookie

    def submit(self, draft: StrategyDraft) -> APIResponse:
        """Ask the console to save a strategy; its answer, whatever it is (a viewer: 403)."""
        body = {"name": draft.name, "type": draft.type, "instruments": list(draft.instruments),
                "timeframe": draft.timeframe, "risk_limit": as_number(draft.risk_limit),
                "max_position_size": as_number(draft.max_position_size)}
        return self.request.post("/api/strategies", data=body)

    def save(self, draft: StrategyDraft) -> dict[str, Any]:
        return body_of(self.submit(draft), "saving a strategy")

    def all(self) -> list[dict[str, Any]]:
        """The account's strategies as GET /api/strategies lists them."""
        return body_of(self.request.get("/api/strategies"), "reading the strategies")["strategies"]

    def strategy(self, strategy_id: int) -> APIResponse:
        """Ask for one strategy by its id; the console's answer, whatever it is (another account's: 404)."""
        return self.request.get(f"/api/strategies/{strategy_id}")

    def request_deploy(self, strategy_id: int) -> APIResponse:
        """Ask the console to deploy a strategy; its answer, whatever it is (a viewer: 403)."""
        return self.request.post(f"/api/strategies/{strategy_id}/deploy")

    def deploy(self, strategy_id: int) -> dict[str, Any]:
        return body_of(self.request_deploy(strategy_id), "deploying a strategy")

    def request_stop(self, strategy_id: int) -> APIResponse:
        """Ask the console to stop a strategy; its answer, whatever it is (a viewer: 403)."""
        return self.request.post(f"/api/strategies/{strategy_id}/stop")

    def stop(self, strategy_id: int) -> dict[str, Any]:
        return body_of(self.request_stop(strategy_id), "stopping a strategy")
