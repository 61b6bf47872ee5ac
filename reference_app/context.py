"""The console's shared state, built once at start-up and reached from requests as `request.app.state.console`."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reference_app.db import Database
from reference_app.faults import ActiveFaults
from reference_app.feed import MarketFeed
from reference_app.hub import EventHub
from reference_app.settings import Settings
from reference_app.throttle import LoginThrottle
from reference_app.workers import Worker

if TYPE_CHECKING:  # these modules need Console itself
    from reference_app.orders import OrderEngine
    from reference_app.risk import RiskEngine
    from reference_app.strategies import StrategyRunner


@dataclass
class Console:
    settings: Settings
    db: Database
    hub: EventHub
    feed: MarketFeed
    faults: ActiveFaults
    throttle: LoginThrottle
    workers: dict[str, Worker] = field(default_factory=dict)
    status_seq: int = 0
    strategies: StrategyRunner | None = None  # the strategy simulation, set up by build_console
    orders: OrderEngine | None = None  # set by build_console; the order engine needs the console itself
    risk: RiskEngine | None = None  # metrics, limits and the kill switch; set by build_console
