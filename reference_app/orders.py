"""The order engine: tickets, the risk check, the status lifecycle pushed live, fills, working orders and cancels.

A new order moves Pending → Risk Check → Approved → Submitted → Filled (MARKET) or → Working → Filled /
Cancelled (LIMIT, STOP), or → Rejected with a reason at the risk check. Each step is persisted with its time in
`order_events` and published to the account's sessions on the WebSocket topic "order"; the steps are spaced by
`Settings.order_step_delay_s` so that a person (and a browser-side recorder) sees every one of them.

What other modules reuse:
- `set_trading_halted(db, account_id, halted)` / `trading_halted(db, account_id)`: the account's halt flag,
  which the risk check honours ("trading halted") and on which the kill switch is built;
- `OrderEngine.cancel_open_orders(account_id, reason)`: cancels every order of the account that is not final;
- `OrderEngine.publish_positions(account_id)`: pushes the account's valuation (topic "positions");
- `OrderEngine.snapshot_extensions`: functions that add a module's own view of an account to that valuation (the
  portfolio adds each position's synchronisation status), so every screen gets one coherent snapshot per push.

Fills are at the touch: a BUY at the ask, a SELL at the bid. A LIMIT order works until the market reaches its
price (BUY: ask ≤ limit; SELL: bid ≥ limit), a STOP order until the market passes it (BUY: ask ≥ stop; SELL:
bid ≤ stop); either then fills at the touch, which is never worse than a LIMIT's price.
"""
from __future__ import annotations

import asyncio
import logging
import math
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any, Literal, NoReturn

from fastapi import APIRouter, HTTPException, Query, Request, Response, status
from pydantic import BaseModel, Field

from reference_app import positions
from reference_app.auth import CurrentUser, User
from reference_app.db import ROW_IDS, Database
from reference_app.feed import BY_SYMBOL, Quote
from reference_app.seams import seam

if TYPE_CHECKING:
    from reference_app.context import Console

SCHEMA = """
CREATE TABLE IF NOT EXISTS orders (
    id              INTEGER PRIMARY KEY,
    account_id      INTEGER NOT NULL REFERENCES accounts(id),
    user_id         INTEGER NOT NULL REFERENCES users(id),
    client_order_id TEXT NOT NULL,
    instrument      TEXT NOT NULL,
    side            TEXT NOT NULL CHECK (side IN ('BUY', 'SELL')),
    order_type      TEXT NOT NULL CHECK (order_type IN ('MARKET', 'LIMIT', 'STOP')),
    quantity        REAL NOT NULL,
    price           REAL,  -- the LIMIT or STOP price; NULL for MARKET
    status          TEXT NOT NULL,
    reason          TEXT,  -- why it was rejected or cancelled
    fill_price      REAL,
    created_at      REAL NOT NULL,  -- epoch milliseconds, like every time of this module
    updated_at      REAL NOT NULL,
    UNIQUE (account_id, client_order_id)
);
CREATE INDEX IF NOT EXISTS orders_by_account ON orders (account_id, id);
CREATE INDEX IF NOT EXISTS orders_by_status ON orders (status, instrument);
CREATE TABLE IF NOT EXISTS order_events (
    id       INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id),
    status   TEXT NOT NULL,
    reason   TEXT,
    at       REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS order_events_by_order ON order_events (order_id, id);
"""

PENDING, RISK_CHECK, APPROVED, SUBMITTED = "pending", "risk_check", "approved", "submitted"
WORKING, FILLED, REJECTED, CANCELLED = "working", "filled", "rejected", "cancelled"
STATUSES = (PENDING, RISK_CHECK, APPROVED, SUBMITTED, WORKING, FILLED, REJECTED, CANCELLED)
IN_FLIGHT = (PENDING, RISK_CHECK, APPROVED, SUBMITTED)  # the engine still moves these on by itself
OPEN = (*IN_FLIGHT, WORKING)
TRADING_ROLES = ("trader", "risk_manager")

