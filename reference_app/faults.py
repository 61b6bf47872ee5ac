"""The named faults: realistic defects the console can be started with, so that each spec can be shown to fail.

This module is the one place where every fault is documented. Each entry says what defect it models, which
feature (pytest marker) is expected to notice it, and which scenarios must fail when it is active; the fault
proofs in `tests/` read this catalogue. Start a console with a fault: `python -m reference_app --test-mode
--fault status_frozen`.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Fault:
    name: str
    feature: str
    defect: str
    caught_by: tuple[str, ...]


CATALOGUE: tuple[Fault, ...] = (
    # System status dashboard (scenario 1 of the test plan)
    Fault(
        "status_frozen",
        "system_status",
        "The status broadcaster sends one update and then stops; the dashboard keeps showing green.",
        ("Status values refresh in real time without a reload",),
    ),
    Fault(
        "portfolio_sync_stalled",
        "system_status",
        "The portfolio synchronisation worker dies silently at start-up; nothing restarts it.",
        ("Every component reports healthy with its health metrics",),
    ),
    Fault(
        "feed_outage_reported_live",
        "system_status",
        "Market Data is reported Live from a hard-coded value, even when no tick has arrived for seconds.",
        ("A market-data outage is reported and clears when the feed resumes",),
    ),
    Fault(
        "status_page_script_error",
        "system_status",
        "The status page throws a TypeError while rendering the health metrics.",
        ("Every component reports healthy with its health metrics",),
    ),
    Fault(
        "slow_status_snapshot",
        "system_status",
        "The status snapshot API answers after 2.5 s, so the dashboard is not ready within its 2 s budget.",
        ("The dashboard is ready within its response-time budget",),
    ),
    # Signing in and out
    Fault(
        "session_cookie_wrong_path",
        "authentication",
        "The session cookie is scoped to /api, so after signing in every page sends the user back to login.",
        ("Signing in lands on the System Status dashboard",),
    ),
    Fault(
        "wrong_password_silent",
        "authentication",
        "A failed sign-in reloads the form without saying what went wrong.",
        ("A wrong password is refused with a clear message",),
    ),
    Fault(
        "signout_keeps_session",
        "authentication",
        "Sign out shows the login page but neither clears the cookie nor ends the session on the server.",
        ("Signing out ends the session",),
    ),
    Fault(
        "anonymous_access",
        "authentication",
        "A development fallback left on: requests without a session are served as the console's first user.",
        ("A protected page without a session leads to the sign-in page",),
    ),
    # Market data (scenario 6 of the test plan)
    Fault(
        "quote_frozen_shown_live",
        "market_data",
        "The board stops redrawing AUDUSD after its first quote, yet restarts its last-update clock on every tick, "
        "so a frozen price is shown as live.",
        ("The four majors update in real time within the real-time budgets",),
    ),
    Fault(
        "quote_updates_throttled",
        "market_data",
        "To save CPU, the board redraws each quote at most every 2 s (0.5 Hz), while its last-update clock still "
        "restarts on every tick.",
        ("The four majors update in real time within the real-time budgets",),
    ),
    Fault(
        "tick_broadcast_batched",
        "market_data",
        "The WebSocket output is buffered and flushed twice a second: every tick arrives, but up to 500 ms late.",
        ("The four majors update in real time within the real-time budgets",),
    ),
    Fault(
        "currency_filter_base_only",
        "market_data",
        "The currency filter matches only the base currency, so JPY shows no pair and GBP misses EURGBP.",
        ("Filtering the board by currency shows only the pairs that trade it",),
    ),
    Fault(
        "search_case_sensitive",
        "market_data",
        "The instrument search compares case-sensitively, so typing \"aud\" finds nothing.",
        ("Searching the board for an instrument narrows it to the matches",),
    ),
    Fault(
        "change_sort_ignores_sign",
        "market_data",
        "Sorting by Change compares absolute values, so a 0.7 % fall sorts above a 0.5 % rise.",
        ("Sorting the board by a column, both ways",),
    ),
    Fault(
        "stale_flag_never_shown",
        "market_data",
        "The stale check compares seconds with milliseconds, so an instrument without ticks is never flagged stale.",
        ("An instrument without ticks is flagged stale until its next tick",),
    ),
    Fault(
        "disconnect_keeps_prices_live",
        "market_data",
        "When the connection drops, the board keeps showing its last prices as live until they age out.",
        ("After a dropped connection the board reconnects and prices move again",),
    ),
)

FAULTS: dict[str, Fault] = {fault.name: fault for fault in CATALOGUE}


def validate_fault_names(names: frozenset[str] | set[str]) -> None:
    unknown = sorted(set(names) - FAULTS.keys())
    if unknown:
        raise ValueError(f"unknown fault(s) {', '.join(unknown)}; known faults: {', '.join(sorted(FAULTS))}")


def describe_faults() -> str:
    return "\n".join(f"{f.name:32} [{f.feature}] {f.defect}" for f in CATALOGUE)


class ActiveFaults:
    """The faults this console was started with; `"name" in faults` asks whether one is active."""

    def __init__(self, names: frozenset[str]) -> None:
        validate_fault_names(names)
        self._names = names

    def __contains__(self, name: object) -> bool:
        if name not in FAULTS:
            raise KeyError(f"no fault named {name!r} in the catalogue")
        return name in self._names

    @property
    def names(self) -> list[str]:
        return sorted(self._names)
