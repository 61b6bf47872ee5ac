"""Faulty variants of the risk engine's seams (reference_app/risk.py), one per named fault."""
from __future__ import annotations

import asyncio
import time
import weakref
from collections.abc import Mapping
from typing import Any

from reference_app import orders, positions, strategies
from reference_app.auth import User
from reference_app.context import Console
from reference_app.db import Database
from reference_app.feed import Quote
from reference_app.risk import (
    DAILY_LOSS_LIMIT,
    STOPPING_ROLES,
    VAR_MIN_RETURNS,
    VAR_Z_95,
    ReturnStats,
    RiskEngine,
    limits_of,
    units,
    usd,
)
from reference_app.seams import correct, replaces

# Accounts and UTC days whose daily-loss alert was raised, per engine: one alert a day.
_loss_alerted: weakref.WeakKeyDictionary[RiskEngine, set[tuple[int, str]]] = weakref.WeakKeyDictionary()


@replaces("risk.prepare_storage", fault="halt_lost_on_restart")
def every_halt_lifted_at_start(engine: RiskEngine) -> None:
    # The defect: a clean-up meant for scratch databases runs at every start and clears every account's halt.
    correct("risk.prepare_storage")(engine)
    engine.db.execute("UPDATE accounts SET trading_halted = 0")


@replaces("risk.prepare_storage", fault="limits_reset_on_restart")
def limits_reseeded_at_start(engine: RiskEngine) -> None:
    # The defect: the seed step that gives a new account the default limits runs at every start, on every account.
    correct("risk.prepare_storage")(engine)
    engine.db.execute("UPDATE accounts SET max_position_size = 100000, daily_loss_limit = 5000")


@replaces("risk.running_peak", fault="drawdown_from_starting_cash")
def peak_is_starting_cash(peak: float, equity: float, starting_cash: float) -> float:
    # The defect: the fall is measured from the starting cash, not from the running peak of equity.
    return starting_cash


@replaces("risk.daily_loss_limit_reached", fault="loss_limit_alert_without_halt")
def alert_without_halt(engine: RiskEngine, account_id: int, message: str) -> None:
    # The defect: the breach is reported (once a day), but nothing stops the desk from trading on.
    alerted = _loss_alerted.setdefault(engine, set())
    key = (account_id, positions.utc_day())
    if key not in alerted:
        alerted.add(key)
        engine._alert(account_id, DAILY_LOSS_LIMIT, f"{message} Trading continues.", None)


@replaces("risk.daily_pnl", fault="daily_pnl_excludes_unrealized")
def realized_today_only(db: Database, quotes: Mapping[str, Quote], account_id: int) -> float:
    # The defect: Daily P&L adds up only today's realized P&L, leaving out what open positions lost since the day began.
    correct("risk.daily_pnl")(db, quotes, account_id)  # (it still records the day's starting equity)
    midnight = time.time() // 86400 * 86400  # the start of the UTC day, in epoch seconds
    return db.one("SELECT COALESCE(SUM(realized_pnl_usd), 0) AS r FROM fills WHERE account_id = ? AND filled_at >= ?",
                  (account_id, midnight))["r"]


@replaces("risk.var_95", fault="var_uses_90_percent_quantile")
def var_at_the_90_percent_quantile(stats: ReturnStats, equity_now: float, z: float = VAR_Z_95) -> float | None:
    # The defect: the 90 % quantile of the normal distribution (1.2816) instead of 1.645: the VaR shown is too small.
    return correct("risk.var_95")(stats, equity_now, 1.2816)


@replaces("risk.portfolio_value", fault="risk_value_shows_cash")
def cash_as_portfolio_value(value: positions.AccountValue) -> float:
    # The defect: the figure is read from the wrong field of the valuation: the cash balance, not the equity.
    return value.cash_usd


@replaces("risk.alert_time", fault="risk_alert_time_in_seconds")
def alert_time_in_seconds() -> float:
    # The defect: epoch seconds, where every time of the risk engine is in milliseconds.
    return time.time()


@replaces("risk.save_limits", fault="limit_edit_not_persisted")
def limits_echoed_not_saved(engine: RiskEngine, user: User, values: dict[str, float]) -> dict[str, float]:
    # The defect: the answer echoes what was sent; nothing is written, and the order checks keep the old limits.
    return {**limits_of(engine.db, user.account_id), **values}


