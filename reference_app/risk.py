"""Risk management: the account's risk metrics, its limits, and the kill switch (Emergency Stop) that halts trading.

Metrics, all in USD (the account currency), built on `reference_app/positions.py`, whose formulas they reuse:

- Portfolio Value = the account's equity = cash + Σ (cost + unrealized P&L) (`positions.value_account`).
- Daily P&L = realized today + change in unrealized since the day's start = equity now − equity at the start of the
  UTC day (`positions.daily_pnl_usd`).
- Gross exposure = Σ |quantity × mark| over the open positions, converted to USD (`value_account`).
- Max drawdown = min over the equity history of (equity / running max of equity − 1): zero or negative, shown in
  percent. The history is the starting cash (the equity when the account opened), every recorded sample, and the
  equity at each valuation a screen asks for. The running peak and the worst drawdown so far are kept per account
  (`equity_peaks`), so the whole history need not be.
- VaR 95% = the loss of equity over one sampling interval that is not exceeded with 95 % confidence, parametric:
  with r_i = E_i / E_(i−1) − 1 the returns between consecutive samples of the window (the last `VAR_WINDOW`
  samples), μ their mean and σ their sample standard deviation, VaR = max(0, −(μ − 1.645 σ)) × equity now.
  Before there are `VAR_MIN_RETURNS` returns there is not enough history: the API answers `null` with how many
  returns it has, and the screen says so instead of showing a number.

Sampling: the "risk" worker (app.py) records, every `Settings.risk_sample_interval_s` (1 s), the equity of every
account whose equity can move — one with an open position, or with a fill in the last `RECENT_FILL_S` seconds (so
the equity after a close is recorded too). A flat account's equity cannot move, so nothing is recorded for it. Only
the last `VAR_WINDOW` samples per account are kept (5 minutes at 1 Hz); the drawdown lives on in `equity_peaks`.

The same worker enforces the daily loss limit: an account whose Daily P&L reaches minus its limit is halted, with
an alert, exactly as an Emergency Stop would halt it.

The halt (`halt_trading`): sets `accounts.trading_halted` (`orders.set_trading_halted`, which the order engine's
checks honour), cancels every open order (`OrderEngine.cancel_open_orders`), stops every running strategy
(`strategies.stop_all`), records who and when, logs an alert, and pushes the new state (topic "halt") to every open
session of the account. Positions are kept. Only `resume_trading` (a risk manager) lifts it, and it revives nothing.
"""
from __future__ import annotations

import logging
import math
import re
import statistics
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, HTTPException, Request, status
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from reference_app import orders, positions, strategies
from reference_app.auth import CurrentUser, User
from reference_app.db import Database
from reference_app.feed import Quote
from reference_app.seams import seam

if TYPE_CHECKING:
    from reference_app.context import Console

SCHEMA = """
CREATE TABLE IF NOT EXISTS equity_samples (
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    at         REAL NOT NULL,  -- epoch seconds
    equity_usd REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS equity_samples_by_account ON equity_samples (account_id, at);
CREATE TABLE IF NOT EXISTS equity_peaks (
    account_id      INTEGER PRIMARY KEY REFERENCES accounts(id),
    peak_equity_usd REAL NOT NULL,  -- the running maximum of the equity history
    max_drawdown    REAL NOT NULL,  -- the worst equity / running peak − 1 so far (zero or negative)
    updated_at      REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS trading_halts (
    account_id INTEGER PRIMARY KEY REFERENCES accounts(id),  -- the account's current halt; deleted on resume
    kind       TEXT NOT NULL CHECK (kind IN ('emergency_stop', 'daily_loss_limit')),
    message    TEXT NOT NULL,
    user_id    INTEGER REFERENCES users(id),  -- who pressed the Emergency Stop; NULL for the risk engine
    by_name    TEXT NOT NULL,
    at         REAL NOT NULL  -- epoch milliseconds
);
CREATE TABLE IF NOT EXISTS risk_alerts (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    kind       TEXT NOT NULL CHECK (kind IN ('emergency_stop', 'daily_loss_limit', 'resume', 'limits')),
    message    TEXT NOT NULL,
    user_id    INTEGER REFERENCES users(id),
    at         REAL NOT NULL  -- epoch milliseconds
);
CREATE INDEX IF NOT EXISTS risk_alerts_by_account ON risk_alerts (account_id, id);
"""

