"""Strategies: the form's rules, storage, deployment to the simulation, live metrics, and stopping (kill switch too).

Lifecycle: Saved -> Deploying -> Running -> Stopped (and a Stopped strategy may be deployed again). Deploying lasts
until the strategy's rule has warmed up: its moving average has seen enough ticks of every instrument to decide
(the timeframe's N + 1 ticks, one to three seconds on a live feed). Running means able to trade.

After a restart of the console, a strategy that was Running (or Deploying) resumes: its status stays Running, its
simulated positions and totals are rebuilt from its recorded fills, and its moving averages warm up again from
live ticks. Stopping closes the strategy's simulated positions at the market, so a stopped strategy's P&L is final;
its simulated fills are its own and never touch the account's orders or positions.
"""
from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, HTTPException, Request, status
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from reference_app import orders
from reference_app.auth import CurrentUser, User, controls_role
from reference_app.context import Console
from reference_app.db import ROW_IDS
from reference_app.feed import INSTRUMENTS, Quote
from reference_app.seams import seam
from reference_app.simulation import STRATEGY_TYPES, TIMEFRAMES, Fill, Metrics, SimulatedStrategy

SCHEMA = """
CREATE TABLE IF NOT EXISTS strategies (
    id                INTEGER PRIMARY KEY,
    account_id        INTEGER NOT NULL REFERENCES accounts(id),
    name              TEXT NOT NULL,
    type              TEXT NOT NULL,
    instruments       TEXT NOT NULL,  -- comma-separated symbols, in the feed's order
    timeframe         TEXT NOT NULL,
    risk_limit        REAL NOT NULL,  -- USD: the strategy is stopped when its P&L falls to minus this
    max_position_size REAL NOT NULL,  -- units of the base currency per position
    status            TEXT NOT NULL CHECK (status IN ('Saved', 'Deploying', 'Running', 'Stopped')),
    stop_reason       TEXT,           -- why it last stopped: who stopped it, the risk limit, the kill switch
    created_by        INTEGER REFERENCES users(id),
    created_at        REAL NOT NULL,
    deployed_at       REAL,
    stopped_at        REAL
);
CREATE INDEX IF NOT EXISTS strategies_by_account ON strategies(account_id);
CREATE TABLE IF NOT EXISTS strategy_fills (
    id           INTEGER PRIMARY KEY,
    strategy_id  INTEGER NOT NULL REFERENCES strategies(id),
    instrument   TEXT NOT NULL,
    side         TEXT NOT NULL CHECK (side IN ('BUY', 'SELL')),
    quantity     REAL NOT NULL,
    price        REAL NOT NULL,
    realized_usd REAL,  -- set on a fill that closed a position
    filled_at    REAL NOT NULL  -- epoch milliseconds of the tick
);
CREATE INDEX IF NOT EXISTS strategy_fills_by_strategy ON strategy_fills(strategy_id);
"""

ACTIVE = ("Deploying", "Running")
NAME_LENGTH = (3, 64)
FIELD_LABELS: dict[str, str] = {
    "name": "Strategy name",
    "type": "Strategy type",
    "instruments": "Instruments",
    "timeframe": "Timeframe",
    "risk_limit": "Risk limit",
    "max_position_size": "Max position size",
}
INSTRUMENT_SYMBOLS: tuple[str, ...] = tuple(i.symbol for i in INSTRUMENTS)
log = logging.getLogger(__name__)


def usd(amount: float) -> str:
    """$1,234.56; whole amounts without cents ($5,000), as the desk writes limits."""
    text = f"{abs(amount):,.2f}".removesuffix(".00")
    return f"{'-' if amount < 0 else ''}${text}"


def units(quantity: float) -> str:
    return f"{quantity:,.0f}" if quantity == int(quantity) else f"{quantity:,}"


@seam("strategies.prepare_storage")
def prepare_storage(console: Console) -> None:
    """The strategy tables, created once: the strategies saved before a restart are still there after it."""
    console.db.ensure_schema(SCHEMA)


# ---------------------------------------------------------------------------------------------------------------
# The rules of the form. The API answers every rule's result, so the page can show each field's verdict.


