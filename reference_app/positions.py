"""Positions, cash and P&L per account: what fills do to an account, and what it is worth at current prices.

The API other modules build on (orders, risk, portfolio):

- `apply_fill(position, signed_quantity, price, usd_per_quote)` — pure: the position after a fill, the cash it
  moves and the P&L it realizes.
- `fill_statements(...)` — the SQL that records a fill, its position and its cash move in one transaction.
- `position(db, account_id, instrument)`, `positions(db, account_id)` — the stored book.
- `cash_usd(db, account_id)` — starting cash plus every fill's cash flow.
- `replay_fills(db, account_id)` — the book recomputed from the account's fills alone (what the stored book must
  equal; the portfolio synchronisation compares the two).
- `value_account(db, quotes, account_id)` — cash, equity, unrealized and realized P&L, every open position
  marked to market, in USD.
- `daily_pnl_usd(db, quotes, account_id)` — equity now minus equity at the start of the (UTC) day.

Formulas (all amounts of an account are in USD, the account currency):

- A position is a signed quantity of the instrument's base currency (long > 0, short < 0) and the average price
  of the fills that opened it, in the quote currency.
- The mark is the price the position could be closed at now: the bid for a long, the ask for a short.
- Unrealized P&L = quantity × (mark − average price), in the quote currency, converted to USD at the current
  rate: × 1 for a USD quote (EURUSD), ÷ USDJPY for JPY (likewise CHF, CAD), × GBPUSD for GBP (EURGBP). The
  conversion rate is the mid price of the conversion pair.
- Each fill moves cash by −signed quantity × fill price, converted to USD at the fill's moment: buying pays,
  selling receives. The USD amount paid for what is still open is the position's cost (`cost_usd`).
- Realized P&L of a fill that reduces a position = what the fill moved in cash for the part it closed minus the
  cost of that part (for a USD quote: closed quantity × (fill price − average price) × sign of the position).
- Equity = cash + Σ (cost + unrealized P&L) = starting cash + realized P&L + unrealized P&L.
- Gross exposure of a position = |quantity × mark| converted to USD.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from reference_app.db import Database
from reference_app.feed import BY_SYMBOL, INSTRUMENTS, Quote
from reference_app.seams import seam

SCHEMA = """
CREATE TABLE IF NOT EXISTS positions (
    account_id       INTEGER NOT NULL REFERENCES accounts(id),
    instrument       TEXT NOT NULL,
    quantity         REAL NOT NULL,
    average_price    REAL NOT NULL,
    cost_usd         REAL NOT NULL,
    realized_pnl_usd REAL NOT NULL DEFAULT 0,
    updated_at       REAL NOT NULL,
    PRIMARY KEY (account_id, instrument)
);
CREATE TABLE IF NOT EXISTS fills (
    id               INTEGER PRIMARY KEY,
    account_id       INTEGER NOT NULL REFERENCES accounts(id),
    order_id         INTEGER NOT NULL UNIQUE,
    instrument       TEXT NOT NULL,
    quantity         REAL NOT NULL,  -- signed: positive for a buy
    price            REAL NOT NULL,
    usd_per_quote    REAL NOT NULL,
    cash_usd         REAL NOT NULL,
    realized_pnl_usd REAL NOT NULL,
    filled_at        REAL NOT NULL  -- epoch seconds, like the core tables
);
CREATE INDEX IF NOT EXISTS fills_by_account ON fills (account_id, filled_at);
CREATE TABLE IF NOT EXISTS day_start_equity (
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    day        TEXT NOT NULL,  -- UTC date, YYYY-MM-DD
    equity_usd REAL NOT NULL,
    PRIMARY KEY (account_id, day)
);
"""

# Quantities are whole units; anything smaller than this is floating-point noise of a position that is flat.
_FLAT = 1e-9


@dataclass(frozen=True)
class Position:
    """One instrument's position of an account, as stored."""

    instrument: str
    quantity: float  # signed, in units of the base currency
    average_price: float  # in the quote currency; 0 when flat
    cost_usd: float  # USD paid for what is open (negative for a short: USD received)
    realized_pnl_usd: float  # accumulated over the position's life

    @classmethod
    def flat(cls, instrument: str) -> Position:
        return cls(instrument, 0.0, 0.0, 0.0, 0.0)


