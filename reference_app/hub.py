"""A small publish/subscribe hub: the console's events, fanned out to the WebSocket connections."""
from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

# A slow browser must not hold the server back: its queue drops the oldest events beyond this many.
QUEUE_LIMIT = 2000

# Put in a subscription's queue to make its connection close from the server side (test control's "drop").
DISCONNECT: dict[str, Any] = {"topic": "__disconnect__"}


@dataclass(eq=False)
class Subscription:
    account_id: int
    user_id: int | None = None  # the signed-in user of a page's connection (None: an internal subscriber)
    topics: set[str] = field(default_factory=set)
    batch: bool = False  # the client takes the events queued at one moment as one message (a JSON array)
    queue: asyncio.Queue[dict[str, Any]] = field(default_factory=lambda: asyncio.Queue(QUEUE_LIMIT))

    def offer(self, event: dict[str, Any]) -> None:
        if self.queue.full():
            self.queue.get_nowait()
        self.queue.put_nowait(event)


class EventHub:
    def __init__(self) -> None:
        self._subscriptions: set[Subscription] = set()
        self._refused_until: dict[int | None, float] = {}  # account id (None: every account) -> monotonic time

    def subscribe(self, account_id: int, user_id: int | None = None) -> Subscription:
        subscription = Subscription(account_id, user_id)
        self._subscriptions.add(subscription)
        return subscription

    def unsubscribe(self, subscription: Subscription) -> None:
        self._subscriptions.discard(subscription)

    def publish(self, topic: str, data: Any, account_id: int | None = None, user_id: int | None = None) -> None:
        """Send to every subscriber of `topic`; with `account_id`, only to that account's sessions; with `user_id`,
        only to that user's."""
        event = {"topic": topic, "data": data}
        for subscription in self._subscriptions:
            if (topic in subscription.topics and account_id in (None, subscription.account_id)
                    and user_id in (None, subscription.user_id)):
                subscription.offer(event)

    def accounts_subscribed_to(self, topic: str) -> set[int]:
        """The accounts with at least one open session listening to `topic` (to publish only what is watched)."""
        return {s.account_id for s in self._subscriptions if topic in s.topics}

    @property
    def connection_count(self) -> int:
        return len(self._subscriptions)

    def disconnect(self, account_id: int | None = None, refuse_for_s: float = 0.0) -> int:
        """Close the connections of one account (or all) from the server side, as a network drop or a restart
        would, and turn that account's reconnection attempts away for `refuse_for_s`. Returns how many closed."""
        if refuse_for_s > 0:
            self._refused_until[account_id] = time.monotonic() + refuse_for_s
        dropped = [s for s in self._subscriptions if account_id in (None, s.account_id)]
        for subscription in dropped:
            subscription.offer(DISCONNECT)
        return len(dropped)

    def refuses(self, account_id: int) -> bool:
        now = time.monotonic()
        return any(self._refused_until.get(key, 0.0) > now for key in (None, account_id))
