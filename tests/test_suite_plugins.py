"""The suite's own plugins: sharding, settings overrides, remote browsers, skipped scenarios in the Allure results."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from fixtures.console_server import free_port
from fixtures.engines import _camel
from fixtures.settings import load_config_file
from fixtures.sharding import parse_shard, shard_of

ROOT = Path(__file__).resolve().parent.parent
NODE_IDS = [f"steps/test_x.py::test_{n}[{engine}]" for n in range(200) for engine in ("chromium", "firefox")]


def test_shards_partition_the_suite_deterministically() -> None:
    slices = [[n for n in NODE_IDS if shard_of(n, 3) == i] for i in (1, 2, 3)]
    assert sorted(sum(slices, [])) == sorted(NODE_IDS)
    assert all(len(s) > len(NODE_IDS) / 3 * 0.7 for s in slices), [len(s) for s in slices]
    assert shard_of(NODE_IDS[7], 3) == shard_of(NODE_IDS[7], 3)


@pytest.mark.parametrize("value", ["0/3", "4/3", "1", "a/b", "1/0"])
def test_bad_shard_values_are_refused(value: str) -> None:
    with pytest.raises(pytest.UsageError, match="expected I/N"):
        parse_shard(value)


def test_the_shipped_config_loads() -> None:
    config = load_config_file(ROOT / "playwright.config.py")
    assert config.budgets.status_page_ready_s == 2.0
    assert config.web_server.ready_path == "/healthz"


def test_launch_options_reach_the_browser_server_in_camel_case() -> None:
    assert _camel("executable_path") == "executablePath" and _camel("args") == "args"


def _run_specs(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pytest", "steps", "-q", "-p", "no:cacheprovider", *args],
                          cwd=ROOT, capture_output=True, text=True, env=env)


@pytest.fixture
def browser_server() -> Iterator[str]:
    """`playwright run-server` on this machine; --unsafe lets the suite ask it for the system browsers."""
    port = free_port()
    # Its own process group: the Python wrapper starts a node server, and both must go at the end.
    server = subprocess.Popen([sys.executable, "-m", "playwright", "run-server", "--port", str(port),
                               "--host", "127.0.0.1", "--unsafe"], stdout=subprocess.PIPE, text=True,
                              start_new_session=True)
    assert server.stdout is not None
    assert "Listening on" in server.stdout.readline()  # it prints this once it accepts connections
    yield f"ws://127.0.0.1:{port}/"
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=10)


def test_specs_run_in_a_remote_browser(browser_server: str) -> None:
    result = _run_specs("--browser", "chromium", "-m", "system_status", "-k", "every_component",
                        "--remote-browser", browser_server)
    assert result.returncode == 0, result.stdout[-3000:]
    assert f"(remote {browser_server})" in result.stdout


def test_two_shards_run_every_scenario_once(tmp_path: Path) -> None:
    collected = []
    for shard in ("1/2", "2/2"):
        result = _run_specs("--browser", "chromium", "--collect-only", "--shard", shard)
        collected.append({line for line in result.stdout.splitlines() if "::" in line})
    everything = {line for line in _run_specs("--browser", "chromium", "--collect-only").stdout.splitlines()
                  if "::" in line}
    assert collected[0] | collected[1] == everything and not collected[0] & collected[1]


def test_a_scenario_skipped_before_it_starts_is_in_the_allure_report_with_its_reason(tmp_path: Path) -> None:
    # An empty browser folder: Playwright's WebKit is missing, and WebKit has no system fallback.
    no_browsers = {**os.environ, "PLAYWRIGHT_BROWSERS_PATH": str(tmp_path / "no-browsers")}
    results = tmp_path / "allure-results"
    result = _run_specs("--browser", "webkit", "-m", "system_status", "-k", "every_component",
                        f"--alluredir={results}", env=no_browsers)
    assert result.returncode == 0 and "1 skipped" in result.stdout, result.stdout[-3000:]
    (scenario,) = [json.loads(path.read_text()) for path in results.glob("*-result.json")]
    assert scenario["name"] == "Every component reports healthy with its health metrics"
    assert scenario["status"] == "skipped"
    assert "webkit is not installed here: run `python -m playwright install --with-deps webkit`" in \
        scenario["statusDetails"]["message"]
    assert scenario["steps"] and {step["status"] for step in scenario["steps"]} == {"skipped"}
