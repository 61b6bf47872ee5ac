"""The risk API and engine: the formulas on known series, metrics that agree with the positions, equity sampling,
limits with their bad values, roles, the Emergency Stop and its resume (pushed, persisted, reviving nothing), the
daily loss watch, and the halt on every section page."""
from __future__ import annotations

import asyncio
import math
import statistics
import uuid
from collections.abc import Callable
from itertools import pairwise
from typing import Any

import pytest
from fastapi.testclient import TestClient

from reference_app import orders, risk
from reference_app.orders import load_order
from reference_app.risk import VAR_MIN_RETURNS, VAR_WINDOW, max_drawdown, return_stats

STEP_DELAY_S = 0.02
FINAL = ("filled", "rejected", "cancelled")
PASSWORD = "long-enough-pw"


# Helpers -------------------------------------------------------------------------------------------------------

def start(start_console: Callable[..., TestClient], **settings: Any) -> TestClient:
    return start_console(**{"test_mode": True, "order_step_delay_s": STEP_DELAY_S, "risk_sample_interval_s": 0.05,
                            **settings})


@pytest.fixture
def client(start_console: Callable[..., TestClient]) -> TestClient:
    console = start(start_console)
    set_price(console, "EURUSD", 1.08500, 1.08510)
    return console


def new_desk(client: TestClient, roles: tuple[str, ...] = ("trader", "risk_manager", "viewer"),
             **limits: float) -> dict[str, Any]:
    """A fresh account with a user per role; returns the account id and each role's credentials."""
    tag = uuid.uuid4().hex[:8]
    users = [{"email": f"{role}.{tag}@example.org", "password": PASSWORD, "display_name": f"{role.title()} {tag}",
              "role": role} for role in roles]
    created = client.post("/api/test/accounts", json={"name": f"Desk {tag}", "users": users, **limits})
    assert created.status_code == 201, created.text
    return {"account_id": created.json()["account_id"], **{user["role"]: user for user in users}}


def sign_in(client: TestClient, user: dict[str, Any]) -> TestClient:
    client.cookies.clear()
    assert client.post("/api/auth/login", json={"email": user["email"], "password": PASSWORD}).status_code == 200
    return client


def set_price(client: TestClient, instrument: str, bid: float, ask: float) -> None:
    assert client.post(f"/api/test/market/{instrument}/price", json={"bid": bid, "ask": ask}).status_code == 200


def ticket(**fields: Any) -> dict[str, Any]:
    return {"client_order_id": uuid.uuid4().hex, "instrument": "EURUSD", "side": "BUY", "type": "MARKET",
            "quantity": 10_000, **fields}


def on_loop(client: TestClient, condition: Callable[[], bool], timeout_s: float = 5.0) -> None:
    """Wait, on the console's own event loop, until `condition()` holds."""
    async def reached() -> None:
        while not condition():
            await asyncio.sleep(0.005)

    async def within_deadline() -> None:
        await asyncio.wait_for(reached(), timeout_s)

    client.portal.call(within_deadline)


def place(client: TestClient, statuses: tuple[str, ...] = FINAL, **fields: Any) -> dict[str, Any]:
    response = client.post("/api/orders", json=ticket(**fields))
    assert response.status_code == 201, response.text
    db = client.app.state.console.db
    on_loop(client, lambda: load_order(db, response.json()["id"]).status in statuses)
    return client.get(f"/api/orders/{response.json()['id']}").json()


def run_strategy(client: TestClient) -> dict[str, Any]:
    body = {"name": "Overnight Reversion", "type": "Mean Reversion", "instruments": ["EURUSD"], "timeframe": "1M",
            "risk_limit": 1000, "max_position_size": 10_000}
    saved = client.post("/api/strategies", json=body)
    assert saved.status_code == 201, saved.text
    deployed = client.post(f"/api/strategies/{saved.json()['id']}/deploy")
    assert deployed.status_code == 202, deployed.text
    return deployed.json()


def halted(client: TestClient, account_id: int) -> bool:
    return orders.trading_halted(client.app.state.console.db, account_id)


# The formulas --------------------------------------------------------------------------------------------------

def test_max_drawdown_is_the_worst_fall_from_a_running_peak() -> None:
    assert max_drawdown([100, 110, 99, 105, 120, 108]) == pytest.approx(99 / 110 - 1)
    assert max_drawdown([100, 101, 102]) == 0.0
    assert max_drawdown([]) == 0.0


