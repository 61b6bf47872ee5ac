"""The strategies API: every rule with its reason, nothing saved on rejection, account scoping, roles, deployment to
the simulation with live metrics, stopping (by hand, by the risk limit, by stop_all), and resuming after a restart."""
from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from reference_app.app import create_app
from reference_app.settings import Settings
from reference_app.simulation import AVERAGE_TICKS
from reference_app.strategies import stop_all
from tests.conftest import SEED_CREDENTIALS

SEED_STRATEGY = {"name": "UI Test Strategy", "type": "Mean Reversion", "instruments": ["EURUSD", "GBPUSD"],
                 "timeframe": "1H", "risk_limit": 1000, "max_position_size": 10000}
# Trades EURUSD only, on a five-tick average, so that frozen prices drive it exactly.
EURUSD_REVERSION = {**SEED_STRATEGY, "name": "Euro Reversion", "instruments": ["EURUSD"], "timeframe": "1M"}
CALM, LOW = (1.08500, 1.08510), (1.08400, 1.08410)  # bid, ask of EURUSD; LOW is far below the average of CALM
FAST_FEED = {"test_mode": True, "tick_interval_s": 0.05}


def signed_in(client: TestClient, credentials: dict[str, str] = SEED_CREDENTIALS) -> TestClient:
    assert client.post("/api/auth/login", json=credentials).status_code == 200
    return client


def new_account(client: TestClient, tag: str, role: str = "trader", **limits: float) -> dict[str, str]:
    user = {"email": f"{tag}.{role}@example.org", "password": "long-enough-pass", "display_name": f"{tag} {role}",
            "role": role}
    assert client.post("/api/test/accounts", json={"name": f"Desk {tag}", "users": [user], **limits}).status_code == 201
    return {"email": user["email"], "password": user["password"]}


@pytest.fixture
def desk(api: TestClient) -> TestClient:
    return signed_in(api)


@pytest.fixture
def start_fast(tmp_path: Path) -> Iterator[Callable[[], TestClient]]:
    """Start (and start again, on the same database) a console in test mode whose feed ticks every 50 ms, with
    EURUSD's own ticking paused: the test sends every EURUSD tick itself."""
    clients: list[TestClient] = []

    def start() -> TestClient:
        for running in clients:
            running.__exit__(None, None, None)
        clients.clear()
        client = TestClient(create_app(Settings(db_path=tmp_path / "console.db", **FAST_FEED)))
        client.__enter__()
        clients.append(client)
        assert client.post("/api/test/market/pause", json={"instrument": "EURUSD"}).status_code == 200
        return signed_in(client)

    yield start
    for client in clients:
        client.__exit__(None, None, None)


@contextmanager
def events(client: TestClient) -> Iterator[Callable[[Callable[[dict], bool]], dict]]:
    """The account's pushed events; `wait(predicate)` reads until one matches (ticks keep the stream flowing)."""
    with client.websocket_connect("/ws") as socket:
        socket.send_json({"subscribe": ["strategy", "tick"]})
        assert socket.receive_json()["topic"] == "subscribed"

        def wait(predicate: Callable[[dict], bool], limit: int = 4000) -> dict:
            for _ in range(limit):
                event = socket.receive_json()
                if predicate(event):
                    return event["data"]
            raise AssertionError("no matching event arrived")

        yield wait


def post_raw(client: TestClient, path: str, body: dict[str, Any]):  # -> httpx.Response
    """POST JSON as Python writes it, NaN included (which a careless client may send, and httpx refuses to)."""
    return client.post(path, content=json.dumps(body), headers={"Content-Type": "application/json"})


def strategy_event(**expected: Any) -> Callable[[dict], bool]:
    def matches(event: dict) -> bool:
        data = event["data"]
        return event["topic"] == "strategy" and all(
            data.get(key, data["metrics"].get(key)) == value for key, value in expected.items())
    return matches


def tick(client: TestClient, at: tuple[float, float], times: int = 1) -> None:
    """Publish EURUSD ticks at exactly this price (its own ticking is paused, so these are the only ones)."""
    for _ in range(times):
        assert client.post("/api/test/market/EURUSD/price", json={"bid": at[0], "ask": at[1]}).status_code == 200


def warm_up(client: TestClient, timeframe: str) -> None:
    tick(client, CALM, AVERAGE_TICKS[timeframe] + 1)


@pytest.mark.parametrize("method, path", [("GET", "/api/strategies"), ("POST", "/api/strategies/validate"),
                                          ("POST", "/api/strategies"), ("GET", "/api/strategies/1"),
                                          ("POST", "/api/strategies/1/deploy"), ("POST", "/api/strategies/1/stop")])
