"""The order engine and the positions API: lifecycle, fills at the touch, risk check, idempotency, bad tickets,
working orders and cancels, P&L in USD, halting, and surviving a restart."""
from __future__ import annotations

import asyncio
import math
import uuid
from collections.abc import Callable
from itertools import pairwise
from typing import Any

import pytest
from fastapi.testclient import TestClient

from reference_app import orders, positions
from reference_app.feed import Quote
from reference_app.orders import load_order
from reference_app.positions import Position, apply_fill, value_position

STEP_DELAY_S = 0.02
FINAL = ("filled", "rejected", "cancelled")


# Helpers -------------------------------------------------------------------------------------------------------

def start(start_console: Callable[..., TestClient], **settings: Any) -> TestClient:
    return start_console(**{"test_mode": True, "order_step_delay_s": STEP_DELAY_S, **settings})


def new_account(client: TestClient, role: str = "trader", **limits: float) -> dict[str, Any]:
    """A fresh account with one signed-in user (the client's cookies are that user's session)."""
    email = f"{role}.{uuid.uuid4().hex[:8]}@example.org"
    user = {"email": email, "password": "long-enough-pw", "display_name": "Dana Desk", "role": role}
    created = client.post("/api/test/accounts", json={"name": "Desk", "users": [user], **limits})
    assert created.status_code == 201, created.text
    assert client.post("/api/auth/login", json={"email": email, "password": user["password"]}).status_code == 200
    return created.json()


def set_price(client: TestClient, instrument: str, bid: float, ask: float) -> None:
    assert client.post(f"/api/test/market/{instrument}/price", json={"bid": bid, "ask": ask}).status_code == 200


def ticket(**fields: Any) -> dict[str, Any]:
    base = {"client_order_id": uuid.uuid4().hex, "instrument": "EURUSD", "side": "BUY", "type": "MARKET",
            "quantity": 10_000}
    return {**base, **fields}


def wait_for_status(client: TestClient, order_id: int, statuses: tuple[str, ...] = FINAL,
                    timeout_s: float = 5.0) -> dict[str, Any]:
    """Wait, on the console's own event loop, until the order reaches one of `statuses`."""
    db = client.app.state.console.db

    async def reached() -> None:
        while load_order(db, order_id).status not in statuses:
            await asyncio.sleep(0.005)

    async def within_deadline() -> None:
        await asyncio.wait_for(reached(), timeout_s)

    client.portal.call(within_deadline)
    return client.get(f"/api/orders/{order_id}").json()


def place(client: TestClient, statuses: tuple[str, ...] = FINAL, **fields: Any) -> dict[str, Any]:
    response = client.post("/api/orders", json=ticket(**fields))
    assert response.status_code == 201, response.text
    return wait_for_status(client, response.json()["id"], statuses)


@pytest.fixture
def client(start_console: Callable[..., TestClient]) -> TestClient:
    console = start(start_console)
    set_price(console, "EURUSD", 1.08500, 1.08510)
    return console


# Access --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("method", "path"), [("get", "/api/orders"), ("post", "/api/orders"),
                                              ("get", "/api/orders/1"), ("post", "/api/orders/1/cancel"),
                                              ("get", "/api/positions")])
def test_order_apis_answer_401_without_a_session(client: TestClient, method: str, path: str) -> None:
    response = getattr(client, method)(path, **({"json": ticket()} if method == "post" else {}))
    assert response.status_code == 401


def test_a_viewer_cannot_place_an_order(client: TestClient) -> None:
    new_account(client, role="viewer")
    response = client.post("/api/orders", json=ticket())
    assert response.status_code == 403 and "viewer" in response.json()["detail"]
    assert client.get("/api/orders").json()["orders"] == []


def test_orders_and_positions_are_scoped_to_the_account(client: TestClient) -> None:
    new_account(client)
    mine = place(client)
    new_account(client)  # another desk, signed in on the same client
    assert client.get("/api/orders").json()["orders"] == []
    assert client.get(f"/api/orders/{mine['id']}").status_code == 404
    assert client.post(f"/api/orders/{mine['id']}/cancel").status_code == 404
    assert client.get("/api/positions").json()["positions"] == []


# The lifecycle -------------------------------------------------------------------------------------------------

def test_a_market_buy_moves_through_every_status_and_fills_at_the_ask(client: TestClient) -> None:
    new_account(client)
    order = place(client)
    steps = [event["status"] for event in order["events"]]
    assert steps == ["pending", "risk_check", "approved", "submitted", "filled"]
    times = [event["at"] for event in order["events"]]
    assert all(later - earlier >= STEP_DELAY_S * 1000 * 0.9 for earlier, later in pairwise(times)), times
    assert (order["status"], order["fill_price"]) == ("filled", 1.08510)


