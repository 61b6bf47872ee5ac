"""Retries: one in CI, none on a desk, and never over a `--reruns` the command line gives."""
from __future__ import annotations

from pathlib import Path

import pytest

from fixtures.retries import rerun_args
from fixtures.settings import load_config_file

CONFIG = Path(__file__).resolve().parent.parent / "playwright.config.py"


@pytest.mark.parametrize(("args", "configured", "expected"), [
    (["--browser", "all"], 1, ["--reruns", "1"]),
    (["--browser", "all"], 0, []),
    (["--reruns", "0"], 1, []),
    (["--reruns=2"], 1, []),
])
def test_rerun_args(args: list[str], configured: int, expected: list[str]) -> None:
    assert rerun_args(args, configured) == expected


@pytest.mark.parametrize(("ci", "retries"), [("true", 1), (None, 0)])
def test_the_config_retries_once_in_ci_only(monkeypatch: pytest.MonkeyPatch, ci: str | None, retries: int) -> None:
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    assert load_config_file(CONFIG).retries == retries