@replaces("risk.limit_too_small", fault="limit_zero_accepted")
def only_negative_limits_refused(value: float) -> bool:
    # The defect: `<` where `<=` was meant, so a limit of zero is saved.
    return value < 0


@replaces("risk.loss_limit_above_cash", fault="daily_loss_limit_equal_to_starting_cash_refused")
def loss_limit_at_cash_refused(loss_limit: float, starting_cash: float) -> bool:
    # The defect: `>=` where `>` was meant, so a daily loss limit equal to the starting cash is refused.
    return loss_limit >= starting_cash


@replaces("risk.orders_cancelled_by_halt", fault="halt_leaves_working_orders")
def halt_cancels_nothing(open_orders: list[orders.Order]) -> list[orders.Order]:
    # The defect: the Emergency Stop halts new orders but never cancels the open ones.
    return []


@replaces("risk.orders_cancelled_by_halt", fault="emergency_stop_keeps_stop_orders")
def halt_skips_stop_orders(open_orders: list[orders.Order]) -> list[orders.Order]:
    # The defect: the Emergency Stop cancels the open orders but skips the STOP orders, which stay Working.
    return [order for order in open_orders if order.type != "STOP"]


@replaces("risk.stop_strategies", fault="emergency_stop_leaves_strategies_running")
def halt_stops_no_strategy(console: Console, account_id: int, reason: str) -> list[dict[str, Any]]:
    # The defect: the Emergency Stop halts orders but never stops the account's strategies.
    return []


@replaces("risk.halt_counts", fault="halt_alert_counts_nothing")
def counted_before_acting(cancelled: int, stopped: int) -> str:
    # The defect: the alert is worded from the lists as they were before the halt acted: it always counts nothing.
    return "0 open orders cancelled, 0 strategies stopped, positions kept."


@replaces("risk.lift_halt", fault="resume_revives_cancelled_orders")
def resume_restores_the_book(engine: RiskEngine, account_id: int) -> None:
    # The defect: resuming restores the book as it was before the halt, putting the cancelled orders back to work.
    correct("risk.lift_halt")(engine, account_id)
    revived = orders.load_orders(engine.db, "account_id = ? AND status = ? AND order_type != 'MARKET'"
                                            " AND reason LIKE 'cancelled by the Emergency Stop%'",
                                 (account_id, orders.CANCELLED))
    for order in revived:
        engine.db.execute("UPDATE orders SET status = ?, reason = NULL WHERE id = ?", (orders.WORKING, order.id))
        loaded = orders.load_order(engine.db, order.id)
        if loaded is not None:
            engine.console.hub.publish("order", loaded.as_dict(), account_id=account_id)


@replaces("risk.push_halt_state", fault="halt_not_pushed")
def halt_never_pushed(engine: RiskEngine, account_id: int, state: dict[str, Any]) -> None:
    # The defect: the halt is saved but never pushed: only the session that acted shows it.
    return None


@replaces("risk.push_halt_state", fault="resume_not_pushed")
def resume_never_pushed(engine: RiskEngine, account_id: int, state: dict[str, Any]) -> None:
    # The defect: a resume is saved but not pushed: other sessions keep their halted banner until reloaded.
    if state["halted"]:
        correct("risk.push_halt_state")(engine, account_id, state)


@replaces("risk.push_halt_state", fault="halt_push_without_details")
def halt_pushed_without_details(engine: RiskEngine, account_id: int, state: dict[str, Any]) -> None:
    # The defect: the pushed halt carries only the halted flag: other sessions show it without who and when.
    correct("risk.push_halt_state")(engine, account_id, {"halted": state["halted"], "as_of": state["as_of"]})


@replaces("risk.may_resume", fault="trader_can_resume")
def trading_role_may_resume(role: str) -> bool:
    # The defect: the resume check asks for a trading role instead of the risk manager role.
    return role in ("risk_manager", "trader")


@replaces("risk.api_may_edit_limits", fault="trader_can_edit_limits_via_api")
def trading_role_may_edit_limits(console: Console, user: User) -> bool:
    # The defect: the limits API checks for a trading role instead of the risk manager role (the screen is right).
    return user.role in STOPPING_ROLES


