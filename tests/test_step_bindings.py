"""Every feature file is bound to tests, and every Gherkin step has exactly one step definition."""
from __future__ import annotations

from pathlib import Path

import pytest
from pytest_bdd.feature import get_features

from tools.step_catalogue import FEATURES, SHARED_MODULE, catalogue, load
from tools.step_catalogue import rendered_steps as _rendered_steps

BOUND, DEFINITIONS = load()


@pytest.mark.parametrize("feature_path", FEATURES, ids=lambda p: p.name)
def test_feature_is_bound_to_exactly_one_module(feature_path: Path) -> None:
    modules = BOUND.get(str(feature_path.resolve()), set())
    assert len(modules) == 1, f"{feature_path.name} is bound by {sorted(modules) or 'no module'}"


PARSED = get_features([str(p) for p in FEATURES])


@pytest.mark.parametrize("feature", PARSED, ids=lambda f: Path(f.filename).name)
def test_every_step_has_exactly_one_definition(feature) -> None:
    [module] = BOUND[str(Path(feature.filename).resolve())]
    candidates = DEFINITIONS[SHARED_MODULE] + DEFINITIONS[module]
    problems = set()
    for scenario_name, step in _rendered_steps(feature):
        matches = [c for c in candidates if c.type == step.type and c.parser.is_matching(step.name)]
        if len(matches) != 1:
            where = [f"{c.step_func.__module__}.{c.step_func.__name__}" for c in matches]
            problems.add(f"{scenario_name}: {step.keyword} {step.name!r} matches {where or 'no definition'}")
    assert not problems, "\n".join(sorted(problems))


def test_no_step_definition_is_unused() -> None:
    texts = {(step.type, step.name) for feature in PARSED for _, step in _rendered_steps(feature)}
    unused = [f"{c.step_func.__module__}.{c.step_func.__name__} ({c.type}: {c.parser.name})"
              for contexts in DEFINITIONS.values() for c in contexts
              if not any(kind == c.type and c.parser.is_matching(text) for kind, text in texts)]
    assert not unused, "step definitions no feature uses:\n" + "\n".join(unused)


def test_the_step_catalogue_is_current() -> None:
    current = (Path(__file__).resolve().parent.parent / "docs" / "steps.md").read_text()
    assert current == catalogue(), "docs/steps.md is out of date: run python -m tools.step_catalogue"