class StrategyDraft(BaseModel):
    """What the form sends; deliberately lenient, so that the rules below (not the parser) explain what is wrong."""

    name: str = Field(default="", max_length=1000)
    type: str = Field(default="", max_length=100)
    instruments: list[str] = Field(default_factory=list, max_length=len(INSTRUMENTS) * 2)
    timeframe: str = Field(default="", max_length=10)
    risk_limit: float | None = None
    max_position_size: float | None = None


@dataclass(frozen=True)
class RuleResult:
    rule: str
    field: str
    passed: bool
    reason: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "field": self.field, "label": FIELD_LABELS[self.field], "passed": self.passed,
                "reason": self.reason}


def _check(rule: str, field: str, passed: bool, reason: str) -> RuleResult:
    return RuleResult(rule, field, passed, None if passed else reason)


def _number(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


@seam("strategies.name_scope")
def name_scope(user: User) -> int:
    """The account within which a strategy's name must be unique: the user's own."""
    return user.account_id


@seam("strategies.name_key")
def name_key(name: str) -> str:
    """What two names are compared by for uniqueness: trimmed, and ignoring case ("ui test strategy" is taken by
    "UI Test Strategy")."""
    return name.strip().casefold()


@seam("strategies.name_fits")
def name_fits(length: int) -> bool:
    """A name is 3 to 64 characters long, both bounds included."""
    low, high = NAME_LENGTH
    return low <= length <= high


@seam("strategies.risk_limit_reached")
def risk_limit_reached(pnl_usd: float, risk_limit: float) -> bool:
    """A running strategy stops once its loss is its risk limit or more: compared in cents, as the P&L is shown, since
    a loss of 100,000 × 0.0001 in floating point is $9.999999999999 and would never reach a $10 limit."""
    return round(pnl_usd, 2) <= -risk_limit


@seam("strategies.risk_limit_fits")
def risk_limit_fits(risk_limit: float, daily_loss_limit: float) -> bool:
    """A strategy's risk limit may be as large as the account's daily loss limit, not larger."""
    return risk_limit <= daily_loss_limit


@seam("strategies.account_max_position_size")
def account_max_position_size(account: Any) -> float:
    """The account's max position size as its risk manager last saved it (the accounts row): a strategy's positions
    may not exceed the limit the account trades under now."""
    return account["max_position_size"]


def validate(console: Console, user: User, draft: StrategyDraft, strategy_id: int | None = None) -> list[RuleResult]:
    """Every rule, each passed or failed with its reason; `strategy_id` is the strategy itself when re-checking it."""
    db = console.db
    account = db.one("SELECT daily_loss_limit, max_position_size FROM accounts WHERE id = ?", (user.account_id,))
    name = draft.name.strip()
    taken = {name_key(row["name"]) for row in db.all(
        "SELECT name FROM strategies WHERE account_id = ? AND id IS NOT ?", (name_scope(user), strategy_id))}
    unknown = [symbol for symbol in draft.instruments if symbol not in INSTRUMENT_SYMBOLS]
    risk, size = _number(draft.risk_limit), _number(draft.max_position_size)
    low, high = NAME_LENGTH
    risk_fits = risk is None or risk_limit_fits(risk, account["daily_loss_limit"])
    size_limit = account_max_position_size(account)
    return [
        _check("name_length", "name", name_fits(len(name)), f"must be {low} to {high} characters long"),
        _check("name_unique", "name", name_key(name) not in taken,
               "is already used by another strategy of this account"),
        _check("type_known", "type", draft.type in STRATEGY_TYPES, f"must be one of {', '.join(STRATEGY_TYPES)}"),
        _check("instruments_chosen", "instruments", bool(draft.instruments), "must include at least one instrument"),
        _check("instruments_known", "instruments", not unknown,
               f"not traded on this console: {', '.join(unknown)}"),
        _check("timeframe_known", "timeframe", draft.timeframe in TIMEFRAMES,
               f"must be one of {', '.join(TIMEFRAMES)}"),
        _check("risk_limit_positive", "risk_limit", risk is not None and risk > 0, "must be greater than $0"),
        _check("risk_limit_within_daily_loss_limit", "risk_limit", risk_fits,
               f"must not exceed the account's daily loss limit of {usd(account['daily_loss_limit'])}"),
        _check("max_position_size_positive", "max_position_size", size is not None and size > 0,
               "must be greater than 0 units"),
        _check("max_position_size_whole", "max_position_size", size is None or size == int(size),
               "must be a whole number of units"),
        _check("max_position_size_within_account_limit", "max_position_size",
               size is None or size <= size_limit,
               f"must not exceed the account's max position size of {units(size_limit)} units"),
    ]


def _rejection(rules: list[RuleResult], verb: str) -> JSONResponse:
    failed = [f"{FIELD_LABELS[r.field]}: {r.reason}" for r in rules if not r.passed]
    detail = f"The strategy was not {verb}: " + "; ".join(failed)
    return JSONResponse({"detail": detail, "rules": [r.as_dict() for r in rules]},
                        status_code=status.HTTP_422_UNPROCESSABLE_CONTENT)


# ---------------------------------------------------------------------------------------------------------------
# Storage and the payload the API and the WebSocket share.

_COLUMNS = ("id, account_id, name, type, instruments, timeframe, risk_limit, max_position_size, status, stop_reason,"
            " created_at, deployed_at, stopped_at")


def _epoch_ms(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds * 1000)


def _record(row: Any) -> dict[str, Any]:
    record = dict(row)
    record["instruments"] = record["instruments"].split(",")
    for key in ("created_at", "deployed_at", "stopped_at"):
        record[key] = _epoch_ms(record[key])
    return record


@seam("strategies.owned_row")
def owned_row(console: Console, account_id: int, strategy_id: int) -> Any:
    """The strategy's row if it belongs to the account: another desk's strategy is not found, whatever its id."""
    return console.db.one(f"SELECT {_COLUMNS} FROM strategies WHERE id = ? AND account_id = ?",
                          (strategy_id, account_id))


def _load(console: Console, account_id: int, strategy_id: int) -> dict[str, Any]:
    row = owned_row(console, account_id, strategy_id) if strategy_id in ROW_IDS else None
    if row is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"No strategy {strategy_id} in this account")
    return _record(row)


