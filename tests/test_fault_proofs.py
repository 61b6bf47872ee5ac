"""The fault catalogue is sound: every scenario is named by some fault, every fault names scenarios of its own
feature, and the report of `tools.fault_proofs` reads as it should. Running the proofs against real consoles is
that tool's job (`./suite selftest` runs it after these tests); this file does not copy it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_bdd.feature import get_features

from reference_app.faults import CATALOGUE, SHOWS_IN_EXAMPLES, SHOWS_ON_ENGINE, Fault
from tools import fault_proofs
from tools.checklists import CHECKLISTS
from tools.checklists import markdown as checklists_markdown
from tools.fault_proofs import SpecRun, Verdict, markdown

ROOT = Path(__file__).resolve().parent.parent
FEATURES = get_features([str(p) for p in sorted((ROOT / "features").glob("*.feature"))])
# Cross-cutting features a blind fault may belong to without a feature file of that name (none left: performance has
# had its feature since issue 17).
BLIND_CROSS_CUTTING: set[str] = set()
SCENARIOS_BY_TAG = {tag: {name for name in feature.scenarios} for feature in FEATURES for tag in feature.tags}


def test_every_scenario_is_named_by_some_fault() -> None:
    named = {name for fault in CATALOGUE for name in fault.caught_by}
    uncovered = {name for names in SCENARIOS_BY_TAG.values() for name in names} - named
    assert not uncovered, f"scenarios no fault proves able to fail: {sorted(uncovered)}"


@pytest.mark.parametrize("fault", CATALOGUE, ids=lambda f: f.name)
def test_catalogue_entry_names_scenarios_of_its_feature(fault: Fault) -> None:
    if fault.blind and fault.feature in BLIND_CROSS_CUTTING:
        assert not fault.caught_by, "a blind fault of a cross-cutting feature names no scenario"
        return
    assert fault.feature in SCENARIOS_BY_TAG, f"no feature is tagged @{fault.feature}"
    assert set(fault.caught_by) <= SCENARIOS_BY_TAG[fault.feature]


def test_report_names_the_catching_scenarios_and_flags_a_survivor() -> None:
    fault = CATALOGUE[0]
    caught = Verdict(fault, SpecRun(1, [{"scenario": fault.caught_by[0], "outcome": "failed"}]))
    survived = Verdict(fault, SpecRun(0, [{"scenario": fault.caught_by[0], "outcome": "passed"}]),
                       missed=list(fault.caught_by))
    clean = SpecRun(0, [{"scenario": "x", "outcome": "passed"}])
    table = markdown(clean, [caught, survived], "chromium")
    assert f"| `{fault.name}` |" in table and fault.caught_by[0] in table
    assert "Faults written with the specs: **1 of 2** caught" in table and "MISSED (expected to fail:" in table
    assert caught.caught and not survived.caught


def test_a_missed_fault_is_proved_once_more_alone_and_the_verdict_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    fault = CATALOGUE[0]
    reruns = []

    def caught_now(again: Fault, engine: str) -> Verdict:
        reruns.append(again.name)
        return Verdict(again, SpecRun(1, [{"scenario": again.caught_by[0], "outcome": "failed"}]))

    monkeypatch.setattr(fault_proofs, "prove", caught_now)
    caught = Verdict(fault, SpecRun(1, [{"scenario": fault.caught_by[0], "outcome": "failed"}]))
    missed = Verdict(fault, SpecRun(0, []), missed=list(fault.caught_by))
    assert fault_proofs.prove_again_alone(caught, "chromium") is caught and reruns == []
    again = fault_proofs.prove_again_alone(missed, "chromium")
    assert reruns == [fault.name] and again.caught and again.verdict == "caught on a second run, alone"
    assert again.as_dict()["second_run"] is True


def test_proofs_start_longest_first_by_the_clean_runs_time_on_their_examples() -> None:
    one_scenario = Fault("a", "system_status", "a short scenario", ("Short",))
    whole_outline = Fault("b", "system_status", "an outline, every example", ("Long",))
    one_example = Fault("trading_heap_leak", "performance", "the Trading example only", ("Long",))
    assert SHOWS_IN_EXAMPLES["trading_heap_leak"] == "Trading"

    def run(feature: str, test: str, example: str, seconds: float) -> dict:
        return {"nodeid": f"steps/test_{feature}.py::test_{test}[chromium-{example}]", "duration_s": seconds}

    clean = SpecRun(0, [run("system_status", "short", "", 3.0), run("system_status", "long", "Portfolio", 4.0),
                        run("system_status", "long", "Trading", 2.5), run("performance", "long", "Portfolio", 4.0),
                        run("performance", "long", "Trading", 2.5)])
    faults = (one_scenario, whole_outline, one_example)
    assert [fault_proofs.expected_seconds(fault, clean) for fault in faults] == [3.0, 6.5, 2.5]
    assert fault_proofs.longest_first([one_scenario, one_example, whole_outline], clean) == [
        whole_outline, one_scenario, one_example]


@pytest.mark.parametrize("checklist", CHECKLISTS, ids=str)
def test_every_checklist_item_is_proven_by_a_fault_of_the_catalogue(checklist: str) -> None:
    for item, faults in CHECKLISTS[checklist].items():
        assert faults, f"{checklist}: {item!r} names no fault"
        unknown = [name for name in faults if name not in {f.name for f in CATALOGUE}]
        assert not unknown, f"{checklist}: {item!r} names faults that do not exist: {unknown}"


def test_every_feature_has_at_least_three_faults() -> None:
    # A feature's own marker is its file name as an identifier: order-management.feature is @order_management.
    markers = {Path(feature.filename).stem.replace("-", "_") for feature in FEATURES}
    assert markers <= set(SCENARIOS_BY_TAG), "every feature file is tagged with its own marker"
    counts = {marker: sum(f.feature == marker for f in CATALOGUE) for marker in markers}
    assert all(count >= 3 for count in counts.values()), counts


def test_the_checklists_page_is_current() -> None:
    assert (ROOT / "docs" / "checklists.md").read_text() == checklists_markdown(), \
        "docs/checklists.md is out of date: run python -m tools.checklists"


def test_the_acceptance_run_counts_as_the_clean_run_only_on_the_same_tree(tmp_path: Path) -> None:
    from tools.fault_proofs import earlier_clean_run, tree_signature

    outcomes = tmp_path / "acceptance-outcomes.json"
    outcomes.write_text(json.dumps([
        {"scenario": "A", "engine": "chromium", "outcome": "passed", "started_at": 10.0, "stopped_at": 12.0},
        {"scenario": "A", "engine": "firefox", "outcome": "failed", "started_at": 10.0, "stopped_at": 15.0},
    ]))
    tree = outcomes.with_suffix(".tree")
    tree.write_text(tree_signature())
    clean = earlier_clean_run(outcomes, "chromium")
    assert clean is not None and clean.passed and len(clean.outcomes) == 1 and clean.seconds == 2.0
    firefox = earlier_clean_run(outcomes, "firefox")
    assert firefox is not None and not firefox.passed
    tree.write_text("another commit\n")
    assert earlier_clean_run(outcomes, "chromium") is None


OUTLINE_FEATURE = """Feature: An outline whose first example fails
  Scenario Outline: A number is small
    Given the number <n>
    Then it is smaller than 2

    Examples:
      | n |
      | 1 |
      | 5 |
      | 0 |
      | 7 |

  Scenario: Another scenario
    Given the number 1
    Then it is smaller than 2
