"""Builds the console: storage, feed, workers and routes, started and stopped by one lifespan."""
from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from reference_app import (
    auth,
    market_data,
    orders,
    pages,
    portfolio,
    realtime,
    risk,
    seams,
    status,
    strategies,
    test_control,
)
from reference_app.context import Console
from reference_app.db import Database
from reference_app.faults import ActiveFaults
from reference_app.feed import MarketFeed
from reference_app.hub import EventHub
from reference_app.seams import seam
from reference_app.settings import Settings
from reference_app.throttle import LoginThrottle
from reference_app.workers import Worker


def build_console(settings: Settings) -> Console:
    hub = EventHub()
    faults = ActiveFaults(settings.faults)
    seams.activate(settings.faults)
    db = Database(settings.db_path)
    console = Console(
        settings=settings,
        db=db,
        hub=hub,
        feed=MarketFeed(hub, settings.feed_seed, settings.tick_interval_s),
        faults=faults,
        throttle=LoginThrottle(db, settings.login_attempt_limit, settings.login_window_s, settings.login_lockout_s),
    )
    console.workers = {
        "nautilus": Worker("nautilus", 0.25),
        # The risk engine's worker samples equity and watches the daily loss limit (reference_app/risk.py).
        "risk": Worker("risk", 0.25, job=lambda: console.risk.run_round()),
        "portfolio": Worker("portfolio", 0.25),
    }
    strategies.prepare_storage(console)
    console.strategies = strategies.StrategyRunner(console)
    console.db.ensure_seed_users()
    orders.ensure_schema(console.db)
    console.orders = orders.OrderEngine(console)
    console.risk = risk.RiskEngine(console)
    console.risk.prepare_storage()
    portfolio.install(console)  # the "portfolio" worker's synchronisation, and each position's status
    return console


STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}


@seam("app.refused_origin")
def refused_origin(request: Request) -> str | None:
    """The Origin of a state-changing request that a browser sends from another origin, which is refused (CSRF
    defence in depth on top of SameSite cookies); None for every other request. Browsers always send Origin on
    cross-origin requests; tools that send none pass."""
    origin = request.headers.get("origin")
    if request.method in STATE_CHANGING and origin and origin != f"{request.url.scheme}://{request.url.netloc}":
        return origin
    return None


async def refuse_cross_origin_changes(request: Request,
                                      call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    origin = refused_origin(request)
    if origin is not None:
        return JSONResponse({"detail": f"Cross-origin request refused: {origin} may not change this console"}, 403)
    return await call_next(request)


def create_app(settings: Settings) -> FastAPI:
    console = build_console(settings)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        tasks = [asyncio.create_task(console.feed.run()), asyncio.create_task(status.broadcast_status(console))]
        tasks += [asyncio.create_task(worker.run()) for worker in console.workers.values()]
        tasks.append(asyncio.create_task(strategies.run_strategies(console)))
        tasks.append(asyncio.create_task(console.orders.run()))
        tasks.append(asyncio.create_task(risk.run_risk(console)))
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            console.db.close()

    app = FastAPI(title="Reference trading console", lifespan=lifespan, docs_url="/api/docs", redoc_url=None)
    app.state.console = console
    app.middleware("http")(refuse_cross_origin_changes)

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, str]:
        """Readiness probe for whoever starts the console (the suite, a process manager)."""
        return {"status": "ok"}

    app.include_router(auth.router)
    app.include_router(status.router)
    app.include_router(strategies.router)
    app.include_router(orders.router)
    app.include_router(risk.router)
    app.include_router(portfolio.router)
    app.include_router(realtime.router)
    app.include_router(market_data.router)
    app.include_router(pages.router)
    if settings.test_mode:
        app.middleware("http")(test_control.fail_routes_on_demand)
        app.include_router(test_control.router)
        app.include_router(portfolio.test_router)
    app.get("/static/js/faulty/index.js", include_in_schema=False)(pages.faulty_variants)
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    return app