def test_var_95_is_parametric_over_the_returns_of_consecutive_samples() -> None:
    equities = [1_000_000, 1_003_000, 1_001_000, 996_000, 998_000, 1_002_000, 997_000, 999_000, 1_000_500, 998_500,
                1_000_000]
    returns = [b / a - 1 for a, b in pairwise(equities)]
    stats = return_stats(equities)
    expected = -(statistics.fmean(returns) - 1.645 * statistics.stdev(returns)) * 1_000_000
    assert stats.returns == 10 and stats.var_95(1_000_000) == pytest.approx(expected)
    assert round(stats.var_95(1_000_000), 2) == 5352.47  # the figure the feature states


def test_var_needs_enough_history_and_never_shows_a_gain() -> None:
    assert return_stats([1_000_000] * VAR_MIN_RETURNS).var_95(1_000_000) is None  # one return short
    rising = [1_000_000 * 1.01 ** i for i in range(VAR_MIN_RETURNS + 1)]  # same gain every second: no risk seen
    assert return_stats(rising).var_95(1_000_000) == 0.0


@pytest.mark.parametrize(("typed", "value"), [("50,000", 50_000), ("$2,000", 2_000), (" 2500.50 ", 2500.5),
                                              ("-$100", -100), (2000, 2000)])
def test_amounts_are_read_as_the_desk_types_them(typed: str | float, value: float) -> None:
    assert risk.parse_amount(typed) == value


# Access and roles ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("method", "path"), [("get", "/api/risk"), ("get", "/api/risk/halt"),
                                              ("put", "/api/risk/limits"), ("post", "/api/risk/emergency-stop"),
                                              ("post", "/api/risk/resume")])
def test_every_risk_route_needs_a_session(client: TestClient, method: str, path: str) -> None:
    response = getattr(client, method)(path, **({"json": {}} if method == "put" else {}))
    assert response.status_code == 401


@pytest.mark.parametrize(("role", "allowed"), [
    ("trader", {"edit_limits": False, "emergency_stop": True, "resume": False}),
    ("risk_manager", {"edit_limits": True, "emergency_stop": True, "resume": True}),
    ("viewer", {"edit_limits": False, "emergency_stop": False, "resume": False}),
])
def test_the_screen_learns_what_each_role_may_do(client: TestClient, role: str, allowed: dict[str, bool]) -> None:
    desk = new_desk(client)
    assert sign_in(client, desk[role]).get("/api/risk").json()["permissions"] == allowed


@pytest.mark.parametrize(("role", "method", "path", "words"), [
    ("trader", "put", "/api/risk/limits", "Only a risk manager can edit the limits"),
    ("viewer", "put", "/api/risk/limits", "Only a risk manager can edit the limits"),
    ("viewer", "post", "/api/risk/emergency-stop", "A viewer cannot trigger the Emergency Stop"),
    ("trader", "post", "/api/risk/resume", "Only a risk manager can resume trading"),
    ("viewer", "post", "/api/risk/resume", "Only a risk manager can resume trading"),
])
def test_a_role_without_the_right_gets_403_with_the_reason(client: TestClient, role: str, method: str, path: str,
                                                           words: str) -> None:
    desk = new_desk(client)
    sign_in(client, desk["risk_manager"]).post("/api/risk/emergency-stop")  # so that a resume would be possible
    body = {"json": {"max_position_size": 1, "daily_loss_limit": 1}} if method == "put" else {}
    response = getattr(sign_in(client, desk[role]), method)(path, **body)
    assert response.status_code == 403 and words in response.json()["detail"]
    assert halted(client, desk["account_id"])  # nothing changed


# Metrics -------------------------------------------------------------------------------------------------------

def test_a_new_account_is_worth_its_cash_and_has_no_var_yet(client: TestClient) -> None:
    desk = new_desk(client)
    snapshot = sign_in(client, desk["trader"]).get("/api/risk").json()
    metrics = snapshot["metrics"]
    assert (metrics["portfolio_value_usd"], metrics["daily_pnl_usd"], metrics["max_drawdown"],
            metrics["gross_exposure_usd"]) == (1_000_000, 0, 0, 0)
    assert (metrics["var_95_usd"], metrics["var_returns"], metrics["var_min_returns"]) == (None, 0, VAR_MIN_RETURNS)
    assert snapshot["limits"] == {"max_position_size": 100_000, "daily_loss_limit": 5_000, "starting_cash": 1_000_000}
    assert snapshot["halt"]["halted"] is False and snapshot["alerts"] == []