@dataclass(frozen=True)
class FillEffect:
    position: Position  # after the fill
    cash_usd: float  # signed cash flow of the fill
    realized_pnl_usd: float  # realized by this fill


def _sign(value: float) -> int:
    return (value > 0) - (value < 0)


@seam("positions.apply_fill")
def apply_fill(position: Position, signed_quantity: float, price: float, usd_per_quote: float) -> FillEffect:
    """The position after buying (`signed_quantity` > 0) or selling (< 0) at `price`; see the module's formulas."""
    q0 = position.quantity
    # The part of the fill that closes the existing position, and the part that opens (or adds) beyond it.
    closing = 0.0 if _sign(q0) in (0, _sign(signed_quantity)) else -_sign(q0) * min(abs(signed_quantity), abs(q0))
    opening = signed_quantity - closing
    released_cost = position.cost_usd * (-closing / q0) if closing else 0.0
    closing_cash = -closing * price * usd_per_quote
    realized = closing_cash - released_cost if closing else 0.0
    q1 = q0 + signed_quantity
    if abs(q1) < _FLAT:
        q1, average, cost = 0.0, 0.0, 0.0
    else:
        average = ((q0 + closing) * position.average_price + opening * price) / q1
        cost = position.cost_usd - released_cost + opening * price * usd_per_quote
    after = Position(position.instrument, q1, average, cost, position.realized_pnl_usd + realized)
    cash = -signed_quantity * price * usd_per_quote
    return FillEffect(after, cash, realized)


# Conversion to USD ---------------------------------------------------------------------------------------------

def mid(quote: Quote) -> float:
    return (quote.bid + quote.ask) / 2


def usd_per_unit(currency: str, quotes: Mapping[str, Quote]) -> float:
    """How many USD one unit of `currency` is worth now (mid price of the pair that links it to USD)."""
    if currency == "USD":
        return 1.0
    for instrument in INSTRUMENTS:
        if instrument.base == currency and instrument.quote == "USD" and instrument.symbol in quotes:
            return mid(quotes[instrument.symbol])
        if instrument.base == "USD" and instrument.quote == currency and instrument.symbol in quotes:
            return 1 / mid(quotes[instrument.symbol])
    raise LookupError(f"no price links {currency} to USD yet")


def usd_per_quote(instrument: str, quotes: Mapping[str, Quote]) -> float:
    """The current rate that converts an amount in the instrument's quote currency into USD."""
    return usd_per_unit(BY_SYMBOL[instrument].quote, quotes)


def mark_price(quantity: float, quote: Quote) -> float:
    """The price a position could be closed at now: a long sells at the bid, a short buys back at the ask."""
    return quote.bid if quantity >= 0 else quote.ask


# The stored book ----------------------------------------------------------------------------------------------

def _position_from(row: Any) -> Position:
    return Position(row["instrument"], row["quantity"], row["average_price"], row["cost_usd"], row["realized_pnl_usd"])


def position(db: Database, account_id: int, instrument: str) -> Position:
    row = db.one("SELECT * FROM positions WHERE account_id = ? AND instrument = ?", (account_id, instrument))
    return _position_from(row) if row else Position.flat(instrument)


def positions(db: Database, account_id: int) -> list[Position]:
    """Every instrument the account has traded, flat ones included (they carry realized P&L)."""
    rows = db.all("SELECT * FROM positions WHERE account_id = ? ORDER BY instrument", (account_id,))
    return [_position_from(row) for row in rows]


def starting_cash(db: Database, account_id: int) -> float:
    row = db.one("SELECT starting_cash FROM accounts WHERE id = ?", (account_id,))
    if row is None:
        raise LookupError(f"no account {account_id}")
    return row["starting_cash"]


