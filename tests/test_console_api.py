"""The reference console's API: sessions, the status payload, test control only in test mode, named faults."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from reference_app.faults import CATALOGUE, FAULTS
from reference_app.settings import Settings, parse_settings
from tests.conftest import SEED_CREDENTIALS

PROTECTED_APIS = ["/api/status", "/api/me"]
PAGES = ["/status", "/strategies", "/trading", "/risk", "/portfolio", "/market-data"]


@pytest.mark.parametrize("path", PROTECTED_APIS)
def test_api_answers_401_without_a_session(api: TestClient, path: str) -> None:
    response = api.get(path)
    assert response.status_code == 401
    assert "sign in" in response.json()["detail"].lower()


@pytest.mark.parametrize("path", PAGES)
def test_pages_send_an_anonymous_visitor_to_login(api: TestClient, path: str) -> None:
    response = api.get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"/login?next={path}"


def test_seed_user_signs_in_with_an_http_only_cookie(api: TestClient) -> None:
    response = api.post("/api/auth/login", json=SEED_CREDENTIALS)
    assert response.status_code == 200
    assert response.json()["user"]["email"] == SEED_CREDENTIALS["email"]
    cookie = response.headers["set-cookie"]
    assert "console_session=" in cookie and "HttpOnly" in cookie and "Path=/" in cookie
    assert api.get("/api/me").json()["user"]["role"] == "risk_manager"


@pytest.mark.parametrize(
    ("email", "password"),
    [(SEED_CREDENTIALS["email"], "wrong-password"), ("nobody@example.com", SEED_CREDENTIALS["password"])],
)
def test_wrong_credentials_are_refused(api: TestClient, email: str, password: str) -> None:
    response = api.post("/api/auth/login", json={"email": email, "password": password})
    assert response.status_code == 401
    assert response.json()["detail"] == "Invalid email or password"
    assert "set-cookie" not in response.headers


def test_sign_out_ends_the_session_on_the_server(api: TestClient) -> None:
    api.post("/api/auth/login", json=SEED_CREDENTIALS)
    token = api.cookies.get("console_session")
    api.post("/api/auth/logout")
    api.cookies.set("console_session", token)  # the old cookie, replayed
    assert api.get("/api/me").status_code == 401


def test_form_sign_in_redirects_to_the_page_asked_for_and_never_off_site(api: TestClient) -> None:
    response = api.post("/login", data={**SEED_CREDENTIALS, "next": "/risk"}, follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (303, "/risk")
    response = api.post("/login", data={**SEED_CREDENTIALS, "next": "//evil.example"}, follow_redirects=False)
    assert response.headers["location"] == "/status"


def test_status_payload_has_the_five_components_with_metrics(api: TestClient) -> None:
    api.post("/api/auth/login", json=SEED_CREDENTIALS)
    status = api.get("/api/status").json()
    names = [c["name"] for c in status["components"]]
    assert names == ["Nautilus Integration", "Risk Management", "Portfolio Sync", "Market Data", "Database"]
    database = status["components"][-1]
    assert database["state"] == "Connected" and database["latency_ms"] >= 0
    assert isinstance(status["seq"], int) and status["generated_at"] > 0


def test_status_is_pushed_over_the_websocket(api: TestClient) -> None:
    api.post("/api/auth/login", json=SEED_CREDENTIALS)
    with api.websocket_connect("/ws") as socket:
        socket.send_json({"subscribe": ["status"]})
        assert socket.receive_json() == {"topic": "subscribed", "data": ["status"]}
        first, second = socket.receive_json(), socket.receive_json()
    assert first["topic"] == second["topic"] == "status"
    assert second["data"]["seq"] > first["data"]["seq"]


def test_websocket_refuses_a_visitor_without_a_session(api: TestClient) -> None:
    from starlette.websockets import WebSocketDisconnect

    with api.websocket_connect("/ws") as socket, pytest.raises(WebSocketDisconnect) as refused:
        socket.receive_json()
    assert refused.value.code == 4401


def test_test_control_is_unreachable_without_test_mode(api: TestClient) -> None:
    assert api.get("/api/test/health").status_code == 404
    assert api.post("/api/test/accounts", json={}).status_code == 404


def test_test_control_provisions_an_isolated_account(test_mode_api: TestClient) -> None:
    user = {"email": "ana.trader@example.org", "password": "s3cret-pass!", "display_name": "Ana", "role": "trader"}
    created = test_mode_api.post("/api/test/accounts", json={"name": "Desk A", "users": [user]})
    assert created.status_code == 201
    assert "password" not in created.json()["users"][0]
    signed_in = test_mode_api.post("/api/auth/login", json={"email": user["email"], "password": user["password"]})
    assert signed_in.json()["user"]["account_id"] == created.json()["account_id"] != 1
    again = test_mode_api.post("/api/test/accounts", json={"name": "Desk B", "users": [user]})
    assert again.status_code == 409 and "already in use" in again.json()["detail"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": "", "users": []}, "name"),
        ({"name": "Desk", "users": []}, "users"),
        ({"name": "Desk", "users": [{"email": "x", "password": "long-enough", "display_name": "X", "role": "trader"}]},
         "email"),
        ({"name": "Desk",
          "users": [{"email": "a@b.c", "password": "long-enough", "display_name": "X", "role": "boss"}]},
         "role"),
    ],
)
def test_test_control_rejects_bad_accounts_with_the_field(test_mode_api: TestClient, body: dict, field: str) -> None:
    response = test_mode_api.post("/api/test/accounts", json=body)
    assert response.status_code == 422
    assert any(field in error["loc"] for error in response.json()["detail"])


def test_test_control_token_is_required_when_configured(start_console) -> None:
    client = start_console(test_mode=True, test_control_token="letmein")
    assert client.get("/api/test/health").status_code == 403
    assert client.get("/api/test/health", headers={"X-Test-Control-Token": "letmein"}).status_code == 200


def test_test_control_sets_and_freezes_a_price(test_mode_api: TestClient) -> None:
    quote = test_mode_api.post("/api/test/market/EURUSD/price", json={"bid": 1.1, "ask": 1.1002}).json()
    assert (quote["instrument"], quote["bid"], quote["ask"]) == ("EURUSD", 1.1, 1.1002)
    assert test_mode_api.post("/api/test/market/XXXYYY/price", json={"bid": 1, "ask": 2}).status_code == 404
    crossed = test_mode_api.post("/api/test/market/EURUSD/price", json={"bid": 1.2, "ask": 1.1})
    assert crossed.status_code == 422 and "ask" in crossed.json()["detail"]


def test_faults_need_test_mode_and_known_names(tmp_path) -> None:
    with pytest.raises(ValueError, match="test-mode"):
        Settings(db_path=tmp_path / "x.db", faults=frozenset({"status_frozen"}))
    with pytest.raises(ValueError, match="unknown fault"):
        Settings(db_path=tmp_path / "x.db", test_mode=True, faults=frozenset({"no_such_fault"}))


def test_command_line_reads_port_database_mode_and_faults() -> None:
    settings = parse_settings(["--port", "3100", "--db", "x.db", "--test-mode", "--fault", "status_frozen"])
    assert (settings.port, str(settings.db_path), settings.test_mode) == (3100, "x.db", True)
    assert settings.faults == {"status_frozen"}


def test_every_fault_is_documented_and_names_the_scenarios_that_catch_it() -> None:
    assert len(FAULTS) == len(CATALOGUE), "fault names must be unique"
    for fault in CATALOGUE:
        # A blind fault is written without knowledge of the specs, so it names no scenario.
        assert fault.defect and (fault.caught_by or fault.blind), fault.name