def _recorded_metrics(console: Console, strategy_ids: list[int]) -> dict[int, Metrics]:
    """Totals from the recorded fills (realized P&L only: what a strategy that is not trading holds)."""
    if not strategy_ids:
        return {}
    rows = console.db.all(
        "SELECT strategy_id, count(*) AS trades, count(realized_usd) AS closed,"
        " coalesce(sum(realized_usd > 0), 0) AS wins, coalesce(sum(realized_usd), 0) AS realized"
        f" FROM strategy_fills WHERE strategy_id IN ({', '.join('?' for _ in strategy_ids)}) GROUP BY strategy_id",
        strategy_ids,
    )
    return {row["strategy_id"]: Metrics(row["realized"], row["trades"], row["closed"], row["wins"]) for row in rows}


@seam("strategies.shown_metrics")
def shown_metrics(metrics: Metrics) -> dict[str, Any]:
    """A strategy's metrics as the API and the pushes give them (the win rate is over closed trades)."""
    return metrics.as_dict()


def _payload(console: Console, record: dict[str, Any], metrics: Metrics | None = None) -> dict[str, Any]:
    if metrics is None:
        metrics = console.strategies.live_metrics(record["id"]) if console.strategies else None
    if metrics is None:
        metrics = _recorded_metrics(console, [record["id"]]).get(record["id"], Metrics(0.0, 0, 0, 0))
    public = {key: value for key, value in record.items() if key != "account_id"}
    # as_of lets a page tell a late answer from a newer push: it keeps whichever it was told last by the server.
    return {**public, "metrics": shown_metrics(metrics), "as_of": time.time() * 1000}


def _publish(console: Console, record: dict[str, Any], metrics: Metrics | None = None) -> dict[str, Any]:
    payload = _payload(console, record, metrics)
    console.hub.publish("strategy", payload, account_id=record["account_id"])
    return payload


@seam("strategies.announce_saved")
def announce_saved(console: Console, record: dict[str, Any]) -> dict[str, Any]:
    """A strategy just saved goes to every open session of the account, as every later change of it does."""
    return _publish(console, record)


def _set_status(console: Console, record: dict[str, Any], new_status: str, **columns: Any) -> dict[str, Any]:
    assignments = ", ".join(f"{column} = ?" for column in ("status", *columns))
    console.db.execute(f"UPDATE strategies SET {assignments} WHERE id = ?",
                       (new_status, *columns.values(), record["id"]))
    updated = {**record, "status": new_status}
    updated.update({key: _epoch_ms(value) if key.endswith("_at") else value for key, value in columns.items()})
    return updated


