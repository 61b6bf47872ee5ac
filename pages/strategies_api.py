"""The console's strategies API, as the signed-in user: sets the scene for a scenario faster than the form would.

The same public API the Strategies page calls (see docs/ui-contract.md), so it works against any console that
offers the page, with or without test control. Given steps use it; When steps use the page.
"""
from __future__ import annotations

from typing import Any

from playwright.sync_api import APIRequestContext, APIResponse

from pages.strategy_form import StrategyDraft


class StrategiesApiError(RuntimeError):
    pass


class StrategiesApi:
    def __init__(self, request: APIRequestContext) -> None:
        self.request = request  # a browser context's request: it carries that context's session cookie

    @staticmethod
    def _amount(text: str) -> float:
        return float(text.replace("$", "").replace(",", "").strip())

    @staticmethod
    def _body(response: APIResponse, what: str) -> dict[str, Any]:
        if not response.ok:
            raise StrategiesApiError(f"{what} answered {response.status}: {response.text()}")
        return response.json()

    def save(self, draft: StrategyDraft) -> dict[str, Any]:
        body = {"name": draft.name, "type": draft.type, "instruments": list(draft.instruments),
                "timeframe": draft.timeframe, "risk_limit": self._amount(draft.risk_limit),
                "max_position_size": self._amount(draft.max_position_size)}
        return self._body(self.request.post("/api/strategies", data=body), "saving a strategy")

    def deploy(self, strategy_id: int) -> dict[str, Any]:
        return self._body(self.request.post(f"/api/strategies/{strategy_id}/deploy"), "deploying a strategy")