VAR_WINDOW = 300  # samples kept per account, and the VaR window (5 minutes at one sample a second)
VAR_MIN_RETURNS = 10  # fewer returns than this are not enough history for a VaR
VAR_Z_95 = 1.645  # one-sided 95 % quantile of the standard normal distribution
RECENT_FILL_S = 5.0  # an account that filled this recently is sampled even when flat (its close is recorded)
PRUNE_EVERY_ROUNDS = 60
MAX_POSITION_CAP = 10_000_000  # units: a limit beyond this is a typo, not a policy
ALERTS_SHOWN = 50

EMERGENCY_STOP, DAILY_LOSS_LIMIT, RESUME, LIMITS = "emergency_stop", "daily_loss_limit", "resume", "limits"
RISK_ENGINE = "the risk engine"
STOPPING_ROLES = ("trader", "risk_manager")
LIMIT_LABELS = {"max_position_size": "Max Position Size", "daily_loss_limit": "Daily Loss Limit"}

log = logging.getLogger(__name__)


# Formatting, as the desk writes amounts ----------------------------------------------------------------------------

def usd(amount: float) -> str:
    """$1,234.56 and -$1,234.56; whole amounts without cents ($2,000), as the desk writes limits."""
    text = f"{abs(amount):,.2f}".removesuffix(".00")
    return f"{'-' if round(amount, 2) < 0 else ''}${text}"


def units(quantity: float) -> str:
    return f"{quantity:,.0f}"


def _utc_clock(epoch_ms: float) -> str:
    return datetime.fromtimestamp(epoch_ms / 1000, timezone.utc).strftime("%H:%M:%S UTC")


@seam("risk.halt_clock")
def halt_clock(epoch_ms: float) -> str:
    """The time of day of a halt, as its message gives it: UTC, and says so."""
    return _utc_clock(epoch_ms)


def _now_ms() -> float:
    return time.time() * 1000


# The formulas (pure, so that the self-tests can check them on known series) ----------------------------------------

@dataclass(frozen=True)
class ReturnStats:
    """Mean and sample standard deviation of the returns between consecutive equity samples."""

    returns: int
    mean: float | None
    stdev: float | None

    @seam("risk.var_95")
    def var_95(self, equity_now: float, z: float = VAR_Z_95) -> float | None:
        """VaR 95 % in USD for the equity now, or None while there is not enough history."""
        if self.returns < VAR_MIN_RETURNS or self.mean is None or self.stdev is None:
            return None
        return max(0.0, -(self.mean - z * self.stdev)) * equity_now


def return_stats(equities: Sequence[float]) -> ReturnStats:
    returns = [later / earlier - 1 for earlier, later in zip(equities, equities[1:], strict=False) if earlier > 0]
    if len(returns) < 2:
        return ReturnStats(len(returns), None, None)
    return ReturnStats(len(returns), statistics.fmean(returns), statistics.stdev(returns))


def max_drawdown(equities: Iterable[float]) -> float:
    """min(equity / running max of equity − 1) over the series: 0.0 when it never fell below a peak."""
    peak, worst = -math.inf, 0.0
    for equity in equities:
        peak = max(peak, equity)
        if peak > 0:
            worst = min(worst, equity / peak - 1)
    return worst


# Limits --------------------------------------------------------------------------------------------------------

class LimitsEdit(BaseModel):
    """The limits as the editor sends them: numbers, or the text as typed ("50,000", "$2,000")."""

    max_position_size: float | str | None = Field(default=None)
    daily_loss_limit: float | str | None = Field(default=None)


_AMOUNT = re.compile(r"^[-+]?\d+(\.\d+)?$")


