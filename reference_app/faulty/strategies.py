"""Faulty variants of the strategies' seams (reference_app/strategies.py), one per named fault."""
from __future__ import annotations

from typing import Any

from reference_app.auth import User
from reference_app.context import Console
from reference_app.seams import correct, replaces
from reference_app.simulation import Metrics
from reference_app.strategies import _COLUMNS, ACTIVE, NAME_LENGTH, StrategyRunner, _payload, _set_status


@replaces("strategies.prepare_storage", fault="strategies_table_recreated_on_start")
def tables_recreated_at_every_start(console: Console) -> None:
    # The defect: a schema migration left in the start-up path drops the strategy tables at every start.
    console.db.ensure_schema("DROP TABLE IF EXISTS strategy_fills; DROP TABLE IF EXISTS strategies;")
    correct("strategies.prepare_storage")(console)


@replaces("strategies.name_scope", fault="strategy_duplicate_name_accepted")
def development_account(user: User) -> int:
    # The defect: a development account id hard-coded in the uniqueness query.
    return 1


@replaces("strategies.name_fits", fault="strategy_name_64_chars_refused")
def upper_bound_exclusive(length: int) -> bool:
    # The defect: the upper bound is exclusive, so a 64-character name is refused.
    low, high = NAME_LENGTH
    return low <= length < high


@replaces("strategies.risk_limit_fits", fault="strategy_risk_limit_at_daily_loss_limit_refused")
def risk_limit_strictly_below(risk_limit: float, daily_loss_limit: float) -> bool:
    # The defect: `<` where `<=` was meant: a risk limit equal to the daily loss limit is refused.
    return risk_limit < daily_loss_limit


@replaces("strategies.risk_limit_reached", fault="strategy_runs_on_at_its_risk_limit")
def risk_limit_passed(pnl_usd: float, risk_limit: float) -> bool:
    # The defect: `<` where `<=` was meant: a strategy whose loss is exactly its risk limit keeps trading.
    return round(pnl_usd, 2) < -risk_limit


@replaces("strategies.shown_metrics", fault="strategy_win_rate_over_all_trades")
def win_rate_over_all_trades(metrics: Metrics) -> dict[str, Any]:
    # The defect: the win rate divides the winning trades by all trades (openings too), not by the closed ones.
    shown = correct("strategies.shown_metrics")(metrics)
    shown["win_rate"] = metrics.winning_trades / metrics.trades if metrics.closed_trades else None
    return shown


@replaces("strategies.stopped_status_rows", fault="strategy_stop_not_persisted")
def stop_never_written(strategy_id: int, reason: str, now: float) -> list[tuple[str, tuple[Any, ...]]]:
    # The defect: the strategy leaves the simulation and the page shows Stopped, but the new status is never written.
    return []


@replaces("strategies.stopped_record", fault="strategy_stop_push_without_reason")
def stopped_without_reason(record: dict[str, Any], reason: str, now: float) -> dict[str, Any]:
    # The defect: the answer and the push carry the new status but not the stop reason.
    return {**record, "status": "Stopped"}


@replaces("strategies.resume", fault="running_strategies_not_resumed")
def nothing_resumed(runner: StrategyRunner) -> None:
    # The defect: after a restart the statuses still say Running, but the simulation picks nothing up again.
    return None


@replaces("strategies.promote_deployed", fault="deployment_never_completes")
def never_promoted(runner: StrategyRunner) -> None:
    # The defect: the step that promotes a Deploying strategy to Running never runs.
    return None


@replaces("strategies.deployable", fault="stopped_strategy_cannot_redeploy")
def stopped_counts_as_active(strategy_status: str) -> bool:
    # The defect: Deploy refuses a Stopped strategy as if it were still active.
    return strategy_status not in (*ACTIVE, "Stopped")


@replaces("strategies.hand_to_simulation", fault="strategy_metrics_frozen")
def running_but_not_simulated(console: Console, record: dict[str, Any], now: float) -> dict[str, Any]:
    # The defect: the strategy is marked Running but never handed to the simulation: its metrics stay at zero.
    return _set_status(console, record, "Running", stop_reason=None, deployed_at=now, stopped_at=None)


