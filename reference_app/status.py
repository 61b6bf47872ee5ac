"""System status: the five components of the test plan, each from a real check, pushed to the dashboard."""
from __future__ import annotations

import asyncio
import time
from dataclasses import asdict, dataclass
from typing import Any

from fastapi import APIRouter, Depends, Request

from reference_app.auth import current_user
from reference_app.context import Console
from reference_app.seams import seam

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


@seam("status.worker_component")
def _worker_component(console: Console, key: str, name: str, up: str, down: str) -> ComponentStatus:
    """A worker is healthy while its heartbeat is recent; its latency is how late and long its last run was."""
    worker = console.workers[key]
    age = worker.heartbeat_age_s()
    healthy = age is not None and age < STALE_AFTER_S
    return ComponentStatus(key, name, up if healthy else down, healthy, worker.last_duration_ms, age)


@seam("status.market_data_component")
def _market_data(console: Console) -> ComponentStatus:
    """The feed is Live while its last tick is recent, Stale otherwise."""
    age = console.feed.last_tick_age_s()
    healthy = age is not None and age < STALE_AFTER_S
    latency = console.feed.last_tick_lag_ms
    return ComponentStatus("market_data", "Market Data", "Live" if healthy else "Stale", healthy, latency, age)


def _database(console: Console) -> ComponentStatus:
    try:
        latency = console.db.ping()
    except Exception:  # any failure of the real query means the database is not usable
        return ComponentStatus("database", "Database", "Unavailable", False, None, None)
    return ComponentStatus("database", "Database", "Connected", True, latency, 0.0)


@seam("status.overall_healthy")
def overall_healthy(components: list[ComponentStatus]) -> bool:
    """The dashboard's verdict: healthy only if every component is."""
    return all(c.healthy for c in components)


@seam("status.component_payload")
def component_payload(component: ComponentStatus) -> dict[str, Any]:
    """A component as the status payload carries it (latency_ms, heartbeat_age_s: the fields the dashboard reads)."""
    return asdict(component)


# The worker components: (worker key, name, state while healthy, state while not), in the test plan's words.
WORKERS: tuple[tuple[str, str, str, str], ...] = (
    ("nautilus", "Nautilus Integration", "Connected", "Disconnected"),
    ("risk", "Risk Management", "Active", "Inactive"),
    ("portfolio", "Portfolio Sync", "Synchronized", "Stalled"),
)


@seam("status.worker_states")
def worker_states() -> tuple[tuple[str, str, str, str], ...]:
    """How the dashboard names each worker component and its two states: as the test plan names them."""
    return WORKERS


@seam("status.snapshot_time")
def snapshot_time() -> float:
    """When a snapshot is taken, in epoch milliseconds like every time the pages show."""
    return time.time() * 1000


def snapshot(console: Console) -> dict[str, Any]:
    console.status_seq += 1
    components = [
        *(_worker_component(console, key, name, up, down) for key, name, up, down in worker_states()),
        _market_data(console),
        _database(console),
    ]
    return {
        "generated_at": snapshot_time(),
        "seq": console.status_seq,
        "healthy": overall_healthy(components),
        "components": [component_payload(c) for c in components],
    }


@seam("status.pushed_snapshot")
def pushed_snapshot(console: Console) -> dict[str, Any]:
    """What each push carries: the whole snapshot, as GET /api/status answers it (health metrics included)."""
    return snapshot(console)


@seam("status.broadcast_status")
async def broadcast_status(console: Console) -> None:
    """Push a fresh snapshot to every open dashboard twice a second."""
    while True:
        console.hub.publish("status", pushed_snapshot(console))
        await asyncio.sleep(console.settings.status_interval_s)


@seam("status.status_answer")
async def status_answer(console: Console) -> dict[str, Any]:
    """What GET /api/status answers: a fresh snapshot, at once."""
    return snapshot(console)


router = APIRouter()


@router.get("/api/status", dependencies=[Depends(current_user)])
async def get_status(request: Request) -> dict[str, Any]:
    return await status_answer(request.app.state.console)
