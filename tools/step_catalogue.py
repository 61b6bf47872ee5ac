"""The catalogue of step phrases, docs/steps.md: every step definition with the scenarios that use it.

    python -m tools.step_catalogue            rewrite docs/steps.md
    python -m tools.step_catalogue --check    exit 1 if docs/steps.md is not what the steps say now

Whoever writes the next feature looks up the phrase there before writing a new one (the phrasing rules are in
docs/glossary.md). The self-tests run --check.
"""
from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import pkgutil
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytest_bdd.feature import get_features
from pytest_bdd.parser import Feature, Step
from pytest_bdd.scenario import scenario_wrapper_template_registry
from pytest_bdd.steps import StepFunctionContext, step_function_context_registry

ROOT = Path(__file__).resolve().parent.parent
FEATURES = sorted((ROOT / "features").glob("*.feature"))
CATALOGUE = ROOT / "docs" / "steps.md"
SHARED_MODULE = "steps.conftest"


def step_modules() -> list[str]:
    import steps

    return [SHARED_MODULE] + [f"steps.{m.name}" for m in pkgutil.iter_modules(steps.__path__)
                              if m.name.startswith("test_")]


def load() -> tuple[dict[str, set[str]], dict[str, list[StepFunctionContext]]]:
    """Which module binds which feature file, and the step definitions of each module."""
    bound: dict[str, set[str]] = defaultdict(set)
    modules = step_modules()
    for name in modules:
        module = importlib.import_module(name)
        for value in vars(module).values():
            template = scenario_wrapper_template_registry.get(value) if callable(value) else None
            if template is not None:
                bound[str(Path(template.feature.filename).resolve())].add(name)
    definitions: dict[str, list[StepFunctionContext]] = defaultdict(list)
    for context in list(step_function_context_registry.values()):
        if context.step_func.__module__ in modules:
            definitions[context.step_func.__module__].append(context)
    return bound, definitions


def rendered_steps(feature: Feature) -> list[tuple[str, Step]]:
    """(scenario name, step) for every step as it runs: outlines once per example row, backgrounds included."""
    found = []
    for template in feature.scenarios.values():
        contexts = [row for examples in template.examples for row in examples.as_contexts()] or [{}]
        for context in contexts:
            found += [(template.name, step) for step in template.render(context).steps]
    return found


def readable(pattern: str) -> str:
    """A step parser's pattern as a phrase: `(?P<side>BUY|SELL)` and `{side}` read `<side>`."""
    out, index = [], 0
    while index < len(pattern):
        if pattern.startswith("(?P<", index):
            name_end = pattern.index(">", index)
            depth, cursor = 0, index
            while True:  # skip to the parenthesis that closes the group
                depth += {"(": 1, ")": -1}.get(pattern[cursor], 0) if pattern[cursor - 1] != "\\" else 0
                if depth == 0:
                    break
                cursor += 1
            out.append(f"<{pattern[index + 4:name_end]}>")
            index = cursor + 1
        elif pattern.startswith("(?!", index):
            index = pattern.index(")", index) + 1
        else:
            out.append(pattern[index])
            index += 1
    text = "".join(out).replace("\\", "")
    text = re.sub(r"\{(\w+)(?::\w+)?\}", r"<\1>", text)
    text = re.sub(r"\(\?: \"<(\w+)>\"\)\?", r' ["<\1>"]', text)
    return text.strip("^$")


@dataclass(frozen=True)
class Usage:
    feature: str
    scenario: str


def catalogue() -> str:
    bound, definitions = load()
    features = get_features([str(p) for p in FEATURES])
    usages: dict[tuple[str, str], set[Usage]] = defaultdict(set)
    for feature in features:
        [module] = bound[str(Path(feature.filename).resolve())]
        candidates = definitions[SHARED_MODULE] + definitions[module]
        for scenario, step in rendered_steps(feature):
            for context in candidates:
                if context.type == step.type and context.parser.is_matching(step.name):
                    usages[(context.step_func.__module__, context.step_func.__name__ + context.type)].add(
                        Usage(Path(feature.filename).name, scenario))
    lines = [
        "# Step catalogue",
        "",
        "Every step phrase the features may use, by module, with the features that use it (and in how many of their",
        "scenarios). Written by `python -m tools.step_catalogue` (do not edit by hand; the self-tests check it is",
        "current). The rules the phrases follow are in [glossary.md](glossary.md). `<name>` stands for a value.",
    ]
    for module in step_modules():
        where = "shared by every feature" if module == SHARED_MODULE else f"`{module.replace('.', '/')}.py`"
        lines += ["", f"## {'Shared steps' if module == SHARED_MODULE else module.removeprefix('steps.test_')}"
                  f" ({where})", "", "| Step | Used by (scenarios) |", "|---|---|"]
        for context in sorted(definitions[module], key=lambda c: (("given", "when", "then").index(c.type),
                                                                  str(c.parser.name))):
            used = usages.get((module, context.step_func.__name__ + context.type), set())
            by_feature = Counter(u.feature.removesuffix(".feature") for u in used)
            phrase = readable(str(context.parser.name)).replace("|", "\\|")
            shown = ", ".join(f"{feature} ({count})" for feature, count in sorted(by_feature.items())) or "—"
            lines.append(f"| **{context.type.capitalize()}** `{phrase}` | {shown} |")
    return "\n".join(lines) + "\n"


class _CatalogueWriter:
    """A pytest plugin: the step modules can only be imported while pytest-bdd has pytest's configuration."""

    text = ""

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        self.text = catalogue()


def catalogue_from_pytest() -> str:
    writer = _CatalogueWriter()
    with contextlib.redirect_stdout(io.StringIO()):
        pytest.main(["--collect-only", "-qq", "-p", "no:cacheprovider", str(ROOT / "steps")], plugins=[writer])
    if not writer.text:
        raise RuntimeError("collecting the steps failed: run `pytest --collect-only steps` to see why")
    return writer.text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.step_catalogue", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that docs/steps.md is current")
    args = parser.parse_args(argv)
    text = catalogue_from_pytest()
    if args.check:
        current = CATALOGUE.read_text() if CATALOGUE.exists() else ""
        if current != text:
            print("docs/steps.md is out of date: run python -m tools.step_catalogue", file=sys.stderr)
            return 1
        return 0
    CATALOGUE.write_text(text)
    print(f"written: {CATALOGUE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
