"""Background workers of the console (order engine link, risk engine, portfolio sync), each with a heartbeat."""
from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from reference_app.seams import seam


@dataclass
class Worker:
    """Runs `job` every `interval_s`; records when it last completed and how late and long that run was."""

    name: str
    interval_s: float
    job: Callable[[], None] = lambda: None
    last_beat: float = 0.0
    last_duration_ms: float = 0.0
    runs: int = field(default=0)

    @seam("workers.run")
    async def run(self) -> None:
        """Beat for as long as the console runs: the job, then the heartbeat, every `interval_s`."""
        due = time.perf_counter()
        while True:
            self.job()
            # The latency a caller of this component would see: how late it woke up plus how long it worked.
            self.last_duration_ms = (time.perf_counter() - due) * 1000
            # Due one interval after this run ends, when the sleep below ends: a due time counted from the start of
            # the run would count this job's own duration as the next run's lateness.
            due = time.perf_counter() + self.interval_s
            self.last_beat = time.monotonic()
            self.runs += 1
            await asyncio.sleep(self.interval_s)

    def heartbeat_age_s(self) -> float | None:
        return None if not self.last_beat else time.monotonic() - self.last_beat