def test_a_market_sell_fills_at_the_bid(client: TestClient) -> None:
    new_account(client)
    assert place(client, side="SELL")["fill_price"] == 1.08500


def test_every_status_is_pushed_to_the_accounts_sessions_only(client: TestClient) -> None:
    new_account(client)
    with client.websocket_connect("/ws") as socket:
        socket.send_json({"subscribe": ["order"]})
        assert socket.receive_json()["topic"] == "subscribed"
        watching_cookie = client.cookies.get("console_session")
        new_account(client)  # another account trades: its orders must not reach this socket
        place(client)
        client.cookies.clear()  # httpx2 keeps a cookie set by hand beside the one the server set
        client.cookies.set("console_session", watching_cookie)
        mine = place(client)
        seen = []
        while not seen or seen[-1] != "filled":
            event = socket.receive_json()
            assert event["topic"] == "order" and event["data"]["id"] == mine["id"], event
            seen.append(event["data"]["status"])
    assert seen == ["pending", "risk_check", "approved", "submitted", "filled"]


def test_the_same_client_order_id_places_one_order(client: TestClient) -> None:
    new_account(client)
    body = ticket()
    first = client.post("/api/orders", json=body)
    again = client.post("/api/orders", json=body)  # e.g. a resubmission after the first answer was lost
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    wait_for_status(client, first.json()["id"])
    assert len(client.get("/api/orders").json()["orders"]) == 1
    assert client.get("/api/positions").json()["positions"][0]["quantity"] == 10_000


def test_a_client_order_id_reused_for_another_ticket_is_refused(client: TestClient) -> None:
    new_account(client)
    body = ticket()
    client.post("/api/orders", json=body)
    response = client.post("/api/orders", json={**body, "quantity": 20_000})
    assert response.status_code == 409 and body["client_order_id"] in response.json()["detail"]


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"quantity": 0}, "Quantity must be greater than zero"),
        ({"quantity": -5_000}, "Quantity must be greater than zero"),
        ({"quantity": 10_000.5}, "Quantity must be a whole number of units"),
        ({"type": "LIMIT"}, "A LIMIT order needs a price"),
        ({"type": "STOP"}, "A STOP order needs a price"),
        ({"type": "LIMIT", "price": 0}, "Price must be greater than zero"),
        ({"type": "MARKET", "price": 1.08}, "A MARKET order takes no price"),
        ({"instrument": "EURXYZ"}, "Unknown instrument EURXYZ"),
        ({"quantity": 150_000}, "Order exceeds max position size 100,000"),
        ({"quantity": 60_000, "side": "SELL"}, None),  # within the limit: accepted (the control row)
    ],
)
def test_a_bad_ticket_is_refused_with_its_reason_and_creates_no_order(client: TestClient, fields: dict[str, Any],
                                                                      reason: str | None) -> None:
    new_account(client)
    response = client.post("/api/orders", json=ticket(**fields))
    if reason is None:
        assert response.status_code == 201
        return
    assert response.status_code == 422
    assert response.json()["detail"] == reason
    assert client.get("/api/orders").json()["orders"] == []


@pytest.mark.parametrize(
    ("fields", "field"),
    [({"quantity": "ten thousand"}, "quantity"), ({"side": "HOLD"}, "side"), ({"type": "ICEBERG"}, "type"),
     ({"client_order_id": "x"}, "client_order_id"), ({"client_order_id": "<script>alert(1)</script>"},
                                                     "client_order_id")],
)
def test_a_malformed_ticket_names_the_bad_field(client: TestClient, fields: dict[str, Any], field: str) -> None:
    new_account(client)
    response = client.post("/api/orders", json=ticket(**fields))
    assert response.status_code == 422
    assert any(field in error["loc"] for error in response.json()["detail"])
    assert client.get("/api/orders").json()["orders"] == []


def test_the_position_limit_counts_the_position_and_the_open_orders(client: TestClient) -> None:
    new_account(client, max_position_size=50_000)
    place(client, quantity=30_000)
    place(client, statuses=("working",), type="LIMIT", price=1.0, quantity=15_000)
    refused = client.post("/api/orders", json=ticket(quantity=10_000))
    assert refused.status_code == 422 and refused.json()["detail"] == "Order exceeds max position size 50,000"
    assert place(client, quantity=5_000)["status"] == "filled"  # exactly at the limit
    assert place(client, side="SELL", quantity=80_000)["status"] == "filled"  # 35,000 → -45,000: allowed


