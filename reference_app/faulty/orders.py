"""Faulty variants of the order engine's seams (reference_app/orders.py), one per named fault."""
from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from reference_app import positions
from reference_app.auth import User
from reference_app.db import Database
from reference_app.feed import BY_SYMBOL, Quote
from reference_app.orders import CANCELLED, FILLED, SUBMITTED, WORKING, Order, OrderEngine, trading_halted
from reference_app.positions import Position, PositionValue
from reference_app.seams import correct, replaces


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


@replaces("orders.crossed", fault="buy_limit_not_filled_at_limit_price")
def buy_limit_strictly_below(order: Order, quote: Quote) -> bool:
    # The defect: a BUY LIMIT triggers on ask < limit instead of ask <= limit, so one priced at the ask never fills.
    if order.type == "LIMIT" and order.side == "BUY":
        assert order.price is not None
        return quote.ask < order.price
    return correct("orders.crossed")(order, quote)


@replaces("orders.crossed", fault="sell_stop_triggers_on_wrong_side")
def sell_stop_above(order: Order, quote: Quote) -> bool:
    # The defect: a SELL STOP triggers on bid >= stop instead of bid <= stop, so one below the market fills at once.
    if order.type == "STOP" and order.side == "SELL":
        assert order.price is not None
        return quote.bid >= order.price
    return correct("orders.crossed")(order, quote)


@replaces("orders.projected_position", fault="max_position_checks_order_quantity")
def order_quantity_only(engine: OrderEngine, account_id: int, instrument: str, signed_quantity: float,
                        excluding: int | None = None) -> float:
    # The defect: the max-position check looks at the order's own quantity, not at the position it leads to.
    return signed_quantity


@replaces("orders.projected_position", fault="max_position_ignores_open_orders")
def held_plus_order(engine: OrderEngine, account_id: int, instrument: str, signed_quantity: float,
                    excluding: int | None = None) -> float:
    # The defect: the max-position check adds the held position and the new order, forgetting the open orders.
    return positions.position(engine.db, account_id, instrument).quantity + signed_quantity


@replaces("orders.halt_stops_orders", fault="halt_api_accepts_orders")
def halt_left_to_the_screens(db: Database, account_id: int) -> bool:
    # The defect: the halt is enforced only by the screens; the order API and the engine ignore it.
    return False


@replaces("orders.status_after_pending", fault="order_skips_risk_check")
def straight_to_submitted(order: Order) -> str:
    # The defect: a new order goes from Pending straight to Submitted: no Risk Check, no Approved, no limits.
    return SUBMITTED


@replaces("orders.apply_cancel", fault="cancel_acknowledged_not_applied")
def cancel_only_acknowledged(engine: OrderEngine, order: Order, reason: str) -> Order:
    # The defect: the screen is told at once, but the cancel never reaches the book: the order keeps working.
    acknowledged = {**order.as_dict(), "status": CANCELLED, "reason": reason}
    engine.console.hub.publish("order", acknowledged, account_id=order.account_id)
    return replace(order, status=CANCELLED, reason=reason)


@replaces("orders.position_on_screen", fault="short_pnl_sign_inverted")
def short_pnl_inverted(held: Position, quotes: Mapping[str, Quote]) -> PositionValue:
    # The defect: the unrealized P&L of a short takes the absolute quantity, so a short gains when the price rises.
    value = correct("orders.position_on_screen")(held, quotes)
    if held.quantity < 0 and value.mark is not None:
        return replace(value, unrealized_pnl_usd=abs(held.quantity) * (value.mark - held.average_price)
                       * positions.usd_per_quote(held.instrument, quotes))
    return value


@replaces("orders.position_on_screen", fault="quote_currency_pnl_not_converted")
def pnl_in_quote_currency(held: Position, quotes: Mapping[str, Quote]) -> PositionValue:
    # The defect: the unrealized P&L stays in the quote currency: a USDJPY position's yen are counted as dollars.
    value = correct("orders.position_on_screen")(held, quotes)
    if value.mark is None:
        return value
    return replace(value, unrealized_pnl_usd=held.quantity * (value.mark - held.average_price) * 1.0)


