"""Builds the console: storage, feed, workers and routes, started and stopped by one lifespan."""
from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from reference_app import auth, market_data, pages, realtime, status, test_control
from reference_app.context import Console
from reference_app.db import Database
from reference_app.faults import ActiveFaults
from reference_app.feed import MarketFeed
from reference_app.hub import EventHub
from reference_app.settings import Settings
from reference_app.workers import Worker


def build_console(settings: Settings) -> Console:
    hub = EventHub()
    faults = ActiveFaults(settings.faults)
    console = Console(
        settings=settings,
        db=Database(settings.db_path),
        hub=hub,
        feed=MarketFeed(hub, settings.feed_seed, settings.tick_interval_s),
        faults=faults,
    )
    console.workers = {
        "nautilus": Worker("nautilus", 0.25),
        "risk": Worker("risk", 0.25),
        "portfolio": Worker("portfolio", 0.25, dead_on_arrival="portfolio_sync_stalled" in faults),
    }
    console.db.ensure_seed_user()
    return console


def create_app(settings: Settings) -> FastAPI:
    console = build_console(settings)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        tasks = [asyncio.create_task(console.feed.run()), asyncio.create_task(status.broadcast_status(console))]
        tasks += [asyncio.create_task(worker.run()) for worker in console.workers.values()]
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            console.db.close()

    app = FastAPI(title="Reference trading console", lifespan=lifespan, docs_url="/api/docs", redoc_url=None)
    app.state.console = console

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, str]:
        """Readiness probe for whoever starts the console (the suite, a process manager)."""
        return {"status": "ok"}

    app.include_router(auth.router)
    app.include_router(status.router)
    app.include_router(realtime.router)
    app.include_router(market_data.router)
    app.include_router(pages.router)
    if settings.test_mode:
        app.include_router(test_control.router)
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    return app