class BadValue(ValueError):
    pass


def parse_amount(value: float | str | None) -> float:
    """A typed amount as a number: "$2,000", "50,000", " 2500.50 ", "-$100"; raises BadValue with the reason."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise BadValue("is required")
    if isinstance(value, str):
        cleaned = re.sub(r"[\s$,]", "", value)
        if not _AMOUNT.match(cleaned):
            raise BadValue("must be a number")
        value = float(cleaned)
    if not math.isfinite(value):
        raise BadValue("must be a number")
    return float(value)


@dataclass(frozen=True)
class LimitProblem:
    field: str
    reason: str

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "label": LIMIT_LABELS[self.field], "reason": self.reason}


@seam("risk.limit_too_small")
def limit_too_small(value: float) -> bool:
    """A limit must be greater than zero: a limit of zero would stop all trading, which is the kill switch's job."""
    return value <= 0


@seam("risk.loss_limit_above_cash")
def loss_limit_above_cash(loss_limit: float, starting_cash: float) -> bool:
    """A daily loss limit may be as large as the account's starting cash, not larger."""
    return loss_limit > starting_cash


@seam("risk.in_whole_cents")
def in_whole_cents(amount: float) -> bool:
    """A money limit is in whole cents: $2,000.50 is one, $2,000.505 is not."""
    return round(amount, 2) == amount


def check_limits(edit: LimitsEdit, starting_cash: float) -> tuple[dict[str, float], list[LimitProblem]]:
    """The limits to save, and every rule they break (each with its reason)."""
    values: dict[str, float] = {}
    problems: list[LimitProblem] = []
    for field in LIMIT_LABELS:
        try:
            values[field] = parse_amount(getattr(edit, field))
        except BadValue as bad:
            problems.append(LimitProblem(field, str(bad)))
    size = values.get("max_position_size")
    if size is not None:
        if limit_too_small(size):
            problems.append(LimitProblem("max_position_size", "must be greater than 0 units"))
        elif size != int(size):
            problems.append(LimitProblem("max_position_size", "must be a whole number of units"))
        elif size > MAX_POSITION_CAP:
            problems.append(LimitProblem("max_position_size", f"must not exceed {units(MAX_POSITION_CAP)} units"))
    loss = values.get("daily_loss_limit")
    if loss is not None:
        if limit_too_small(loss):
            problems.append(LimitProblem("daily_loss_limit", "must be greater than $0"))
        elif not in_whole_cents(loss):
            problems.append(LimitProblem("daily_loss_limit", "must be in whole cents"))
        elif loss_limit_above_cash(loss, starting_cash):
            problems.append(LimitProblem("daily_loss_limit",
                                         f"must not exceed the account's starting cash of {usd(starting_cash)}"))
    order = list(LIMIT_LABELS)
    return values, sorted(problems, key=lambda problem: order.index(problem.field))


# Halt state and alerts -----------------------------------------------------------------------------------------

def halt_state(db: Database, account_id: int) -> dict[str, Any]:
    """The account's trading state as every page shows it (the banner), and as the "halt" event carries it."""
    halted = orders.trading_halted(db, account_id)
    row = db.one("SELECT kind, message, by_name, at FROM trading_halts WHERE account_id = ?", (account_id,))
    if halted and row:
        return {"halted": True, "kind": row["kind"], "message": row["message"], "by": row["by_name"],
                "at": row["at"], "as_of": _now_ms()}
    if halted:  # halted by other means than this module (e.g. directly in the database): still halted
        return {"halted": True, "kind": None, "message": "Trading is halted for this account.", "by": None,
                "at": None, "as_of": _now_ms()}
    return {"halted": False, "kind": None, "message": "", "by": None, "at": None, "as_of": _now_ms()}


def _alert_from(row: Any) -> dict[str, Any]:
    return {"id": row["id"], "kind": row["kind"], "message": row["message"], "at": row["at"]}


