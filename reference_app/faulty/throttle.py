"""Faulty variants of the login throttle's seams (reference_app/throttle.py), one per named fault."""
from __future__ import annotations

from reference_app.db import Database
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


@replaces("throttle.recent_failures", fault="lockout_locks_every_email")
def failures_of_everyone(db: Database, email: str, since: float) -> list[float]:
    # The defect: the query of the recent failures lost its `email = ?` condition: the failures of every email are
    # counted together, so ten wrong passwords for one email lock every user of the console out.
    return [row["failed_at"] for row in db.all(
        "SELECT failed_at FROM login_failures WHERE failed_at > ? ORDER BY failed_at DESC", (since,))]


@replaces("throttle.forget", fault="lockout_ignores_successful_sign_in")
def failures_kept_after_success(throttle: LoginThrottle, email: str) -> None:
    # The defect: a successful sign-in no longer clears the email's failures (the clean-up was moved to a nightly job
    # that was never scheduled): after nine wrong passwords and a right one, the next mistyped password within the
    # window locks the user out, as if it were the tenth failure in a row.
    return None


@replaces("throttle.recent_failures", fault="lockout_counted_per_spelling")
def failures_of_this_spelling(db: Database, email: str, since: float) -> list[float]:
    # The defect: the comparison is by exact spelling (as after a migration that re-created the table without its
    # NOCASE collation): wrong passwords typed as "TEST@EXAMPLE.COM" do not count towards "test@example.com".
    return [row["failed_at"] for row in db.all(
        "SELECT failed_at FROM login_failures WHERE email = ? COLLATE BINARY AND failed_at > ? ORDER BY failed_at DESC",
        (email, since))]
