"""The test plan's checklists, item by item, with the named faults that prove the suite checks each item.

The items are those of the validation checklists of seed 000 ("User Interface Testing", one per scenario) and of
its security checklist as the product brief condenses it. A fault listed against an item is a defect that breaks
that item; the fault proofs show that a scenario fails against it, so the item is checked, not assumed.
`tests/test_fault_proofs.py` keeps this table honest: every item has a fault, every fault named here exists.

    python -m tools.checklists            rewrite docs/checklists.md (the self-tests check it is current)
"""
from __future__ import annotations

import sys
from pathlib import Path

DOCUMENT = Path(__file__).resolve().parent.parent / "docs" / "checklists.md"

CHECKLISTS: dict[str, dict[str, tuple[str, ...]]] = {
    "Scenario 1: System connection verification": {
        "All connection indicators green": ("portfolio_sync_stalled", "feed_outage_reported_live"),
        "No JavaScript errors in console": ("status_page_script_error",),
        "Status updates in real-time": ("status_frozen",),
        "Service health metrics displayed": ("health_metrics_renamed", "heartbeat_drawn_once"),
        "Response time < 2 seconds": ("slow_status_snapshot",),
    },
    "Scenario 2: Strategy management": {
        "Form validation works correctly": ("strategy_duplicate_name_accepted",),
        "Strategy saves successfully": ("strategies_table_recreated_on_start", "strategy_instruments_first_only"),
        "Deployment completes without errors": ("deployment_never_completes",),
        "Strategy appears in active list": ("active_list_drops_running",),
        "Performance metrics display": ("strategy_metrics_frozen",),
    },
    "Scenario 3: Order management": {
        "Order form submits correctly": ("double_submit_two_orders", "zero_quantity_accepted"),
        "Status progression visible": ("order_status_polled", "order_push_only_to_sender", "blotter_oldest_first",
                                      "history_count_ignores_filter"),
        "Risk checks execute": ("order_skips_risk_check", "max_position_check_off_by_one"),
        "Position updates accurate": ("market_buy_fills_at_bid",),
        "P&L calculations correct": ("short_pnl_sign_inverted",),
    },
    "Scenario 4: Risk management": {
        "Risk metrics accurate": ("risk_value_shows_cash", "drawdown_from_starting_cash", "var_with_too_few_returns",
                                  "daily_pnl_ignores_realized"),
        "Limit modifications work": ("limit_edit_not_persisted", "limit_zero_accepted",
                                     "risk_page_ignores_pushed_limits", "risk_check_rejects_full_position"),
        "Kill switch functions": ("halt_api_accepts_orders", "halt_leaves_working_orders",
                                  "emergency_stop_cancel_still_stops", "halt_lost_on_restart", "trader_can_resume",
                                  "resume_revives_cancelled_orders", "emergency_stop_offered_while_halted",
                                  "resume_not_alerted", "halt_time_in_desk_local_time"),
        "Alerts trigger correctly": ("loss_limit_alert_without_halt", "daily_loss_halts_a_cent_early"),
        "Trading stops immediately": ("halt_not_pushed", "halt_banner_missing_on_market_data",
                                      "new_order_enabled_through_live_halt"),
    },
    "Scenario 5: Portfolio monitoring": {
        "Portfolio overview accurate": ("quote_currency_pnl_not_converted", "portfolio_value_omits_position_cost"),
        "Position details correct": ("portfolio_sync_skips_unchanged", "details_exposure_in_quote_currency"),
        "Synchronization working": ("portfolio_sync_rubber_stamp", "portfolio_sync_skips_unchanged"),
        "Actions execute properly": ("close_leaves_residual", "resize_orders_target", "action_status_not_followed",
                                     "resize_prefilled_unsigned",
                                     "add_position_prefill_overwritten", "size_dialog_closes_before_answer",
                                     "position_dialog_cancel_confirms"),
        "Real-time updates function": ("portfolio_overview_frozen",),
    },
    "Scenario 6: Real-time market data": {
        "Real-time price updates": ("quote_updates_throttled", "tick_broadcast_batched"),
        "Data quality healthy": ("quote_frozen_shown_live", "stale_flag_never_shown", "disconnect_keeps_prices_live",
                                 "data_source_connected_without_ticks"),
        "Filtering functions work": ("currency_filter_base_only",),
        "Search operates correctly": ("search_case_sensitive",),
        "Sorting works properly": ("change_sort_ignores_sign", "board_not_resorted_on_tick"),
    },
    "UI Testing Checklist: Functional Testing": {
        "Navigation between sections": ("nav_current_wrong_on_portfolio", "deep_link_lost_at_sign_in",
                                        "navigation_replaces_history"),
        "Error handling": ("data_load_failure_silent", "data_load_never_retried", "rejection_reason_not_shown"),
    },
    "UI Testing Checklist: Performance Testing": {
        "Page load times < 3 seconds": ("portfolio_slow_first_render",),
        "API response times < 1 second": ("risk_page_slow_api",),
        "Memory usage stable": ("market_data_tick_markers_leak", "trading_heap_leak"),
        "No memory leaks detected": ("market_data_tick_markers_leak", "trading_heap_leak"),
    },
    "UI Testing Checklist: Mobile Testing": {
        "Offline functionality": ("offline_indicator_never_shown", "no_reconnect_after_offline",
                                  "unanswered_order_forgotten", "unanswered_order_resent_on_reconnect",
                                  "trading_not_refreshed_after_reconnect"),
        "Mobile performance": ("status_heavy_on_slow_cpu",),
    },
    "Browser Developer Tools: Network Monitoring": {
        "Check for failed requests": ("portfolio_stylesheet_404", "favicon_link_to_missing_file"),
        "Verify WebSocket connections": ("live_connection_recycled", "live_connection_duplicated",
                                         "reconnect_backoff_uncapped", "halt_topic_lost_after_reconnect",
                                         "risk_alerts_repeated_after_reconnect"),
    },
    "Security": {
        "Login rate limiting (HTTP 429 after repeated failures)": ("login_throttling_missing",
                                                                   "lockout_locks_every_email"),
        "401 without a session": ("anonymous_access",),
        "Secrets never shown": ("password_field_shows_text", "failed_sign_in_refills_password",
                                "session_cookie_readable_by_script", "profile_reveals_password_hash"),
        "403 for insufficient role": ("read_only_controls_offered", "viewer_can_trade_via_api", "trader_can_resume",
                                      "risk_manager_refused_position_actions"),
        "No account sees another's data": ("order_history_shows_every_account", "order_lookup_ignores_account"),
        "Nothing lost in a restart": ("strategies_table_recreated_on_start", "halt_lost_on_restart",
                                      "working_orders_lost_on_restart", "limits_reset_on_restart"),
        "Sessions end on sign-out and on expiry": ("signout_leaves_server_session", "expired_sessions_accepted",
                                                   "expiry_redirect_without_reason"),
        "Cross-origin requests refused": ("cross_origin_accepted",),
        "Sign-in never redirects to another site": ("login_next_open_redirect",),
        "User text shown as text, never run": ("display_name_rendered_as_html", "strategy_name_rendered_as_html"),
    },
    "UI Testing Checklist: Functional testing": {
        "Responsive design": ("status_table_overflows_on_phone", "nav_does_not_wrap_on_phone",
                              "trading_layout_overflows_on_phone"),
    },
    "UI Testing Checklist: Mobile testing": {
        "Responsive layout": ("status_table_overflows_on_phone", "header_clips_navigation_on_phone",
                              "nav_does_not_wrap_on_phone", "trading_layout_overflows_on_phone"),
        "Touch interactions": ("compact_action_buttons_on_touch", "board_filters_compact_on_phone"),
    },
    "Accessibility (issue 17)": {
        "No WCAG 2.2 A/AA violation of any impact (axe-core), every screen with data": (
            "muted_text_low_contrast", "sign_in_button_low_contrast", "strategy_instruments_unlabelled",
            "hide_details_button_unnamed"),
        "Emergency Stop with the keyboard alone: reached, triggered, confirmed, cancelled": (
            "stop_dialog_focus_on_confirm", "stop_dialog_not_modal"),
        "Focus stays inside a dialog, and Escape closes it": ("stop_dialog_not_modal", "resize_dialog_not_modal",
                                                              "close_dialog_ignores_escape"),
        "Tab reaches every control of every screen, and the focus is visible": (
            "open_order_cancel_not_tabbable", "navigation_focus_ring_removed", "focus_outline_removed"),
    },
}


def markdown() -> str:
    lines = ["# The test plan's checklists, item by item", "",
             "Each item of the test plan's checklists (seed 000, \"User Interface Testing\") and of its security "
             "checklist, with the named faults that prove the suite checks it: the fault proofs show that a "
             "scenario fails against each. Written by `python -m tools.checklists` from `tools/checklists.py`.", "",
             "| Checklist | Item | Faults that prove it is checked |", "|---|---|---|"]
    for checklist, items in CHECKLISTS.items():
        for item, faults in items.items():
            lines.append(f"| {checklist} | {item} | {', '.join(f'`{f}`' for f in faults)} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    DOCUMENT.write_text(markdown())
    print(f"written: {DOCUMENT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