def alerts(db: Database, account_id: int, limit: int = ALERTS_SHOWN) -> list[dict[str, Any]]:
    rows = db.all("SELECT id, kind, message, at FROM risk_alerts WHERE account_id = ? ORDER BY id DESC LIMIT ?",
                  (account_id, limit))
    return [_alert_from(row) for row in rows]


def limits_of(db: Database, account_id: int) -> dict[str, float]:
    row = db.one("SELECT max_position_size, daily_loss_limit, starting_cash FROM accounts WHERE id = ?", (account_id,))
    if row is None:
        raise LookupError(f"no account {account_id}")
    return {"max_position_size": row["max_position_size"], "daily_loss_limit": row["daily_loss_limit"],
            "starting_cash": row["starting_cash"]}


class AlreadyHalted(Exception):
    pass


class NotHalted(Exception):
    pass


@seam("risk.daily_loss_reached")
def daily_loss_reached(daily: float, limit: float) -> bool:
    """A Daily P&L (rounded to the cent) reaches the limit at minus the limit exactly; a cent less does not."""
    return daily <= -limit


@seam("risk.running_peak")
def running_peak(peak: float, equity: float, starting_cash: float) -> float:
    """The running maximum of the equity history, from which a drawdown is measured."""
    return max(peak, equity)


@seam("risk.worst_drawdown")
def worst_drawdown(worst: float, equity: float, peak: float) -> float:
    """The max drawdown after one more equity: the worst fall below a running peak so far, which a recovery does not
    undo (zero or negative)."""
    return min(worst, equity / peak - 1) if peak > 0 else worst


@seam("risk.daily_pnl")
def daily_pnl(db: Database, quotes: Mapping[str, Quote], account_id: int) -> float:
    """Daily P&L: realized today plus the change in unrealized since the day's start (`positions.daily_pnl_usd`)."""
    return positions.daily_pnl_usd(db, quotes, account_id)


@seam("risk.portfolio_value")
def portfolio_value(value: positions.AccountValue) -> float:
    """The Risk screen's Portfolio Value: the account's equity, as the Portfolio screen shows it."""
    return value.equity_usd


@seam("risk.alert_time")
def alert_time() -> float:
    """When an alert is raised, in epoch milliseconds like every time of this module."""
    return _now_ms()


@seam("risk.orders_cancelled_by_halt")
def orders_cancelled_by_halt(open_orders: list[orders.Order]) -> list[orders.Order]:
    """A halt cancels every open order of the account, working or in flight, whatever its type."""
    return open_orders


@seam("risk.stop_strategies")
def stop_strategies(console: Console, account_id: int, reason: str) -> list[dict[str, Any]]:
    """A halt stops every running strategy of the account (`strategies.stop_all`)."""
    return strategies.stop_all(console, account_id, reason)


@seam("risk.halt_counts")
def halt_counts(cancelled: int, stopped: int) -> str:
    """What the halt's alert says it did, counted after it acted."""
    return (f"{cancelled} open order{'' if cancelled == 1 else 's'} cancelled, {stopped} "
            f"strateg{'y' if stopped == 1 else 'ies'} stopped, positions kept.")


@seam("risk.limits_alert_message")
def limits_alert_message(by: str, limits: Mapping[str, float]) -> str:
    """The alert that records a change of the limits: who changed them, and each new limit under its own name."""
    return (f"Limits changed by {by}: Max Position Size {units(limits['max_position_size'])}, Daily Loss Limit "
            f"{usd(limits['daily_loss_limit'])}.")


# The engine ----------------------------------------------------------------------------------------------------

