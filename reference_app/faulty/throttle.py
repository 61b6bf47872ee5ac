"""Faulty variants of the login throttle's seams (reference_app/throttle.py), one per named fault."""
from __future__ import annotations

from reference_app.seams import replaces
from reference_app.throttle import LoginThrottle


@replaces("throttle.retry_after_s", fault="login_throttling_missing")
def never_locked_out(throttle: LoginThrottle, email: str) -> int | None:
    # The defect: failed sign-ins are never counted against the email: no 429, no lockout.
    return None


@replaces("throttle.locked_out", fault="lockout_one_attempt_late")
def locked_out_one_failure_late(failures: int, limit: int) -> bool:
    # The defect: `<=` where `<` was meant: the email is locked out after the 11th failure instead of the 10th.
    return failures > limit
