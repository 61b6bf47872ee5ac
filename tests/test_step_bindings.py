"""Every feature file is bound to tests, and every Gherkin step has exactly one step definition."""
from __future__ import annotations

import importlib
import pkgutil
from collections import defaultdict
from pathlib import Path

import pytest
from pytest_bdd.feature import get_features
from pytest_bdd.scenario import scenario_wrapper_template_registry
from pytest_bdd.steps import StepFunctionContext, step_function_context_registry

import steps

ROOT = Path(__file__).resolve().parent.parent
FEATURES = sorted((ROOT / "features").glob("*.feature"))
SHARED_MODULE = "steps.conftest"


def _step_modules() -> list[str]:
    return [SHARED_MODULE] + [f"steps.{m.name}" for m in pkgutil.iter_modules(steps.__path__) if m.name.startswith("test_")]


def _load() -> tuple[dict[str, set[str]], dict[str, list[StepFunctionContext]]]:
    """Which module binds which feature file, and the step definitions of each module."""
    bound: dict[str, set[str]] = defaultdict(set)
    for name in _step_modules():
        module = importlib.import_module(name)
        for value in vars(module).values():
            template = scenario_wrapper_template_registry.get(value) if callable(value) else None
            if template is not None:
                bound[str(Path(template.feature.filename).resolve())].add(name)
    definitions: dict[str, list[StepFunctionContext]] = defaultdict(list)
    for context in list(step_function_context_registry.values()):
        if context.step_func.__module__ in _step_modules():
            definitions[context.step_func.__module__].append(context)
    return bound, definitions


BOUND, DEFINITIONS = _load()


@pytest.mark.parametrize("feature_path", FEATURES, ids=lambda p: p.name)
def test_feature_is_bound_to_exactly_one_module(feature_path: Path) -> None:
    modules = BOUND.get(str(feature_path.resolve()), set())
    assert len(modules) == 1, f"{feature_path.name} is bound by {sorted(modules) or 'no module'}"


def _rendered_steps(feature) -> list[tuple[str, object]]:
    """(scenario name, step) for every step as it runs: outlines once per example row, backgrounds included."""
    found = []
    for template in feature.scenarios.values():
        contexts = [row for examples in template.examples for row in examples.as_contexts()] or [{}]
        for context in contexts:
            found += [(template.name, step) for step in template.render(context).steps]
    return found


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
