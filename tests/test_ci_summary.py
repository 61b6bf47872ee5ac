"""The CI summary names every failure the reports record, and says which report is missing."""
from __future__ import annotations

import json
from pathlib import Path

from tools.ci_summary import summary

JUNIT = """<?xml version="1.0"?>
<testsuites><testsuite name="pytest">
  <testcase classname="tests.test_a" name="test_fine"/>
  <testcase classname="tests.test_a" name="test_broken"><failure message="assert 1 == 2">details</failure></testcase>
</testsuite></testsuites>
"""


def test_each_failed_scenario_test_and_missed_fault_is_named(tmp_path: Path) -> None:
    (tmp_path / "acceptance-outcomes.json").write_text(json.dumps([
        {"nodeid": "steps/test_x.py::test_ok[chromium]", "outcome": "passed", "message": ""},
        {"nodeid": "steps/test_x.py::test_shaky[chromium]", "outcome": "flaky", "message": "E   TimeoutError: fill"},
        {"nodeid": "steps/test_x.py::test_bad[firefox]", "outcome": "failed",
         "message": "\n    def step(desk):\n>       expect(row).to_have_text('1')\nE       AssertionError: Locator "
                    "expected to have text '1'\nE       Actual value: 2",
         "pages": "trader at http://127.0.0.1:1/login?expired=1: [navigated] http://127.0.0.1:1/login?expired=1"},
    ]))
    (tmp_path / "selftest-junit.xml").write_text(JUNIT)
    (tmp_path / "sensitivity.json").write_text(json.dumps({
        "clean_run": {"passed": True, "failed": []},
        "faults": [{"fault": "good", "verdict": "caught", "missed": [], "caught_by": ["A"]},
                   {"fault": "slipped", "verdict": "missed", "missed": ["B"], "caught_by": []},
                   {"fault": "shy", "verdict": "caught", "missed": [], "caught_by": ["C"], "second_run": True}],
    }))
    text = summary(tmp_path)
    assert "acceptance: 3 scenario runs, 1 failed, 1 flaky" in text
    assert "FLAKY (passed only on its rerun; first attempt:) steps/test_x.py::test_shaky[chromium]: Timeout" in text
    assert "FAILED steps/test_x.py::test_bad[firefox]: AssertionError: Locator expected to have text '1'" in text
    assert "    trader at http://127.0.0.1:1/login?expired=1: [navigated]" in text  # where its page was
    assert "self-tests: 2 tests, 1 failed" in text
    assert "FAILED tests.test_a::test_broken: assert 1 == 2" in text
    assert "clean run passed" in text and "3 faults, 1 missed" in text
    assert "MISSED slipped: expected to fail B; failed: none" in text
    assert "caught only on a second run, alone: shy" in text
    assert "good" not in text


def test_a_missing_report_is_named(tmp_path: Path) -> None:
    text = summary(tmp_path)
    assert "acceptance-outcomes.json missing" in text
    assert "selftest-junit.xml missing" in text
    assert "sensitivity.json missing" in text