class RiskEngine:
    """Metrics, sampling, the daily-loss watch, limits, halts and resumes of every account."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.db = console.db
        self._stats: dict[int, ReturnStats] = {}  # per account, recomputed whenever a sample is recorded
        self._last_round = 0.0
        self._rounds = 0

    @seam("risk.prepare_storage")
    def prepare_storage(self) -> None:
        """The engine's tables; every halt, like everything else of the accounts, stays as the last run left it."""
        self.db.ensure_schema(SCHEMA)

    # Equity history ----------------------------------------------------------------------------------------------

    def observe(self, account_id: int, equity: float, starting_cash: float, at: float | None = None) -> float:
        """Update the account's running peak and worst drawdown with an equity; returns the max drawdown."""
        row = self.db.one("SELECT peak_equity_usd, max_drawdown FROM equity_peaks WHERE account_id = ?",
                          (account_id,))
        peak, worst = (row["peak_equity_usd"], row["max_drawdown"]) if row else (starting_cash, 0.0)
        new_peak = running_peak(peak, equity, starting_cash)
        new_worst = worst_drawdown(worst, equity, new_peak)
        if row is None or (new_peak, new_worst) != (peak, worst):
            self.db.execute(
                "INSERT INTO equity_peaks (account_id, peak_equity_usd, max_drawdown, updated_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (account_id) DO UPDATE SET peak_equity_usd = excluded.peak_equity_usd,"
                " max_drawdown = excluded.max_drawdown, updated_at = excluded.updated_at",
                (account_id, new_peak, new_worst, time.time() if at is None else at),
            )
        return new_worst

    def record_sample(self, account_id: int, equity: float, at: float | None = None) -> None:
        """Record one equity sample (epoch seconds `at`, default now): the history for drawdown and VaR."""
        at = time.time() if at is None else at
        self.db.execute("INSERT INTO equity_samples (account_id, at, equity_usd) VALUES (?, ?, ?)",
                        (account_id, at, equity))
        self.observe(account_id, equity, positions.starting_cash(self.db, account_id), at)
        self._stats.pop(account_id, None)

    def stats(self, account_id: int) -> ReturnStats:
        found = self._stats.get(account_id)
        if found is None:
            rows = self.db.all("SELECT equity_usd FROM equity_samples WHERE account_id = ? ORDER BY at DESC, rowid DESC"
                               " LIMIT ?", (account_id, VAR_WINDOW))
            found = self._stats[account_id] = return_stats([row["equity_usd"] for row in reversed(rows)])
        return found

    def _accounts_that_move(self, now: float) -> list[int]:
        rows = self.db.all("SELECT account_id FROM positions WHERE quantity != 0 UNION"
                           " SELECT account_id FROM fills WHERE filled_at >= ? ORDER BY account_id",
                           (now - RECENT_FILL_S,))
        return [row["account_id"] for row in rows]

    def run_round(self) -> None:
        """The risk worker's job: sample the equity of the accounts that move, and watch their daily loss."""
        now = time.time()
        if now - self._last_round < self.console.settings.risk_sample_interval_s:
            return
        self._last_round = now
        self._rounds += 1
        try:
            self._sample_accounts(now)
            if self._rounds % PRUNE_EVERY_ROUNDS == 0:
                self._prune()
        except Exception:  # the worker must outlive a bad round: its heartbeat is "Risk Management: Active"
            log.exception("risk round failed")

    def _sample_accounts(self, now: float) -> None:
        quotes = self.console.feed.quotes
        for account_id in self._accounts_that_move(now):
            try:
                value = positions.value_account(self.db, quotes, account_id)
                self.record_sample(account_id, value.equity_usd, now)
                self._watch_daily_loss(account_id, value.equity_usd)
            except LookupError:
                continue  # a currency without a price yet (just after start-up): next round
            except Exception:  # one account's failure must not stop the watch over every other account
                log.exception("risk round failed for account %s", account_id)

    def _prune(self) -> None:
        self.db.execute(
            "DELETE FROM equity_samples WHERE rowid IN (SELECT rowid FROM (SELECT rowid, ROW_NUMBER() OVER"
            " (PARTITION BY account_id ORDER BY at DESC, rowid DESC) AS n FROM equity_samples) WHERE n > ?)",
            (VAR_WINDOW,),
        )

    def _watch_daily_loss(self, account_id: int, equity: float) -> None:
        if orders.trading_halted(self.db, account_id):
            return
        limit = limits_of(self.db, account_id)["daily_loss_limit"]
        # Money is compared to the cent: a loss of exactly the limit reaches it, whatever the floating point says.
        daily = round(equity - positions.day_start_equity(self.db, self.console.feed.quotes, account_id), 2)
        if not daily_loss_reached(daily, limit):
            return
        message = f"Daily loss limit of {usd(limit)} reached at {_utc_clock(_now_ms())} (daily P&L {usd(daily)})."
        self.daily_loss_limit_reached(account_id, message)

    @seam("risk.daily_loss_limit_reached")
    def daily_loss_limit_reached(self, account_id: int, message: str) -> None:
        """An account whose Daily P&L reaches minus its limit is halted, exactly as an Emergency Stop halts it."""
        self.halt(account_id, DAILY_LOSS_LIMIT, None, message)

    # Metrics -----------------------------------------------------------------------------------------------------

    def metrics(self, account_id: int) -> dict[str, Any]:
        quotes = self.console.feed.quotes
        value = positions.value_account(self.db, quotes, account_id)
        daily = daily_pnl(self.db, quotes, account_id)
        drawdown = self.observe(account_id, value.equity_usd, value.starting_cash)
        stats = self.stats(account_id)
        var = stats.var_95(value.equity_usd)
        return {
            "portfolio_value_usd": round(portfolio_value(value), 2),
            "daily_pnl_usd": round(daily, 2),
            "max_drawdown": drawdown,
            "var_95_usd": None if var is None else round(var, 2),
            "var_returns": stats.returns,
            "var_min_returns": VAR_MIN_RETURNS,
            "gross_exposure_usd": round(value.gross_exposure_usd, 2),
            "valued_at": value.valued_at,
        }

    def snapshot(self, account_id: int) -> dict[str, Any]:
        """What the "risk" topic pushes: metrics, limits and the halt state."""
        return {"metrics": self.metrics(account_id), "limits": limits_of(self.db, account_id),
                "halt": halt_state(self.db, account_id)}

    def publish(self, account_id: int) -> None:
        try:
            self.console.hub.publish("risk", self.snapshot(account_id), account_id=account_id)
        except LookupError:
            pass  # no price yet for a currency of the account: the next round of ticks publishes

    async def run(self) -> None:
        """Push fresh metrics to the accounts whose Risk screen is open, after every round of the feed."""
        hub = self.console.hub
        ticks = hub.subscribe(account_id=0)  # internal: the feed publishes ticks to every subscriber
        ticks.topics.add("tick")
        try:
            while True:
                await ticks.queue.get()
                while not ticks.queue.empty():  # one push per burst of ticks
                    ticks.queue.get_nowait()
                for account_id in hub.accounts_subscribed_to("risk"):
                    try:
                        self.publish(account_id)
                    except Exception:  # one account's failure must not stop the pushes of every other
                        log.exception("risk metrics push failed for account %s", account_id)
        finally:
            hub.unsubscribe(ticks)

    # Alerts, limits, halts ---------------------------------------------------------------------------------------

    def _alert(self, account_id: int, kind: str, message: str, user: User | None) -> dict[str, Any]:
        at = alert_time()
        alert_id = self.db.execute("INSERT INTO risk_alerts (account_id, kind, message, user_id, at)"
                                   " VALUES (?, ?, ?, ?, ?)", (account_id, kind, message, user and user.id, at))
        alert = {"id": alert_id, "kind": kind, "message": message, "at": at}
        self.console.hub.publish("risk_alert", alert, account_id=account_id)
        log.warning("risk alert for account %s: %s", account_id, message)
        return alert

    @seam("risk.save_limits")
    def save_limits(self, user: User, values: dict[str, float]) -> dict[str, float]:
        """Write the new limits (from now on the order checks use them), alert if they changed, push; returns them."""
        before = limits_of(self.db, user.account_id)
        self.db.execute("UPDATE accounts SET max_position_size = ?, daily_loss_limit = ? WHERE id = ?",
                        (values["max_position_size"], values["daily_loss_limit"], user.account_id))
        after = limits_of(self.db, user.account_id)
        if (after["max_position_size"], after["daily_loss_limit"]) != (before["max_position_size"],
                                                                        before["daily_loss_limit"]):
            self._alert(user.account_id, LIMITS, limits_alert_message(user.display_name, after), user)
        self.publish(user.account_id)
        return after

    def halt(self, account_id: int, kind: str, user: User | None, message: str | None = None) -> dict[str, Any]:
        """Halt trading for the account (see the module docstring); raises AlreadyHalted if it is."""
        if orders.trading_halted(self.db, account_id):
            raise AlreadyHalted()
        # The flag first: from this statement on, the order engine rejects every order of the account.
        orders.set_trading_halted(self.db, account_id, True)
        by = user.display_name if user else RISK_ENGINE
        at = _now_ms()
        if kind == EMERGENCY_STOP:
            message = f"Emergency Stop by {by} at {halt_clock(at)}."
            cause = f"the Emergency Stop of {by}"
        else:
            cause = "the daily loss limit"
        book = self.console.orders
        assert book is not None, "the order engine is built before the risk engine"
        cancelled = book.cancel_orders(orders_cancelled_by_halt(book.open_orders(account_id)), f"cancelled by {cause}")
        stopped = stop_strategies(self.console, account_id, f"Stopped by {cause}")
        self.db.execute("INSERT OR REPLACE INTO trading_halts (account_id, kind, message, user_id, by_name, at)"
                        " VALUES (?, ?, ?, ?, ?, ?)", (account_id, kind, message, user and user.id, by, at))
        counts = halt_counts(len(cancelled), len(stopped))
        self._alert(account_id, kind, f"{message} Trading halted: {counts}", user)
        state = halt_state(self.db, account_id)
        self._publish_state(account_id, state)
        return {"halt": state, "cancelled_orders": len(cancelled), "stopped_strategies": len(stopped)}

    def resume(self, account_id: int, user: User) -> dict[str, Any]:
        """Lift the account's halt; nothing cancelled or stopped by it comes back. Raises NotHalted if not halted."""
        if not orders.trading_halted(self.db, account_id):
            raise NotHalted()
        self.lift_halt(account_id)
        self.alert_resume(account_id, user)
        state = halt_state(self.db, account_id)
        self._publish_state(account_id, state)
        return {"halt": state}

    @seam("risk.alert_resume")
    def alert_resume(self, account_id: int, user: User) -> None:
        """The alert that says who resumed trading, and when."""
        self._alert(account_id, RESUME, f"Trading resumed by {user.display_name} at {_utc_clock(_now_ms())}.", user)

    @seam("risk.lift_halt")
    def lift_halt(self, account_id: int) -> None:
        """Trading may go on; nothing the halt cancelled or stopped comes back."""
        orders.set_trading_halted(self.db, account_id, False)
        self.db.execute("DELETE FROM trading_halts WHERE account_id = ?", (account_id,))

    @seam("risk.push_halt_state")
    def push_halt_state(self, account_id: int, state: dict[str, Any]) -> None:
        """Every open session of the account hears of a halt or a resume at once, with who and when."""
        self.console.hub.publish("halt", state, account_id=account_id)

    def _publish_state(self, account_id: int, state: dict[str, Any]) -> None:
        self.push_halt_state(account_id, state)
        self.console.orders.publish_positions(account_id)
        self.publish(account_id)