def test_the_risk_check_rejects_an_order_that_would_exceed_the_limit_by_then(client: TestClient) -> None:
    account = new_account(client, max_position_size=50_000)
    placed = client.post("/api/orders", json=ticket(quantity=40_000)).json()
    # A risk manager lowers the limit while the order is still Pending.
    client.app.state.console.db.execute("UPDATE accounts SET max_position_size = 30000 WHERE id = ?",
                                        (account["account_id"],))
    order = wait_for_status(client, placed["id"])
    assert (order["status"], order["reason"]) == ("rejected", "exceeds max position size 30,000")
    assert [e["status"] for e in order["events"]] == ["pending", "risk_check", "rejected"]
    assert client.get("/api/positions").json()["positions"] == []


def test_a_halted_account_has_every_order_refused_until_trading_resumes(client: TestClient) -> None:
    account = new_account(client)
    db = client.app.state.console.db
    orders.set_trading_halted(db, account["account_id"], True)
    assert client.get("/api/positions").json()["trading_halted"] is True
    refused = client.post("/api/orders", json=ticket())
    assert refused.status_code == 409 and "trading halted" in refused.json()["detail"]
    assert client.get("/api/orders").json()["orders"] == []  # refused before it exists
    orders.set_trading_halted(db, account["account_id"], False)
    assert place(client)["status"] == "filled"


def test_an_order_that_reaches_the_risk_check_of_a_halted_account_is_rejected(
        start_console: Callable[..., TestClient]) -> None:
    client = start(start_console, order_step_delay_s=0.5)  # the halt certainly comes before the risk check
    set_price(client, "EURUSD", 1.08500, 1.08510)
    account = new_account(client)
    placed = client.post("/api/orders", json=ticket()).json()  # Pending: the halt comes before its risk check
    orders.set_trading_halted(client.app.state.console.db, account["account_id"], True)
    order = wait_for_status(client, placed["id"])
    assert (order["status"], order["reason"]) == ("rejected", "trading halted")


def test_at_the_daily_loss_limit_only_orders_that_reduce_risk_pass(client: TestClient) -> None:
    new_account(client, daily_loss_limit=50)
    set_price(client, "EURUSD", 1.09990, 1.10000)
    place(client)  # long 10,000 at 1.10000
    set_price(client, "EURUSD", 1.09390, 1.09400)  # unrealized: 10,000 × (1.09390 − 1.10000) = −$61
    adding = place(client, quantity=1_000)
    assert (adding["status"], adding["reason"]) == ("rejected", "daily loss limit reached")
    reducing = place(client, side="SELL", quantity=4_000)
    assert reducing["status"] == "filled"


# Working orders and cancels ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("side", "order_type", "trigger", "not_yet", "crossing", "fill"),
    [
        ("BUY", "LIMIT", 1.08400, (1.08395, 1.08405), (1.08380, 1.08390), 1.08390),
        ("SELL", "LIMIT", 1.08600, (1.08595, 1.08605), (1.08610, 1.08620), 1.08610),
        ("BUY", "STOP", 1.08600, (1.08585, 1.08595), (1.08600, 1.08610), 1.08610),
        ("SELL", "STOP", 1.08400, (1.08405, 1.08415), (1.08390, 1.08400), 1.08390),
    ],
)
def test_a_working_order_fills_at_the_touch_once_the_market_reaches_it(
        client: TestClient, side: str, order_type: str, trigger: float, not_yet: tuple[float, float],
        crossing: tuple[float, float], fill: float) -> None:
    new_account(client)
    working = place(client, statuses=("working",), side=side, type=order_type, price=trigger)
    set_price(client, "EURUSD", *not_yet)
    engine = client.app.state.console.orders
    assert client.portal.call(engine.on_quotes, {"EURUSD"}) == set()  # on the console's loop, like the engine
    assert load_order(client.app.state.console.db, working["id"]).status == "working"
    set_price(client, "EURUSD", *crossing)
    order = wait_for_status(client, working["id"])
    assert (order["status"], order["fill_price"]) == ("filled", fill)


def test_a_cancelled_order_never_fills(client: TestClient) -> None:
    new_account(client)
    working = place(client, statuses=("working",), type="LIMIT", price=1.08400, quantity=5_000)
    cancelled = client.post(f"/api/orders/{working['id']}/cancel")
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    assert cancelled.json()["reason"] == "cancelled by Dana Desk"
    kept = place(client, statuses=("working",), type="LIMIT", price=1.08400, quantity=10_000)
    set_price(client, "EURUSD", 1.08380, 1.08390)
    assert wait_for_status(client, kept["id"])["status"] == "filled"
    assert client.get(f"/api/orders/{working['id']}").json()["status"] == "cancelled"
    assert [p["quantity"] for p in client.get("/api/positions").json()["positions"]] == [10_000]