def cash_usd(db: Database, account_id: int) -> float:
    """Starting cash plus the cash flow of every fill."""
    row = db.one("SELECT COALESCE(SUM(cash_usd), 0) AS moved FROM fills WHERE account_id = ?", (account_id,))
    return starting_cash(db, account_id) + row["moved"]


def replay_fills(db: Database, account_id: int) -> dict[str, Position]:
    """Every instrument's position as the account's fills give it: each fill applied with `apply_fill`, in the
    order the fills happened, at the price and conversion rate recorded with it. The stored book is kept up to
    date fill by fill with the same function, so the two agree unless something changed the book without a fill."""
    book: dict[str, Position] = {}
    for fill in db.all("SELECT instrument, quantity, price, usd_per_quote FROM fills WHERE account_id = ? ORDER BY id",
                       (account_id,)):
        held = book.get(fill["instrument"], Position.flat(fill["instrument"]))
        book[fill["instrument"]] = apply_fill(held, fill["quantity"], fill["price"], fill["usd_per_quote"]).position
    return book


def fill_statements(account_id: int, order_id: int, signed_quantity: float, price: float, usd_per_quote: float,
                    before: Position, at: float) -> tuple[FillEffect, list[tuple[str, Sequence[Any]]]]:
    """The effect of a fill and the statements that record it; run them in the same transaction as the order's
    own update, so that an order is never Filled without its position and cash, nor the other way round."""
    effect = apply_fill(before, signed_quantity, price, usd_per_quote)
    after = effect.position
    statements: list[tuple[str, Sequence[Any]]] = [
        ("INSERT INTO fills (account_id, order_id, instrument, quantity, price, usd_per_quote, cash_usd,"
         " realized_pnl_usd, filled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
         (account_id, order_id, before.instrument, signed_quantity, price, usd_per_quote, effect.cash_usd,
          effect.realized_pnl_usd, at)),
        ("INSERT INTO positions (account_id, instrument, quantity, average_price, cost_usd, realized_pnl_usd,"
         " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id, instrument) DO UPDATE SET"
         " quantity = excluded.quantity, average_price = excluded.average_price, cost_usd = excluded.cost_usd,"
         " realized_pnl_usd = excluded.realized_pnl_usd, updated_at = excluded.updated_at",
         (account_id, after.instrument, after.quantity, after.average_price, after.cost_usd,
          after.realized_pnl_usd, at)),
    ]
    return effect, statements


# Valuation ----------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PositionValue:
    instrument: str
    quantity: float
    average_price: float
    mark: float | None  # None while the instrument has no price yet
    unrealized_pnl_usd: float
    realized_pnl_usd: float
    cost_usd: float
    exposure_usd: float  # |quantity × mark| in USD

    def as_dict(self) -> dict[str, Any]:
        return {
            "instrument": self.instrument,
            "quantity": self.quantity,
            "average_price": self.average_price,
            "mark": self.mark,
            "unrealized_pnl_usd": round(self.unrealized_pnl_usd, 2),
            "realized_pnl_usd": round(self.realized_pnl_usd, 2),
            "exposure_usd": round(self.exposure_usd, 2),
            "decimals": BY_SYMBOL[self.instrument].decimals,
        }


@dataclass(frozen=True)
class AccountValue:
    account_id: int
    starting_cash: float
    cash_usd: float
    unrealized_pnl_usd: float
    realized_pnl_usd: float
    equity_usd: float
    gross_exposure_usd: float
    positions: list[PositionValue]  # open positions only
    valued_at: float  # epoch milliseconds

    def as_dict(self) -> dict[str, Any]:
        return {
            "account_id": self.account_id,
            "starting_cash": round(self.starting_cash, 2),
            "cash_usd": round(self.cash_usd, 2),
            "unrealized_pnl_usd": round(self.unrealized_pnl_usd, 2),
            "realized_pnl_usd": round(self.realized_pnl_usd, 2),
            "equity_usd": round(self.equity_usd, 2),
            "gross_exposure_usd": round(self.gross_exposure_usd, 2),
            "positions": [p.as_dict() for p in self.positions],
            "valued_at": self.valued_at,
        }