@replaces("strategies.require_role_to_stop", fault="viewer_can_stop_strategy")
def no_role_check_to_stop(user: User) -> None:
    # The defect: the Stop endpoint forgets its role check: a viewer stops a running strategy.
    return None


# The limits a new account starts with (db.py's defaults), which the rule below was written against.
DEFAULT_MAX_POSITION_SIZE = 100_000


@replaces("strategies.account_max_position_size", fault="strategy_size_rule_ignores_edited_limit")
def default_max_position_size(account: Any) -> float:
    # The defect: the rule was written against the default limit every new account gets, and never reads the account's
    # own: once a risk manager lowers Max Position Size to 50,000, a strategy of 60,000 still passes (and the reason,
    # when it fails, still says 100,000).
    return DEFAULT_MAX_POSITION_SIZE


@replaces("strategies.owned_row", fault="other_desk_can_run_strategies")
def row_by_id_alone(console: Console, account_id: int, strategy_id: int) -> Any:
    # The defect: the lookup behind a strategy's own endpoints finds it by id alone, whatever its account.
    return console.db.one(f"SELECT {_COLUMNS} FROM strategies WHERE id = ?", (strategy_id,))


@replaces("strategies.deploy_stopped_by_halt", fault="strategy_deploy_ignores_halt")
def halt_checked_by_the_screens_only(console: Console, account_id: int) -> bool:
    # The defect: the deploy endpoint lost its halt check in a refactor (the order engine keeps its own): while the
    # account is halted, Deploy is accepted (202) and the strategy goes Running and trades in the simulation.
    return False


@replaces("strategies.announce_saved", fault="saved_strategy_not_pushed")
def answered_to_its_author_only(console: Console, record: dict[str, Any]) -> dict[str, Any]:
    # The defect: saving answers the strategy to the session that saved it and publishes nothing (deploy and stop do):
    # the account's other sessions see a new strategy only once it is deployed, or after a reload.
    return _payload(console, record)


@replaces("strategies.name_key", fault="strategy_name_uniqueness_case_sensitive")
def name_as_typed(name: str) -> str:
    # The defect: the names are compared trimmed but as typed: "ui test strategy" passes the uniqueness rule and is
    # saved next to "UI Test Strategy" (an exact repeat of a name is still refused).
    return name.strip()


@replaces("strategies.stopped_by", fault="strategy_stop_reason_names_email")
def stopped_by_email(user: User) -> str:
    # The defect: the reason is built from the user's email instead of their display name: All Strategies reads
    # "Stopped by dana.desk@example.com" instead of "Stopped by Dana Desk".
    return f"Stopped by {user.email}"


@replaces("strategies.shown_metrics", fault="strategy_win_rate_zero_before_closed_trades")
def win_rate_zero_when_unknown(metrics: Metrics) -> dict[str, Any]:
    # The defect: a win rate without any closed trade is sent as 0 instead of null (a "?? 0" meant for the chart):
    # a strategy just deployed, or one with only an open trade, shows a win rate of "0%" instead of "—".
    shown = correct("strategies.shown_metrics")(metrics)
    if shown["win_rate"] is None:
        shown["win_rate"] = 0.0
    return shown


@replaces("strategies.require_role_to_deploy", fault="viewer_can_deploy_strategy")
def no_role_check_to_deploy(user: User) -> None:
    # The defect: the Deploy endpoint forgets its role check (the screens offer a viewer no Deploy, so nobody noticed):
    # a viewer's POST /api/strategies/{id}/deploy answers 202 and the strategy goes Running and trades.
    return None


@replaces("strategies.require_role_to_save", fault="viewer_can_save_strategy_via_api")
def no_role_check_to_save(user: User) -> None:
    # The defect: the save endpoint forgets its role check (the screen offers a viewer no Create New Strategy, so it
    # was thought enough): a viewer's POST /api/strategies answers 201 and the strategy is saved in the account.
    return None
