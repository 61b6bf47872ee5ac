"""The Portfolio section's console side: position synchronisation, and closing or resizing a position by an order.

Synchronisation is the job of the "portfolio" worker (the System Status component "Portfolio Sync"). Each beat it
reconciles every account whose fills changed since its last reconciliation, and once a second every account that
holds a position: it recomputes each position from the account's fills (`positions.replay_fills`) and compares it
with the stored book. Each position's result is recorded (`position_sync`): Synchronized, or Out of sync with what
differs, and when. What a screen shows is derived from that record when the account is valued (every push of the
topic "positions", see `add_sync_status`):

- Synchronized: the last reconciliation found the book and the fills in agreement, less than `STALE_AFTER_MS` ago;
- Syncing: the position changed (a fill) after its last reconciliation, less than `STALE_AFTER_MS` ago;
- Out of sync: the book disagrees with the fills; or the position has not been reconciled for `STALE_AFTER_MS`
  (the synchronisation has stopped), since it changed or at all.

Closing a position and changing its size are MARKET orders placed through the order engine (`OrderEngine.submit`),
so they pass the same ticket checks, risk check and status lifecycle as an order from the ticket, and a repeated
request with the same client order id places nothing twice. Close orders the whole position's opposite; a resize to
a target quantity orders the difference (target − held; the target may be on the other side, or zero).
"""
from __future__ import annotations

import logging
import math
import time
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Depends, HTTPException, Request, Response, status
from pydantic import BaseModel, Field

from reference_app import positions
from reference_app.auth import CurrentUser, User
from reference_app.db import Database
from reference_app.feed import BY_SYMBOL
from reference_app.orders import TRADING_ROLES, Order, OrderEngine, Ticket, load_orders
from reference_app.positions import Position
from reference_app.seams import seam
from reference_app.test_control import require_token

if TYPE_CHECKING:
    from reference_app.context import Console

SCHEMA = """
CREATE TABLE IF NOT EXISTS position_sync (
    account_id     INTEGER NOT NULL REFERENCES accounts(id),
    instrument     TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('synchronized', 'out_of_sync')),
    book_quantity  REAL NOT NULL,  -- the stored position when it was reconciled
    fills_quantity REAL NOT NULL,  -- the position its fills gave then
    detail         TEXT,           -- what differs, for a position Out of sync
    synced_at      REAL NOT NULL,  -- epoch milliseconds of the reconciliation
    PRIMARY KEY (account_id, instrument)
);
CREATE TABLE IF NOT EXISTS account_sync (
    account_id   INTEGER PRIMARY KEY REFERENCES accounts(id),
    last_fill_id INTEGER NOT NULL,  -- the newest fill the last reconciliation saw
    synced_at    REAL NOT NULL
);
"""

SYNCHRONIZED, SYNCING, OUT_OF_SYNC = "synchronized", "syncing", "out_of_sync"
# Every account holding a position is reconciled at least this often ...
SWEEP_INTERVAL_S = 1.0
# ... so a position not reconciled for this long means the synchronisation has stopped.
STALE_AFTER_MS = 3000.0
# Quantities are whole units; below this, two quantities are the same (floating-point noise).
_SAME = 1e-6

log = logging.getLogger(__name__)


def units(quantity: float) -> str:
    """A signed position as the desk writes it: +10,000, -5,000, 0."""
    return f"{quantity:+,.0f}" if quantity else "0"


# Reconciliation ------------------------------------------------------------------------------------------------

def differences(book: Position, fills: Position) -> str | None:
    """What differs between a stored position and the position its fills give, in the desk's words; None if
    nothing does."""
    if abs(book.quantity - fills.quantity) > _SAME:
        return f"the book holds {units(book.quantity)}, its fills give {units(fills.quantity)}"
    decimals = BY_SYMBOL[book.instrument].decimals
    if abs(book.average_price - fills.average_price) > 10 ** -(decimals + 2):
        return (f"the book's average price is {book.average_price:.{decimals}f}, its fills give"
                f" {fills.average_price:.{decimals}f}")
    if abs(book.cost_usd - fills.cost_usd) >= 0.005 or abs(book.realized_pnl_usd - fills.realized_pnl_usd) >= 0.005:
        return "the book's cost or realized P&L differs from its fills'"
    return None