_INSERT_FILL = ("INSERT INTO strategy_fills (strategy_id, instrument, side, quantity, price, realized_usd, filled_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)")


def _fill_rows(strategy_id: int, fills: list[Fill]) -> list[tuple[str, tuple[Any, ...]]]:
    return [(_INSERT_FILL, (strategy_id, f.instrument, f.side, f.quantity, f.price, f.realized_usd, f.filled_at))
            for f in fills]


def _record_fills(console: Console, strategy_id: int, fills: list[Fill]) -> None:
    console.db.transaction(_fill_rows(strategy_id, fills))


@seam("strategies.stopped_status_rows")
def stopped_status_rows(strategy_id: int, reason: str, now: float) -> list[tuple[str, tuple[Any, ...]]]:
    """The statement that records a strategy as Stopped, with why and when."""
    return [("UPDATE strategies SET status = 'Stopped', stop_reason = ?, stopped_at = ? WHERE id = ?",
             (reason, now, strategy_id))]


@seam("strategies.stopped_record")
def stopped_record(record: dict[str, Any], reason: str, now: float) -> dict[str, Any]:
    """A stopped strategy as the answer and the push give it: Stopped, with its stop reason and time."""
    return {**record, "status": "Stopped", "stop_reason": reason, "stopped_at": _epoch_ms(now)}


def _stop(console: Console, record: dict[str, Any], reason: str) -> dict[str, Any]:
    closing = console.strategies.halt(record["id"]) if console.strategies else []
    now = time.time()
    # The closing fills and the new status together, so a crash cannot leave a strategy half stopped.
    console.db.transaction(_fill_rows(record["id"], closing) + stopped_status_rows(record["id"], reason, now))
    return _publish(console, stopped_record(record, reason, now))


def stop_all(console: Console, account_id: int, reason: str) -> list[dict[str, Any]]:
    """Stop every Deploying or Running strategy of an account, recording `reason` (the kill switch calls this).

    Returns the stopped strategies as the API shows them; strategies that are Saved or Stopped are left alone.
    """
    rows = console.db.all(f"SELECT {_COLUMNS} FROM strategies WHERE account_id = ? AND status IN (?, ?) ORDER BY id",
                          (account_id, *ACTIVE))
    return [_stop(console, _record(row), reason) for row in rows]


# ---------------------------------------------------------------------------------------------------------------
# The runner: feeds the live ticks to every deployed strategy, records fills, pushes metrics.


