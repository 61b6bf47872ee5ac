"""Faulty variants of the sign-in's seams (reference_app/auth.py), one per named fault."""
from __future__ import annotations

from reference_app.seams import replaces


@replaces("auth.safe_next", fault="deep_link_lost_at_sign_in")
def always_the_dashboard(target: str | None, lenient: bool = False) -> str:
    # The defect: the sign-in ignores where the user was going and always lands on the System Status screen.
    return "/status"
