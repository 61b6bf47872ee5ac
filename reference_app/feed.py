"""The simulated market feed: seeded, repeatable random walks that tick every instrument several times a second."""
from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone

from reference_app.hub import EventHub


@dataclass(frozen=True)
class Instrument:
    symbol: str
    base: str
    quote: str
    price: float
    spread: float
    decimals: int


INSTRUMENTS: tuple[Instrument, ...] = (
    Instrument("EURUSD", "EUR", "USD", 1.08500, 0.00010, 5),
    Instrument("GBPUSD", "GBP", "USD", 1.27000, 0.00015, 5),
    Instrument("USDJPY", "USD", "JPY", 151.200, 0.012, 3),
    Instrument("AUDUSD", "AUD", "USD", 0.65500, 0.00012, 5),
    Instrument("USDCHF", "USD", "CHF", 0.88000, 0.00014, 5),
    Instrument("USDCAD", "USD", "CAD", 1.36000, 0.00016, 5),
    Instrument("NZDUSD", "NZD", "USD", 0.60000, 0.00018, 5),
    Instrument("EURGBP", "EUR", "GBP", 0.85500, 0.00012, 5),
)
BY_SYMBOL: dict[str, Instrument] = {i.symbol: i for i in INSTRUMENTS}


@dataclass
class Quote:
    instrument: str
    bid: float
    ask: float
    ts: float  # server time of the tick, epoch milliseconds
    seq: int  # feed-wide sequence number, increasing by one per tick

    def as_event(self) -> dict[str, float | int | str]:
        return {"instrument": self.instrument, "bid": self.bid, "ask": self.ask, "ts": self.ts, "seq": self.seq}


@dataclass
class _InstrumentState:
    mid: float
    fixed: tuple[float, float] | None = None  # (bid, ask) held by test control
    paused: bool = False
    open_day: str = ""  # UTC date of `open_mid`
    open_mid: float = 0.0  # mid of the instrument's first tick of that UTC day: the base of its daily change


@dataclass
class MarketFeed:
    hub: EventHub
    seed: int
    tick_interval_s: float = 0.2
    quotes: dict[str, Quote] = field(default_factory=dict)
    last_tick_at: float = 0.0  # monotonic time of the most recent tick of any instrument
    last_tick_lag_ms: float = 0.0  # how late the last round of ticks went out against its schedule
    paused: bool = False
    _seq: int = 0

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)
        self._state = {i.symbol: _InstrumentState(i.price) for i in INSTRUMENTS}

    async def run(self) -> None:
        due = time.perf_counter()
        while True:
            self.tick_all()
            # The loop may wake a hair before its due time: that is no lag, never a negative one.
            self.last_tick_lag_ms = max(0.0, (time.perf_counter() - due) * 1000)
            due += self.tick_interval_s
            await asyncio.sleep(max(0.0, due - time.perf_counter()))

    def tick_all(self) -> None:
        if self.paused:
            return
        for instrument in INSTRUMENTS:
            state = self._state[instrument.symbol]
            if state.paused:
                continue
            if state.fixed is None:
                # A small random walk: about a quarter of a spread per tick, mean-reverting to the base price.
                drift = (instrument.price - state.mid) * 0.002
                state.mid += drift + self._rng.gauss(0, instrument.spread * 0.25)
                half = instrument.spread / 2
                bid, ask = round(state.mid - half, instrument.decimals), round(state.mid + half, instrument.decimals)
            else:
                bid, ask = state.fixed
            self._publish(instrument.symbol, bid, ask)

    def _publish(self, symbol: str, bid: float, ask: float) -> Quote:
        self._seq += 1
        quote = Quote(symbol, bid, ask, time.time() * 1000, self._seq)
        state = self._state[symbol]
        day = utc_day(quote.ts)
        if state.open_day != day:
            state.open_day, state.open_mid = day, (bid + ask) / 2
        self.quotes[symbol] = quote
        self.last_tick_at = time.monotonic()
        self.hub.publish("tick", quote.as_event())
        return quote

    def last_tick_age_s(self) -> float | None:
        return None if not self.last_tick_at else time.monotonic() - self.last_tick_at

    def day_open(self, symbol: str) -> float | None:
        """The mid of the instrument's first tick of the current UTC day (None before its first tick today)."""
        state = self._state[symbol]
        return state.open_mid if state.open_day == utc_day(time.time() * 1000) else None

    # Test control: exact prices for exact P&L, and outages on demand.
    def set_day_open(self, symbol: str, mid: float) -> float | None:
        """Make `mid` the instrument's open for the current UTC day; answers the open it replaces."""
        state = self._state[symbol]
        previous = self.day_open(symbol)
        state.open_mid, state.open_day = mid, utc_day(time.time() * 1000)
        return previous

    def set_price(self, symbol: str, bid: float, ask: float, freeze: bool) -> Quote:
        """Move an instrument to `bid`/`ask` at once; frozen, it keeps ticking at exactly that price."""
        state = self._state[symbol]
        state.mid = (bid + ask) / 2
        state.fixed = (bid, ask) if freeze else None
        return self._publish(symbol, bid, ask)

    def release_price(self, symbol: str) -> None:
        """Let a frozen instrument walk again from where it stands."""
        self._state[symbol].fixed = None

    def pause(self, symbol: str | None = None) -> None:
        if symbol is None:
            self.paused = True
        else:
            self._state[symbol].paused = True

    def resume(self, symbol: str | None = None) -> None:
        if symbol is None:
            self.paused = False
        else:
            self._state[symbol].paused = False


def utc_day(epoch_ms: float) -> str:
    return datetime.fromtimestamp(epoch_ms / 1000, timezone.utc).date().isoformat()
