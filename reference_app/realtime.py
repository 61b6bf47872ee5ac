"""The WebSocket endpoint: a signed-in page subscribes to topics and receives the hub's events for its account."""
from __future__ import annotations

import asyncio
import json
from typing import Any

from fastapi import APIRouter, WebSocket, WebSocketDisconnect

from reference_app.auth import user_from_cookie
from reference_app.hub import DISCONNECT, Subscription
from reference_app.seams import seam

# Close codes in the private range: the page reads them to tell "sign in again" from a network drop.
CLOSE_UNAUTHENTICATED = 4401
# Standard codes for a connection the server ends on purpose; the page reconnects after either.
CLOSE_SERVICE_RESTART = 1012  # dropped by test control
CLOSE_TRY_AGAIN_LATER = 1013  # a reconnection turned away while test control simulates an outage

router = APIRouter()


@router.websocket("/ws")
async def events(websocket: WebSocket) -> None:
    user = user_from_cookie(websocket)  # type: ignore[arg-type]  # Starlette's WebSocket carries cookies too
    # Accept before refusing: a handshake refused with HTTP 403 is only "connection failed" to the page (and an
    # error in its console), while a close frame with our code tells it to send the user to sign in again.
    await websocket.accept()
    if user is None:
        await websocket.close(code=CLOSE_UNAUTHENTICATED, reason="sign in first")
        return
    console = websocket.app.state.console
    hub = console.hub
    if hub.refuses(user.account_id):
        # Accepted, then closed: a refused handshake would make the browser log an error for a planned outage.
        await websocket.close(code=CLOSE_TRY_AGAIN_LATER, reason="outage simulated by test control")
        return
    subscription = hub.subscribe(user.account_id, user.id)
    sender = asyncio.create_task(_forward(websocket, subscription))
    try:
        while True:
            message = json.loads(await websocket.receive_text())
            subscription.topics.update(str(topic) for topic in message.get("subscribe", []))
            subscription.batch = subscription.batch or message.get("batch") is True
            await websocket.send_json({"topic": "subscribed", "data": sorted(subscription.topics)})
    except (WebSocketDisconnect, json.JSONDecodeError, AttributeError, RuntimeError):  # RuntimeError: closed by us
        pass
    finally:
        hub.unsubscribe(subscription)
        sender.cancel()


@seam("realtime.next_events")
async def next_events(queue: asyncio.Queue[Any]) -> list[Any]:
    """The events to send next: the first one as soon as it is published, with whatever is queued by then."""
    events = [await queue.get()]
    while not queue.empty():
        events.append(queue.get_nowait())
    return events


async def _forward(websocket: WebSocket, subscription: Subscription) -> None:
    """Send events as soon as they are published.

    Events published at the same moment (a round of the feed ticks every instrument at once) wait in the queue
    together; a client that asked for `batch` gets them as one message, so that the browser handles them in one
    task and draws them in one frame, instead of eight tasks with rendering in between. Nothing is held back to
    fill a batch: whatever is queued when the sender wakes goes out at once.
    """
    queue = subscription.queue
    try:
        while True:
            events = await next_events(queue)
            closing = DISCONNECT in events
            if closing:
                events = events[: events.index(DISCONNECT)]
            if subscription.batch and len(events) > 1:
                await websocket.send_json(events)
            else:
                for event in events:
                    await websocket.send_json(event)
            if closing:
                await websocket.close(code=CLOSE_SERVICE_RESTART, reason="connection dropped by test control")
                return
    except (WebSocketDisconnect, RuntimeError):
        return
