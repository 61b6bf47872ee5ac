"""Faulty variants of the order engine's seams (reference_app/orders.py), one per named fault."""
from __future__ import annotations

from typing import TYPE_CHECKING

from reference_app.seams import replaces

if TYPE_CHECKING:
    from reference_app.feed import Quote
    from reference_app.orders import Order


@replaces("orders.quantity_too_small", fault="zero_quantity_accepted")
def only_negative_quantities_refused(quantity: float) -> bool:
    # The defect: `<` where `<=` was meant, so an order for zero units passes.
    return quantity < 0


@replaces("orders.fill_price", fault="market_buy_fills_at_bid")
def market_buy_at_the_bid(order: Order, quote: Quote) -> float:
    # The defect: a MARKET BUY takes the bid (the wrong side of the spread); the rest fill at the touch.
    if order.type == "MARKET":
        return quote.bid
    return quote.ask if order.side == "BUY" else quote.bid


@replaces("orders.fill_price", fault="market_sell_fills_at_ask")
def market_sell_at_the_ask(order: Order, quote: Quote) -> float:
    # The defect: a MARKET SELL takes the ask (the wrong side of the spread); the rest fill at the touch.
    if order.type == "MARKET":
        return quote.ask
    return quote.ask if order.side == "BUY" else quote.bid