@seam("portfolio.book_from_fills")
def book_from_fills(db: Database, account_id: int) -> dict[str, Position]:
    """What the account's positions should be: each recomputed from its fills (`positions.replay_fills`)."""
    return positions.replay_fills(db, account_id)


class PortfolioSync:
    """The job of the "portfolio" worker: reconcile the accounts that are due, record each position's result."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.db = console.db
        self._last_sweep = 0.0  # monotonic time of the last reconciliation of every account holding a position

    def run_once(self, sweep_now: bool = False) -> None:
        """One beat: reconcile the accounts with new fills, and every account holding a position once a second (or
        now, when `sweep_now` asks for it)."""
        try:
            self._reconcile_due(sweep_now)
        except Exception:
            # The worker dies with it, so System Status shows Portfolio Sync stalled; say why in the log too.
            log.exception("portfolio synchronisation failed")
            raise

    def _reconcile_due(self, sweep_now: bool) -> None:
        newest = {row["account_id"]: row["last_fill"]
                  for row in self.db.all("SELECT account_id, MAX(id) AS last_fill FROM fills GROUP BY account_id")}
        seen = {row["account_id"]: row["last_fill_id"]
                for row in self.db.all("SELECT account_id, last_fill_id FROM account_sync")}
        due = {account_id for account_id, last in newest.items() if seen.get(account_id) != last}
        for account_id in sorted(due | self.due_for_sweep(sweep_now)):
            self.reconcile(account_id, newest.get(account_id, 0))

    @seam("portfolio.due_for_sweep")
    def due_for_sweep(self, sweep_now: bool) -> set[int]:
        """Once a second (or now, when asked), every account holding a position is reconciled, changed or not, so that
        a quiet position stays Synchronized; and every account with a record to clear (a position gone without a
        fill)."""
        now = time.monotonic()
        if not (sweep_now or now - self._last_sweep >= SWEEP_INTERVAL_S):
            return set()
        self._last_sweep = now
        return {row["account_id"] for row in self.db.all(
            "SELECT account_id FROM positions WHERE quantity != 0 UNION SELECT account_id FROM position_sync")}

    def reconcile(self, account_id: int, last_fill_id: int) -> None:
        """Compare the account's stored book with its fills and record the result for each open position."""
        book = {p.instrument: p for p in positions.positions(self.db, account_id)}
        replayed = book_from_fills(self.db, account_id)
        at = time.time() * 1000
        statements: list[tuple[str, tuple[Any, ...]]] = [
            ("DELETE FROM position_sync WHERE account_id = ?", (account_id,))]
        for instrument in sorted(set(book) | set(replayed)):
            held = book.get(instrument, Position.flat(instrument))
            from_fills = replayed.get(instrument, Position.flat(instrument))
            if abs(held.quantity) < _SAME and abs(from_fills.quantity) < _SAME:
                continue
            detail = differences(held, from_fills)
            statements.append((
                "INSERT INTO position_sync (account_id, instrument, status, book_quantity, fills_quantity, detail,"
                " synced_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (account_id, instrument, OUT_OF_SYNC if detail else SYNCHRONIZED, held.quantity, from_fills.quantity,
                 detail, at)))
        statements.append((
            "INSERT INTO account_sync (account_id, last_fill_id, synced_at) VALUES (?, ?, ?) ON CONFLICT (account_id)"
            " DO UPDATE SET last_fill_id = excluded.last_fill_id, synced_at = excluded.synced_at",
            (account_id, last_fill_id, at)))
        self.db.transaction(statements)


