"""The console's risk API as the signed-in user: limits, the Emergency Stop and the resume without the Risk screen."""
from __future__ import annotations

from typing import Any

from playwright.sync_api import APIRequestContext, APIResponse

from pages.api_client import body_of


class RiskApi:
    def __init__(self, request: APIRequestContext) -> None:
        self.request = request

    def save_limits(self, max_position_size: float, daily_loss_limit: float) -> APIResponse:
        """Ask the console to save the limits; its answer, whatever it is (anyone but a risk manager: 403)."""
        return self.request.put("/api/risk/limits", data={"max_position_size": max_position_size,
                                                          "daily_loss_limit": daily_loss_limit})

    def set_limits(self, max_position_size: float | None = None, daily_loss_limit: float | None = None
                   ) -> dict[str, Any]:
        """Save the account's limits (a risk manager's session); a limit not given keeps its value."""
        current = self.limits()
        answer = self.save_limits(current["max_position_size"] if max_position_size is None else max_position_size,
                                  current["daily_loss_limit"] if daily_loss_limit is None else daily_loss_limit)
        return body_of(answer, "saving the limits")

    def limits(self) -> dict[str, Any]:
        return body_of(self.request.get("/api/risk"), "reading the risk screen's data")["limits"]

    def halt(self) -> dict[str, Any]:
        """The account's halt state: {"halted", "kind", "message", "by", "at", ...}."""
        return body_of(self.request.get("/api/risk/halt"), "reading the halt state")

    def request_emergency_stop(self) -> APIResponse:
        """Ask for the Emergency Stop; the console's answer, whatever it is (a viewer: 403)."""
        return self.request.post("/api/risk/emergency-stop")

    def emergency_stop(self) -> dict[str, Any]:
        return body_of(self.request_emergency_stop(), "the Emergency Stop")

    def resume(self) -> APIResponse:
        """Ask the console to resume trading; its answer, whatever it is (a trader gets 403)."""
        return self.request.post("/api/risk/resume")
