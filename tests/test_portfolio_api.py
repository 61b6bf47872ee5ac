"""The Portfolio section's console side: closing and resizing a position by a market order (and refusing what cannot
be ordered), the synchronisation of each account's book with its fills, its status rules, roles and test control."""
from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from reference_app import portfolio, positions
from reference_app.positions import Position
from tests.test_orders_api import new_account, place, set_price, start, wait_for_status


@pytest.fixture
def client(start_console: Callable[..., TestClient]) -> TestClient:
    console = start(start_console)
    set_price(console, "EURUSD", 1.08500, 1.08510)
    set_price(console, "USDJPY", 149.990, 150.010)
    return console


def close(client: TestClient, instrument: str = "EURUSD", client_order_id: str | None = None) -> Any:
    return client.post(f"/api/portfolio/positions/{instrument}/close",
                       json={"client_order_id": client_order_id or uuid.uuid4().hex})


def resize(client: TestClient, target: Any, instrument: str = "EURUSD", client_order_id: str | None = None) -> Any:
    return client.post(f"/api/portfolio/positions/{instrument}/resize",
                       json={"client_order_id": client_order_id or uuid.uuid4().hex, "target_quantity": target})


def book(client: TestClient) -> dict[str, Any]:
    return client.get("/api/positions").json()


def held(client: TestClient, instrument: str = "EURUSD") -> float:
    return next((p["quantity"] for p in book(client)["positions"] if p["instrument"] == instrument), 0.0)


def synchronise(client: TestClient) -> None:
    """One beat of the "portfolio" worker that sweeps every account, on the console's own event loop (the worker's
    own beats run too, so a plain beat right after one of them would not sweep again for a second)."""
    client.portal.call(functools.partial(client.app.state.console.workers["portfolio"].job, sweep_now=True))


# Access ----------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("action", ["close", "resize"])
def test_position_actions_answer_401_without_a_session(client: TestClient, action: str) -> None:
    response = client.post(f"/api/portfolio/positions/EURUSD/{action}",
                           json={"client_order_id": uuid.uuid4().hex, "target_quantity": 1})
    assert response.status_code == 401


def test_a_viewer_sees_the_portfolio_but_cannot_close_or_resize(client: TestClient) -> None:
    new_account(client, role="viewer")
    assert book(client)["positions"] == []
    for response in (close(client), resize(client, 10_000)):
        assert response.status_code == 403 and "viewer" in response.json()["detail"]
    assert client.get("/api/orders").json()["orders"] == []


def test_the_viewers_portfolio_page_offers_no_actions(client: TestClient) -> None:
    new_account(client, role="viewer")
    page = client.get("/portfolio").text
    assert 'data-can-act="false"' in page and "<dialog" not in page
    assert 'data-read-only="true" disabled>Add Position' in page


# Close -----------------------------------------------------------------------------------------------------------

def test_close_flattens_the_position_with_a_market_order_for_its_opposite(client: TestClient) -> None:
    new_account(client)
    place(client, quantity=12_500)
    response = close(client)
    assert response.status_code == 201
    order = wait_for_status(client, response.json()["id"])
    assert (order["side"], order["type"], order["quantity"], order["status"]) == ("SELL", "MARKET", 12_500, "filled")
    assert [e["status"] for e in order["events"]] == ["pending", "risk_check", "approved", "submitted", "filled"]
    assert order["fill_price"] == 1.08500  # a SELL at the bid
    after = book(client)
    assert after["positions"] == [] and after["cash_usd"] == 999_998.75  # paid the spread on 12,500
    assert after["realized_pnl_usd"] == -1.25


def test_close_buys_back_a_short(client: TestClient) -> None:
    new_account(client)
    place(client, side="SELL", instrument="USDJPY")
    order = wait_for_status(client, close(client, "USDJPY").json()["id"])
    assert (order["side"], order["quantity"], order["fill_price"]) == ("BUY", 10_000, 150.010)
    assert held(client, "USDJPY") == 0


def test_a_repeated_close_places_one_order(client: TestClient) -> None:
    new_account(client)
    place(client)
    first = close(client, client_order_id="close-eurusd-1")
    wait_for_status(client, first.json()["id"])
    again = close(client, client_order_id="close-eurusd-1")  # the position is flat by now
    assert (first.status_code, again.status_code) == (201, 200) and again.json()["id"] == first.json()["id"]
    assert len(client.get("/api/orders").json()["orders"]) == 2


@pytest.mark.parametrize(("instrument", "status_code", "detail"), [
    ("EURUSD", 409, "There is no open EURUSD position to close"),
    ("XAUUSD", 404, "Unknown instrument XAUUSD"),
])
def test_close_without_a_position_is_refused(client: TestClient, instrument: str, status_code: int,
                                             detail: str) -> None:
    new_account(client)
    response = close(client, instrument)
    assert (response.status_code, response.json()["detail"]) == (status_code, detail)
    assert client.get("/api/orders").json()["orders"] == []