log = logging.getLogger(__name__)

HALTED_REASON = "trading halted"
DAILY_LOSS_REASON = "daily loss limit reached"


def ensure_schema(db: Database) -> None:
    """The engine's tables, and the accounts' halt flag (a column added to the core table on first start)."""
    db.ensure_schema(SCHEMA)
    db.ensure_schema(positions.SCHEMA)
    columns = {row["name"] for row in db.all("PRAGMA table_info(accounts)")}
    if "trading_halted" not in columns:
        db.execute("ALTER TABLE accounts ADD COLUMN trading_halted INTEGER NOT NULL DEFAULT 0")


def set_trading_halted(db: Database, account_id: int, halted: bool) -> None:
    """Halt or resume trading for an account; while halted, the risk check rejects every order."""
    db.execute("UPDATE accounts SET trading_halted = ? WHERE id = ?", (int(halted), account_id))


def trading_halted(db: Database, account_id: int) -> bool:
    row = db.one("SELECT trading_halted FROM accounts WHERE id = ?", (account_id,))
    return bool(row and row["trading_halted"])


@seam("orders.halt_stops_orders")
def halt_stops_orders(db: Database, account_id: int) -> bool:
    """Whether the account's halt stops its orders here, in the engine and its API, and not only on the screens:
    while halted, no order is created, none passes the risk check, and no working order fills."""
    return trading_halted(db, account_id)


# The max position size is checked twice: by the ticket check when the order is submitted (refused, no order), and
# again at the order's Risk Check (rejected), for the position may have moved meanwhile. A position of exactly the
# limit is allowed in both.
@seam("orders.ticket_exceeds_max_position")
def ticket_exceeds_max_position(projected: float, limit: float) -> bool:
    return abs(projected) > limit


@seam("orders.risk_check_exceeds_max_position")
def risk_check_exceeds_max_position(projected: float, limit: float) -> bool:
    return abs(projected) > limit


def max_position_reason(limit: float) -> str:
    return f"exceeds max position size {limit:,.0f}"


def _now_ms() -> float:
    return time.time() * 1000


def _signed(side: str, quantity: float) -> float:
    return quantity if side == "BUY" else -quantity


@dataclass(frozen=True)
class Order:
    id: int
    account_id: int
    client_order_id: str
    instrument: str
    side: str
    type: str
    quantity: float
    price: float | None
    status: str
    reason: str | None
    fill_price: float | None
    created_at: float
    updated_at: float
    events: list[dict[str, Any]] = field(default_factory=list)

    @property
    def signed_quantity(self) -> float:
        return _signed(self.side, self.quantity)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "client_order_id": self.client_order_id,
            "instrument": self.instrument,
            "side": self.side,
            "type": self.type,
            "quantity": self.quantity,
            "price": self.price,
            "status": self.status,
            "reason": self.reason,
            "fill_price": self.fill_price,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "decimals": BY_SYMBOL[self.instrument].decimals,
            "events": self.events,
        }


def _order_from(row: Any, events: list[dict[str, Any]]) -> Order:
    return Order(row["id"], row["account_id"], row["client_order_id"], row["instrument"], row["side"],
                 row["order_type"], row["quantity"], row["price"], row["status"], row["reason"], row["fill_price"],
                 row["created_at"], row["updated_at"], events)


def load_orders(db: Database, where: str, params: Sequence[Any], limit: int | None = None) -> list[Order]:
    """Orders matching `where`, newest first, each with its status events (fetched in one query)."""
    sql = f"SELECT * FROM orders WHERE {where} ORDER BY id DESC" + (f" LIMIT {int(limit)}" if limit else "")
    rows = db.all(sql, params)
    if not rows:
        return []
    ids = [row["id"] for row in rows]
    events: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
    for event in db.all(f"SELECT order_id, status, reason, at FROM order_events WHERE order_id IN"
                        f" ({', '.join('?' for _ in ids)}) ORDER BY id", ids):
        events[event["order_id"]].append({"status": event["status"], "reason": event["reason"], "at": event["at"]})
    return [_order_from(row, events[row["id"]]) for row in rows]