def test_the_metrics_agree_with_the_positions_at_the_current_prices(client: TestClient) -> None:
    desk = new_desk(client)
    sign_in(client, desk["trader"])
    place(client)  # long 10,000 EURUSD at the ask, 1.08510
    set_price(client, "EURUSD", 1.07500, 1.07510)
    book = client.get("/api/positions").json()
    metrics = client.get("/api/risk").json()["metrics"]
    assert metrics["portfolio_value_usd"] == book["equity_usd"] == 999_899.00
    assert metrics["daily_pnl_usd"] == -101.00  # 10,000 × (1.07500 − 1.08510)
    assert metrics["gross_exposure_usd"] == book["gross_exposure_usd"] == 10_750.00  # 10,000 × 1.07500
    assert metrics["max_drawdown"] == pytest.approx(999_899 / 1_000_000 - 1)


def test_a_short_usdjpy_position_counts_in_usd(client: TestClient) -> None:
    desk = new_desk(client)
    sign_in(client, desk["trader"])
    set_price(client, "USDJPY", 150.000, 150.010)
    place(client, instrument="USDJPY", side="SELL")  # short 10,000 USD against JPY at 150.000
    metrics = client.get("/api/risk").json()["metrics"]
    # Exposure: |−10,000 × 150.010 (the ask marks a short)| JPY at 1 / 150.005 USD per JPY.
    assert metrics["gross_exposure_usd"] == pytest.approx(10_000 * 150.010 / 150.005, abs=0.01)
    assert metrics["daily_pnl_usd"] == pytest.approx(-10_000 * 0.010 / 150.005, abs=0.01)


def test_the_equity_of_an_account_that_moves_is_sampled_and_a_flat_one_is_not(client: TestClient) -> None:
    trading, idle = new_desk(client), new_desk(client)
    sign_in(client, trading["trader"])
    place(client)
    db = client.app.state.console.db

    def samples(account_id: int) -> int:
        return db.one("SELECT COUNT(*) AS n FROM equity_samples WHERE account_id = ?", (account_id,))["n"]

    on_loop(client, lambda: samples(trading["account_id"]) >= 3)
    assert samples(idle["account_id"]) == 0


def test_recorded_equity_drives_drawdown_and_var(client: TestClient) -> None:
    desk = new_desk(client)
    equities = [1_000_000, 1_003_000, 1_001_000, 996_000, 998_000, 1_002_000, 997_000, 999_000, 1_000_500, 998_500,
                1_000_000]
    recorded = client.post(f"/api/test/accounts/{desk['account_id']}/equity-samples", json={"equity_usd": equities})
    assert recorded.status_code == 200 and recorded.json()["recorded"] == 11
    metrics = sign_in(client, desk["risk_manager"]).get("/api/risk").json()["metrics"]
    assert metrics["max_drawdown"] == pytest.approx(996_000 / 1_003_000 - 1)
    assert (metrics["var_95_usd"], metrics["var_returns"]) == (5352.47, 10)


def test_only_the_var_window_of_samples_is_kept(client: TestClient) -> None:
    desk = new_desk(client)
    engine = client.app.state.console.risk
    client.post(f"/api/test/accounts/{desk['account_id']}/equity-samples",
                json={"equity_usd": [1_000_000 + i for i in range(VAR_WINDOW + 20)]})
    client.portal.call(engine._prune)
    count = client.app.state.console.db.one("SELECT COUNT(*) AS n FROM equity_samples WHERE account_id = ?",
                                            (desk["account_id"],))["n"]
    assert count == VAR_WINDOW
    assert engine.stats(desk["account_id"]).returns == VAR_WINDOW - 1


@pytest.mark.parametrize(("body", "status"), [({"equity_usd": []}, 422), ({"equity_usd": [0]}, 422),
                                              ({"equity_usd": [-5]}, 422), ({"equity_usd": [1], "interval_s": 0}, 422)])
def test_recording_equity_refuses_bad_values(client: TestClient, body: dict[str, Any], status: int) -> None:
    desk = new_desk(client)
    assert client.post(f"/api/test/accounts/{desk['account_id']}/equity-samples", json=body).status_code == status


def test_recording_equity_for_an_unknown_account_is_404(client: TestClient) -> None:
    assert client.post("/api/test/accounts/99999/equity-samples", json={"equity_usd": [1]}).status_code == 404


# Limits --------------------------------------------------------------------------------------------------------

