"""Faulty variants of the market data API's seams (reference_app/market_data.py), one per named fault."""
from __future__ import annotations

from reference_app.feed import Instrument
from reference_app.market_data import pip_size  # noqa: F401  (declares the seams replaced here)
from reference_app.seams import replaces


@replaces("market_data.pip_size", fault="jpy_spread_pip_wrong")
def jpy_pip_by_base_currency(instrument: Instrument) -> float:
    # The defect: the pip size checks the base currency for JPY instead of the quote currency.
    return 0.01 if instrument.base == "JPY" else 0.0001


@replaces("market_data.unknown_symbols", fault="unknown_instrument_answers_500")
def every_symbol_assumed_known(symbols: list[str]) -> list[str]:
    # The defect: the symbol is looked up without checking it exists: an unknown one fails with a KeyError (500).
    return []
