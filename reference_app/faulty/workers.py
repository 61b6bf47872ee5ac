"""Faulty variants of the workers' seams (reference_app/workers.py), one per named fault."""
from __future__ import annotations

from reference_app.seams import correct, replaces
from reference_app.workers import Worker


@replaces("workers.run", fault="portfolio_sync_stalled")
async def portfolio_worker_dies_at_start(worker: Worker) -> None:
    # The defect: the portfolio synchronisation worker dies silently at start-up, before its first beat.
    if worker.name != "portfolio":
        await correct("workers.run")(worker)