def test_the_residual_fault_leaves_the_odd_lot_open(start_console: Callable[..., TestClient]) -> None:
    faulty = start(start_console, faults=frozenset({"close_leaves_residual"}))
    set_price(faulty, "EURUSD", 1.08500, 1.08510)
    new_account(faulty)
    place(faulty, quantity=12_500)
    wait_for_status(faulty, close(faulty).json()["id"])
    assert held(faulty) == 500


# Resize ----------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("target", "side", "quantity"), [
    (25_000, "BUY", 15_000),  # adds the difference
    (4_000, "SELL", 6_000),  # reduces
    (-5_000, "SELL", 15_000),  # through zero to a short
    (0, "SELL", 10_000),  # to flat
])
def test_resize_orders_the_difference_to_the_target(client: TestClient, target: float, side: str,
                                                    quantity: float) -> None:
    new_account(client)
    place(client)
    response = resize(client, target)
    assert response.status_code == 201
    order = wait_for_status(client, response.json()["id"])
    assert (order["side"], order["type"], order["quantity"], order["status"]) == (side, "MARKET", quantity, "filled")
    assert held(client) == target


def test_resize_opens_a_position_where_there_was_none(client: TestClient) -> None:
    new_account(client)
    wait_for_status(client, resize(client, -20_000, "USDJPY").json()["id"])
    assert held(client, "USDJPY") == -20_000


def test_a_repeated_resize_places_one_order(client: TestClient) -> None:
    new_account(client)
    place(client)
    first = resize(client, 25_000, client_order_id="resize-eurusd-1")
    wait_for_status(client, first.json()["id"])
    again = resize(client, 25_000, client_order_id="resize-eurusd-1")
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    assert held(client) == 25_000


@pytest.mark.parametrize(("target", "status_code", "detail"), [
    (12_500.5, 422, "Target quantity must be a whole number of units"),
    (150_000, 422, "Order exceeds max position size 100,000"),
    (-100_001, 422, "Order exceeds max position size 100,000"),
    (10_000, 422, "The EURUSD position is already +10,000: nothing to order"),
    ("ten thousand", 422, None),  # not a number: refused by the request's schema
    (None, 422, None),
])
def test_a_target_that_cannot_be_ordered_is_refused_and_changes_nothing(client: TestClient, target: Any,
                                                                         status_code: int, detail: str | None) -> None:
    new_account(client)
    place(client)
    before = book(client)
    response = resize(client, target)
    assert response.status_code == status_code
    if detail:
        assert response.json()["detail"] == detail
    after = book(client)
    assert (after["positions"][0]["quantity"], after["cash_usd"]) == (10_000, before["cash_usd"])
    assert len(client.get("/api/orders").json()["orders"]) == 1


@pytest.mark.parametrize("body", [
    {"target_quantity": 1_000},  # no client order id
    {"client_order_id": "short", "target_quantity": 1_000},
    {"client_order_id": "has spaces in it", "target_quantity": 1_000},
])
def test_a_malformed_resize_names_the_bad_field(client: TestClient, body: dict[str, Any]) -> None:
    new_account(client)
    response = client.post("/api/portfolio/positions/EURUSD/resize", json=body)
    assert response.status_code == 422 and "client_order_id" in response.text


def test_the_target_fault_orders_the_target_itself(start_console: Callable[..., TestClient]) -> None:
    faulty = start(start_console, faults=frozenset({"resize_orders_target"}))
    set_price(faulty, "EURUSD", 1.08500, 1.08510)
    new_account(faulty)
    place(faulty)
    wait_for_status(faulty, resize(faulty, 25_000).json()["id"])
    assert held(faulty) == 35_000


# Synchronisation -------------------------------------------------------------------------------------------------

def test_the_book_replayed_from_its_fills_equals_the_stored_book(client: TestClient) -> None:
    account = new_account(client)
    place(client, quantity=10_000)
    set_price(client, "EURUSD", 1.08650, 1.08660)
    place(client, side="SELL", quantity=25_000)  # through zero
    place(client, side="SELL", instrument="USDJPY")
    db = client.app.state.console.db
    stored = {p.instrument: p for p in positions.positions(db, account["account_id"])}
    assert positions.replay_fills(db, account["account_id"]) == stored


def test_a_filled_position_is_synchronized_with_the_time_of_its_reconciliation(client: TestClient) -> None:
    new_account(client)
    place(client)
    synchronise(client)
    [position] = book(client)["positions"]
    assert (position["sync_status"], position["sync_detail"]) == ("synchronized", None)
    assert position["synced_at"] > 0 and book(client)["sync_stale_after_ms"] == portfolio.STALE_AFTER_MS


