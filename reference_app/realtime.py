"""The WebSocket endpoint: a signed-in page subscribes to topics and receives the hub's events for its account."""
from __future__ import annotations

import asyncio
import json

from fastapi import APIRouter, WebSocket, WebSocketDisconnect

from reference_app.auth import user_from_cookie

# Close codes in the private range: the page reads them to tell "sign in again" from a network drop.
CLOSE_UNAUTHENTICATED = 4401

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
    hub = websocket.app.state.console.hub
    subscription = hub.subscribe(user.account_id)
    sender = asyncio.create_task(_forward(websocket, subscription.queue))
    try:
        while True:
            message = json.loads(await websocket.receive_text())
            subscription.topics.update(str(topic) for topic in message.get("subscribe", []))
            await websocket.send_json({"topic": "subscribed", "data": sorted(subscription.topics)})
    except (WebSocketDisconnect, json.JSONDecodeError, AttributeError):
        pass
    finally:
        hub.unsubscribe(subscription)
        sender.cancel()


async def _forward(websocket: WebSocket, queue: asyncio.Queue) -> None:
    try:
        while True:
            await websocket.send_json(await queue.get())
    except (WebSocketDisconnect, RuntimeError):
        return
