"""Lint, as part of the self-tests: ruff over the Python (pyflakes, imports, bugbear, line length: pyproject.toml), and
the features' layout (the Gherkin parser reads every feature; two-space indentation by level, no tabs, no trailing
blanks, fewer than ten steps a scenario). The page scripts are checked by `node --check` in tests/test_seams.py."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from gherkin.parser import Parser

ROOT = Path(__file__).resolve().parent.parent
FEATURES = sorted((ROOT / "features").glob("*.feature"))
# The indentation of each kind of line: Feature at 0, Rule, Scenario and Background at 2 (4 inside a Rule), their
# steps two further, Examples like steps' scenarios, tables and doc strings under what they belong to.
KEYWORD_DEPTH = {"Feature:": 0, "Rule:": 2, "Background:": 2, "Scenario:": 2, "Scenario Outline:": 2, "Examples:": 4}
STEP_WORDS = ("Given ", "When ", "Then ", "And ", "But ")
MAX_STEPS = 9


def test_the_python_is_lint_clean() -> None:
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        pytest.fail("ruff is not installed: ./suite setup installs it with the project's packages")
    checked = subprocess.run([ruff, "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout[-4000:]


@pytest.mark.parametrize("feature", FEATURES, ids=lambda path: path.name)
def test_a_feature_is_laid_out_as_the_others(feature: Path) -> None:
    text = feature.read_text()
    document = Parser().parse(text)
    problems = []
    in_rule = False
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if "\t" in line:
            problems.append(f"line {number}: a tab")
        if line != line.rstrip():
            problems.append(f"line {number}: trailing blanks")
        if stripped.startswith("Rule:"):
            in_rule = True
        for keyword, depth in KEYWORD_DEPTH.items():
            if stripped.startswith(keyword):
                expected = depth + (2 if in_rule and keyword not in ("Feature:", "Rule:") else 0)
                if indent != expected:
                    problems.append(f"line {number}: {keyword} indented {indent}, not {expected}")
        if stripped.startswith(STEP_WORDS) and indent % 2:
            problems.append(f"line {number}: a step indented by an odd number of spaces")
    for child in document["feature"]["children"]:
        scenarios = [child] if "scenario" in child else [c for c in child.get("rule", {}).get("children", [])]
        for entry in scenarios:
            scenario = entry.get("scenario")
            if scenario and len(scenario["steps"]) > MAX_STEPS:
                problems.append(f"{scenario['name']!r}: {len(scenario['steps'])} steps, more than {MAX_STEPS}")
    assert not problems, f"{feature.name}:\n" + "\n".join(problems)
