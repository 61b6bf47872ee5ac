"""The named faults: realistic defects the console can be started with, so that each spec can be shown to fail.

This module is the one place where every fault is documented. Each entry says what defect it models, which
feature (pytest marker) is expected to notice it, and which scenarios must fail when it is active; the fault
proofs in `tests/` read this catalogue. Start a console with a fault: `python -m reference_app --test-mode
--fault status_frozen`.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Fault:
    name: str
    feature: str
    defect: str
    caught_by: tuple[str, ...]


CATALOGUE: tuple[Fault, ...] = (
    # System status dashboard (scenario 1 of the test plan)
    Fault(
        "status_frozen",
        "system_status",
        "The status broadcaster sends one update and then stops; the dashboard keeps showing green.",
        ("Status values refresh in real time without a reload",),
    ),
    Fault(
        "portfolio_sync_stalled",
        "system_status",
        "The portfolio synchronisation worker dies silently at start-up; nothing restarts it.",
        ("Every component reports healthy with its health metrics",),
    ),
    Fault(
        "feed_outage_reported_live",
        "system_status",
        "Market Data is reported Live from a hard-coded value, even when no tick has arrived for seconds.",
        ("A market-data outage is reported and clears when the feed resumes",),
    ),
    Fault(
        "status_page_script_error",
        "system_status",
        "The status page throws a TypeError while rendering the health metrics.",
        ("Every component reports healthy with its health metrics",),
    ),
    Fault(
        "health_metrics_renamed",
        "system_status",
        "A refactor renamed the status payload's latency and heartbeat fields; the dashboard shows dashes.",
        ("Every component reports healthy with its health metrics",),
    ),
    Fault(
        "slow_status_snapshot",
        "system_status",
        "The status snapshot API answers after 2.5 s, so the dashboard is not ready within its 2 s budget.",
        ("The dashboard is ready within its response-time budget",),
    ),
    # Strategy management (scenario 2 of the test plan)
    Fault(
        "deployment_never_completes",
        "strategy_management",
        "A deployed strategy stays Deploying for ever: the step that promotes it to Running never runs.",
        ("A new strategy is validated, saved and deployed to the simulation",),
    ),
    Fault(
        "active_list_drops_running",
        "strategy_management",
        "Active Strategies lists only Deploying strategies, so a strategy vanishes from it once it is Running.",
        ("A new strategy is validated, saved and deployed to the simulation",),
    ),
    Fault(
        "strategy_metrics_frozen",
        "strategy_management",
        "Deploying marks a strategy Running, but never hands it to the simulation: P&L, trades and win rate stay at zero.",
        ("A new strategy is validated, saved and deployed to the simulation",),
    ),
    Fault(
        "strategy_duplicate_name_accepted",
        "strategy_management",
        "The name-uniqueness rule looks up a hard-coded development account, so a duplicate name in the trader's own "
        "account passes and is saved.",
        ("A strategy that breaks a rule is refused with the reason and nothing is saved",),
    ),
    Fault(
        "strategy_name_rendered_as_html",
        "strategy_management",
        "The strategy lists insert the name as HTML, so a name containing markup is rendered instead of shown.",
        ("A strategy name containing markup is shown as text",),
    ),
    Fault(
        "strategies_table_recreated_on_start",
        "strategy_management",
        "A schema migration left in the start-up path drops and recreates the strategy tables: every saved strategy "
        "disappears when the console restarts.",
        ("A saved strategy survives a reload and a restart of the console",),
    ),
    Fault(
        "running_strategies_not_resumed",
        "strategy_management",
        "After a restart, strategies still say Running, but the simulation does not pick them up again: their metrics "
        "never change.",
        ("A running strategy keeps trading after a restart of the console",),
    ),
    Fault(
        "strategy_stop_not_persisted",
        "strategy_management",
        "Stop halts the simulation and the page shows Stopped, but the new status is never written: after a reload the "
        "strategy says Running again.",
        ("Stopping a running strategy takes it out of the simulation",),
    ),
    # Signing in and out
    Fault(
        "session_cookie_wrong_path",
        "authentication",
        "The session cookie is scoped to /api, so after signing in every page sends the user back to login.",
        ("Signing in lands on the System Status dashboard",),
    ),
    Fault(
        "wrong_password_silent",
        "authentication",
        "A failed sign-in reloads the form without saying what went wrong.",
        ("A wrong password is refused with a clear message",),
    ),
    Fault(
        "signout_keeps_session",
        "authentication",
        "Sign out shows the login page but neither clears the cookie nor ends the session on the server.",
        ("Signing out ends the session",),
    ),
    Fault(
        "anonymous_access",
        "authentication",
        "A development fallback left on: requests without a session are served as the console's first user.",
        ("A protected page without a session leads to the sign-in page",),
    ),
    # Order management (scenario 3 of the test plan)
    Fault(
        "order_skips_risk_check",
        "order_management",
        "The engine moves a new order from Pending straight to Submitted: no Risk Check, no Approved, no limits.",
        ("A market order moves through every status in real time",),
    ),
    Fault(
        "order_status_polled",
        "order_management",
        "The ticket refreshes its order's status by polling every 1.5 s instead of listening to the push, so"
        " short-lived statuses never reach the screen.",
        ("A market order moves through every status in real time",),
    ),
    Fault(
        "market_buy_fills_at_bid",
        "order_management",
        "A MARKET BUY is filled at the bid instead of the ask.",
        ("A market order moves through every status in real time",
         "A filled order opens a position whose P&L follows the market"),
    ),
    Fault(
        "short_pnl_sign_inverted",
        "order_management",
        "The unrealized P&L of a short position has the wrong sign: a short loses when the price falls.",
        ("A filled order opens a position whose P&L follows the market",),
    ),
    Fault(
        "zero_quantity_accepted",
        "order_management",
        "The ticket check tests quantity < 0 instead of <= 0, so an order for zero units is created.",
        ("A bad ticket is refused with its reason and no order is created",),
    ),
    Fault(
        "double_submit_two_orders",
        "order_management",
        "The ticket makes a new client order id on every click and does not block a second click, so a double"
        " click places two orders.",
        ("A double click on Submit Order creates exactly one order",),
    ),
    Fault(
        "cancel_acknowledged_not_applied",
        "order_management",
        "A cancel is acknowledged on screen but never reaches the book: the order keeps working and fills later.",
        ("A working LIMIT order fills when the price reaches it, and a cancelled one does not",),
    ),
)

CATALOGUE += (
    # Access control, abuse and bad input
    Fault(
        "password_field_shows_text",
        "authentication",
        "The sign-in form's password field is a plain text field: the password is shown as it is typed.",
        ("A wrong password is refused with a clear message",),
    ),
    Fault(
        "failed_sign_in_refills_password",
        "authentication",
        "After a wrong password the sign-in page comes back with the password filled in again, so it travels back "
        "to the browser in the page's HTML.",
        ("A wrong password is refused with a clear message",),
    ),
    Fault(
        "session_cookie_readable_by_script",
        "access_control",
        "The session cookie is set without HttpOnly: any script in the page (an injected one too) can read it.",
        ("The session and the password stay out of reach of the page",),
    ),
    Fault(
        "profile_reveals_password_hash",
        "access_control",
        "GET /api/me returns the whole user row, the password hash included.",
        ("The session and the password stay out of reach of the page",),
    ),
    Fault(
        "login_throttling_missing",
        "access_control",
        "Failed sign-ins are never counted: a password can be guessed at full speed, no 429, no lockout.",
        ("Ten wrong passwords lock that account's sign-in until the lockout ends",),
    ),
    Fault(
        "signout_leaves_server_session",
        "access_control",
        "Sign out clears the browser's cookie but leaves the session valid on the server; a copied cookie still works.",
        ("Signing out ends the session on the server",),
    ),
    Fault(
        "expired_sessions_accepted",
        "access_control",
        "A session's expiry time is never checked, so an expired session keeps working.",
        ("An expired session sends the user to sign in at their next action",),
    ),
    Fault(
        "expiry_redirect_without_reason",
        "access_control",
        "A screen whose call meets an expired session sends the user to sign in without saying why, as if the"
        " console had signed them out at random.",
        ("An expired session sends the user to sign in at their next action",),
    ),
    Fault(
        "cross_origin_accepted",
        "access_control",
        "State-changing requests from other websites are accepted (no Origin check).",
        ("Another website cannot act for a signed-in user",),
    ),
    Fault(
        "display_name_rendered_as_html",
        "access_control",
        "The navigation bar inserts the user's display name as HTML, so markup in it runs in every page.",
        ("Markup in a user's name is shown as text and never runs",),
    ),
    Fault(
        "read_only_controls_offered",
        "access_control",
        "The screens offer every control whatever the user's role: a viewer is shown New Order, Create New Strategy, "
        "Edit Limits, the Emergency Stop and Add Position enabled, and a trader Edit Limits and Resume Trading; only "
        "the API refuses them.",
        ("A role without the right is offered no control for it, and the API refuses it",),
    ),
    Fault(
        "viewer_can_trade_via_api",
        "access_control",
        "The order API checks that the user is signed in but not their role: a viewer's order sent straight to the "
        "API is accepted and fills.",
        ("A role without the right is offered no control for it, and the API refuses it",),
    ),
    Fault(
        "order_history_shows_every_account",
        "access_control",
        "The order list forgets its account filter: the Trading screen's blotter and Order History show every desk's "
        "orders.",
        ("A desk sees none of another desk's orders, positions or strategies",),
    ),
    Fault(
        "order_lookup_ignores_account",
        "access_control",
        "Looking an order up by its id checks that it exists, not whose it is: any signed-in user reads another "
        "desk's order by guessing its number.",
        ("A desk sees none of another desk's orders, positions or strategies",),
    ),
    Fault(
        "signed_in_user_unmarked",
        "access_control",
        "A template change drops the test id of the navigation bar's signed-in user: the name is still shown, but the "
        "hook the UI contract promises is gone (the contract check reports it missing, tests/test_contract_check.py).",
        ("Another website cannot act for a signed-in user", "Markup in a user's name is shown as text and never runs"),
    ),
    # Market data (scenario 6 of the test plan)
    Fault(
        "quote_frozen_shown_live",
        "market_data",
        "The board stops redrawing AUDUSD after its first quote, yet restarts its last-update clock on every tick, "
        "so a frozen price is shown as live.",
        ("The four majors update in real time within the real-time budgets",),
    ),
    Fault(
        "quote_updates_throttled",
        "market_data",
        "To save CPU, the board redraws each quote at most every 2 s (0.5 Hz), while its last-update clock still "
        "restarts on every tick.",
        ("The four majors update in real time within the real-time budgets",),
    ),
    Fault(
        "tick_broadcast_batched",
        "market_data",
        "The WebSocket output is buffered and flushed twice a second: every tick arrives, but up to 500 ms late.",
        ("The four majors update in real time within the real-time budgets",),
    ),
    Fault(
        "currency_filter_base_only",
        "market_data",
        "The currency filter matches only the base currency, so JPY shows no pair and GBP misses EURGBP.",
        ("Filtering the board by currency shows only the pairs that trade it",),
    ),
    Fault(
        "search_case_sensitive",
        "market_data",
        "The instrument search compares case-sensitively, so typing \"aud\" finds nothing.",
        ("Searching the board for an instrument narrows it to the matches",),
    ),
    Fault(
        "change_sort_ignores_sign",
        "market_data",
        "Sorting by Change compares absolute values, so a 0.7 % fall sorts above a 0.5 % rise.",
        ("Sorting the board by a column, both ways",),
    ),
    Fault(
        "stale_flag_never_shown",
        "market_data",
        "The stale check compares seconds with milliseconds, so an instrument without ticks is never flagged stale.",
        ("An instrument without ticks is flagged stale until its next tick",),
    ),
    Fault(
        "disconnect_keeps_prices_live",
        "market_data",
        "When the connection drops, the board keeps showing its last prices as live until they age out.",
        ("After a dropped connection the board reconnects and prices move again",),
    ),
)

CATALOGUE += (
    # Risk management and the Emergency Stop (scenario 4 of the test plan)
    Fault(
        "risk_value_shows_cash",
        "risk_management",
        "The Risk screen's Portfolio Value is read from the wrong field of the valuation: it shows the cash balance, "
        "not the equity, so it disagrees with the positions as soon as the account holds one.",
        ("The risk metrics agree with the account's positions at the current prices",),
    ),
    Fault(
        "drawdown_from_starting_cash",
        "risk_management",
        "Max drawdown is measured from the starting cash instead of from the running peak of equity, so a fall after "
        "a gain looks smaller than it was.",
        ("Max drawdown and VaR 95% follow the account's recorded equity",),
    ),
    Fault(
        "limit_edit_not_persisted",
        "risk_management",
        "Saving the limits answers with the values sent and the screen shows them, but nothing is written: after a "
        "reload the old limits are back, and the order check never used the new ones.",
        ("The seed's limits are saved and enforced on the next order",),
    ),
    Fault(
        "limit_zero_accepted",
        "risk_management",
        "The limits check rejects only negative values (< 0 instead of <= 0), so a limit of zero is saved.",
        ("Limits that make no sense are refused with the reason, and nothing changes",),
    ),
    Fault(
        "loss_limit_alert_without_halt",
        "risk_management",
        "The risk engine raises the daily-loss alert, but does not halt trading: the desk can keep adding to its loss.",
        ("A loss beyond the daily loss limit halts trading with an alert",),
    ),
    Fault(
        "emergency_stop_cancel_still_stops",
        "risk_management",
        "The Emergency Stop is wired to the confirm dialog closing, not to its confirm button: Cancel halts trading too.",
        ("An Emergency Stop cancelled in its dialog changes nothing",),
    ),
    Fault(
        "halt_api_accepts_orders",
        "risk_management",
        "The halt is enforced only by the screens: the order API and the engine's risk check ignore it, so an order "
        "sent straight to the API is accepted and fills.",
        ("A confirmed Emergency Stop halts all trading of the account",),
    ),
    Fault(
        "halt_leaves_working_orders",
        "risk_management",
        "The Emergency Stop halts new orders but never cancels the open ones: a working order stays in the book.",
        ("A confirmed Emergency Stop halts all trading of the account",),
    ),
    Fault(
        "halt_not_pushed",
        "risk_management",
        "The halt is saved but never pushed: only the session that pressed the Emergency Stop shows it; every other "
        "open session goes on showing trading as active until it is reloaded.",
        ("Another open session of the account shows the halt within a second, without a reload",
         "A halt triggered in one browser engine shows at once in the other"),
    ),
    Fault(
        "halt_lost_on_restart",
        "risk_management",
        "A clean-up meant for scratch databases runs at every start and clears every account's halt flag: a restart "
        "of the console quietly resumes trading.",
        ("The halt survives a restart; only a risk manager resumes trading, and nothing comes back",),
    ),
    Fault(
        "trader_can_resume",
        "risk_management",
        "The resume API checks for a trading role instead of the risk manager role: a trader can lift the halt.",
        ("The halt survives a restart; only a risk manager resumes trading, and nothing comes back",),
    ),
    Fault(
        "resume_revives_cancelled_orders",
        "risk_management",
        "Resuming trading restores the book as it was before the halt: the orders the Emergency Stop cancelled are "
        "put back to work.",
        ("The halt survives a restart; only a risk manager resumes trading, and nothing comes back",),
    ),
    Fault(
        "working_orders_lost_on_restart",
        "risk_management",
        "The order engine treats working orders as day orders held in memory: at every start it cancels whatever "
        "the last run left working, so a restart silently empties the book.",
        ("Limits, positions and working orders survive a restart of the console",),
    ),
    # Portfolio monitoring (scenario 5 of the test plan)
    Fault(
        "quote_currency_pnl_not_converted",
        "portfolio_monitoring",
        "The valuation forgets to convert unrealized P&L from the quote currency: a USDJPY position's yen P&L is "
        "counted as dollars.",
        ("The overview values the portfolio at market prices, with yen P&L converted to dollars",),
    ),
    Fault(
        "portfolio_value_omits_position_cost",
        "portfolio_monitoring",
        "The Portfolio screen adds up its Total Portfolio Value as cash plus unrealized P&L, leaving out what the open "
        "positions cost, so it disagrees with the account's equity.",
        ("The overview values the portfolio at market prices, with yen P&L converted to dollars",
         "The Portfolio and Trading screens agree on positions and P&L",
         "The Risk Management screen values the portfolio as the Portfolio screen does"),
    ),
    Fault(
        "portfolio_overview_frozen",
        "portfolio_monitoring",
        "The portfolio overview is drawn from the snapshot loaded with the page and ignores every pushed valuation: "
        "it stops following the market until a reload.",
        ("The portfolio follows a price move live, without a reload",),
    ),
    Fault(
        "close_leaves_residual",
        "portfolio_monitoring",
        "Close rounds the closing order down to whole lots of 1,000 units, so a position of 12,500 leaves 500 open.",
        ("Closing a position flattens it with a market order",),
    ),
    Fault(
        "resize_orders_target",
        "portfolio_monitoring",
        "Changing a position's size orders the target quantity instead of the difference: 10,000 to 25,000 buys "
        "25,000.",
        ("Changing a position's size orders the difference",),
    ),
    Fault(
        "add_position_prefill_overwritten",
        "portfolio_monitoring",
        "Add Position fills in the ticket before the ticket resets itself, so it opens blank instead of prefilled.",
        ("Adding a position opens the order ticket prefilled on the Portfolio screen",),
    ),
    Fault(
        "size_dialog_closes_before_answer",
        "portfolio_monitoring",
        "The size dialog closes as soon as it is submitted, before the console answers: a refused size is never "
        "explained.",
        ("A size that cannot be ordered is refused with its reason and nothing changes",),
    ),
    Fault(
        "portfolio_sync_skips_unchanged",
        "portfolio_monitoring",
        "To save work, the synchronisation reconciles an account only when it has new fills: a quiet position's last "
        "synchronisation never advances, and it drifts out of sync while the worker keeps beating.",
        ("A position's details show its P&L and that it is synchronized",),
    ),
    Fault(
        "portfolio_sync_rubber_stamp",
        "portfolio_monitoring",
        "The synchronisation marks every position Synchronized without comparing the book with its fills.",
        ("A position whose book no longer matches its fills is flagged Out of sync",),
    ),
)

FAULTS: dict[str, Fault] = {fault.name: fault for fault in CATALOGUE}


def validate_fault_names(names: frozenset[str] | set[str]) -> None:
    unknown = sorted(set(names) - FAULTS.keys())
    if unknown:
        raise ValueError(f"unknown fault(s) {', '.join(unknown)}; known faults: {', '.join(sorted(FAULTS))}")


def describe_faults() -> str:
    return "\n".join(f"{f.name:32} [{f.feature}] {f.defect}" for f in CATALOGUE)


class ActiveFaults:
    """The faults this console was started with; `"name" in faults` asks whether one is active."""

    def __init__(self, names: frozenset[str]) -> None:
        validate_fault_names(names)
        self._names = names

    def __contains__(self, name: object) -> bool:
        if name not in FAULTS:
            raise KeyError(f"no fault named {name!r} in the catalogue")
        return name in self._names

    @property
    def names(self) -> list[str]:
        return sorted(self._names)