def test_every_route_needs_a_session(api: TestClient, method: str, path: str) -> None:
    response = api.request(method, path, json=SEED_STRATEGY)
    assert response.status_code == 401 and "sign in" in response.json()["detail"].lower()


def test_the_list_offers_the_choices_and_the_account_limits(desk: TestClient) -> None:
    body = desk.get("/api/strategies").json()
    assert body["strategies"] == []
    assert body["choices"]["types"] == ["Mean Reversion", "Momentum", "Arbitrage"]
    assert body["choices"]["timeframes"] == ["1M", "5M", "15M", "1H", "4H", "1D"]
    assert body["choices"]["instruments"][:4] == ["EURUSD", "GBPUSD", "USDJPY", "AUDUSD"]
    assert body["limits"] == {"daily_loss_limit": 5000, "max_position_size": 100000}


def test_the_seed_strategy_passes_every_rule(desk: TestClient) -> None:
    body = desk.post("/api/strategies/validate", json=SEED_STRATEGY).json()
    assert body["valid"] and len(body["rules"]) == 11
    assert {rule["label"] for rule in body["rules"]} == {"Strategy name", "Strategy type", "Instruments", "Timeframe",
                                                         "Risk limit", "Max position size"}
    assert desk.get("/api/strategies").json()["strategies"] == [], "validating saves nothing"


BAD_STRATEGIES = [
    ({"name": "UI"}, "Strategy name: must be 3 to 64 characters long"),
    ({"name": "x" * 65}, "Strategy name: must be 3 to 64 characters long"),
    ({"name": "  ab  "}, "Strategy name: must be 3 to 64 characters long"),
    ({"name": " existing strategy "}, "Strategy name: is already used by another strategy of this account"),
    ({"type": "Scalping"}, "Strategy type: must be one of Mean Reversion, Momentum, Arbitrage"),
    ({"instruments": []}, "Instruments: must include at least one instrument"),
    ({"instruments": ["EURUSD", "XAUUSD"]}, "Instruments: not traded on this console: XAUUSD"),
    ({"timeframe": "2H"}, "Timeframe: must be one of 1M, 5M, 15M, 1H, 4H, 1D"),
    ({"risk_limit": 0}, "Risk limit: must be greater than $0"),
    ({"risk_limit": -100}, "Risk limit: must be greater than $0"),
    ({"risk_limit": None}, "Risk limit: must be greater than $0"),
    ({"risk_limit": math.nan}, "Risk limit: must be greater than $0"),
    ({"risk_limit": 5000.01}, "Risk limit: must not exceed the account's daily loss limit of $5,000"),
    ({"max_position_size": 0}, "Max position size: must be greater than 0 units"),
    ({"max_position_size": 10.5}, "Max position size: must be a whole number of units"),
    ({"max_position_size": 100001},
     "Max position size: must not exceed the account's max position size of 100,000 units"),
]


@pytest.mark.parametrize("change, message", BAD_STRATEGIES, ids=[m for _, m in BAD_STRATEGIES])
def test_a_strategy_that_breaks_a_rule_is_refused_with_the_reason_and_nothing_is_saved(
        desk: TestClient, change: dict[str, Any], message: str) -> None:
    assert desk.post("/api/strategies", json={**SEED_STRATEGY, "name": "Existing Strategy"}).status_code == 201
    draft = {**SEED_STRATEGY, **change}
    validated = post_raw(desk, "/api/strategies/validate", draft).json()
    failed = [f"{r['label']}: {r['reason']}" for r in validated["rules"] if not r["passed"]]
    assert not validated["valid"] and failed == [message]
    response = post_raw(desk, "/api/strategies", draft)
    assert response.status_code == 422
    assert response.json()["detail"] == f"The strategy was not saved: {message}"
    assert [s["name"] for s in desk.get("/api/strategies").json()["strategies"]] == ["Existing Strategy"]


def test_every_failed_rule_is_reported_at_once(desk: TestClient) -> None:
    body = desk.post("/api/strategies/validate", json={"name": "", "risk_limit": 9000}).json()
    failed = {r["rule"] for r in body["rules"] if not r["passed"]}
    assert failed == {"name_length", "type_known", "instruments_chosen", "timeframe_known",
                      "risk_limit_within_daily_loss_limit", "max_position_size_positive"}


def test_a_value_of_the_wrong_type_is_refused_with_the_field(desk: TestClient) -> None:
    response = desk.post("/api/strategies", json={**SEED_STRATEGY, "risk_limit": "a thousand"})
    assert response.status_code == 422
    assert any("risk_limit" in error["loc"] for error in response.json()["detail"])


