"""Faulty variants of the system status seams (reference_app/status.py), one per named fault."""
from __future__ import annotations

import asyncio
import time
from dataclasses import replace
from typing import Any

from reference_app.context import Console
from reference_app.seams import correct, replaces
from reference_app.status import ComponentStatus, snapshot


@replaces("status.broadcast_status", fault="status_frozen")
async def one_broadcast_only(console: Console) -> None:
    # The defect: the status broadcaster sends one update and then stops.
    console.hub.publish("status", snapshot(console))


@replaces("status.worker_component", fault="status_heartbeat_in_milliseconds")
def heartbeat_age_in_milliseconds(console: Console, key: str, name: str, up: str, down: str) -> ComponentStatus:
    # The defect: the heartbeat age is reported in milliseconds in the field that says seconds.
    component = correct("status.worker_component")(console, key, name, up, down)
    if component.heartbeat_age_s is None:
        return component
    return replace(component, heartbeat_age_s=component.heartbeat_age_s * 1000)


@replaces("status.market_data_component", fault="feed_outage_reported_live")
def market_data_always_live(console: Console) -> ComponentStatus:
    # The defect: Market Data is reported Live from a hard-coded value, whatever the age of the last tick.
    return replace(correct("status.market_data_component")(console), state="Live", healthy=True)


@replaces("status.overall_healthy", fault="status_overall_ignores_market_data")
def first_three_components_only(components: list[ComponentStatus]) -> bool:
    # The defect: the overall verdict looks at the first three components only, not at market data or the database.
    return all(c.healthy for c in components[:3])


@replaces("status.component_payload", fault="health_metrics_renamed")
def metrics_renamed(component: ComponentStatus) -> dict[str, Any]:
    # The defect: a refactor renamed the latency and heartbeat fields, which the dashboard still reads by old names.
    renamed = {"latency_ms": "latency", "heartbeat_age_s": "heartbeat"}
    return {renamed.get(k, k): v for k, v in correct("status.component_payload")(component).items()}


@replaces("status.status_answer", fault="slow_status_snapshot")
async def status_after_a_pause(console: Console) -> dict[str, Any]:
    # The defect, half of it: the status snapshot API answers after 2.5 s, beyond the dashboard's 2 s budget (the
    # other half, in static/js/faulty/status.js: the dashboard waits for it before it subscribes to the pushes).
    await asyncio.sleep(2.5)
    return await correct("status.status_answer")(console)


@replaces("status.market_data_component", fault="market_data_stale_after_feed_resumes")
def stale_until_restart(console: Console) -> ComponentStatus:
    # The defect: the feed watchdog raises a flag when the feed goes quiet, and the recovery path never lowers it: once
    # the feed has stalled, Market Data stays Stale (red) after ticks flow again, until the console restarts.
    component = correct("status.market_data_component")(console)
    if component.heartbeat_age_s is not None and not component.healthy:
        console.feed_watchdog_tripped = True  # type: ignore[attr-defined]
    if getattr(console, "feed_watchdog_tripped", False):
        return replace(component, state="Stale", healthy=False)
    return component


@replaces("status.market_data_component", fault="status_feed_stale_after_five_seconds")
def stale_after_the_rate_window(console: Console) -> ComponentStatus:
    # The defect: the feed's age is compared with the 5 s window of the update-rate figure instead of the 2 s stale
    # threshold: Market Data stays Live (green) for 5 s after the last tick, while the quotes board flags every quote
    # Stale after 2 s.
    component = correct("status.market_data_component")(console)
    age = component.heartbeat_age_s
    if age is not None and not component.healthy and age < 5.0:
        return replace(component, state="Live", healthy=True)
    return component


@replaces("status.worker_states", fault="portfolio_sync_state_misspelt")
def british_spelling_of_synchronized() -> tuple[tuple[str, str, str, str], ...]:
    # The defect: the state names were retyped in a refactor, with British spelling for one of them: a healthy
    # Portfolio Sync reads "Synchronised" where the test plan (and every other screen of the console) says
    # "Synchronized"; its indicator is still green.
    return tuple((key, name, "Synchronised" if up == "Synchronized" else up, down)
                 for key, name, up, down in correct("status.worker_states")())


@replaces("status.pushed_snapshot", fault="status_push_without_latency")
def pushed_without_latency(console: Console) -> dict[str, Any]:
    # The defect: to keep the twice-a-second push small, each component's latency was left out of it (GET /api/status
    # still has it): the dashboard shows the latencies of its first snapshot, then "—" for every component from the
    # first push on.
    pushed = snapshot(console)
    pushed["components"] = [{k: v for k, v in c.items() if k != "latency_ms"} for c in pushed["components"]]
    return pushed


@replaces("status.snapshot_time", fault="status_time_in_seconds")
def snapshot_time_in_seconds() -> float:
    # The defect: the snapshot's time is taken with time.time() alone, in epoch seconds where the payload (and the
    # dashboard) expects milliseconds: Last update shows a time of day from January 1970 that creeps forward by half a
    # millisecond a push instead of following the clock.
    return time.time()
