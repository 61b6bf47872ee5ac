"""What the API page objects share: the body of an answer that had to succeed, or an error that says what failed.

The API page objects (orders_api, risk_api, strategies_api) call the same public API the screens call (see
docs/ui-contract.md) with a browser context's request, which carries that context's session cookie. Given steps use
them to set the scene faster than the screens would; Then steps use them to check what the console does with a
request that never went through a screen.
"""
from __future__ import annotations

from typing import Any

from playwright.sync_api import APIResponse


class ConsoleApiError(RuntimeError):
    pass


def as_number(text: str) -> float:
    """A number as the desk writes it ("$1,003,000", "+10,000", "-4,000") as the API takes it."""
    return float(text.replace("$", "").replace(",", "").strip())


def body_of(response: APIResponse, what: str) -> dict[str, Any]:
    if not response.ok:
        raise ConsoleApiError(f"{what} answered {response.status}: {response.text()}")
    return response.json()
