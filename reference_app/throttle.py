"""Login throttling: after too many failed sign-ins for one email within a window, refuse further attempts."""
from __future__ import annotations

import math
import time
from dataclasses import dataclass

from reference_app.db import Database
from reference_app.seams import seam

SCHEMA = """
CREATE TABLE IF NOT EXISTS login_failures (
    email     TEXT NOT NULL COLLATE NOCASE,
    failed_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS login_failures_by_email ON login_failures (email, failed_at);
"""


@dataclass
class LoginThrottle:
    """Failures are counted per email over `window_s`, in SQLite so a restart does not reset an attacker's count.

    With `limit` failures in the window, the email is locked out for `lockout_s` after the latest one. Attempts
    refused while locked out are not counted; a wrong password after the lockout locks it again at once; a
    successful sign-in forgets the email's failures.
    """

    db: Database
    limit: int = 10
    window_s: float = 15 * 60
    lockout_s: float = 15 * 60

    def __post_init__(self) -> None:
        self.db.ensure_schema(SCHEMA)

    @seam("throttle.retry_after_s")
    def retry_after_s(self, email: str) -> int | None:
        """Whole seconds until `email` may try again, or None if it may try now."""
        now = time.time()
        recent = recent_failures(self.db, email.strip(), now - self.window_s)
        if not locked_out(len(recent), self.limit):
            return None
        remaining = recent[0] + self.lockout_s - now
        return math.ceil(remaining) if remaining > 0 else None

    def record_failure(self, email: str) -> None:
        self.db.execute("INSERT INTO login_failures (email, failed_at) VALUES (?, ?)", (email.strip(), time.time()))

    @seam("throttle.forget")
    def forget(self, email: str) -> None:
        """A successful sign-in clears the email's failures: only failures since the last success count."""
        self.db.execute("DELETE FROM login_failures WHERE email = ?", (email.strip(),))


@seam("throttle.recent_failures")
def recent_failures(db: Database, email: str, since: float) -> list[float]:
    """When the email's sign-ins failed since `since`, latest first. An address is not case-sensitive (the column
    compares without case, NOCASE): "Test@example.com" counts towards the lockout of "test@example.com", else
    changing the case of one letter would buy ten more guesses."""
    return [row["failed_at"] for row in db.all(
        "SELECT failed_at FROM login_failures WHERE email = ? AND failed_at > ? ORDER BY failed_at DESC",
        (email, since))]


@seam("throttle.locked_out")
def locked_out(failures: int, limit: int) -> bool:
    """The email is locked out from its `limit`-th failure in the window on (10 failures: the 10th locks it)."""
    return failures >= limit


def describe_wait(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    minutes = math.ceil(seconds / 60)
    return f"{minutes} minute{'s' if minutes != 1 else ''}"