@replaces("orders.resume_after_restart", fault="working_orders_lost_on_restart")
def working_orders_expire_at_restart(engine: OrderEngine) -> None:
    # The defect: working orders are treated as day orders held in memory: every start cancels what was left working.
    engine.db.execute("UPDATE orders SET status = ?, reason = ? WHERE status = ?",
                      (CANCELLED, "expired at restart", WORKING))
    correct("orders.resume_after_restart")(engine)


@replaces("orders.may_trade", fault="viewer_can_trade_via_api")
def signed_in_is_enough_to_trade(user: User) -> bool:
    # The defect: the order API checks that the user is signed in, not their role: a viewer places and cancels orders.
    return True


@replaces("orders.may_cancel", fault="viewer_can_cancel_order")
def signed_in_is_enough_to_cancel(user: User) -> bool:
    # The defect: the cancel endpoint forgets its role check (placing an order is still refused to a viewer).
    return True


@replaces("orders.history_scope", fault="order_history_shows_every_account")
def every_account(user: User) -> tuple[str, tuple[Any, ...]]:
    # The defect: the order list loses its account filter: every desk's orders are listed.
    return "1 = 1", ()


@replaces("orders.order_visible_to", fault="order_lookup_ignores_account")
def visible_to_anyone(order: Order, user: User) -> bool:
    # The defect: an order looked up by id is checked to exist, not to belong to the user's account.
    return True


@replaces("orders.positions_answer", fault="positions_api_slow")
async def positions_after_a_blocking_lookup(engine: OrderEngine, account_id: int) -> dict[str, Any]:
    # The defect: each position is valued with a blocking lookup: the answer takes about 1.2 s.
    await asyncio.sleep(1.2)
    return await correct("orders.positions_answer")(engine, account_id)


@replaces("orders.ticket_exceeds_max_position", fault="max_position_check_off_by_one")
def ticket_refuses_the_full_position(projected: float, limit: float) -> bool:
    # The defect: `>=` where `>` was meant: an order that brings the position to exactly the max position size is
    # refused at submission.
    return abs(projected) >= limit


@replaces("orders.risk_check_exceeds_max_position", fault="risk_check_rejects_full_position")
def risk_check_rejects_the_full_position(projected: float, limit: float) -> bool:
    # The defect: the Risk Check's copy of the max-position rule uses `>=` where the ticket check uses `>`: an order
    # that brings the position to exactly the limit passes the ticket, then is Rejected at its Risk Check.
    return abs(projected) >= limit


@replaces("orders.publish_order", fault="order_push_only_to_sender")
def order_event_to_its_author(engine: OrderEngine, order: Order) -> None:
    # The defect: the order event is addressed to the user who placed the order, as a private notification, instead
    # of to the account: the desk's other users never hear of it until they reload.
    placed_by = engine.db.one("SELECT user_id FROM orders WHERE id = ?", (order.id,))["user_id"]
    engine.console.hub.publish("order", order.as_dict(), account_id=order.account_id, user_id=placed_by)


@replaces("orders.publish_order", fault="order_push_carries_last_step_only")
def order_event_with_its_latest_step(engine: OrderEngine, order: Order) -> None:
    # The defect: to keep the pushes small, an order's event carries only the status step that changed, not the order's
    # whole history as GET /api/orders/{id} gives it: the Status timeline drawn from it shows one step at a time.
    latest = replace(order, events=order.events[-1:])
    engine.console.hub.publish("order", latest.as_dict(), account_id=order.account_id)


@replaces("orders.projected_position", fault="reducing_order_counted_as_adding")
def sizes_added_whatever_the_side(engine: OrderEngine, account_id: int, instrument: str, signed_quantity: float,
                                  excluding: int | None = None) -> float:
    # The defect: the projection adds up sizes (absolute quantities) instead of signed quantities, as if every order
    # added to the position: holding +60,000, a SELL of 50,000 (which would leave +10,000) is counted as 110,000 and
    # refused at a 100,000 limit, and so is the Close of that position.
    held = positions.position(engine.db, account_id, instrument).quantity
    projected = correct("orders.projected_position")(engine, account_id, instrument, signed_quantity, excluding)
    open_same_side = projected - held - signed_quantity
    return abs(held) + abs(open_same_side) + abs(signed_quantity)


