"""The strategy simulation's trading rules: a deployed strategy trades the live feed by a simple rule of its type.

Everything here is pure (no storage, no clock, no event loop), so the rules and the P&L arithmetic can be tested
with hand-made quotes. `strategies.StrategyRunner` feeds it the feed's ticks and records what it does.

The rules, per instrument, on every tick (mid = (bid + ask) / 2; average = the mean mid of the last N ticks,
N set by the timeframe; band = half the instrument's typical spread):

- Mean Reversion: flat, it buys when mid < average - band and sells short when mid > average + band; it closes a
  long once mid >= average and a short once mid <= average (it bets that prices return to their average).
- Momentum: flat, it buys when mid > average + band and sells short when mid < average - band; it closes a long
  once mid <= average and a short once mid >= average (it follows a move until the move fades).
- Arbitrage: flat, when mid jumps by more than the band since the previous tick, it trades against the jump and
  closes on the next tick (it bets that a dislocated price snaps back).

Every entry is the strategy's max position size, so a position never exceeds it. A BUY fills at the ask, a SELL at
the bid. The simulation runs on ticks, not on bars: the timeframe only sets N, so that a deployed strategy starts
trading within seconds on a feed that ticks five times a second.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from reference_app.feed import BY_SYMBOL, Quote
from reference_app.seams import seam

STRATEGY_TYPES: tuple[str, ...] = ("Mean Reversion", "Momentum", "Arbitrage")
TIMEFRAMES: tuple[str, ...] = ("1M", "5M", "15M", "1H", "4H", "1D")

# Ticks in the moving average; a longer timeframe looks further back, but never so far that warming up takes long.
AVERAGE_TICKS: dict[str, int] = {"1M": 5, "5M": 6, "15M": 8, "1H": 10, "4H": 12, "1D": 15}
BAND_IN_SPREADS = 0.5


@dataclass(frozen=True)
class Fill:
    instrument: str
    side: str  # BUY or SELL
    quantity: float
    price: float
    realized_usd: float | None  # the profit or loss this fill realized, in USD; None when it opened a position
    filled_at: float  # epoch milliseconds of the tick it filled on


@dataclass
class Holding:
    quantity: float = 0.0  # signed units of the base currency: > 0 long, < 0 short
    average_price: float = 0.0


@dataclass(frozen=True)
class Metrics:
    pnl_usd: float
    trades: int
    closed_trades: int
    winning_trades: int

    @property
    def win_rate(self) -> float | None:
        return None if not self.closed_trades else self.winning_trades / self.closed_trades

    def as_dict(self) -> dict[str, float | int | None]:
        return {"pnl_usd": round(self.pnl_usd, 2), "trades": self.trades, "closed_trades": self.closed_trades,
                "win_rate": self.win_rate}


@seam("simulation.usd_per_unit")
def usd_per_unit(currency: str, quotes: dict[str, Quote]) -> float | None:
    """What one unit of `currency` is worth in USD at the current mids (None until the feed has priced it)."""
    if currency == "USD":
        return 1.0
    for symbol, quote in quotes.items():
        instrument = BY_SYMBOL[symbol]
        mid = (quote.bid + quote.ask) / 2
        if (instrument.base, instrument.quote) == (currency, "USD"):
            return mid
        if (instrument.base, instrument.quote) == ("USD", currency):
            return 1 / mid
    return None


@dataclass
class SimulatedStrategy:
    """One deployed strategy: its rule, its simulated positions and its running totals."""

    strategy_id: int
    kind: str
    instruments: tuple[str, ...]
    timeframe: str
    position_size: float
    holdings: dict[str, Holding] = field(default_factory=dict)
    realized_usd: float = 0.0
    trades: int = 0
    closed_trades: int = 0
    winning_trades: int = 0

    def __post_init__(self) -> None:
        if self.kind not in STRATEGY_TYPES:
            raise ValueError(f"no trading rule for a strategy of type {self.kind!r}")
        ticks = AVERAGE_TICKS[self.timeframe]
        self.holdings = {symbol: Holding() for symbol in self.instruments}
        # The previous N mids, plus the one before them for the Arbitrage rule's jump.
        self._mids: dict[str, deque[float]] = {symbol: deque(maxlen=ticks + 1) for symbol in self.instruments}

    @property
    def warmed_up(self) -> bool:
        """Whether the rule has seen enough ticks of every instrument to decide: its averages are meaningful."""
        return all(len(history) == history.maxlen for history in self._mids.values())

    def replay(self, fills: list[Fill]) -> None:
        """Rebuild positions and totals from recorded fills (after a restart of the console)."""
        for fill in fills:
            self._book(fill)

    def on_quote(self, quote: Quote, quotes: dict[str, Quote]) -> Fill | None:
        """Apply the rule to one tick; returns the fill it traded, if any. `quotes`: the feed's latest quotes."""
        if quote.instrument not in self.holdings:
            return None
        mid = (quote.bid + quote.ask) / 2
        history = self._mids[quote.instrument]
        side = self._decide(quote.instrument, mid, history) if len(history) == history.maxlen else None
        history.append(mid)
        if side is None:
            return None
        rate = usd_per_unit(BY_SYMBOL[quote.instrument].quote, quotes)
        if rate is None:  # cannot value the trade in USD yet: wait for the feed to price the quote currency
            return None
        holding = self.holdings[quote.instrument]
        closing = holding.quantity != 0
        quantity = abs(holding.quantity) if closing else self.position_size
        price = quote.ask if side == "BUY" else quote.bid
        realized = None
        if closing:
            realized = holding.quantity * (price - holding.average_price) * rate
        fill = Fill(quote.instrument, side, quantity, price, realized, quote.ts)
        self._book(fill)
        return fill

    def _decide(self, symbol: str, mid: float, history: deque[float]) -> str | None:
        position = self.holdings[symbol].quantity
        band = BY_SYMBOL[symbol].spread * BAND_IN_SPREADS
        window = list(history)[1:]
        # To a hundredth of a pip: a price held for the whole window is its own average (float sums are not exact).
        places = BY_SYMBOL[symbol].decimals + 2
        average, mid = round(sum(window) / len(window), places), round(mid, places)
        if self.kind == "Mean Reversion":
            if position == 0:
                return "BUY" if mid < average - band else "SELL" if mid > average + band else None
            return "SELL" if position > 0 and mid >= average else "BUY" if position < 0 and mid <= average else None
        if self.kind == "Momentum":
            if position == 0:
                return "BUY" if mid > average + band else "SELL" if mid < average - band else None
            return "SELL" if position > 0 and mid <= average else "BUY" if position < 0 and mid >= average else None
        # Arbitrage: trade against a jump, close on the next tick whatever happened.
        if position != 0:
            return "SELL" if position > 0 else "BUY"
        jump = mid - history[-1]
        return "BUY" if jump < -band else "SELL" if jump > band else None

    def _book(self, fill: Fill) -> None:
        holding = self.holdings.setdefault(fill.instrument, Holding())
        signed = fill.quantity if fill.side == "BUY" else -fill.quantity
        self.trades += 1
        if fill.realized_usd is not None:
            self.closed_trades += 1
            self.winning_trades += fill.realized_usd > 0
            self.realized_usd += fill.realized_usd
        if holding.quantity == 0 or (holding.quantity > 0) == (signed > 0):
            total = holding.quantity + signed
            holding.average_price = (holding.average_price * holding.quantity + fill.price * signed) / total
            holding.quantity = total
        else:
            holding.quantity += signed
            if abs(holding.quantity) < 1e-9:
                holding.quantity, holding.average_price = 0.0, 0.0

    def closing_fills(self, quotes: dict[str, Quote]) -> list[Fill]:
        """Close every open position at the market (when the strategy stops), booking the fills."""
        fills = []
        for symbol, holding in self.holdings.items():
            quote = quotes.get(symbol)
            if holding.quantity == 0 or quote is None:
                continue
            rate = usd_per_unit(BY_SYMBOL[symbol].quote, quotes) or 0.0
            side = "SELL" if holding.quantity > 0 else "BUY"
            price = quote.bid if side == "SELL" else quote.ask
            realized = holding.quantity * (price - holding.average_price) * rate
            fill = Fill(symbol, side, abs(holding.quantity), price, realized, quote.ts)
            self._book(fill)
            fills.append(fill)
        return fills

    def metrics(self, quotes: dict[str, Quote]) -> Metrics:
        """Realized P&L plus open positions marked at the current mid, in USD."""
        unrealized = 0.0
        for symbol, holding in self.holdings.items():
            quote = quotes.get(symbol)
            if holding.quantity == 0 or quote is None:
                continue
            rate = usd_per_unit(BY_SYMBOL[symbol].quote, quotes) or 0.0
            unrealized += holding.quantity * ((quote.bid + quote.ask) / 2 - holding.average_price) * rate
        return Metrics(self.realized_usd + unrealized, self.trades, self.closed_trades, self.winning_trades)