def test_only_a_working_order_can_be_cancelled(client: TestClient) -> None:
    new_account(client)
    filled = place(client)
    response = client.post(f"/api/orders/{filled['id']}/cancel")
    assert response.status_code == 409 and "only a working order" in response.json()["detail"]
    assert client.post("/api/orders/999999/cancel").status_code == 404


def test_cancel_open_orders_cancels_working_and_in_flight_orders(client: TestClient) -> None:
    account = new_account(client)
    working = place(client, statuses=("working",), type="LIMIT", price=1.0)
    in_flight = client.post("/api/orders", json=ticket()).json()
    engine = client.app.state.console.orders
    cancelled = engine.cancel_open_orders(account["account_id"], "kill switch")
    assert {o.id for o in cancelled} == {working["id"], in_flight["id"]}
    assert wait_for_status(client, in_flight["id"])["status"] == "cancelled"


def test_order_history_filters_by_status(client: TestClient) -> None:
    new_account(client)
    place(client)
    place(client, statuses=("working",), type="LIMIT", price=1.0)
    filled = client.get("/api/orders", params={"status": "filled"}).json()["orders"]
    working = client.get("/api/orders", params={"status": "working"}).json()["orders"]
    assert [o["status"] for o in filled] == ["filled"] and [o["status"] for o in working] == ["working"]
    bad = client.get("/api/orders", params={"status": "done"})
    assert bad.status_code == 422 and "Unknown status" in bad.json()["detail"]


# Positions, cash and P&L ---------------------------------------------------------------------------------------

def test_a_fill_moves_position_and_cash_and_the_pnl_follows_the_market(client: TestClient) -> None:
    new_account(client)
    place(client)
    book = client.get("/api/positions").json()
    assert book["cash_usd"] == 1_000_000 - 10_851.00
    [held] = book["positions"]
    assert (held["quantity"], held["average_price"], held["mark"]) == (10_000, 1.08510, 1.08500)
    assert held["unrealized_pnl_usd"] == -1.00  # the spread: marked at the bid
    set_price(client, "EURUSD", 1.08650, 1.08660)
    book = client.get("/api/positions").json()
    assert book["positions"][0]["unrealized_pnl_usd"] == 14.00
    assert book["equity_usd"] == 1_000_014.00


def test_positions_are_pushed_to_subscribed_sessions(client: TestClient) -> None:
    new_account(client)
    place(client)
    with client.websocket_connect("/ws") as socket:
        socket.send_json({"subscribe": ["positions"]})
        assert socket.receive_json()["topic"] == "subscribed"
        event = socket.receive_json()
    assert event["topic"] == "positions" and event["data"]["positions"][0]["instrument"] == "EURUSD"


def quote(symbol: str, bid: float, ask: float) -> Quote:
    return Quote(symbol, bid, ask, 0, 0)


def test_fills_average_in_realize_on_the_way_out_and_flip_through_zero() -> None:
    long = apply_fill(Position.flat("EURUSD"), 10_000, 1.1000, 1.0).position
    added = apply_fill(long, 10_000, 1.1200, 1.0).position
    assert math.isclose(added.average_price, 1.1100) and added.quantity == 20_000
    closing = apply_fill(added, -5_000, 1.1300, 1.0)
    assert math.isclose(closing.realized_pnl_usd, 5_000 * (1.1300 - 1.1100))
    assert math.isclose(closing.position.average_price, 1.1100) and closing.position.quantity == 15_000
    flipped = apply_fill(closing.position, -20_000, 1.1000, 1.0)
    assert math.isclose(flipped.realized_pnl_usd, 15_000 * (1.1000 - 1.1100))
    assert flipped.position.quantity == -5_000 and math.isclose(flipped.position.average_price, 1.1000)
    flat = apply_fill(flipped.position, 5_000, 1.0900, 1.0)
    assert math.isclose(flat.realized_pnl_usd, 5_000 * (1.1000 - 1.0900))  # a short gains when the price falls
    assert flat.position == Position("EURUSD", 0.0, 0.0, 0.0, flat.position.realized_pnl_usd)


