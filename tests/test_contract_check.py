"""The contract check finds every item on the bundled console, names an item a console lacks with what needs it, and
reaches the Allure environment through `pytest --check-contract`."""
from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fixtures.console_server import ConsoleUnderTest, start_console
from fixtures.settings import WebServer
from pages.contract import Sample
from tools.contract_check import (
    MISSING,
    NOT_OFFERED,
    PRESENT,
    SCREENS,
    UNCHECKED,
    ContractReport,
    Finding,
    _scenarios_by_tag,
)

ROOT = Path(__file__).resolve().parent.parent
FEATURE_MARKERS = {path.stem.replace("-", "_") for path in (ROOT / "features").glob("*.feature")}


def _console(tmp_path_factory: pytest.TempPathFactory, *faults: str) -> Iterator[ConsoleUnderTest]:
    console = start_console(WebServer(), faults, tmp_path_factory.mktemp("console"))
    yield console
    console.stop()


@pytest.fixture(scope="module")
def bundled_console(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ConsoleUnderTest]:
    """The bundled console as the suite starts it (test mode)."""
    yield from _console(tmp_path_factory)


@pytest.fixture(scope="module")
def console_without_a_test_id(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ConsoleUnderTest]:
    """The same console with one hook of the contract gone: the signed-in user's test id."""
    yield from _console(tmp_path_factory, "signed_in_user_unmarked")


def run_check(base_url: str, tmp_path: Path) -> tuple[int, dict[str, Any]]:
    output = tmp_path / "contract.json"
    finished = subprocess.run([sys.executable, "-m", "tools.contract_check", "--base-url", base_url,
                               f"--json={output}"], cwd=ROOT, capture_output=True, text=True, timeout=180, check=False)
    assert output.exists(), finished.stdout[-3000:] + finished.stderr[-3000:]
    return finished.returncode, json.loads(output.read_text())


def test_every_declared_item_names_real_features_and_known_sample_data() -> None:
    by_tag = _scenarios_by_tag()
    samples = {value for name, value in vars(Sample).items() if not name.startswith("_")}
    for screen in SCREENS:
        for page_object in (screen.page_object, *screen.parts):
            for item in page_object.CONTRACT:
                assert item.needed_by, f"{page_object.__name__}.{item.path} says no feature needs it"
                for need in item.needed_by:
                    assert need in FEATURE_MARKERS or need[1:] in by_tag, f"{page_object.__name__}: {need}"
                if item.after and item.only_with:
                    assert item.only_with in samples, f"{page_object.__name__}.{item.path}: {item.only_with}"


def test_the_summary_counts_an_absent_test_control_api_as_optional_not_missing() -> None:
    def finding(verdict: str) -> Finding:
        return Finding("screen", "test id", "x", "source", ("system_status",), verdict)

    report = ContractReport("http://console", "someone", test_control=False,
                            findings=[finding(PRESENT), finding(PRESENT), finding(UNCHECKED), finding(NOT_OFFERED)])
    assert report.summary() == ("all 2 checked items present, 1 not checked (shown only after actions the check does "
                                "not take); test control not offered (1 optional items; the scenarios that need it "
                                "are skipped)")
    report.findings.append(finding(MISSING))
    assert report.summary().startswith("1 of 3 checked items missing")


def test_the_bundled_console_offers_every_item_checked(bundled_console: ConsoleUnderTest, tmp_path: Path) -> None:
    code, result = run_check(bundled_console.base_url, tmp_path)
    missing = [f for f in result["findings"] if f["verdict"] == MISSING]
    assert code == 0 and not missing, result["text"]
    assert result["summary"].startswith("all "), result["summary"]
    present = [f for f in result["findings"] if f["verdict"] == PRESENT]
    assert len(present) > 200
    # Every screen was visited, and every kind of item checked.
    assert {f["screen"] for f in present} >= {screen.name for screen in SCREENS} | {"API", "WebSocket", "Test control"}
    assert {f["kind"] for f in present} >= {"route", "accessible name", "label", "test id", "WebSocket topic",
                                            "test control"}


def test_a_missing_test_id_is_reported_with_the_features_that_need_it(console_without_a_test_id: ConsoleUnderTest,
                                                                      tmp_path: Path) -> None:
    code, result = run_check(console_without_a_test_id.base_url, tmp_path)
    missing = [f for f in result["findings"] if f["verdict"] == MISSING]
    assert code == 1, result["text"]
    assert [(f["screen"], f["kind"], f["item"], f["source"]) for f in missing] == [
        ("System Status", "test id", 'test id "signed-in-user"', "NavigationBar.signed_in_user")]
    assert result["summary"].startswith("1 of ")
    assert ('System Status: test id test id "signed-in-user"  [NavigationBar.signed_in_user]\n'
            "      needed by authentication.feature; access-control.feature") in result["text"]


def test_pytest_check_contract_prints_it_and_puts_it_in_the_allure_environment(
        console_without_a_test_id: ConsoleUnderTest, tmp_path: Path) -> None:
    results = tmp_path / "allure-results"
    finished = subprocess.run(
        [sys.executable, "-m", "pytest", "steps", "-p", "no:cacheprovider", "--browser", "chromium", "--base-url",
         console_without_a_test_id.base_url, "--check-contract", "-m", "system_status", "-k", "every_component",
         f"--alluredir={results}", f"--output={tmp_path / 'test-results'}"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert finished.returncode == 0, finished.stdout[-3000:]
    assert "UI contract (docs/ui-contract.md)" in finished.stdout
    assert 'NavigationBar.signed_in_user' in finished.stdout
    environment = (results / "environment.properties").read_text().splitlines()
    (contract,) = [line for line in environment if line.startswith("Contract=")]
    assert contract.startswith("Contract=1 of "), contract
