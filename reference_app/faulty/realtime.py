"""Faulty variants of the WebSocket's seams (reference_app/realtime.py), one per named fault."""
from __future__ import annotations

import asyncio
from typing import Any

from reference_app.realtime import next_events  # noqa: F401  (declares the seams replaced here)
from reference_app.seams import correct, replaces


@replaces("realtime.next_events", fault="tick_broadcast_batched")
async def flushed_twice_a_second(queue: asyncio.Queue[Any]) -> list[Any]:
    # The defect: the output is buffered and flushed twice a second: every event arrives, but up to 500 ms late.
    await asyncio.sleep(0.5)
    return await correct("realtime.next_events")(queue)