def load_order(db: Database, order_id: int) -> Order | None:
    if order_id not in ROW_IDS:
        return None
    found = load_orders(db, "id = ?", (order_id,))
    return found[0] if found else None



@seam("orders.belongs_to_account")
def belongs_to_account(order: Order, user: User) -> bool:
    """An order is acted on only by the users of its own account: another desk gets 404, as if it did not exist."""
    return order.account_id == user.account_id

@seam("orders.crossed")
def crossed(order: Order, quote: Quote) -> bool:
    """Whether a working order's trigger is reached by this quote (see the module docstring)."""
    assert order.price is not None
    if order.type == "LIMIT":
        return quote.ask <= order.price if order.side == "BUY" else quote.bid >= order.price
    return quote.ask >= order.price if order.side == "BUY" else quote.bid <= order.price


class Ticket(BaseModel):
    """What the order ticket sends. The client order id makes a resubmission of the same ticket harmless."""

    client_order_id: str = Field(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")
    instrument: str
    side: Literal["BUY", "SELL"]
    type: Literal["MARKET", "LIMIT", "STOP"]
    quantity: float
    price: float | None = None

    def same_order_as(self, order: Order) -> bool:
        return (self.instrument, self.side, self.type, self.quantity, self.price) == (
            order.instrument, order.side, order.type, order.quantity, order.price)


class TicketRefused(Exception):
    """A ticket that cannot become an order; the message says why, in the desk's words."""


@seam("orders.quantity_too_small")
def quantity_too_small(quantity: float) -> bool:
    """An order must be for at least one unit."""
    return quantity <= 0


@seam("orders.creation_time")
def creation_time(now_ms: float) -> float:
    """When a new order was created, as stored and shown: epoch milliseconds, like every time of this module."""
    return now_ms


@seam("orders.fill_price")
def fill_price(order: Order, quote: Quote) -> float:
    """An order fills at the touch: a BUY at the ask, a SELL at the bid."""
    return quote.ask if order.side == "BUY" else quote.bid


@seam("orders.status_after_pending")
def status_after_pending(order: Order) -> str:
    """Every new order goes through the risk check before anything else happens to it."""
    return RISK_CHECK


@seam("orders.position_on_screen")
def position_on_screen(held: positions.Position, quotes: Mapping[str, Quote]) -> positions.PositionValue:
    """A position as the screens' valuation shows it: marked to market by `positions.value_position`. It is a seam of
    its own (the risk engine values accounts with `positions.value_position` directly), so that a defect of what the
    screens show does not reach the risk figures."""
    return positions.value_position(held, quotes)


class OrderEngine:
    def __init__(self, console: Console) -> None:
        self.console = console
        self.db = console.db
        self._lifecycles: dict[int, asyncio.Task[None]] = {}
        # Each is called with the account's snapshot (a dict with its "account_id") and adds to it in place.
        self.snapshot_extensions: list[Callable[[dict[str, Any]], None]] = []

    # Submitting ------------------------------------------------------------------------------------------

    @seam("orders.projected_position")
    def projected_position(self, account_id: int, instrument: str, signed_quantity: float,
                           excluding: int | None = None) -> float:
        """The position if this order and every open order on the same side of the instrument filled."""
        held = positions.position(self.db, account_id, instrument).quantity
        side = "BUY" if signed_quantity > 0 else "SELL"
        row = self.db.one(
            f"SELECT COALESCE(SUM(quantity), 0) AS q FROM orders WHERE account_id = ? AND instrument = ?"
            f" AND side = ? AND status IN ({', '.join('?' for _ in OPEN)}) AND id IS NOT ?",
            (account_id, instrument, side, *OPEN, excluding),
        )
        return held + _signed(side, row["q"]) + signed_quantity

    def _account(self, account_id: int) -> Any:
        return self.db.one("SELECT * FROM accounts WHERE id = ?", (account_id,))

    def validate(self, ticket: Ticket, account_id: int) -> None:
        """The checks a ticket must pass before it becomes an order; raises TicketRefused with the reason."""
        if ticket.instrument not in BY_SYMBOL:
            raise TicketRefused(f"Unknown instrument {ticket.instrument}")
        quantity = ticket.quantity
        if not math.isfinite(quantity):
            raise TicketRefused("Quantity must be a number")
        if quantity_too_small(quantity):
            raise TicketRefused("Quantity must be greater than zero")
        if quantity != int(quantity):
            raise TicketRefused("Quantity must be a whole number of units")
        if ticket.type == "MARKET":
            if ticket.price is not None:
                raise TicketRefused("A MARKET order takes no price")
        elif ticket.price is None:
            raise TicketRefused(f"A {ticket.type} order needs a price")
        elif not math.isfinite(ticket.price) or ticket.price <= 0:
            raise TicketRefused("Price must be greater than zero")
        limit = self._account(account_id)["max_position_size"]
        if ticket_exceeds_max_position(self.projected_position(account_id, ticket.instrument,
                                                               _signed(ticket.side, quantity)), limit):
            raise TicketRefused(f"Order {max_position_reason(limit)}")

    def submit(self, ticket: Ticket, user: User) -> tuple[Order, bool]:
        """Create the order (status Pending) and start its lifecycle; returns (order, created).

        The same client order id again returns the existing order instead of creating a second one.
        """
        existing = load_orders(self.db, "account_id = ? AND client_order_id = ?", (user.account_id,
                                                                                    ticket.client_order_id))
        if existing:
            if not ticket.same_order_as(existing[0]):
                raise HTTPException(status.HTTP_409_CONFLICT, f"Client order id {ticket.client_order_id} was"
                                    f" already used for order #{existing[0].id}, a different order")
            return existing[0], False
        if halt_stops_orders(self.db, user.account_id):
            # Refused before it exists: while the account is halted no order is even created (the kill switch).
            raise HTTPException(status.HTTP_409_CONFLICT, f"Order rejected: {HALTED_REASON} for this account; a risk"
                                                          f" manager must resume trading first")
        try:
            self.validate(ticket, user.account_id)
        except TicketRefused as refused:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(refused)) from None
        now = _now_ms()
        order_id = self.db.execute(
            "INSERT INTO orders (account_id, user_id, client_order_id, instrument, side, order_type, quantity,"
            " price, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (user.account_id, user.id, ticket.client_order_id, ticket.instrument, ticket.side, ticket.type,
             ticket.quantity, ticket.price, PENDING, creation_time(now), now),
        )
        self.db.execute("INSERT INTO order_events (order_id, status, at) VALUES (?, ?, ?)", (order_id, PENDING, now))
        order = self._publish(order_id)
        self._start_lifecycle(order_id)
        return order, True

    # The lifecycle ---------------------------------------------------------------------------------------

    def _start_lifecycle(self, order_id: int) -> None:
        task = asyncio.get_running_loop().create_task(self._lifecycle(order_id))
        self._lifecycles[order_id] = task
        task.add_done_callback(lambda _: self._lifecycles.pop(order_id, None))

    async def _lifecycle(self, order_id: int) -> None:
        """Move an order on, one step per delay, until it is Working or final."""
        while True:
            await asyncio.sleep(self.console.settings.order_step_delay_s)
            order = load_order(self.db, order_id)
            if order is None or order.status not in IN_FLIGHT:
                return  # cancelled meanwhile (the kill switch), or already final
            try:
                self._step(order)
            except Exception:  # a defect must not leave the order stuck without a word: reject it, loudly
                log.exception("order #%s failed at %s", order_id, order.status)
                self._transition(order, REJECTED, "internal error in the order engine")
                return

    def _step(self, order: Order) -> None:
        if order.status == PENDING:
            self._transition(order, status_after_pending(order))
        elif order.status == RISK_CHECK:
            reason = self.risk_check(order)
            self._transition(order, REJECTED if reason else APPROVED, reason)
        elif order.status == APPROVED:
            self._transition(order, SUBMITTED)
        elif order.type == "MARKET":
            quote = self.console.feed.quotes.get(order.instrument)
            if quote is None:
                self._transition(order, REJECTED, f"no price for {order.instrument}")
            else:
                self._fill(order, quote)
        else:
            self._transition(order, WORKING)

    def risk_check(self, order: Order) -> str | None:
        """Why the order must be rejected, or None: halt flag, max position size, daily loss limit."""
        account = self._account(order.account_id)
        if halt_stops_orders(self.db, order.account_id):
            return HALTED_REASON
        projected = self.projected_position(order.account_id, order.instrument, order.signed_quantity,
                                            excluding=order.id)
        if risk_check_exceeds_max_position(projected, account["max_position_size"]):
            return max_position_reason(account["max_position_size"])
        held = positions.position(self.db, order.account_id, order.instrument).quantity
        adds_risk = abs(held + order.signed_quantity) > abs(held)
        # At the loss limit the desk may still reduce its positions, but not add to them.
        if adds_risk:
            daily = positions.daily_pnl_usd(self.db, self.console.feed.quotes, order.account_id)
            if daily <= -account["daily_loss_limit"]:
                return DAILY_LOSS_REASON
        return None

    def _transition(self, order: Order, new_status: str, reason: str | None = None,
                    extra: Sequence[tuple[str, Sequence[Any]]] = (), fill_price: float | None = None) -> Order:
        now = _now_ms()
        self.db.transaction([
            *extra,
            ("UPDATE orders SET status = ?, reason = COALESCE(?, reason), fill_price = COALESCE(?, fill_price),"
             " updated_at = ? WHERE id = ?", (new_status, reason, fill_price, now, order.id)),
            ("INSERT INTO order_events (order_id, status, reason, at) VALUES (?, ?, ?, ?)",
             (order.id, new_status, reason, now)),
        ])
        return self._publish(order.id)

    def _fill(self, order: Order, quote: Quote, publish_positions: bool = True) -> Order:
        """Fill at the touch; the order, its fill, the position and the cash change in one transaction."""
        price = fill_price(order, quote)
        quotes = self.console.feed.quotes
        positions.day_start_equity(self.db, quotes, order.account_id)  # recorded before the day's first fill
        before = positions.position(self.db, order.account_id, order.instrument)
        _, statements = positions.fill_statements(order.account_id, order.id, order.signed_quantity, price,
                                                  positions.usd_per_quote(order.instrument, quotes), before,
                                                  time.time())
        filled = self._transition(order, FILLED, extra=statements, fill_price=price)
        if publish_positions:
            self.publish_positions(order.account_id)
        return filled

    # Working orders and cancels ----------------------------------------------------------------------------

    def on_quotes(self, instruments: set[str]) -> set[int]:
        """Fill the working orders these instruments' new prices reach; returns the accounts that traded."""
        if not instruments:
            return set()
        working = load_orders(self.db, f"status = ? AND instrument IN ({', '.join('?' for _ in instruments)})",
                              (WORKING, *sorted(instruments)))
        traded: set[int] = set()
        for order in reversed(working):  # oldest first: the first order placed is the first one filled
            quote = self.console.feed.quotes.get(order.instrument)
            if quote is None or not crossed(order, quote) or halt_stops_orders(self.db, order.account_id):
                continue
            self._fill(order, quote, publish_positions=False)
            traded.add(order.account_id)
        # One valuation per account after the whole pass: a screen never shows a book half-way through it.
        for account_id in traded:
            self.publish_positions(account_id)
        return traded

    def cancel(self, order_id: int, user: User) -> Order:
        order = load_order(self.db, order_id)
        if order is None or not belongs_to_account(order, user):
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"No order #{order_id} in your account")
        if order.status != WORKING:
            raise HTTPException(status.HTTP_409_CONFLICT,
                                f"Order #{order_id} is {order.status.replace('_', ' ')}: only a working order can"
                                f" be cancelled")
        return self.apply_cancel(order, f"cancelled by {user.display_name}")

    @seam("orders.apply_cancel")
    def apply_cancel(self, order: Order, reason: str) -> Order:
        """The order leaves the book: Cancelled, with the reason, persisted and pushed like every status."""
        return self._transition(order, CANCELLED, reason)

    def open_orders(self, account_id: int) -> list[Order]:
        """The account's orders that are not final yet (working or still in flight), newest first."""
        return load_orders(self.db, f"account_id = ? AND status IN ({', '.join('?' for _ in OPEN)})",
                           (account_id, *OPEN))

    def cancel_orders(self, found: list[Order], reason: str) -> list[Order]:
        """Cancel these orders (open ones, as `open_orders` gives them), each with the reason."""
        return [self._transition(order, CANCELLED, reason) for order in found]

    def cancel_open_orders(self, account_id: int, reason: str) -> list[Order]:
        """Cancel every order of the account that is not final yet (working or still in flight)."""
        return self.cancel_orders(self.open_orders(account_id), reason)

    # Publishing --------------------------------------------------------------------------------------------

    def _publish(self, order_id: int) -> Order:
        order = load_order(self.db, order_id)
        assert order is not None
        self.publish_order(order)
        return order

    @seam("orders.publish_order")
    def publish_order(self, order: Order) -> None:
        """Every change of an order goes to every open session of its account: the desk shares one book."""
        self.console.hub.publish("order", order.as_dict(), account_id=order.account_id)

    def account_snapshot(self, account_id: int) -> dict[str, Any]:
        """The account's cash, equity, P&L and open positions at current prices, plus its halt flag."""
        value = positions.value_account(self.db, self.console.feed.quotes, account_id,
                                        mark_to_market=position_on_screen)
        snapshot = {**value.as_dict(), "trading_halted": trading_halted(self.db, account_id)}
        for extend in self.snapshot_extensions:
            extend(snapshot)
        return snapshot

    @seam("orders.publish_positions")
    def publish_positions(self, account_id: int) -> None:
        """Every push of the account's valuation is the whole snapshot, each module's extensions included (the
        positions' synchronisation status), as GET /api/positions answers it."""
        self.console.hub.publish("positions", self.account_snapshot(account_id), account_id=account_id)

    # Running -----------------------------------------------------------------------------------------------

    @seam("orders.resume_after_restart")
    def resume_after_restart(self) -> None:
        """The book survives a restart: working orders keep working, and each order in flight resumes its lifecycle
        from its last persisted status."""
        for order in load_orders(self.db, f"status IN ({', '.join('?' for _ in IN_FLIGHT)})", IN_FLIGHT):
            self._start_lifecycle(order.id)

    async def run(self) -> None:
        """Resume orders a restart interrupted, then follow the feed: trigger working orders, revalue accounts."""
        self.resume_after_restart()
        hub = self.console.hub
        ticks = hub.subscribe(account_id=0)  # the engine listens to the feed like any page does
        ticks.topics.add("tick")
        try:
            while True:
                instruments = {(await ticks.queue.get())["data"]["instrument"]}
                while not ticks.queue.empty():  # one pass per burst of ticks
                    instruments.add(ticks.queue.get_nowait()["data"]["instrument"])
                try:
                    self.on_quotes(instruments)
                    for account_id in hub.accounts_subscribed_to("positions"):
                        self.publish_positions(account_id)
                except Exception:  # one bad pass must not stop the engine for every account
                    log.exception("order engine pass failed")
        finally:
            hub.unsubscribe(ticks)
            # An order stopped mid-way stays in its last persisted status; the next start resumes it from there.
            lifecycles = list(self._lifecycles.values())
            for task in lifecycles:
                task.cancel()
            await asyncio.gather(*lifecycles, return_exceptions=True)


