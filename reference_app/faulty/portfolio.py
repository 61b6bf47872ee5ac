"""Faulty variants of the Portfolio section's seams (reference_app/portfolio.py), one per named fault."""
from __future__ import annotations

import math

from reference_app import positions
from reference_app.auth import ROLES, User
from reference_app.db import Database
from reference_app.portfolio import _SAME, PortfolioSync
from reference_app.positions import Position
from reference_app.seams import correct, replaces

LOT = 1000  # the close order is rounded down to whole lots of this many units


@replaces("portfolio.due_for_sweep", fault="portfolio_sync_skips_unchanged")
def only_accounts_with_new_fills(sync: PortfolioSync, sweep_now: bool) -> set[int]:
    # The defect: to save work, only accounts with new fills are reconciled: a quiet position drifts out of sync.
    return set()


@replaces("portfolio.book_from_fills", fault="portfolio_sync_rubber_stamp")
def the_book_itself(db: Database, account_id: int) -> dict[str, Position]:
    # The defect: the synchronisation takes the book's word for it, without looking at the fills.
    return {p.instrument: p for p in positions.positions(db, account_id)}


@replaces("portfolio.closing_quantity", fault="close_short_sells_more")
def always_sell(held: float) -> float:
    # The defect: Close always sells the position's size: closing a short sells more instead of buying it back.
    return -abs(held)


@replaces("portfolio.closing_quantity", fault="close_leaves_residual")
def whole_lots_only(held: float) -> float:
    # The defect: the close order is rounded down to whole lots of 1,000 units: 12,500 leaves 500 open.
    return -math.copysign(math.floor(abs(held) / LOT) * LOT, held)


@replaces("portfolio.target_problem", fault="resize_to_zero_refused")
def zero_target_missing(target: float) -> str | None:
    # The defect: a falsy check takes a target of 0 for a missing one.
    if not target:
        return "Target quantity is required"
    return correct("portfolio.target_problem")(target)


@replaces("portfolio.resize_quantity", fault="resize_orders_target")
def target_as_quantity(target: float, held: float) -> float:
    # The defect: the resize orders the target quantity itself (on the side of the difference), not the difference.
    return math.copysign(abs(target), target - held)


@replaces("portfolio.may_act_on_positions", fault="risk_manager_refused_position_actions")
def traders_only(user: User) -> bool:
    # The defect: the role check for closing and resizing compares with "trader" alone, forgetting that a risk
    # manager trades too: the screen offers Close and Modify to a risk manager, and the API answers 403.
    return user.role == "trader"


@replaces("portfolio.may_act_on_positions", fault="viewer_can_close_positions_via_api")
def every_known_role(user: User) -> bool:
    # The defect: the role check imports the wrong tuple: it tests the role against every role the console knows
    # (auth.ROLES) instead of the trading roles, so a viewer's close or resize sent to the API is accepted and fills,
    # while the Portfolio screen still offers the viewer no Modify or Close.
    return user.role in ROLES


@replaces("portfolio.nothing_to_close", fault="close_refuses_short_positions")
def nothing_long_to_close(held: float) -> bool:
    # The defect: the flat check lost its abs() in a refactor: a short position counts as nothing to close, so Close on
    # a short answers 409 "There is no open EURUSD position to close" (in the Close position dialog too) while the
    # table lists it; a long closes as before.
    return held < _SAME