"""
OUTLINE_STEPS = '''from pytest_bdd import given, parsers, scenarios, then

scenarios("outline.feature")


@given(parsers.parse("the number {n:d}"), target_fixture="n")
def number(n: int) -> int:
    return n


@then("it is smaller than 2")
def smaller(n: int) -> None:
    assert n < 2
'''


@pytest.mark.parametrize(("option", "expected"), [
    ([], ["passed", "failed", "passed", "failed", "passed"]),
    (["--one-failure-per-scenario"], ["passed", "failed", "skipped", "skipped", "passed"]),
])
def test_a_fault_proof_stops_an_outline_at_its_first_failing_example(tmp_path: Path, option: list[str],
                                                                      expected: list[str]) -> None:
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    (tmp_path / "outline.feature").write_text(OUTLINE_FEATURE)
    (tmp_path / "test_outline.py").write_text(OUTLINE_STEPS)
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "fixtures.outcomes",
                          "-p", "fixtures.first_failure", "--outcomes-json=outcomes.json", *option], check=False,
                         cwd=tmp_path, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    outcomes = json.loads((tmp_path / "outcomes.json").read_text())
    assert [o["outcome"] for o in outcomes] == expected, run.stdout[-3000:]
    skipped = [o for o in outcomes if o["outcome"] == "skipped"]
    assert all("an earlier example of this scenario failed" in o["message"] for o in skipped)


def test_where_a_fault_shows_among_examples_is_said_only_of_faults_that_name_scenarios() -> None:
    named = {fault.name for fault in CATALOGUE if fault.caught_by}
    assert set(SHOWS_IN_EXAMPLES) <= named
    assert all(expression.strip() for expression in SHOWS_IN_EXAMPLES.values())


def test_a_fault_that_shows_on_one_engine_is_proved_on_that_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    named = {fault.name for fault in CATALOGUE if fault.caught_by}
    assert set(SHOWS_ON_ENGINE) <= named
    assert set(SHOWS_ON_ENGINE.values()) <= {"chromium", "firefox", "webkit"}
    engines: list[str] = []

    def run_specs(engine: str, **_: object) -> SpecRun:
        engines.append(engine)
        return SpecRun(1, [])

    monkeypatch.setattr(fault_proofs, "run_specs", run_specs)
    faults = {fault.name: fault for fault in CATALOGUE}
    fault_proofs.prove(faults["escape_repeats_last_confirm"], "chromium")
    fault_proofs.prove(faults["status_frozen"], "chromium")
    assert engines == ["firefox", "chromium"]