# The HTTP API ----------------------------------------------------------------------------------------------------

router = APIRouter(prefix="/api/risk")


def engine(request: Request) -> RiskEngine:
    return request.app.state.console.risk


@seam("risk.may_resume")
def may_resume(role: str) -> bool:
    """Only a risk manager lifts a halt."""
    return role == "risk_manager"


def permissions(console: Console, user: User) -> dict[str, bool]:
    """What the user's role allows on the Risk screen (the page renders its controls from this)."""
    return {"edit_limits": user.role == "risk_manager", "emergency_stop": user.role in STOPPING_ROLES,
            "resume": may_resume(user.role)}


@seam("risk.api_may_edit_limits")
def api_may_edit_limits(console: Console, user: User) -> bool:
    """The limits API allows what the screen allows: editing the limits takes a risk manager."""
    return permissions(console, user)["edit_limits"]


@seam("risk.api_may_stop")
def api_may_stop(console: Console, user: User) -> bool:
    """The Emergency Stop's API allows what the screen allows: a trader or a risk manager, never a viewer."""
    return permissions(console, user)["emergency_stop"]


@seam("risk.risk_answer")
async def risk_answer(risk: RiskEngine, user: User) -> dict[str, Any]:
    """What GET /api/risk answers, at once."""
    try:
        metrics = risk.metrics(user.account_id)
    except LookupError:
        metrics = None  # a currency of the account has no price yet (just after a start): the push follows
    return {"metrics": metrics, "limits": limits_of(risk.db, user.account_id),
            "halt": halt_state(risk.db, user.account_id), "alerts": alerts(risk.db, user.account_id),
            "permissions": permissions(risk.console, user)}