class StrategyRunner:
    """The deployed strategies of every account, trading on the feed's ticks inside the console's event loop."""

    def __init__(self, console: Console) -> None:
        self._console = console
        self._running: dict[int, SimulatedStrategy] = {}
        self._records: dict[int, dict[str, Any]] = {}
        self._changed: set[int] = set()

    @seam("strategies.resume")
    def resume(self) -> None:
        """At start-up: pick up again every strategy that was Running or Deploying when the console stopped."""
        rows = self._console.db.all(f"SELECT {_COLUMNS} FROM strategies WHERE status IN (?, ?) ORDER BY id", ACTIVE)
        for row in rows:
            self.start(_record(row))

    def start(self, record: dict[str, Any]) -> None:
        strategy = SimulatedStrategy(record["id"], record["type"], tuple(record["instruments"]), record["timeframe"],
                                     record["max_position_size"])
        rows = self._console.db.all("SELECT instrument, side, quantity, price, realized_usd, filled_at"
                                    " FROM strategy_fills WHERE strategy_id = ? ORDER BY id", (record["id"],))
        strategy.replay([Fill(**dict(row)) for row in rows])
        self._running[record["id"]] = strategy
        self._records[record["id"]] = record

    def halt(self, strategy_id: int) -> list[Fill]:
        """Take a strategy out of the simulation; returns the fills that closed its positions."""
        strategy = self._running.pop(strategy_id, None)
        self._records.pop(strategy_id, None)
        self._changed.discard(strategy_id)
        return strategy.closing_fills(self._console.feed.quotes) if strategy else []

    def live_metrics(self, strategy_id: int) -> Metrics | None:
        strategy = self._running.get(strategy_id)
        return strategy.metrics(self._console.feed.quotes) if strategy else None

    async def run(self) -> None:
        hub = self._console.hub
        ticks = hub.subscribe(account_id=0)  # an internal subscriber: the feed publishes ticks to every account
        ticks.topics.add("tick")
        try:
            while True:
                events = [await ticks.queue.get()]
                while not ticks.queue.empty():  # one round of the feed arrives at once: trade on all of it
                    events.append(ticks.queue.get_nowait())
                try:
                    for event in events:
                        self._on_tick(Quote(**event["data"]))
                    self._promote_deployed()
                    self._publish_changes()
                except Exception:  # one bad round must not end the simulation of every account
                    log.exception("the strategy simulation failed on a round of ticks; it carries on with the next")
        finally:
            hub.unsubscribe(ticks)

    def _on_tick(self, quote: Quote) -> None:
        quotes = self._console.feed.quotes
        for strategy_id, strategy in self._running.items():
            holding = strategy.holdings.get(quote.instrument)
            if holding is None:
                continue
            fill = strategy.on_quote(quote, quotes)
            if fill is not None:
                _record_fills(self._console, strategy_id, [fill])
            if fill is not None or holding.quantity != 0:
                self._changed.add(strategy_id)

    @seam("strategies.promote_deployed")
    def _promote_deployed(self) -> None:
        """A Deploying strategy is Running once its rule has warmed up on every instrument it trades."""
        for strategy_id, record in self._records.items():
            if record["status"] == "Deploying" and self._running[strategy_id].warmed_up:
                self._records[strategy_id] = _set_status(self._console, record, "Running")
                self._changed.add(strategy_id)

    def _publish_changes(self) -> None:
        quotes = self._console.feed.quotes
        changed, self._changed = self._changed, set()
        for strategy_id in sorted(changed):
            record = self._records.get(strategy_id)
            if record is None:
                continue
            metrics = self._running[strategy_id].metrics(quotes)
            if risk_limit_reached(metrics.pnl_usd, record["risk_limit"]):
                _stop(self._console, record, f"Risk limit of {usd(record['risk_limit'])} reached")
            else:
                _publish(self._console, record, metrics)


# ---------------------------------------------------------------------------------------------------------------
# The API. Every route needs a session and sees only the strategies of the user's account.

router = APIRouter(prefix="/api/strategies")


def _console(request: Request) -> Console:
    return request.app.state.console


def _require_trading_role(user: User) -> None:
    if user.role == "viewer":
        raise HTTPException(status.HTTP_403_FORBIDDEN,
                            "A viewer cannot create, deploy or stop strategies: sign in as a trader or risk manager")


@seam("strategies.require_role_to_save")
def require_role_to_save(user: User) -> None:
    """Saving a strategy takes a trading role, like deploying or stopping one: a viewer is read-only."""
    _require_trading_role(user)


@seam("strategies.require_role_to_stop")
def require_role_to_stop(user: User) -> None:
    """Stopping a strategy takes a trading role, like creating or deploying one."""
    _require_trading_role(user)


@seam("strategies.require_role_to_deploy")
def require_role_to_deploy(user: User) -> None:
    """Deploying a strategy takes a trading role, like creating or stopping one: it trades as soon as it runs."""
    _require_trading_role(user)


@seam("strategies.stopped_by")
def stopped_by(user: User) -> str:
    """The stop reason of a strategy stopped from the screens: who stopped it, by the name the console shows them."""
    return f"Stopped by {user.display_name}"


@seam("strategies.deployable")
def deployable(strategy_status: str) -> bool:
    """A Saved or Stopped strategy may be deployed; a Deploying or Running one is already active."""
    return strategy_status not in ACTIVE


@seam("strategies.deploy_stopped_by_halt")
def deploy_stopped_by_halt(console: Console, account_id: int) -> bool:
    """While the account's trading is halted (the kill switch), no strategy is deployed: it would trade at once."""
    return orders.trading_halted(console.db, account_id)


@seam("strategies.hand_to_simulation")
def hand_to_simulation(console: Console, record: dict[str, Any], now: float) -> dict[str, Any]:
    """Deploy: the strategy is Deploying and trades in the simulation from now on (Running once it has prices)."""
    deploying = _set_status(console, record, "Deploying", stop_reason=None, deployed_at=now, stopped_at=None)
    console.strategies.start(deploying)
    return deploying


