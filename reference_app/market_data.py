"""Market data: the quotes board's snapshot (instruments, last quotes, the day's opens); ticks come by WebSocket."""
from __future__ import annotations

import re
import time
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request, status

from reference_app.auth import CurrentUser
from reference_app.context import Console
from reference_app.feed import BY_SYMBOL, INSTRUMENTS, Instrument, utc_day
from reference_app.seams import seam

# An instrument without a tick for longer than this is shown stale (the same threshold as the status page's feed).
STALE_AFTER_MS = 2000

_SYMBOL = re.compile(r"^[A-Z]{6}$")

router = APIRouter()


@seam("market_data.pip_size")
def pip_size(instrument: Instrument) -> float:
    """FX convention: a pip is the second decimal for yen-quoted pairs, the fourth for every other pair."""
    return 0.01 if instrument.quote == "JPY" else 0.0001


def _row(console: Console, instrument: Instrument, now_ms: float) -> dict[str, Any]:
    quote = console.feed.quotes.get(instrument.symbol)
    return {
        "instrument": instrument.symbol,
        "base": instrument.base,
        "quote": instrument.quote,
        "decimals": instrument.decimals,
        "pip": pip_size(instrument),
        "open": console.feed.day_open(instrument.symbol),
        "bid": quote.bid if quote else None,
        "ask": quote.ask if quote else None,
        "ts": quote.ts if quote else None,
        "seq": quote.seq if quote else None,
        # Measured on the server's clock alone, so the page can tell a stale quote without trusting its own clock.
        "age_ms": max(0.0, now_ms - quote.ts) if quote else None,
    }


@seam("market_data.unknown_symbols")
def unknown_symbols(symbols: list[str]) -> list[str]:
    """The well-formed symbols that name no instrument of the console."""
    return [s for s in symbols if s not in BY_SYMBOL]


def _selected(symbols: list[str] | None) -> list[Instrument]:
    if not symbols:
        return list(INSTRUMENTS)
    malformed = [s for s in symbols if not _SYMBOL.match(s)]
    if malformed:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT,
                            f"Instrument must be six capital letters such as EURUSD, not {malformed[0]!r}")
    unknown = unknown_symbols(symbols)
    if unknown:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"Unknown instrument {unknown[0]!r}")
    return [BY_SYMBOL[s] for s in dict.fromkeys(symbols)]


@router.get("/api/market-data")
async def market_data(
    request: Request, user: CurrentUser, instrument: Annotated[list[str] | None, Query()] = None
) -> dict[str, Any]:
    """The board's starting point: every instrument (or those asked for) with its last quote and the day's open.

    Market data is the same for every account; the session is still required, like every API of the console.
    """
    console: Console = request.app.state.console
    now_ms = time.time() * 1000
    return {
        "day": utc_day(now_ms),
        "stale_after_ms": STALE_AFTER_MS,
        "tick_interval_ms": console.settings.tick_interval_s * 1000,
        "instruments": [_row(console, i, now_ms) for i in _selected(instrument)],
    }