def test_the_limits_are_those_of_the_users_own_account(test_mode_api: TestClient) -> None:
    signed_in(test_mode_api, new_account(test_mode_api, "cautious", daily_loss_limit=2000, max_position_size=50000))
    body = test_mode_api.post("/api/strategies/validate", json={**SEED_STRATEGY, "risk_limit": 2500,
                                                                 "max_position_size": 60000}).json()
    assert [r["reason"] for r in body["rules"] if not r["passed"]] == [
        "must not exceed the account's daily loss limit of $2,000",
        "must not exceed the account's max position size of 50,000 units",
    ]


def test_a_saved_strategy_is_kept_as_typed_and_seen_only_by_its_account(test_mode_api: TestClient) -> None:
    signed_in(test_mode_api)
    markup = {**SEED_STRATEGY, "name": "  <b>Cable</b> Breakout  ", "instruments": ["GBPUSD", "EURUSD", "GBPUSD"]}
    saved = test_mode_api.post("/api/strategies", json=markup).json()
    assert (saved["name"], saved["instruments"], saved["status"]) == ("<b>Cable</b> Breakout", ["EURUSD", "GBPUSD"],
                                                                      "Saved")
    assert test_mode_api.get(f"/api/strategies/{saved['id']}").json()["name"] == "<b>Cable</b> Breakout"
    signed_in(test_mode_api, new_account(test_mode_api, "other"))
    assert test_mode_api.get("/api/strategies").json()["strategies"] == []
    for method, path in [("GET", ""), ("POST", "/deploy"), ("POST", "/stop")]:
        assert test_mode_api.request(method, f"/api/strategies/{saved['id']}{path}").status_code == 404
    assert test_mode_api.post("/api/strategies", json=markup).status_code == 201, "names are unique per account only"


def test_a_viewer_may_look_and_validate_but_not_change(test_mode_api: TestClient) -> None:
    signed_in(test_mode_api, new_account(test_mode_api, "watcher", role="viewer"))
    assert test_mode_api.get("/api/strategies").json()["can_change"] is False
    assert test_mode_api.post("/api/strategies/validate", json=SEED_STRATEGY).json()["valid"]
    refused = test_mode_api.post("/api/strategies", json=SEED_STRATEGY)
    assert refused.status_code == 403 and "viewer" in refused.json()["detail"]
    assert test_mode_api.get("/api/strategies").json()["strategies"] == []


def test_deploy_and_stop_answer_conflicts_and_unknown_strategies(desk: TestClient) -> None:
    assert desk.post("/api/strategies/999/deploy").status_code == 404
    saved = desk.post("/api/strategies", json=SEED_STRATEGY).json()
    stop = desk.post(f"/api/strategies/{saved['id']}/stop")
    assert stop.status_code == 409 and "not running" in stop.json()["detail"]
    deployed = desk.post(f"/api/strategies/{saved['id']}/deploy")
    assert deployed.status_code == 202 and deployed.json()["status"] == "Deploying"
    again = desk.post(f"/api/strategies/{saved['id']}/deploy")
    assert again.status_code == 409 and "already" in again.json()["detail"]


def test_a_strategy_that_no_longer_fits_the_account_limits_cannot_be_deployed(desk: TestClient) -> None:
    saved = desk.post("/api/strategies", json=SEED_STRATEGY).json()
    console = desk.app.state.console
    desk.portal.call(console.db.execute, "UPDATE accounts SET daily_loss_limit = 500 WHERE id = 1")
    response = desk.post(f"/api/strategies/{saved['id']}/deploy")
    assert response.status_code == 422
    assert response.json()["detail"] == ("The strategy was not deployed: Risk limit: must not exceed the account's "
                                         "daily loss limit of $500")
    assert desk.get(f"/api/strategies/{saved['id']}").json()["status"] == "Saved"


def test_a_deployed_strategy_trades_on_the_feed_and_its_metrics_are_pushed(start_fast) -> None:
    client = start_fast()
    saved = client.post("/api/strategies", json=EURUSD_REVERSION).json()
    with events(client) as wait:
        assert client.post(f"/api/strategies/{saved['id']}/deploy").json()["status"] == "Deploying"
        warm_up(client, "1M")  # Deploying lasts until the rule has seen enough ticks to decide
        wait(strategy_event(status="Running"))
        tick(client, LOW)
        bought = wait(strategy_event(trades=1))
        assert bought["metrics"]["pnl_usd"] == -0.5  # bought at the ask, marked at the mid
        tick(client, CALM)
        sold = wait(strategy_event(trades=2))
    assert sold["metrics"] == {"pnl_usd": 9.0, "trades": 2, "closed_trades": 1, "win_rate": 1.0}
    listed = client.get("/api/strategies").json()["strategies"][0]
    assert (listed["status"], listed["metrics"]["trades"]) == ("Running", 2)


