"""Faulty variants of the book's seams (reference_app/positions.py), one per named fault."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from reference_app import positions
from reference_app.feed import Quote
from reference_app.positions import AccountValue, FillEffect, MarkToMarket, Position
from reference_app.seams import correct, replaces


def _closes(position: Position, signed_quantity: float) -> bool:
    return position.quantity != 0 and (position.quantity > 0) != (signed_quantity > 0)


@replaces("positions.apply_fill", fault="partial_close_realizes_whole_position")
def whole_position_realized(position: Position, signed_quantity: float, price: float,
                            usd_per_quote: float) -> FillEffect:
    # The defect: a fill that closes part of a position realizes the P&L of the whole position.
    effect = correct("positions.apply_fill")(position, signed_quantity, price, usd_per_quote)
    if not _closes(position, signed_quantity):
        return effect
    realized = position.quantity * price * usd_per_quote - position.cost_usd
    after = replace(effect.position, realized_pnl_usd=position.realized_pnl_usd + realized)
    return replace(effect, position=after, realized_pnl_usd=realized)


@replaces("positions.apply_fill", fault="average_price_not_weighted")
def plain_mean_average_price(position: Position, signed_quantity: float, price: float,
                             usd_per_quote: float) -> FillEffect:
    # The defect: adding to a position averages the old average and the new price, not weighted by quantity.
    effect = correct("positions.apply_fill")(position, signed_quantity, price, usd_per_quote)
    closing = min(abs(signed_quantity), abs(position.quantity)) if _closes(position, signed_quantity) else 0.0
    opens = abs(signed_quantity) - closing != 0
    if position.quantity and opens and effect.position.quantity != 0:
        return replace(effect, position=replace(effect.position, average_price=(position.average_price + price) / 2))
    return effect


@replaces("positions.apply_fill", fault="sell_debits_cash")
def cash_from_absolute_quantity(position: Position, signed_quantity: float, price: float,
                                usd_per_quote: float) -> FillEffect:
    # The defect: the cash flow is computed from the absolute quantity, so a SELL pays instead of receiving.
    effect = correct("positions.apply_fill")(position, signed_quantity, price, usd_per_quote)
    return replace(effect, cash_usd=-abs(signed_quantity) * price * usd_per_quote)


@replaces("positions.value_account", fault="short_exposure_not_absolute")
def signed_gross_exposure(db: positions.Database, quotes: Mapping[str, Quote], account_id: int,
                          mark_to_market: MarkToMarket = positions.value_position) -> AccountValue:
    # The defect: gross exposure adds each position's signed exposure, so a short subtracts.
    value = correct("positions.value_account")(db, quotes, account_id, mark_to_market)
    signed = sum(p.exposure_usd * (1 if p.quantity > 0 else -1) for p in value.positions)
    return replace(value, gross_exposure_usd=signed)


@replaces("positions.value_account", fault="closed_positions_listed")
def flat_positions_listed(db: positions.Database, quotes: Mapping[str, Quote], account_id: int,
                          mark_to_market: MarkToMarket = positions.value_position) -> AccountValue:
    # The defect: the valuation lists every position the account has traded, the flat ones too.
    value = correct("positions.value_account")(db, quotes, account_id, mark_to_market)
    return replace(value, positions=[mark_to_market(p, quotes) for p in positions.positions(db, account_id)])


@replaces("positions.daily_pnl_usd", fault="daily_pnl_ignores_realized")
def unrealized_only(db: positions.Database, quotes: Mapping[str, Quote], account_id: int) -> float:
    """The defect: the day's P&L is the unrealized P&L of the open positions: what was closed today is forgotten."""
    return positions.value_account(db, quotes, account_id).unrealized_pnl_usd
