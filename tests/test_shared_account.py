"""A scenario on the shared configured account undoes what it changed there, and only that."""
from __future__ import annotations

from typing import Any

from fixtures.shared_account import account_state, clear_orders_and_positions, held, put_back


class FakeAccount:
    """The console's account as the three API page objects see it, recording what is asked of it."""

    def __init__(self, halted: bool, limits: tuple[float, float], orders: dict[int, str], strategies: dict[int, str],
                 positions: dict[str, float]) -> None:
        self.halted, self.current_limits = halted, limits
        self.orders, self.strategies, self.held = orders, strategies, positions
        self.asked: list[str] = []

    # RiskApi
    def limits(self) -> dict[str, Any]:
        return {"max_position_size": self.current_limits[0], "daily_loss_limit": self.current_limits[1]}

    def halt(self) -> dict[str, Any]:
        return {"halted": self.halted}

    def resume(self) -> None:
        self.asked.append("resume")
        self.halted = False

    def save_limits(self, max_position_size: float, daily_loss_limit: float) -> None:
        self.asked.append(f"limits {max_position_size:,.0f} {daily_loss_limit:,.0f}")
        self.current_limits = (max_position_size, daily_loss_limit)

    # OrdersApi
    def history(self) -> list[dict[str, Any]]:
        return [{"id": order_id, "status": status} for order_id, status in self.orders.items()]

    def cancel(self, order_id: int) -> None:
        self.asked.append(f"cancel {order_id}")
        self.orders[order_id] = "cancelled"

    def positions(self) -> dict[str, float]:
        return dict(self.held)

    # StrategiesApi
    def all(self) -> list[dict[str, Any]]:
        return [{"id": strategy_id, "status": status} for strategy_id, status in self.strategies.items()]

    def request_stop(self, strategy_id: int) -> None:
        self.asked.append(f"stop {strategy_id}")
        self.strategies[strategy_id] = "Stopped"

    def submit(self, instrument: str, side: str, quantity: float) -> None:
        self.asked.append(f"{side} {quantity:,.0f} {instrument}")
        self.held[instrument] = self.held.get(instrument, 0.0) + (quantity if side == "BUY" else -quantity)

def test_what_the_scenario_changed_is_undone_and_the_book_left_flat() -> None:
    account = FakeAccount(False, (100_000, 5_000), {1: "filled"}, {7: "Running", 8: "Saved"}, {})
    found = account_state(account, account)
    # The scenario: halts, lowers the limits, leaves an order working, deploys a strategy, trades.
    account.halted, account.current_limits = True, (50_000, 2_000)
    account.orders[3] = "working"
    account.strategies[9] = "Running"
    account.held.update({"EURUSD": 25_000, "GBPUSD": -4_000})
    put_back(found, account, account, account)
    assert account.asked == ["resume", "limits 100,000 5,000", "stop 9", "cancel 3", "SELL 25,000 EURUSD",
                             "BUY 4,000 GBPUSD"]
    assert account_state(account, account) == found and held(account) == {}


def test_an_account_the_scenario_did_not_change_is_left_alone() -> None:
    account = FakeAccount(True, (100_000, 5_000), {1: "filled"}, {7: "Running"}, {})
    found = account_state(account, account)
    put_back(found, account, account, account)
    assert account.asked == []


def test_a_scenario_starts_with_no_open_order_and_no_position() -> None:
    account = FakeAccount(False, (100_000, 5_000), {1: "working", 2: "filled"}, {}, {"USDJPY": -1_000})
    clear_orders_and_positions(account)
    assert account.asked == ["cancel 1", "BUY 1,000 USDJPY"] and held(account) == {}