@replaces("risk.var_95", fault="var_with_too_few_returns")
def var_from_samples_count(stats: ReturnStats, equity_now: float, z: float = VAR_Z_95) -> float | None:
    # The defect: the history check counts the equity samples instead of the returns between them (one fewer), so
    # ten samples, nine returns, already give a VaR.
    if stats.returns + 1 < VAR_MIN_RETURNS or stats.mean is None or stats.stdev is None:
        return None
    return max(0.0, -(stats.mean - z * stats.stdev)) * equity_now


@replaces("risk.daily_loss_reached", fault="daily_loss_halts_a_cent_early")
def loss_compared_in_whole_dollars(daily: float, limit: float) -> bool:
    # The defect: the loss and the limit are compared in whole dollars, as the alert words them: a loss of $1,999.50
    # against a limit of $1,999.51 counts as $2,000 against $2,000, and halts the account a cent early.
    return round(daily) <= -round(limit)


@replaces("risk.risk_answer", fault="risk_page_slow_api")
async def risk_answer_after_a_pause(risk: RiskEngine, user: User) -> dict[str, Any]:
    # The defect: the Risk screen's figures are answered after 1.5 s (the VaR is recomputed from the account's whole
    # equity history on every request instead of from the running statistics), over the 1 s API budget; the screen
    # itself is still ready within its 3 s page-load budget.
    await asyncio.sleep(1.5)
    return await correct("risk.risk_answer")(risk, user)


@replaces("risk.alert_resume", fault="resume_not_alerted")
def no_resume_alert(self: RiskEngine, account_id: int, user: User) -> None:
    """The defect: resuming trading raises no alert: the record says who halted, never who resumed."""


@replaces("risk.halt_clock", fault="halt_time_in_desk_local_time")
def new_york_clock(epoch_ms: float) -> str:
    """The defect: the halt's time is the New York desk's local time (UTC-5), still labelled UTC."""
    return time.strftime("%H:%M:%S UTC", time.gmtime(epoch_ms / 1000 - 5 * 3600))


@replaces("risk.limits_alert_message", fault="limits_alert_values_swapped")
def limits_alert_with_values_swapped(by: str, limits: Mapping[str, float]) -> str:
    # The defect: the two values were passed to the message in the wrong order: the alert reads "Max Position Size
    # 2,000, Daily Loss Limit $50,000" for a Max Position Size of 50,000 and a Daily Loss Limit of $2,000.
    return (f"Limits changed by {by}: Max Position Size {units(limits['daily_loss_limit'])}, Daily Loss Limit "
            f"{usd(limits['max_position_size'])}.")


@replaces("risk.worst_drawdown", fault="drawdown_shows_current_not_worst")
def current_drawdown(worst: float, equity: float, peak: float) -> float:
    # The defect: the figure kept is the current fall below the running peak, not the worst one so far: once the equity
    # recovers to its peak, Max Drawdown reads 0.00% again, as if the fall had never happened.
    return min(0.0, equity / peak - 1) if peak > 0 else worst


@replaces("risk.api_may_stop", fault="viewer_can_emergency_stop_via_api")
def any_signed_in_role_may_stop(console: Console, user: User) -> bool:
    # The defect: the endpoint checks the role against every role a user can have instead of the stopping roles: the
    # Risk screen keeps a viewer's Emergency Stop disabled, but a viewer's POST /api/risk/emergency-stop halts the
    # account (200), cancels its orders and stops its strategies.
    return user.role in (*STOPPING_ROLES, "viewer")


@replaces("risk.in_whole_cents", fault="daily_loss_limit_cents_refused")
def whole_dollars_only(amount: float) -> bool:
    # The defect: round() lost its number of digits, so the check rounds to whole dollars: a Daily Loss Limit of
    # $2,000.50, in whole cents, is refused with "must be in whole cents" (whole dollars still pass).
    return round(amount) == amount


@replaces("risk.stop_strategies", fault="emergency_stop_skips_deploying_strategies")
def halt_stops_running_strategies_only(console: Console, account_id: int, reason: str) -> list[dict[str, Any]]:
    # The defect: the halt stops the strategies whose status is Running, forgetting those still Deploying (warming up
    # on their first ticks): such a strategy is left Deploying by the Emergency Stop, becomes Running a moment later
    # and trades in the simulation while the account is halted (the alert counts it out: "0 strategies stopped").
    rows = console.db.all(f"SELECT {strategies._COLUMNS} FROM strategies WHERE account_id = ? AND status = 'Running'"
                          " ORDER BY id", (account_id,))
    return [strategies._stop(console, strategies._record(row), reason) for row in rows]