def value_position(held: Position, quotes: Mapping[str, Quote]) -> PositionValue:
    """Mark one position to market (see the module's formulas)."""
    quote = quotes.get(held.instrument)
    if quote is None or held.quantity == 0:
        return PositionValue(held.instrument, held.quantity, held.average_price, None, 0.0, held.realized_pnl_usd,
                             held.cost_usd, 0.0)
    mark = mark_price(held.quantity, quote)
    rate = usd_per_quote(held.instrument, quotes)
    unrealized = held.quantity * (mark - held.average_price) * rate
    return PositionValue(held.instrument, held.quantity, held.average_price, mark, unrealized,
                         held.realized_pnl_usd, held.cost_usd, abs(held.quantity * mark * rate))


MarkToMarket = Callable[[Position, Mapping[str, Quote]], PositionValue]


@seam("positions.value_account")
def value_account(db: Database, quotes: Mapping[str, Quote], account_id: int,
                  mark_to_market: MarkToMarket = value_position) -> AccountValue:
    """Cash, equity and P&L of an account at the current prices (see the module's formulas); each position is
    valued with `mark_to_market`."""
    book = [mark_to_market(p, quotes) for p in positions(db, account_id)]
    open_positions = [p for p in book if p.quantity != 0]
    cash = cash_usd(db, account_id)
    unrealized = sum(p.unrealized_pnl_usd for p in open_positions)
    equity = cash + sum(p.cost_usd + p.unrealized_pnl_usd for p in open_positions)
    gross_exposure = sum(p.exposure_usd for p in open_positions)
    return AccountValue(
        account_id=account_id,
        starting_cash=starting_cash(db, account_id),
        cash_usd=cash,
        unrealized_pnl_usd=unrealized,
        realized_pnl_usd=sum(p.realized_pnl_usd for p in book),
        equity_usd=equity,
        gross_exposure_usd=gross_exposure,
        positions=open_positions,
        valued_at=time.time() * 1000,
    )


def utc_day(epoch_s: float | None = None) -> str:
    return datetime.fromtimestamp(time.time() if epoch_s is None else epoch_s, timezone.utc).strftime("%Y-%m-%d")


def day_start_equity(db: Database, quotes: Mapping[str, Quote], account_id: int, day: str | None = None) -> float:
    """The account's equity at the start of the UTC day, recorded the first time anyone asks for it that day.

    An account without a fill before the day started was worth exactly its starting cash then. Otherwise the
    equity at the first look of the day stands in for it; the order engine asks before every fill, so no trade
    of the day happens before the record is made.
    """
    day = day or utc_day()
    row = db.one("SELECT equity_usd FROM day_start_equity WHERE account_id = ? AND day = ?", (account_id, day))
    if row:
        return row["equity_usd"]
    midnight = datetime.strptime(day, "%Y-%m-%d").replace(tzinfo=timezone.utc).timestamp()
    earlier = db.one("SELECT COUNT(*) AS n FROM fills WHERE account_id = ? AND filled_at < ?", (account_id, midnight))
    if earlier["n"] == 0:
        equity = starting_cash(db, account_id)
    else:
        equity = value_account(db, quotes, account_id).equity_usd
    db.execute("INSERT OR IGNORE INTO day_start_equity (account_id, day, equity_usd) VALUES (?, ?, ?)",
               (account_id, day, equity))
    return equity


@seam("positions.daily_pnl_usd")
def daily_pnl_usd(db: Database, quotes: Mapping[str, Quote], account_id: int) -> float:
    """Realized today plus the change in unrealized since the day's start = equity now − equity at day start."""
    start = day_start_equity(db, quotes, account_id)
    return value_account(db, quotes, account_id).equity_usd - start
