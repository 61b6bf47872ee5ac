"""System status: the five components of the test plan, each from a real check, pushed to the dashboard."""
from __future__ import annotations

import asyncio
import time
from dataclasses import asdict, dataclass
from typing import Any

from fastapi import APIRouter, Depends, Request

from reference_app.auth import current_user
from reference_app.context import Console

# A component whose heartbeat (or, for market data, last tick) is older than this is not healthy.
STALE_AFTER_S = 2.0


@dataclass(frozen=True)
class ComponentStatus:
    key: str
    name: str
    state: str
    healthy: bool
    latency_ms: float | None
    heartbeat_age_s: float | None


def _worker_component(console: Console, key: str, name: str, up: str, down: str) -> ComponentStatus:
    worker = console.workers[key]
    age = worker.heartbeat_age_s()
    healthy = age is not None and age < STALE_AFTER_S
    # blind fault: status_heartbeat_in_milliseconds
    if age is not None and "status_heartbeat_in_milliseconds" in console.faults:
        age = age * 1000
    return ComponentStatus(key, name, up if healthy else down, healthy, worker.last_duration_ms, age)


def _market_data(console: Console) -> ComponentStatus:
    age = console.feed.last_tick_age_s()
    healthy = age is not None and age < STALE_AFTER_S
    if "feed_outage_reported_live" in console.faults:
        healthy = True
    latency = console.feed.last_tick_lag_ms
    return ComponentStatus("market_data", "Market Data", "Live" if healthy else "Stale", healthy, latency, age)


def _database(console: Console) -> ComponentStatus:
    try:
        latency = console.db.ping()
    except Exception:  # any failure of the real query means the database is not usable
        return ComponentStatus("database", "Database", "Unavailable", False, None, None)
    return ComponentStatus("database", "Database", "Connected", True, latency, 0.0)


def snapshot(console: Console) -> dict[str, Any]:
    console.status_seq += 1
    components = [
        _worker_component(console, "nautilus", "Nautilus Integration", "Connected", "Disconnected"),
        _worker_component(console, "risk", "Risk Management", "Active", "Inactive"),
        _worker_component(console, "portfolio", "Portfolio Sync", "Synchronized", "Stalled"),
        _market_data(console),
        _database(console),
    ]
    payload = [asdict(c) for c in components]
    judged = components
    # blind fault: status_overall_ignores_market_data
    if "status_overall_ignores_market_data" in console.faults:
        judged = components[:3]
    if "health_metrics_renamed" in console.faults:
        payload = [{("latency" if k == "latency_ms" else "heartbeat" if k == "heartbeat_age_s" else k): v
                    for k, v in c.items()} for c in payload]
    return {
        "generated_at": time.time() * 1000,
        "seq": console.status_seq,
        "healthy": all(c.healthy for c in judged),
        "components": payload,
    }


async def broadcast_status(console: Console) -> None:
    """Push a fresh snapshot to every open dashboard twice a second."""
    while True:
        console.hub.publish("status", snapshot(console))
        if "status_frozen" in console.faults:
            return
        await asyncio.sleep(console.settings.status_interval_s)


router = APIRouter()


@router.get("/api/status", dependencies=[Depends(current_user)])
async def get_status(request: Request) -> dict[str, Any]:
    console: Console = request.app.state.console
    if "slow_status_snapshot" in console.faults:
        await asyncio.sleep(2.5)
    return snapshot(console)