# The HTTP API ------------------------------------------------------------------------------------------------

def engine(request: Request) -> OrderEngine:
    return request.app.state.console.orders


@seam("orders.may_trade")
def may_trade(user: User) -> bool:
    """Placing an order takes a trading role (trader or risk manager); a viewer is read-only."""
    return user.role in TRADING_ROLES


@seam("orders.may_cancel")
def may_cancel(user: User) -> bool:
    """Cancelling an order takes what placing one takes."""
    return may_trade(user)


def _refuse_read_only() -> NoReturn:
    raise HTTPException(status.HTTP_403_FORBIDDEN, "Your role is read-only: a viewer cannot place or cancel orders")


@seam("orders.history_scope")
def history_scope(user: User) -> tuple[str, tuple[Any, ...]]:
    """The orders a user's order list covers (an SQL condition and its parameters): those of their account."""
    return "account_id = ?", (user.account_id,)


@seam("orders.order_visible_to")
def order_visible_to(order: Order, user: User) -> bool:
    """An order is visible only to the users of its account; to anyone else it does not exist."""
    return order.account_id == user.account_id


@seam("orders.positions_answer")
async def positions_answer(orders_engine: OrderEngine, account_id: int) -> dict[str, Any]:
    """What GET /api/positions answers: the account's valuation, at once."""
    return orders_engine.account_snapshot(account_id)