@router.get("")
async def get_risk(user: CurrentUser, request: Request) -> dict[str, Any]:
    """The Risk screen's starting point: metrics, limits, halt state, the latest alerts, and what the user may do."""
    return await risk_answer(engine(request), user)


@router.get("/halt")
async def get_halt(user: CurrentUser, request: Request) -> dict[str, Any]:
    return halt_state(engine(request).db, user.account_id)


@router.put("/limits", response_model=None)
async def put_limits(edit: LimitsEdit, user: CurrentUser, request: Request) -> dict[str, Any] | JSONResponse:
    """Save Max Position Size and Daily Loss Limit; 422 with every broken rule, saving nothing, if one fails."""
    risk = engine(request)
    if not api_may_edit_limits(risk.console, user):
        raise HTTPException(status.HTTP_403_FORBIDDEN, f"Only a risk manager can edit the limits; you are signed in"
                                                       f" as a {user.role.replace('_', ' ')}")
    starting_cash = limits_of(risk.db, user.account_id)["starting_cash"]
    values, problems = check_limits(edit, starting_cash)
    if problems:
        detail = "The limits were not saved: " + "; ".join(f"{LIMIT_LABELS[p.field]} {p.reason}" for p in problems)
        return JSONResponse({"detail": detail, "errors": [p.as_dict() for p in problems]},
                            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT)
    return {"limits": risk.save_limits(user, values)}


