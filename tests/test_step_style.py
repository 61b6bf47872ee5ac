"""The step layer's house rules, checked on the code: no step calls another step, and a Then step only observes."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STEP_FILES = sorted((ROOT / "steps").glob("*.py"))
# What acting looks like in a step: navigating, typing, clicking, sending a request that changes something.
ACTIONS = {"open", "reload", "visit", "goto", "click", "dblclick", "fill", "select_option", "check", "set",
           "sign_in", "sign_out", "submit", "place", "post", "put", "delete", "patch", "add_cookies", "cancel",
           "confirm", "trigger_emergency_stop", "resume_trading", "go_to"}


def _step_kinds(function: ast.FunctionDef) -> set[str]:
    kinds = set()
    for decorator in function.decorator_list:
        if isinstance(decorator, ast.Call) and isinstance(decorator.func, ast.Name):
            if decorator.func.id in ("given", "when", "then"):
                kinds.add(decorator.func.id)
    return kinds


def _steps(path: Path) -> dict[str, tuple[ast.FunctionDef, set[str]]]:
    tree = ast.parse(path.read_text())
    return {node.name: (node, _step_kinds(node)) for node in tree.body
            if isinstance(node, ast.FunctionDef) and _step_kinds(node)}


ALL_STEPS = {name for path in STEP_FILES for name in _steps(path)}


@pytest.mark.parametrize("path", STEP_FILES, ids=lambda p: p.name)
def test_no_step_calls_another_step(path: Path) -> None:
    calls = [f"{name} calls {inner.func.id}" for name, (function, _) in _steps(path).items()
             for inner in ast.walk(function)
             if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name) and inner.func.id in ALL_STEPS]
    assert not calls, "steps calling steps (share a page-object or session method instead):\n" + "\n".join(calls)


@pytest.mark.parametrize("path", STEP_FILES, ids=lambda p: p.name)
def test_then_steps_only_observe(path: Path) -> None:
    acting = [f"{name} calls .{inner.func.attr}()" for name, (function, kinds) in _steps(path).items()
              if kinds == {"then"} for inner in ast.walk(function)
              if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute) and inner.func.attr in ACTIONS]
    assert not acting, "Then steps that act (make it a When):\n" + "\n".join(acting)
