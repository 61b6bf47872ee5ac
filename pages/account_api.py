"""The console's account of who is signed in (`GET /api/me`), asked through a browser context's request."""
from __future__ import annotations

from typing import Any

from playwright.sync_api import APIRequestContext

from pages.api_client import body_of


class AccountApi:
    def __init__(self, request: APIRequestContext) -> None:
        self.request = request

    def signed_in_user(self) -> dict[str, Any]:
        """Everything the console tells the browser about the user whose session the request carries."""
        return body_of(self.request.get("/api/me"), "GET /api/me")