def test_a_book_that_disagrees_with_its_fills_is_out_of_sync(client: TestClient) -> None:
    account = new_account(client)
    place(client)
    response = client.post(f"/api/test/accounts/{account['account_id']}/book/EURUSD", json={"quantity": 9_000})
    assert response.status_code == 200
    synchronise(client)
    [position] = book(client)["positions"]
    assert (position["quantity"], position["sync_status"]) == (9_000, "out_of_sync")
    assert position["sync_detail"] == "the book holds +9,000, its fills give +10,000"


def test_the_rubber_stamp_fault_never_compares(start_console: Callable[..., TestClient]) -> None:
    faulty = start(start_console, faults=frozenset({"portfolio_sync_rubber_stamp"}))
    set_price(faulty, "EURUSD", 1.08500, 1.08510)
    account = new_account(faulty)
    place(faulty)
    faulty.post(f"/api/test/accounts/{account['account_id']}/book/EURUSD", json={"quantity": 9_000})
    synchronise(faulty)
    assert book(faulty)["positions"][0]["sync_status"] == "synchronized"


def test_the_portfolio_worker_beats_with_the_synchronisation_as_its_job(client: TestClient) -> None:
    worker = client.app.state.console.workers["portfolio"]
    assert isinstance(worker.job.__self__, portfolio.PortfolioSync)
    new_account(client)
    component = next(c for c in client.get("/api/status").json()["components"] if c["key"] == "portfolio")
    assert (component["state"], component["healthy"]) == ("Synchronized", True)


RECORD = {"status": "synchronized", "book_quantity": 10_000.0, "synced_at": 100_000.0, "detail": None}


@pytest.mark.parametrize(("record", "quantity", "changed_at", "now", "expected"), [
    (RECORD, 10_000, 90_000, 101_000, ("synchronized", None)),
    ({**RECORD, "status": "out_of_sync", "detail": "the book holds +9,000, its fills give +10,000"}, 10_000, 90_000,
     101_000, ("out_of_sync", "the book holds +9,000, its fills give +10,000")),
    (None, 10_000, 100_000, 100_500, ("syncing", None)),  # new, the next beat reconciles it
    ({**RECORD, "book_quantity": 4_000.0}, 10_000, 100_500, 101_000, ("syncing", None)),  # changed since
    (None, 10_000, 100_000, 103_000, ("out_of_sync", "not reconciled since the position last changed")),
    (RECORD, 10_000, 90_000, 103_000, ("out_of_sync", "synchronisation overdue")),  # the worker has stopped
])
def test_sync_status_rules(record: dict[str, Any] | None, quantity: float, changed_at: float, now: float,
                           expected: tuple[str, str | None]) -> None:
    state = portfolio.sync_state(record, quantity, changed_at, now)
    assert (state["sync_status"], state["sync_detail"]) == expected


@pytest.mark.parametrize(("book_position", "fills_position", "detail"), [
    (Position("EURUSD", 10_000, 1.0851, 10_851, 0), Position("EURUSD", 10_000, 1.0851, 10_851, 0), None),
    (Position("EURUSD", -9_000, 1.0851, -9_765.9, 0), Position("EURUSD", -10_000, 1.0851, -10_851, 0),
     "the book holds -9,000, its fills give -10,000"),
    (Position("USDJPY", 10_000, 150.02, 10_001, 0), Position("USDJPY", 10_000, 150.01, 10_001, 0),
     "the book's average price is 150.020, its fills give 150.010"),
    (Position("EURUSD", 10_000, 1.0851, 10_851, 5.6), Position("EURUSD", 10_000, 1.0851, 10_851, 0),
     "the book's cost or realized P&L differs from its fills'"),
])
def test_differences_between_a_book_and_its_fills(book_position: Position, fills_position: Position,
                                                  detail: str | None) -> None:
    assert portfolio.differences(book_position, fills_position) == detail


# Test control ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("account_id", "instrument", "body", "status_code"), [
    (None, "EURUSD", {"quantity": 9_000}, 200),
    (None, "GBPUSD", {"quantity": 9_000}, 404),  # no such position
    (None, "XAUUSD", {"quantity": 9_000}, 404),
    (999_999, "EURUSD", {"quantity": 9_000}, 404),
    (None, "EURUSD", {"quantity": "many"}, 422),
    (None, "EURUSD", {}, 422),
])
def test_overwriting_a_book_needs_an_open_position_and_a_quantity(client: TestClient, account_id: int | None,
                                                                  instrument: str, body: dict[str, Any],
                                                                  status_code: int) -> None:
    account = new_account(client)
    place(client)
    target = account_id or account["account_id"]
    assert client.post(f"/api/test/accounts/{target}/book/{instrument}", json=body).status_code == status_code


def test_overwriting_a_book_is_test_control_only(start_console: Callable[..., TestClient]) -> None:
    production = start_console()
    assert production.post("/api/test/accounts/1/book/EURUSD", json={"quantity": 1}).status_code == 404