router = APIRouter(prefix="/api")


@router.post("/orders", status_code=status.HTTP_201_CREATED)
async def submit_order(ticket: Ticket, user: CurrentUser, request: Request, response: Response) -> dict[str, Any]:
    """Place an order. 201 with the new order; 200 with the existing one when the client order id was seen."""
    if not may_trade(user):
        _refuse_read_only()
    order, created = engine(request).submit(ticket, user)
    if not created:
        response.status_code = status.HTTP_200_OK
    return order.as_dict()


@router.get("/orders")
async def list_orders(
    user: CurrentUser,
    request: Request,
    status_filter: Annotated[str | None, Query(alias="status")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
) -> dict[str, Any]:
    """The account's orders, newest first; `status` keeps only those with that status."""
    db = engine(request).db
    whose, params = history_scope(user)
    if status_filter is None:
        found = load_orders(db, whose, params, limit)
    elif status_filter in STATUSES:
        found = load_orders(db, f"{whose} AND status = ?", (*params, status_filter), limit)
    else:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT,
                            f"Unknown status {status_filter!r}; use one of {', '.join(STATUSES)}")
    return {"orders": [order.as_dict() for order in found]}


@router.get("/orders/{order_id}")
async def get_order(order_id: int, user: CurrentUser, request: Request) -> dict[str, Any]:
    order = load_order(engine(request).db, order_id)
    if order is None or not order_visible_to(order, user):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"No order #{order_id} in your account")
    return order.as_dict()


@router.post("/orders/{order_id}/cancel")
async def cancel_order(order_id: int, user: CurrentUser, request: Request) -> dict[str, Any]:
    if not may_cancel(user):
        _refuse_read_only()
    return engine(request).cancel(order_id, user).as_dict()


@router.get("/positions")
async def get_positions(user: CurrentUser, request: Request) -> dict[str, Any]:
    """Cash, equity, realized and unrealized P&L and the open positions of the account, in USD."""
    return await positions_answer(engine(request), user.account_id)
