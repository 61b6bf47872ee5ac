"""Faulty variants of the strategy simulation's seams (reference_app/simulation.py), one per named fault."""
from __future__ import annotations

from reference_app.feed import Quote
from reference_app.seams import replaces


@replaces("simulation.usd_per_unit", fault="strategy_pnl_left_in_quote_currency")
def every_currency_a_dollar(currency: str, quotes: dict[str, Quote]) -> float | None:
    # The defect: the simulation's conversion was stubbed to 1.0 while only USD-quoted pairs were simulated, and stayed.
    return 1.0