def test_the_seeds_limits_are_saved_and_the_next_order_is_checked_against_them(client: TestClient) -> None:
    desk = new_desk(client)
    saved = sign_in(client, desk["risk_manager"]).put("/api/risk/limits", json={"max_position_size": "50,000",
                                                                                 "daily_loss_limit": "$2,000"})
    assert saved.status_code == 200
    assert saved.json()["limits"] == {"max_position_size": 50_000, "daily_loss_limit": 2_000,
                                      "starting_cash": 1_000_000}
    assert client.get("/api/risk").json()["limits"]["max_position_size"] == 50_000
    alerts = client.get("/api/risk").json()["alerts"]
    assert alerts[0]["kind"] == "limits" and "Max Position Size 50,000, Daily Loss Limit $2,000" in alerts[0]["message"]
    sign_in(client, desk["trader"])
    above = client.post("/api/orders", json=ticket(quantity=60_000))
    assert above.status_code == 422 and above.json()["detail"] == "Order exceeds max position size 50,000"
    assert place(client, quantity=40_000)["status"] == "filled"


BAD_LIMITS = [
    ({"max_position_size": "0"}, "Max Position Size must be greater than 0 units"),
    ({"max_position_size": "-5,000"}, "Max Position Size must be greater than 0 units"),
    ({"max_position_size": "12,500.5"}, "Max Position Size must be a whole number of units"),
    ({"max_position_size": "fifty thousand"}, "Max Position Size must be a number"),
    ({"max_position_size": "10,000,001"}, "Max Position Size must not exceed 10,000,000 units"),
    ({"max_position_size": ""}, "Max Position Size is required"),
    ({"max_position_size": None}, "Max Position Size is required"),
    ({"max_position_size": "1e309"}, "Max Position Size must be a number"),
    ({"daily_loss_limit": "$0"}, "Daily Loss Limit must be greater than $0"),
    ({"daily_loss_limit": "-$2,000"}, "Daily Loss Limit must be greater than $0"),
    ({"daily_loss_limit": "$1,500,000"}, "Daily Loss Limit must not exceed the account's starting cash of $1,000,000"),
    ({"daily_loss_limit": "$12.345"}, "Daily Loss Limit must be in whole cents"),
    ({"daily_loss_limit": "NaN"}, "Daily Loss Limit must be a number"),
    ({"daily_loss_limit": "   "}, "Daily Loss Limit is required"),
]


@pytest.mark.parametrize(("change", "reason"), BAD_LIMITS, ids=[reason for _, reason in BAD_LIMITS])
def test_a_bad_limit_is_refused_with_the_reason_and_nothing_is_saved(client: TestClient, change: dict[str, Any],
                                                                      reason: str) -> None:
    desk = new_desk(client)
    body = {"max_position_size": "50,000", "daily_loss_limit": "$2,000", **change}
    refused = sign_in(client, desk["risk_manager"]).put("/api/risk/limits", json=body)
    assert refused.status_code == 422
    assert refused.json()["detail"] == f"The limits were not saved: {reason}"
    [error] = refused.json()["errors"]
    assert f"{error['label']} {error['reason']}" == reason
    assert client.get("/api/risk").json()["limits"]["max_position_size"] == 100_000  # not even the good one
    assert client.get("/api/risk").json()["alerts"] == []


def test_every_broken_rule_is_reported_at_once_in_field_order(client: TestClient) -> None:
    desk = new_desk(client)
    refused = sign_in(client, desk["risk_manager"]).put("/api/risk/limits", json={"max_position_size": "x",
                                                                                   "daily_loss_limit": "$0"})
    assert [e["field"] for e in refused.json()["errors"]] == ["max_position_size", "daily_loss_limit"]


def test_a_malformed_body_is_a_422_naming_the_field(client: TestClient) -> None:
    desk = new_desk(client)
    refused = sign_in(client, desk["risk_manager"]).put("/api/risk/limits", json={"max_position_size": [1]})
    assert refused.status_code == 422 and "max_position_size" in refused.text


# The Emergency Stop --------------------------------------------------------------------------------------------