@replaces("orders.belongs_to_account", fault="other_desk_can_cancel_orders")
def any_signed_in_user(order: Order, user: User) -> bool:
    # The defect: the cancel endpoint checks that the user is signed in and the order exists, not whose it is.
    return True


@replaces("orders.crossed", fault="sell_limit_triggered_by_ask")
def sell_limit_watches_the_ask(order: Order, quote: Quote) -> bool:
    # The defect: the SELL LIMIT trigger was copied from the BUY one and watches the ask (ask >= limit) instead of the
    # bid: a sell limit priced between the bid and the ask fills at once, at the bid, below its limit price.
    if order.type == "LIMIT" and order.side == "SELL":
        assert order.price is not None
        return quote.ask >= order.price
    return correct("orders.crossed")(order, quote)


@replaces("orders.creation_time", fault="order_time_in_seconds")
def creation_time_in_seconds(now_ms: float) -> float:
    # The defect: the order's creation time is written in epoch seconds (time.time(), as the positions tables keep
    # theirs) in a column the screens read as milliseconds: every order's Time reads as a moment of January 1970.
    return now_ms / 1000


@replaces("orders.publish_positions", fault="pushed_positions_without_sync_status")
def push_bare_valuation(engine: OrderEngine, account_id: int) -> None:
    # The defect: the push builds the valuation itself, without the snapshot extensions: each pushed position lacks its
    # synchronisation status (only GET /api/positions has it), so the screens lose it at the first push.
    value = positions.value_account(engine.db, engine.console.feed.quotes, account_id)
    snapshot = {**value.as_dict(), "trading_halted": trading_halted(engine.db, account_id)}
    engine.console.hub.publish("positions", snapshot, account_id=account_id)


@replaces("orders.position_on_screen", fault="gbp_pnl_conversion_inverted")
def every_quote_currency_divided(held: Position, quotes: Mapping[str, Quote]) -> PositionValue:
    # The defect: the screens' valuation converts a quote currency to USD by dividing by the mid of its USD pair, as is
    # right for USDJPY, USDCHF and USDCAD; for GBP (EURGBP) the pair is GBPUSD and must be multiplied: a EURGBP
    # position's unrealized P&L and exposure come out about 1.6 times too small (÷ 1.27 instead of × 1.27).
    value = correct("orders.position_on_screen")(held, quotes)
    quote_currency = BY_SYMBOL[held.instrument].quote
    pair = quotes.get(f"{quote_currency}USD")
    if value.mark is None or pair is None:
        return value
    right = positions.mid(pair)
    wrong = 1 / right
    return replace(value, unrealized_pnl_usd=value.unrealized_pnl_usd / right * wrong,
                   exposure_usd=value.exposure_usd / right * wrong)


@replaces("orders.fill_price", fault="limit_order_fills_at_limit_price")
def limit_at_its_own_price(order: Order, quote: Quote) -> float:
    # The defect: a triggered LIMIT order is filled at its limit price instead of at the touch: a BUY LIMIT at 1.08600
    # reached with the ask at 1.08520 fills at 1.08600, paying more than the market asked (a SELL LIMIT below the bid
    # gets less than it bid); MARKET and STOP orders still fill at the touch.
    if order.type == "LIMIT" and order.price is not None:
        return order.price
    return correct("orders.fill_price")(order, quote)


@replaces("orders.publish_order", fault="pushed_fill_without_price")
def fill_event_before_its_price(engine: OrderEngine, order: Order) -> None:
    # The defect: the Filled event is built from the order as the engine held it when it decided to fill, before the
    # fill price was written: every open session's Order History shows a market order Filled with a Fill price of "—"
    # (GET /api/orders has the price, so it appears after a reload).
    pushed = replace(order, fill_price=None) if order.status == FILLED else order
    engine.console.hub.publish("order", pushed.as_dict(), account_id=order.account_id)