def sync_state(record: Any, quantity: float, changed_at_ms: float, now_ms: float) -> dict[str, Any]:
    """A position's synchronisation as a screen shows it (see the module docstring for the rules)."""
    synced_at = record["synced_at"] if record is not None else None
    if record is None or abs(record["book_quantity"] - quantity) > _SAME:
        # Changed since its last reconciliation; the worker's next beat catches up, unless it has stopped.
        if now_ms - changed_at_ms < STALE_AFTER_MS:
            return {"sync_status": SYNCING, "synced_at": synced_at, "sync_detail": None}
        return {"sync_status": OUT_OF_SYNC, "synced_at": synced_at,
                "sync_detail": "not reconciled since the position last changed"}
    if now_ms - record["synced_at"] >= STALE_AFTER_MS:
        return {"sync_status": OUT_OF_SYNC, "synced_at": synced_at, "sync_detail": "synchronisation overdue"}
    return {"sync_status": record["status"], "synced_at": synced_at, "sync_detail": record["detail"]}


def add_sync_status(console: Console, snapshot: dict[str, Any]) -> None:
    """Give each open position of an account's valuation its synchronisation status (an engine snapshot extension)."""
    account_id = snapshot["account_id"]
    records = {row["instrument"]: row
               for row in console.db.all("SELECT * FROM position_sync WHERE account_id = ?", (account_id,))}
    changed = {row["instrument"]: row["updated_at"] * 1000
               for row in console.db.all("SELECT instrument, updated_at FROM positions WHERE account_id = ?",
                                         (account_id,))}
    now = time.time() * 1000
    for position in snapshot["positions"]:
        instrument = position["instrument"]
        position.update(sync_state(records.get(instrument), position["quantity"], changed.get(instrument, 0.0), now))
    snapshot["sync_stale_after_ms"] = STALE_AFTER_MS


def install(console: Console) -> None:
    """The section's tables, the synchronisation as the job of the "portfolio" worker, and the positions' status
    in every valuation of an account."""
    console.db.ensure_schema(SCHEMA)
    console.workers["portfolio"].job = PortfolioSync(console).run_once
    assert console.orders is not None, "the order engine is built before the portfolio"
    console.orders.snapshot_extensions.append(lambda snapshot: add_sync_status(console, snapshot))


# Position actions ----------------------------------------------------------------------------------------------

class CloseRequest(BaseModel):
    """Close a position: one client order id per confirmation, so a repeated request closes it once."""

    client_order_id: str = Field(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")


class ResizeRequest(BaseModel):
    client_order_id: str = Field(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")
    target_quantity: float  # signed: the position wanted after the order (negative: short, 0: flat)


def _engine(request: Request) -> OrderEngine:
    return request.app.state.console.orders


@seam("portfolio.may_act_on_positions")
def may_act_on_positions(user: User) -> bool:
    """Closing or resizing a position takes a trading role (trader or risk manager), as placing an order does."""
    return user.role in TRADING_ROLES


def _may_act(user: User) -> None:
    if not may_act_on_positions(user):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Your role is read-only: a viewer cannot close or resize"
                                                       " positions")


def _instrument(symbol: str) -> str:
    if symbol not in BY_SYMBOL:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"Unknown instrument {symbol}")
    return symbol


def _answer_if_repeated(engine: OrderEngine, user: User, client_order_id: str, response: Response
                        ) -> dict[str, Any] | None:
    """The order this request placed before (answered 200), if it is a repetition: the position has changed since,
    so the request must not be judged again."""
    found = load_orders(engine.db, "account_id = ? AND client_order_id = ?", (user.account_id, client_order_id))
    if not found:
        return None
    response.status_code = status.HTTP_200_OK
    return found[0].as_dict()


def _place(engine: OrderEngine, user: User, client_order_id: str, instrument: str, signed_quantity: float) -> Order:
    side = "BUY" if signed_quantity > 0 else "SELL"
    ticket = Ticket(client_order_id=client_order_id, instrument=instrument, side=side, type="MARKET",
                    quantity=abs(signed_quantity))
    order, _ = engine.submit(ticket, user)  # the ticket checks answer 422 with the reason, as for the ticket
    return order


