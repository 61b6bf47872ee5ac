"""Login throttling, session expiry and the cross-origin guard, at the API."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from reference_app import throttle as throttle_module
from reference_app.db import Database
from reference_app.throttle import LoginThrottle
from tests.conftest import SEED_CREDENTIALS

WRONG = {**SEED_CREDENTIALS, "password": "wrong-password"}


def test_ten_failures_lock_the_email_with_429_and_retry_after(api: TestClient) -> None:
    for _ in range(10):
        assert api.post("/api/auth/login", json=WRONG).status_code == 401
    locked = api.post("/api/auth/login", json=SEED_CREDENTIALS)  # even the right password, while locked
    assert locked.status_code == 429
    assert 0 < int(locked.headers["retry-after"]) <= 15 * 60
    assert locked.json()["detail"].startswith("Too many sign-in attempts for this account. Try again in")


def test_a_lockout_leaves_other_emails_alone(test_mode_api: TestClient) -> None:
    other = {"email": "other@example.org", "password": "other-password", "display_name": "O", "role": "trader"}
    test_mode_api.post("/api/test/accounts", json={"name": "Other desk", "users": [other]})
    for _ in range(10):
        test_mode_api.post("/api/auth/login", json=WRONG)
    assert test_mode_api.post("/api/auth/login", json=SEED_CREDENTIALS).status_code == 429
    other_credentials = {"email": other["email"], "password": other["password"]}
    assert test_mode_api.post("/api/auth/login", json=other_credentials).status_code == 200


def test_the_sign_in_form_answers_429_with_the_wait(api: TestClient) -> None:
    for _ in range(10):
        api.post("/login", data=WRONG)
    page = api.post("/login", data=WRONG)
    assert page.status_code == 429 and "Retry-After" in page.headers
    assert "Too many sign-in attempts for this account" in page.text and 'data-retry-after="' in page.text


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def time(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(throttle_module.time, "time", fake.time)
    return fake


def test_lockout_ends_after_its_duration_and_relocks_on_the_next_failure(tmp_path, clock: Clock) -> None:
    throttle = LoginThrottle(Database(tmp_path / "t.db"), limit=10, window_s=900, lockout_s=30)
    for _ in range(10):
        throttle.record_failure("a@b.c")
    assert throttle.retry_after_s("a@b.c") == 30
    clock.now += 29.5
    assert throttle.retry_after_s("a@b.c") == 1
    clock.now += 1
    assert throttle.retry_after_s("a@b.c") is None
    throttle.record_failure("a@b.c")
    assert throttle.retry_after_s("a@b.c") == 30
    throttle.forget("a@b.c")
    assert throttle.retry_after_s("a@b.c") is None


def test_failures_outside_the_window_do_not_count(tmp_path, clock: Clock) -> None:
    throttle = LoginThrottle(Database(tmp_path / "t.db"), limit=10, window_s=900, lockout_s=900)
    for _ in range(9):
        throttle.record_failure("a@b.c")
    clock.now += 901
    throttle.record_failure("a@b.c")
    assert throttle.retry_after_s("a@b.c") is None


def test_an_expired_session_is_refused(test_mode_api: TestClient) -> None:
    test_mode_api.post("/api/auth/login", json=SEED_CREDENTIALS)
    assert test_mode_api.get("/api/me").status_code == 200
    test_mode_api.post("/api/test/sessions/expire", json={"email": SEED_CREDENTIALS["email"]})
    assert test_mode_api.get("/api/me").status_code == 401
    redirect = test_mode_api.get("/status", follow_redirects=False)
    assert redirect.headers["location"] == "/login?next=/status&expired=1"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_state_changing_requests_from_another_origin_are_refused(api: TestClient, method: str) -> None:
    api.post("/api/auth/login", json=SEED_CREDENTIALS)
    answer = api.request(method.upper(), "/logout", headers={"Origin": "https://evil.example"})
    assert answer.status_code == 403
    assert answer.json()["detail"].startswith("Cross-origin request refused")
    assert api.get("/api/me").status_code == 200, "the refused request must not have signed the user out"


def test_same_origin_and_origin_less_requests_pass(api: TestClient) -> None:
    api.post("/api/auth/login", json=SEED_CREDENTIALS, headers={"Origin": "http://testserver"})
    assert api.get("/api/me").status_code == 200
    assert api.get("/api/status", headers={"Origin": "https://evil.example"}).status_code == 200  # reads pass


@pytest.mark.parametrize("body", [{"lockout_s": 0}, {"lockout_s": -5}, {"lockout_s": "soon"}, {}])
def test_lockout_setting_rejects_bad_values(test_mode_api: TestClient, body: dict) -> None:
    answer = test_mode_api.post("/api/test/login-lockout", json=body)
    assert answer.status_code == 422 and "lockout_s" in str(answer.json()["detail"])