@router.get("")
async def list_strategies(user: CurrentUser, request: Request) -> dict[str, Any]:
    console = _console(request)
    rows = console.db.all(f"SELECT {_COLUMNS} FROM strategies WHERE account_id = ? ORDER BY id", (user.account_id,))
    recorded = _recorded_metrics(console, [row["id"] for row in rows])
    strategies = []
    for row in rows:
        record = _record(row)
        metrics = console.strategies.live_metrics(record["id"]) or recorded.get(record["id"], Metrics(0.0, 0, 0, 0))
        strategies.append(_payload(console, record, metrics))
    account = console.db.one("SELECT daily_loss_limit, max_position_size FROM accounts WHERE id = ?",
                             (user.account_id,))
    return {
        "strategies": strategies,
        "choices": {"types": list(STRATEGY_TYPES), "timeframes": list(TIMEFRAMES),
                    "instruments": list(INSTRUMENT_SYMBOLS)},
        "limits": {"daily_loss_limit": account["daily_loss_limit"], "max_position_size": account["max_position_size"]},
        "can_change": controls_role(user) != "viewer",
    }


@router.post("/validate")
async def validate_strategy(draft: StrategyDraft, user: CurrentUser, request: Request) -> dict[str, Any]:
    rules = validate(_console(request), user, draft)
    return {"valid": all(r.passed for r in rules), "rules": [r.as_dict() for r in rules]}


@router.post("", status_code=status.HTTP_201_CREATED, response_model=None)
async def save_strategy(draft: StrategyDraft, user: CurrentUser, request: Request) -> dict[str, Any] | JSONResponse:
    require_role_to_save(user)
    console = _console(request)
    rules = validate(console, user, draft)
    if not all(r.passed for r in rules):
        return _rejection(rules, "saved")
    # No await between the rules and the insert: on the console's single event loop, nothing can slip in between.
    instruments = ",".join(symbol for symbol in INSTRUMENT_SYMBOLS if symbol in draft.instruments)
    strategy_id = console.db.execute(
        "INSERT INTO strategies (account_id, name, type, instruments, timeframe, risk_limit, max_position_size,"
        " status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'Saved', ?, ?)",
        (user.account_id, draft.name.strip(), draft.type, instruments, draft.timeframe, draft.risk_limit,
         draft.max_position_size, user.id, time.time()),
    )
    payload = announce_saved(console, _load(console, user.account_id, strategy_id))
    return {**payload, "rules": [r.as_dict() for r in rules]}


@router.get("/{strategy_id}")
async def get_strategy(strategy_id: int, user: CurrentUser, request: Request) -> dict[str, Any]:
    console = _console(request)
    return _payload(console, _load(console, user.account_id, strategy_id))


@router.post("/{strategy_id}/deploy", status_code=status.HTTP_202_ACCEPTED, response_model=None)
async def deploy_strategy(strategy_id: int, user: CurrentUser, request: Request) -> dict[str, Any] | JSONResponse:
    require_role_to_deploy(user)
    console = _console(request)
    record = _load(console, user.account_id, strategy_id)
    if not deployable(record["status"]):
        raise HTTPException(status.HTTP_409_CONFLICT, f"“{record['name']}” is already {record['status'].lower()}")
    if deploy_stopped_by_halt(console, user.account_id):
        raise HTTPException(status.HTTP_409_CONFLICT, f"“{record['name']}” was not deployed: {orders.HALTED_REASON} for"
                                                      f" this account; a risk manager must resume trading first")
    # A saved strategy is checked again: the account's limits may have been lowered since it was saved.
    draft = StrategyDraft(**{key: record[key] for key in FIELD_LABELS})
    rules = validate(console, user, draft, strategy_id=strategy_id)
    if not all(r.passed for r in rules):
        return _rejection(rules, "deployed")
    return _publish(console, hand_to_simulation(console, record, time.time()))


@router.post("/{strategy_id}/stop")
async def stop_strategy(strategy_id: int, user: CurrentUser, request: Request) -> dict[str, Any]:
    console = _console(request)
    require_role_to_stop(user)
    record = _load(console, user.account_id, strategy_id)
    if record["status"] not in ACTIVE:
        raise HTTPException(status.HTTP_409_CONFLICT, f"“{record['name']}” is not running (it is {record['status']})")
    return _stop(console, record, stopped_by(user))


async def run_strategies(console: Console) -> None:
    """The lifespan task: resume what was running before the restart, then trade on every tick."""
    console.strategies.resume()
    await console.strategies.run()