def test_the_emergency_stop_halts_cancels_stops_keeps_positions_and_says_who(client: TestClient) -> None:
    desk = new_desk(client)
    sign_in(client, desk["trader"])
    place(client)  # a position: long 10,000
    working = place(client, ("working",), type="LIMIT", price=1.00000)
    strategy = run_strategy(client)
    stopped = client.post("/api/risk/emergency-stop")
    assert stopped.status_code == 200
    body = stopped.json()
    assert (body["cancelled_orders"], body["stopped_strategies"]) == (1, 1)
    name = desk["trader"]["display_name"]
    assert body["halt"]["halted"] is True and body["halt"]["by"] == name
    assert body["halt"]["message"].startswith(f"Emergency Stop by {name} at ")
    cancelled = client.get(f"/api/orders/{working['id']}").json()
    assert (cancelled["status"], cancelled["reason"]) == ("cancelled", f"cancelled by the Emergency Stop of {name}")
    after = client.get(f"/api/strategies/{strategy['id']}").json()
    assert (after["status"], after["stop_reason"]) == ("Stopped", f"Stopped by the Emergency Stop of {name}")
    book = client.get("/api/positions").json()
    assert book["trading_halted"] is True and book["positions"][0]["quantity"] == 10_000
    alert = client.get("/api/risk").json()["alerts"][0]
    assert alert["kind"] == "emergency_stop" and alert["message"].startswith(f"Emergency Stop by {name} at ")
    assert "1 open order cancelled, 1 strategy stopped, positions kept" in alert["message"]


def test_while_halted_no_order_is_created_and_no_strategy_deployed(client: TestClient) -> None:
    desk = new_desk(client)
    sign_in(client, desk["trader"])
    saved = client.post("/api/strategies", json={"name": "Cable Momentum", "type": "Momentum",
                                                 "instruments": ["GBPUSD"], "timeframe": "4H", "risk_limit": 500,
                                                 "max_position_size": 5_000})
    client.post("/api/risk/emergency-stop")
    refused = client.post("/api/orders", json=ticket())
    assert refused.status_code == 409 and "trading halted" in refused.json()["detail"]
    assert client.get("/api/orders").json()["orders"] == []
    deploy = client.post(f"/api/strategies/{saved.json()['id']}/deploy")
    assert deploy.status_code == 409 and "trading halted" in deploy.json()["detail"]


def test_an_order_in_flight_when_the_halt_comes_is_cancelled(start_console: Callable[..., TestClient]) -> None:
    client = start(start_console, order_step_delay_s=0.5)
    set_price(client, "EURUSD", 1.08500, 1.08510)
    sign_in(client, new_desk(client)["trader"])
    in_flight = client.post("/api/orders", json=ticket()).json()
    assert client.post("/api/risk/emergency-stop").json()["cancelled_orders"] == 1
    assert client.get(f"/api/orders/{in_flight['id']}").json()["status"] == "cancelled"


def test_a_second_emergency_stop_is_a_conflict(client: TestClient) -> None:
    sign_in(client, new_desk(client)["trader"])
    client.post("/api/risk/emergency-stop")
    again = client.post("/api/risk/emergency-stop")
    assert again.status_code == 409 and again.json()["detail"].startswith("Trading is already halted: Emergency Stop")


def test_the_halt_is_pushed_to_every_session_of_the_account_only(client: TestClient) -> None:
    desk, other = new_desk(client), new_desk(client)
    sign_in(client, other["trader"])
    with client.websocket_connect("/ws") as elsewhere:
        elsewhere.send_json({"subscribe": ["halt"]})
        assert elsewhere.receive_json()["topic"] == "subscribed"
        sign_in(client, desk["viewer"])
        with client.websocket_connect("/ws") as watching:
            watching.send_json({"subscribe": ["halt"]})
            assert watching.receive_json()["topic"] == "subscribed"
            sign_in(client, desk["risk_manager"]).post("/api/risk/emergency-stop")
            event = watching.receive_json()
            assert event["topic"] == "halt" and event["data"]["halted"] is True
            assert event["data"]["by"] == desk["risk_manager"]["display_name"]
            sign_in(client, other["risk_manager"]).post("/api/risk/emergency-stop")  # the other desk's own halt
            event = elsewhere.receive_json()  # the first event the other desk's session sees is its own halt
            assert event["data"]["by"] == other["risk_manager"]["display_name"]


def test_a_risk_manager_resumes_and_nothing_comes_back(client: TestClient) -> None:
    desk = new_desk(client)
    sign_in(client, desk["trader"])
    working = place(client, ("working",), type="LIMIT", price=1.00000)
    strategy = run_strategy(client)
    client.post("/api/risk/emergency-stop")
    assert client.post("/api/risk/resume").status_code == 403
    resumed = sign_in(client, desk["risk_manager"]).post("/api/risk/resume")
    assert resumed.status_code == 200 and resumed.json()["halt"]["halted"] is False
    assert client.get(f"/api/orders/{working['id']}").json()["status"] == "cancelled"
    assert client.get(f"/api/strategies/{strategy['id']}").json()["status"] == "Stopped"
    assert client.get("/api/risk").json()["alerts"][0]["message"].startswith(
        f"Trading resumed by {desk['risk_manager']['display_name']}")
    assert place(client)["status"] == "filled"  # trading again