@seam("portfolio.nothing_to_close")
def nothing_to_close(held: float) -> bool:
    """Whether there is no position to close: the account is flat in it, neither long nor short."""
    return abs(held) < _SAME


@seam("portfolio.closing_quantity")
def closing_quantity(held: float) -> float:
    """Close orders the whole position's opposite, whichever side it is on."""
    return -held


@seam("portfolio.target_problem")
def target_problem(target: float) -> str | None:
    """Why a resize target cannot be ordered, or None: it must be a whole number of units (0 flattens)."""
    if not math.isfinite(target):
        return "Target quantity must be a number"
    if target != int(target):
        return "Target quantity must be a whole number of units"
    return None


@seam("portfolio.resize_quantity")
def resize_quantity(target: float, held: float) -> float:
    """A resize orders the difference between the target and the position held."""
    return target - held


router = APIRouter(prefix="/api/portfolio")


@router.post("/positions/{instrument}/close", status_code=status.HTTP_201_CREATED)
async def close_position(instrument: str, body: CloseRequest, user: CurrentUser, request: Request,
                         response: Response) -> dict[str, Any]:
    """Flatten the position with a MARKET order for its opposite: 201 and the order (status Pending); 200 and the
    same order when the client order id was seen; 409 when there is no position to close."""
    _may_act(user)
    engine = _engine(request)
    if (earlier := _answer_if_repeated(engine, user, body.client_order_id, response)) is not None:
        return earlier
    held = positions.position(engine.db, user.account_id, _instrument(instrument)).quantity
    if nothing_to_close(held):
        raise HTTPException(status.HTTP_409_CONFLICT, f"There is no open {instrument} position to close")
    return _place(engine, user, body.client_order_id, instrument, closing_quantity(held)).as_dict()


@router.post("/positions/{instrument}/resize", status_code=status.HTTP_201_CREATED)
async def resize_position(instrument: str, body: ResizeRequest, user: CurrentUser, request: Request,
                          response: Response) -> dict[str, Any]:
    """Bring the position to `target_quantity` with a MARKET order for the difference: 201 and the order; 200 and
    the same order when the client order id was seen; 422 with the reason for a target that cannot be ordered."""
    _may_act(user)
    engine = _engine(request)
    if (earlier := _answer_if_repeated(engine, user, body.client_order_id, response)) is not None:
        return earlier
    target = body.target_quantity
    problem = target_problem(target)
    if problem:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, problem)
    held = positions.position(engine.db, user.account_id, _instrument(instrument)).quantity
    difference = target - held
    if abs(difference) < _SAME:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT,
                            f"The {instrument} position is already {units(held)}: nothing to order")
    return _place(engine, user, body.client_order_id, instrument, resize_quantity(target, held)).as_dict()


# Test control: a book that disagrees with its fills, as a lost update would leave it ------------------------------

class BookOverwrite(BaseModel):
    quantity: float = Field(allow_inf_nan=False)


test_router = APIRouter(prefix="/api/test", dependencies=[Depends(require_token)])


@test_router.post("/accounts/{account_id}/book/{instrument}")
async def overwrite_book(account_id: int, instrument: str, overwrite: BookOverwrite,
                         request: Request) -> dict[str, Any]:
    """Overwrite the stored quantity of an open position without a fill, so that the synchronisation has a real
    difference to find; the position's fills, cash and average price stay as they are."""
    engine = _engine(request)
    if engine.db.one("SELECT 1 FROM positions WHERE account_id = ? AND instrument = ? AND quantity != 0",
                     (account_id, _instrument(instrument))) is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"Account {account_id} holds no {instrument} position")
    engine.db.execute("UPDATE positions SET quantity = ?, updated_at = ? WHERE account_id = ? AND instrument = ?",
                      (overwrite.quantity, time.time(), account_id, instrument))
    engine.publish_positions(account_id)
    return {"account_id": account_id, "instrument": instrument, "quantity": overwrite.quantity}
