"""Every spec can fail: each named fault is caught by the scenarios its catalogue entry names, and the clean run
passes. The mechanism is `tools.fault_proofs`; these tests run it, one fault per test (on Chromium)."""
from __future__ import annotations

from pathlib import Path

import pytest
from pytest_bdd.feature import get_features

from reference_app.faults import CATALOGUE, Fault
from tools.fault_proofs import prove, run_specs

ROOT = Path(__file__).resolve().parent.parent
FEATURES = get_features([str(p) for p in sorted((ROOT / "features").glob("*.feature"))])
SCENARIOS_BY_TAG = {tag: {name for name in feature.scenarios} for feature in FEATURES for tag in feature.tags}


def test_every_scenario_is_named_by_some_fault() -> None:
    named = {name for fault in CATALOGUE for name in fault.caught_by}
    uncovered = {name for names in SCENARIOS_BY_TAG.values() for name in names} - named
    assert not uncovered, f"scenarios no fault proves able to fail: {sorted(uncovered)}"


@pytest.mark.parametrize("fault", CATALOGUE, ids=lambda f: f.name)
def test_catalogue_entry_names_scenarios_of_its_feature(fault: Fault) -> None:
    assert fault.feature in SCENARIOS_BY_TAG, f"no feature is tagged @{fault.feature}"
    assert set(fault.caught_by) <= SCENARIOS_BY_TAG[fault.feature]


@pytest.mark.browser_run
def test_clean_console_passes_every_spec() -> None:
    run = run_specs("chromium")
    failing = [o for o in run.outcomes if o["outcome"] in ("failed", "error")]
    assert run.exit_code == 0 and not failing, "\n\n".join(f"{o['scenario']}: {o['message']}" for o in failing)


@pytest.mark.browser_run
@pytest.mark.parametrize("fault", CATALOGUE, ids=lambda f: f.name)
def test_fault_is_caught(fault: Fault) -> None:
    verdict = prove(fault)
    assert verdict.caught, verdict.explain()