@pytest.mark.parametrize(
    ("instrument", "quantity", "average", "quotes", "expected_usd"),
    [
        # Long EURUSD, marked at the bid: P&L in USD as it is.
        ("EURUSD", 10_000, 1.08510, {"EURUSD": (1.08650, 1.08660)}, 10_000 * (1.08650 - 1.08510)),
        # Short EURUSD, marked at the ask: a rise is a loss.
        ("EURUSD", -10_000, 1.08500, {"EURUSD": (1.08650, 1.08660)}, -10_000 * (1.08660 - 1.08500)),
        # USDJPY: P&L in JPY divided by the USDJPY rate (mid).
        ("USDJPY", 10_000, 150.000, {"USDJPY": (151.000, 151.020)}, 10_000 * (151.000 - 150.000) / 151.010),
        # EURGBP: P&L in GBP times GBPUSD (mid).
        ("EURGBP", -20_000, 0.85600, {"EURGBP": (0.85480, 0.85500), "GBPUSD": (1.26990, 1.27010)},
         -20_000 * (0.85500 - 0.85600) * 1.27000),
    ],
)
def test_unrealized_pnl_is_in_the_quote_currency_converted_to_usd(instrument: str, quantity: float,
                                                                   average: float, quotes: dict, expected_usd: float
                                                                   ) -> None:
    book = {symbol: quote(symbol, *prices) for symbol, prices in quotes.items()}
    held = Position(instrument, quantity, average, 0.0, 0.0)
    assert math.isclose(value_position(held, book).unrealized_pnl_usd, expected_usd, abs_tol=1e-9)


def test_equity_is_starting_cash_plus_realized_plus_unrealized(client: TestClient) -> None:
    new_account(client)
    set_price(client, "USDJPY", 151.000, 151.020)
    set_price(client, "GBPUSD", 1.26990, 1.27010)
    set_price(client, "EURGBP", 0.85480, 0.85500)
    place(client, instrument="USDJPY", quantity=20_000)
    place(client, instrument="EURGBP", side="SELL", quantity=30_000)
    set_price(client, "USDJPY", 151.500, 151.520)
    place(client, instrument="USDJPY", side="SELL", quantity=5_000)  # realizes part of it
    set_price(client, "EURGBP", 0.85300, 0.85320)
    book = client.get("/api/positions").json()
    assert book["realized_pnl_usd"] != 0 and book["unrealized_pnl_usd"] != 0
    assert math.isclose(book["equity_usd"], book["starting_cash"] + book["realized_pnl_usd"]
                        + book["unrealized_pnl_usd"], abs_tol=0.02)


def test_daily_pnl_is_equity_now_minus_equity_at_the_start_of_the_day(client: TestClient) -> None:
    account = new_account(client)
    place(client)  # bought at 1.08510
    set_price(client, "EURUSD", 1.08600, 1.08610)
    console = client.app.state.console
    daily = positions.daily_pnl_usd(console.db, console.feed.quotes, account["account_id"])
    assert math.isclose(daily, 10_000 * (1.08600 - 1.08510), abs_tol=1e-6)


# Persistence ---------------------------------------------------------------------------------------------------

def test_orders_positions_and_the_halt_flag_survive_a_restart(start_console: Callable[..., TestClient]) -> None:
    first = start(start_console, order_step_delay_s=0.5)
    set_price(first, "EURUSD", 1.08500, 1.08510)
    account = new_account(first)
    filled = place(first)
    in_flight = first.post("/api/orders", json=ticket(quantity=1_000)).json()
    assert in_flight["status"] == "pending"
    orders.set_trading_halted(first.app.state.console.db, account["account_id"], True)
    cookies = dict(first.cookies)
    first.__exit__(None, None, None)  # the console stops with an order still in flight

    second = start(start_console)
    second.cookies.update(cookies)
    assert second.get(f"/api/orders/{filled['id']}").json()["status"] == "filled"
    resumed = wait_for_status(second, in_flight["id"])  # picked up where it stopped: the halt now rejects it
    assert (resumed["status"], resumed["reason"]) == ("rejected", "trading halted")
    assert [e["status"] for e in resumed["events"]] == ["pending", "risk_check", "rejected"]
    book = second.get("/api/positions").json()
    assert book["trading_halted"] is True and book["positions"][0]["quantity"] == 10_000


def test_the_halt_flag_is_added_to_an_existing_database(tmp_path) -> None:
    from reference_app.db import Database

    old = Database(tmp_path / "old.db")  # the core schema only, as before the order engine existed
    assert "trading_halted" not in {row["name"] for row in old.all("PRAGMA table_info(accounts)")}
    orders.ensure_schema(old)
    orders.ensure_schema(old)  # and a second start changes nothing
    assert "trading_halted" in {row["name"] for row in old.all("PRAGMA table_info(accounts)")}
    old.close()
