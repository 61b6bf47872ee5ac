"""The configured users are checked against the console before any scenario: agreement runs, disagreement stops."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from fixtures.console_server import ConsoleUnderTest
from fixtures.identities import check_configured_users, identity_mismatches
from fixtures.settings import Credentials, load_config_file

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = load_config_file(ROOT / "playwright.config.py")



def test_the_shipped_config_has_one_user_per_role_with_the_test_plans_user() -> None:
    assert set(SHIPPED.accounts) == {"trader", "risk_manager", "viewer"}
    assert SHIPPED.accounts["risk_manager"].email == "test@example.com"
    assert SHIPPED.accounts["risk_manager"].password == "TestPassword123!"


def test_the_bundled_consoles_seed_desk_is_the_shipped_config(console_without_test_mode: ConsoleUnderTest) -> None:
    reported, problems = check_configured_users(console_without_test_mode.base_url, SHIPPED.accounts)
    assert problems == []
    assert {role: user["role"] for role, user in reported.items()} == {role: role for role in SHIPPED.accounts}
    assert {user["account_id"] for user in reported.values()} == {1}


def test_every_disagreement_is_named() -> None:
    configured = {"trader": Credentials("a@example.com", "pw", "Ann Trader", account_id=1),
                  "viewer": Credentials("b@example.com", "pw", "Bo Viewer")}
    reported = {"trader": {"role": "risk_manager", "display_name": "Ann", "account_id": 2},
                "viewer": {"role": "viewer", "display_name": "Bo Viewer", "account_id": 3}}
    assert identity_mismatches(configured, reported) == [
        "accounts['trader'] = a@example.com: the config says role 'trader', the console says 'risk_manager'",
        "accounts['trader'] = a@example.com: the config says display name 'Ann Trader', the console says 'Ann'",
        "accounts['trader'] = a@example.com: the config says account 1, the console says 2",
        ("the configured users are on different trading accounts, but the scenarios act as one desk: "
         "trader on account 2, viewer on account 3"),
    ]


def test_a_user_who_cannot_sign_in_is_named(console_without_test_mode: ConsoleUnderTest) -> None:
    accounts = {"trader": Credentials("trader@example.com", "not-the-password", "Test Trader")}
    _, problems = check_configured_users(console_without_test_mode.base_url, accounts)
    assert problems == [("accounts['trader'] = trader@example.com: signing in answered 401: "
                         '{"detail":"Invalid email or password"}')]


@pytest.mark.parametrize("workers", [[], ["-n", "2"]], ids=["serial", "xdist"])
def test_a_config_that_disagrees_stops_the_run_before_any_scenario(
        console_without_test_mode: ConsoleUnderTest, tmp_path: Path, workers: list[str]) -> None:
    # The false alarm: the test plan's user configured as the trader, whom the console makes a risk manager.
    config = tmp_path / "disagreeing.config.py"
    config.write_text(
        "import runpy\nfrom dataclasses import replace\nfrom fixtures.settings import Credentials\n"
        f"shipped = runpy.run_path({str(ROOT / 'playwright.config.py')!r})['config']\n"
        "config = replace(shipped, accounts={**shipped.accounts, 'trader': Credentials("
        "'test@example.com', 'TestPassword123!', display_name='Test User')})\n")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "steps", "-p", "no:cacheprovider", "--browser", "chromium",
         "--base-url", console_without_test_mode.base_url, f"--suite-config={config}", "-m", "access_control",
         *workers], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == pytest.ExitCode.USAGE_ERROR, result.stdout[-3000:] + result.stderr[-2000:]
    assert ("accounts['trader'] = test@example.com: the config says role 'trader', the console says 'risk_manager'"
            in result.stdout)
    assert not re.search(r"\d+ (passed|failed|errors?)\b", result.stdout), result.stdout[-3000:]