def test_stopping_closes_the_positions_and_records_who_stopped_it(start_fast) -> None:
    client = start_fast()
    saved = client.post("/api/strategies", json=EURUSD_REVERSION).json()
    with events(client) as wait:
        client.post(f"/api/strategies/{saved['id']}/deploy")
        warm_up(client, "1M")
        tick(client, LOW)
        wait(strategy_event(trades=1))
        stopped = client.post(f"/api/strategies/{saved['id']}/stop").json()
        pushed = wait(strategy_event(status="Stopped"))
    assert (stopped["status"], stopped["stop_reason"]) == ("Stopped", "Stopped by Test User")
    assert stopped["metrics"]["trades"] == 2 and pushed["metrics"] == stopped["metrics"]
    assert stopped["metrics"]["pnl_usd"] == -1.0  # bought at 1.08410, closed at the bid of 1.08400
    assert client.get(f"/api/strategies/{saved['id']}").json()["metrics"] == stopped["metrics"]
    assert client.post(f"/api/strategies/{saved['id']}/deploy").status_code == 202, "a stopped strategy redeploys"


def test_a_strategy_that_loses_its_risk_limit_is_stopped(start_fast) -> None:
    client = start_fast()
    saved = client.post("/api/strategies", json={**EURUSD_REVERSION, "risk_limit": 50}).json()
    with events(client) as wait:
        client.post(f"/api/strategies/{saved['id']}/deploy")
        warm_up(client, "1M")
        tick(client, LOW)
        wait(strategy_event(trades=1))
        tick(client, (1.07000, 1.07010))  # 10,000 units bought at 1.08410: about $140 down
        stopped = wait(strategy_event(status="Stopped"))
    assert stopped["stop_reason"] == "Risk limit of $50 reached"
    assert stopped["metrics"]["pnl_usd"] == -141.0


def test_a_running_strategy_resumes_with_its_positions_after_a_restart(start_fast) -> None:
    client = start_fast()
    # A long average: after the restart, the feed's first EURUSD ticks (before the test pauses it again) cannot
    # make the strategy trade.
    saved = client.post("/api/strategies", json={**EURUSD_REVERSION, "timeframe": "1D"}).json()
    with events(client) as wait:
        client.post(f"/api/strategies/{saved['id']}/deploy")
        warm_up(client, "1D")
        tick(client, LOW)
        wait(strategy_event(trades=1))
    client = start_fast()  # the same database: a restart
    listed = client.get(f"/api/strategies/{saved['id']}").json()
    assert (listed["status"], listed["metrics"]["trades"]) == ("Running", 1)
    with events(client) as wait:
        # Enough calm ticks to fill the whole average (whatever the feed sent before the pause): the average
        # becomes the calm mid, above the price bought at, so the rule closes the position bought before.
        tick(client, CALM, 2 * (AVERAGE_TICKS["1D"] + 1))
        sold = wait(strategy_event(trades=2))
    assert sold["metrics"]["pnl_usd"] == 9.0


def test_stop_all_stops_every_running_strategy_of_one_account_with_the_reason(test_mode_api: TestClient) -> None:
    signed_in(test_mode_api)
    ids = [test_mode_api.post("/api/strategies", json={**SEED_STRATEGY, "name": name}).json()["id"]
           for name in ("First", "Second", "Kept saved")]
    for strategy_id in ids[:2]:
        test_mode_api.post(f"/api/strategies/{strategy_id}/deploy")
    signed_in(test_mode_api, new_account(test_mode_api, "neighbour"))
    neighbour = test_mode_api.post("/api/strategies", json=SEED_STRATEGY).json()["id"]
    test_mode_api.post(f"/api/strategies/{neighbour}/deploy")
    console = test_mode_api.app.state.console
    stopped = test_mode_api.portal.call(stop_all, console, 1, "Emergency Stop by Test User")
    assert [(s["id"], s["status"], s["stop_reason"]) for s in stopped] == [
        (ids[0], "Stopped", "Emergency Stop by Test User"), (ids[1], "Stopped", "Emergency Stop by Test User")]
    assert test_mode_api.get(f"/api/strategies/{neighbour}").json()["status"] in ("Deploying", "Running")
    signed_in(test_mode_api)
    statuses = {s["name"]: s["status"] for s in test_mode_api.get("/api/strategies").json()["strategies"]}
    assert statuses == {"First": "Stopped", "Second": "Stopped", "Kept saved": "Saved"}