def test_resuming_trading_that_is_not_halted_is_a_conflict(client: TestClient) -> None:
    sign_in(client, new_desk(client)["risk_manager"])
    refused = client.post("/api/risk/resume")
    assert refused.status_code == 409 and "not halted" in refused.json()["detail"]


def test_the_halt_and_its_author_survive_a_restart(start_console: Callable[..., TestClient]) -> None:
    first = start(start_console)
    desk = new_desk(first)
    sign_in(first, desk["trader"]).post("/api/risk/emergency-stop")
    cookies = dict(first.cookies)
    first.__exit__(None, None, None)

    second = start(start_console)
    second.cookies.update(cookies)
    state = second.get("/api/risk/halt").json()
    assert state["halted"] is True and state["by"] == desk["trader"]["display_name"]
    assert second.post("/api/orders", json=ticket()).status_code == 409


def test_every_section_page_renders_the_halt_banner_from_the_server_state(client: TestClient) -> None:
    desk = new_desk(client)
    sign_in(client, desk["viewer"])
    for path in ("/status", "/strategies", "/trading", "/risk", "/portfolio", "/market-data"):
        page = client.get(path).text
        assert 'data-testid="trading-halted-banner"' in page and 'data-halted="false"' in page, path
    sign_in(client, desk["trader"]).post("/api/risk/emergency-stop")
    sign_in(client, desk["viewer"])
    for path in ("/status", "/strategies", "/trading", "/risk", "/portfolio", "/market-data"):
        page = client.get(path).text
        assert 'data-halted="true"' in page and "Emergency Stop by" in page, path


def test_a_name_in_the_halt_banner_is_escaped(client: TestClient) -> None:
    desk = new_desk(client)
    client.post("/api/test/users/rename", json={"email": desk["trader"]["email"], "display_name": "<b>Bold</b>"})
    sign_in(client, desk["trader"]).post("/api/risk/emergency-stop")
    assert "Emergency Stop by &lt;b&gt;Bold&lt;/b&gt;" in client.get("/status").text


# The daily loss limit ------------------------------------------------------------------------------------------

def test_a_loss_beyond_the_daily_loss_limit_halts_trading_with_an_alert(client: TestClient) -> None:
    desk = new_desk(client, daily_loss_limit=2_000)
    sign_in(client, desk["trader"])
    place(client, quantity=50_000)  # long 50,000 at 1.08510
    working = place(client, ("working",), type="LIMIT", price=1.00000)
    set_price(client, "EURUSD", 1.04400, 1.04410)  # 50,000 × (1.04400 − 1.08510) = −$2,055
    on_loop(client, lambda: halted(client, desk["account_id"]))
    state = client.get("/api/risk/halt").json()
    assert state["kind"] == "daily_loss_limit" and state["message"].startswith("Daily loss limit of $2,000 reached")
    assert "(daily P&L -$2,055" in state["message"]
    assert client.get(f"/api/orders/{working['id']}").json()["status"] == "cancelled"
    alert = client.get("/api/risk").json()["alerts"][0]
    assert alert["kind"] == "daily_loss_limit" and "Trading halted" in alert["message"]


def test_a_loss_within_the_limit_does_not_halt(client: TestClient) -> None:
    desk = new_desk(client, daily_loss_limit=2_000)
    sign_in(client, desk["trader"])
    place(client, quantity=50_000)
    set_price(client, "EURUSD", 1.04600, 1.04610)  # −$1,955
    db = client.app.state.console.db
    first = db.one("SELECT COUNT(*) AS n FROM equity_samples WHERE account_id = ?", (desk["account_id"],))["n"]
    on_loop(client, lambda: db.one("SELECT COUNT(*) AS n FROM equity_samples WHERE account_id = ?",
                                   (desk["account_id"],))["n"] >= first + 3)  # three rounds of the watch at that price
    assert not halted(client, desk["account_id"])
    assert math.isclose(client.get("/api/risk").json()["metrics"]["daily_pnl_usd"], -1_955, abs_tol=0.01)