@router.post("/emergency-stop")
async def emergency_stop(user: CurrentUser, request: Request) -> dict[str, Any]:
    """The kill switch: halt the account's trading now (see the module docstring)."""
    risk = engine(request)
    if not api_may_stop(risk.console, user):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "A viewer cannot trigger the Emergency Stop: sign in as a"
                                                       " trader or risk manager")
    try:
        return risk.halt(user.account_id, EMERGENCY_STOP, user)
    except AlreadyHalted:
        state = halt_state(risk.db, user.account_id)
        raise HTTPException(status.HTTP_409_CONFLICT, f"Trading is already halted: {state['message']}") from None


@router.post("/resume")
async def resume(user: CurrentUser, request: Request) -> dict[str, Any]:
    """Lift the halt (risk managers only); cancelled orders and stopped strategies stay as they are."""
    risk = engine(request)
    if not permissions(risk.console, user)["resume"]:
        raise HTTPException(status.HTTP_403_FORBIDDEN, f"Only a risk manager can resume trading; you are signed in"
                                                       f" as a {user.role.replace('_', ' ')}")
    try:
        return risk.resume(user.account_id, user)
    except NotHalted:
        raise HTTPException(status.HTTP_409_CONFLICT, "Trading is not halted: there is nothing to resume") from None


async def run_risk(console: Console) -> None:
    """The lifespan task: live metrics for the open Risk screens."""
    await console.risk.run()
