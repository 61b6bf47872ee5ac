"""The market-data API and its real-time plumbing: the board's snapshot, ticks over the WebSocket, batching, and
test control's connection drop."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from reference_app.feed import utc_day
from reference_app.realtime import CLOSE_SERVICE_RESTART, CLOSE_TRY_AGAIN_LATER
from tests.conftest import SEED_CREDENTIALS

MAJORS = ["EURUSD", "GBPUSD", "USDJPY", "AUDUSD"]


def signed_in(client: TestClient) -> TestClient:
    assert client.post("/api/auth/login", json=SEED_CREDENTIALS).status_code == 200
    return client


def new_account(client: TestClient, email: str) -> tuple[int, dict[str, str]]:
    user = {"email": email, "password": "long-enough-1", "display_name": "Kai", "role": "trader"}
    created = client.post("/api/test/accounts", json={"name": "Desk", "users": [user]})
    return created.json()["account_id"], {"email": email, "password": user["password"]}


def ticks(socket, count: int) -> list[dict]:
    """The next `count` tick payloads, whether they come one per message or several to a message."""
    found: list[dict] = []
    while len(found) < count:
        message = socket.receive_json()
        events = message if isinstance(message, list) else [message]
        found += [event["data"] for event in events if event["topic"] == "tick"]
    return found


def wait_for_a_round(client: TestClient) -> None:
    """Until the feed has priced every instrument once (it starts ticking with the console)."""
    with client.websocket_connect("/ws") as socket:
        socket.send_json({"subscribe": ["tick"]})
        socket.receive_json()
        ticks(socket, 8)


def test_market_data_needs_a_session(api: TestClient) -> None:
    response = api.get("/api/market-data")
    assert response.status_code == 401 and "sign in" in response.json()["detail"].lower()


def test_snapshot_lists_every_instrument_with_its_quote_and_the_days_open(api: TestClient) -> None:
    wait_for_a_round(signed_in(api))
    board = api.get("/api/market-data").json()
    rows = {row["instrument"]: row for row in board["instruments"]}
    assert len(rows) >= 8 and set(MAJORS) <= rows.keys()
    assert board["stale_after_ms"] == 2000 and board["day"] == utc_day(rows["EURUSD"]["ts"])
    for row in rows.values():
        assert 0 < row["bid"] <= row["ask"] and row["open"] > 0 and row["age_ms"] >= 0
        assert isinstance(row["seq"], int) and row["base"] + row["quote"] == row["instrument"]
    assert (rows["USDJPY"]["pip"], rows["EURUSD"]["pip"]) == (0.01, 0.0001)


def test_snapshot_of_chosen_instruments(api: TestClient) -> None:
    signed_in(api)
    board = api.get("/api/market-data", params={"instrument": ["GBPUSD", "EURUSD", "GBPUSD"]}).json()
    assert [row["instrument"] for row in board["instruments"]] == ["GBPUSD", "EURUSD"]


@pytest.mark.parametrize(
    ("instrument", "status", "detail"),
    [
        ("eurusd", 422, "six capital letters"),
        ("EUR", 422, "six capital letters"),
        ("EUR/USD", 422, "six capital letters"),
        ("", 422, "six capital letters"),
        ("XAUXAG", 404, "Unknown instrument 'XAUXAG'"),
    ],
)
def test_snapshot_rejects_bad_instruments(api: TestClient, instrument: str, status: int, detail: str) -> None:
    signed_in(api)
    response = api.get("/api/market-data", params={"instrument": ["EURUSD", instrument]})
    assert response.status_code == status and detail in response.json()["detail"]


def test_the_days_open_stays_when_the_price_moves(test_mode_api: TestClient) -> None:
    wait_for_a_round(signed_in(test_mode_api))
    before = test_mode_api.get("/api/market-data", params={"instrument": "EURUSD"}).json()["instruments"][0]
    test_mode_api.post("/api/test/market/EURUSD/price", json={"bid": 1.2, "ask": 1.2002})
    after = test_mode_api.get("/api/market-data", params={"instrument": "EURUSD"}).json()["instruments"][0]
    assert after["open"] == before["open"] != 1.2001 and after["bid"] == 1.2


def test_ticks_carry_server_time_and_a_rising_sequence_number(api: TestClient) -> None:
    signed_in(api)
    with api.websocket_connect("/ws") as socket:
        socket.send_json({"subscribe": ["tick"]})
        assert socket.receive_json() == {"topic": "subscribed", "data": ["tick"]}
        received = ticks(socket, 16)
    assert all(isinstance(message, dict) for message in received)
    assert {"instrument", "bid", "ask", "ts", "seq"} <= received[0].keys()
    seqs = [tick["seq"] for tick in received]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    assert {tick["instrument"] for tick in received} >= set(MAJORS)


def test_a_client_that_asks_for_batches_gets_each_round_in_one_message(api: TestClient) -> None:
    signed_in(api)
    with api.websocket_connect("/ws") as socket:
        socket.send_json({"subscribe": ["tick"], "batch": True})
        socket.receive_json()
        messages = [socket.receive_json() for _ in range(3)]
    batches = [m for m in messages if isinstance(m, list)]
    assert batches and all(event["topic"] == "tick" for batch in batches for event in batch)


def test_without_batch_every_event_is_its_own_message(api: TestClient) -> None:
    signed_in(api)
    with api.websocket_connect("/ws") as socket:
        socket.send_json({"subscribe": ["tick"]})
        socket.receive_json()
        assert all(isinstance(socket.receive_json(), dict) for _ in range(12))


def test_test_control_drops_an_accounts_connections_and_turns_reconnections_away(test_mode_api: TestClient) -> None:
    account_id, credentials = new_account(test_mode_api, "kai.drop@example.org")
    test_mode_api.post("/api/auth/login", json=credentials)
    with test_mode_api.websocket_connect("/ws") as socket:
        socket.send_json({"subscribe": ["tick"]})
        socket.receive_json()
        dropped = test_mode_api.post("/api/test/sockets/drop", json={"account_id": account_id, "refuse_for_s": 30})
        assert dropped.status_code == 200 and dropped.json()["dropped"] == 1
        with pytest.raises(WebSocketDisconnect) as closed:
            while True:
                socket.receive_json()
    assert closed.value.code == CLOSE_SERVICE_RESTART
    with pytest.raises(WebSocketDisconnect) as refused:
        with test_mode_api.websocket_connect("/ws") as again:
            again.receive_json()
    assert refused.value.code == CLOSE_TRY_AGAIN_LATER


def test_a_drop_leaves_other_accounts_connected(test_mode_api: TestClient) -> None:
    account_id, _ = new_account(test_mode_api, "kai.other@example.org")
    signed_in(test_mode_api)  # the seed user, of another account
    with test_mode_api.websocket_connect("/ws") as socket:
        socket.send_json({"subscribe": ["tick"]})
        socket.receive_json()
        dropped = test_mode_api.post("/api/test/sockets/drop", json={"account_id": account_id, "refuse_for_s": 30})
        assert dropped.json()["dropped"] == 0
        assert len(ticks(socket, 8)) == 8


@pytest.mark.parametrize(
    ("body", "status", "where"),
    [
        ({"refuse_for_s": -1}, 422, "refuse_for_s"),
        ({"refuse_for_s": 61}, 422, "refuse_for_s"),
        ({"refuse_for_s": "soon"}, 422, "refuse_for_s"),
        ({"account_id": 0}, 422, "account_id"),
        ({"account_id": "desk"}, 422, "account_id"),
        ({"account_id": 999_999}, 404, "Unknown account 999999"),
    ],
)
def test_socket_drop_rejects_bad_input(test_mode_api: TestClient, body: dict, status: int, where: str) -> None:
    response = test_mode_api.post("/api/test/sockets/drop", json=body)
    assert response.status_code == status
    detail = response.json()["detail"]
    assert where in (detail if isinstance(detail, str) else str([error["loc"] for error in detail]))


def test_socket_drop_needs_test_mode(api: TestClient) -> None:
    assert api.post("/api/test/sockets/drop", json={}).status_code == 404
