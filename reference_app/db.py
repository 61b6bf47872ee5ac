"""SQLite storage: one connection, the schema, and the seed desk of the test plan."""
from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from reference_app.security import hash_password

# The core tables; a feature module keeps its own tables in its own SCHEMA and calls ensure_schema at start-up.
SCHEMA = """
CREATE TABLE IF NOT EXISTS accounts (
    id                INTEGER PRIMARY KEY,
    name              TEXT NOT NULL,
    currency          TEXT NOT NULL DEFAULT 'USD',
    starting_cash     REAL NOT NULL DEFAULT 1000000,
    max_position_size REAL NOT NULL DEFAULT 100000,
    daily_loss_limit  REAL NOT NULL DEFAULT 5000,
    created_at        REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS users (
    id            INTEGER PRIMARY KEY,
    account_id    INTEGER NOT NULL REFERENCES accounts(id),
    email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('trader', 'risk_manager', 'viewer')),
    password_hash TEXT NOT NULL,
    created_at    REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    created_at REAL NOT NULL,
    expires_at REAL NOT NULL
);
"""

SEED_ACCOUNT_NAME = "Test Desk"
SEED_USER_EMAIL = "test@example.com"
SEED_USER_PASSWORD = "TestPassword123!"
# One user per role on the seed account, so that a console started without test mode has every actor the specs
# sign in as (playwright.config.py's `accounts=` names the same users). The test plan's user is the risk manager:
# its scenarios 2-4 need someone who trades, deploys strategies, edits limits and resets the Emergency Stop, and
# only a risk manager may do all of that.
SEED_USERS = (
    # (email, display name, role); every seed user has the test plan's password
    (SEED_USER_EMAIL, "Test User", "risk_manager"),
    ("trader@example.com", "Test Trader", "trader"),
    ("viewer@example.com", "Test Viewer", "viewer"),
)
# SQLite keeps an integer in 64 bits: an id outside this range names no row, and cannot even be bound to a query
# (sqlite3 raises OverflowError), so a lookup by such an id answers "not found" without asking.
ROW_IDS = range(-(2**63), 2**63)


class Database:
    """A single SQLite connection; the console runs on one event loop, so one connection is enough."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        self.ensure_schema(SCHEMA)

    def ensure_schema(self, schema: str) -> None:
        """Create a feature module's tables if they do not exist yet (each module owns its own SCHEMA)."""
        self._conn.executescript(schema)

    def close(self) -> None:
        self._conn.close()

    def one(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
        return self._conn.execute(sql, params).fetchone()

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        return self._conn.execute(sql, params).fetchall()

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one statement and return the id of the row it inserted (0 if none)."""
        cursor = self._conn.execute(sql, params)
        return cursor.lastrowid or 0

    def transaction(self, statements: Iterable[tuple[str, Sequence[Any]]]) -> None:
        with self._conn:
            self._conn.execute("BEGIN")
            for sql, params in statements:
                self._conn.execute(sql, params)

    def ping(self) -> float:
        """A real round trip to the database; returns its latency in milliseconds."""
        started = time.perf_counter()
        self._conn.execute("SELECT count(*) FROM users").fetchone()
        return (time.perf_counter() - started) * 1000

    def create_account(self, name: str, **limits: float) -> int:
        columns = ["name", "created_at", *limits]
        values = [name, time.time(), *limits.values()]
        placeholders = ", ".join("?" for _ in columns)
        return self.execute(f"INSERT INTO accounts ({', '.join(columns)}) VALUES ({placeholders})", values)

    def create_user(self, account_id: int, email: str, display_name: str, role: str, password: str) -> int:
        return self.execute(
            "INSERT INTO users (account_id, email, display_name, role, password_hash, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (account_id, email, display_name, role, hash_password(password), time.time()),
        )

    def ensure_seed_users(self) -> None:
        """The seed desk exists on every start: any seed user missing (a database from before they were added
        included) is created on the test plan's user's account; an existing user is left as it is."""
        owner = self.one("SELECT account_id FROM users WHERE email = ?", (SEED_USER_EMAIL,))
        account_id = owner["account_id"] if owner else self.create_account(SEED_ACCOUNT_NAME)
        for email, display_name, role in SEED_USERS:
            if not self.one("SELECT 1 FROM users WHERE email = ?", (email,)):
                self.create_user(account_id, email, display_name, role, SEED_USER_PASSWORD)
