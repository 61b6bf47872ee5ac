"""The UI contract as the page objects declare it: which of their locators the specs need, and where they appear.

Each page object lists, in `CONTRACT`, the items of docs/ui-contract.md it finds on its screen, as paths to its own
locators ("heading", "limits.edit_button", "component(Database).state"), so that the contract check
(`tools/contract_check.py`) looks for exactly what the specs look for. A path is attribute names and method calls with
text arguments ("order(10,000|EURUSD)"), separated by dots.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from playwright.sync_api import Locator

_STEP = re.compile(r"(\w+)(?:\((.*)\))?")  # an argument may hold parentheses: "metric(VaR (95%))"
ARGUMENTS = "|"  # separates the text arguments of a call: "order(10,000|EURUSD)"


class Sample:
    """Data a screen needs before it shows some items. Where the console offers test control, the contract check
    creates each of these through the console's public API in a fresh account of its own, and looks for the items
    too; elsewhere it creates nothing and lists them as not checked."""

    SAVED_STRATEGY = "a saved strategy named UI Test Strategy"
    RUNNING_STRATEGY = "a running strategy named Contract Check Momentum"
    POSITION = "an open EURUSD position"
    WORKING_ORDER = "a working LIMIT order to BUY 10,000 EURUSD"
    ORDER = "an order for 10,000 EURUSD"
    RISK_ALERT = "a risk alert"


@dataclass(frozen=True)
class ContractItem:
    path: str  # to a locator of the page object
    needed_by: tuple[str, ...]  # the features (their markers) whose scenarios use it
    # A control the check presses first because it shows the item; it only opens a form, it changes nothing.
    after: str | None = None
    # What must exist for the screen to show the item (a position, a halted account): one of `Sample`, which the
    # check may create, or anything else, which it never does (the item is then listed as not checked).
    only_with: str | None = None


def locate(page_object: Any, path: str) -> Locator:
    """The locator a path names on a page object: `component(Database).state` is
    `page_object.component("Database").state`."""
    target = page_object
    for step in _split(path):
        match = _STEP.fullmatch(step)
        if match is None:
            raise ValueError(f"{path!r}: {step!r} is neither an attribute nor a call with text arguments")
        name, argument = match.groups()
        target = getattr(target, name)
        if argument is not None:
            target = target(*argument.split(ARGUMENTS))
    if not isinstance(target, Locator):
        raise TypeError(f"{type(page_object).__name__}.{path} is a {type(target).__name__}, not a locator")
    return target


def _split(path: str) -> list[str]:
    """Split on the dots outside parentheses (an argument may hold a dot)."""
    steps, depth, current = [], 0, ""
    for char in path:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "." and depth == 0:
            steps.append(current)
            current = ""
        else:
            current += char
    return [*steps, current]


# How Playwright writes each kind of locator in a selector, and how the UI contract names it.
_PART = re.compile(r"^internal:(?P<engine>[\w-]+)=(?P<body>.*)$", re.DOTALL)
_ROLE = re.compile(r"^(?P<role>\w+)(?P<options>(\[.*\])*)$", re.DOTALL)
_OPTION = re.compile(r'\[(\w+)=(?:"((?:[^"\\]|\\.)*)"[si]?|([^\]]*))\]')
_QUOTED = re.compile(r'^"((?:[^"\\]|\\.)*)"[si]?$', re.DOTALL)


def _text(body: str) -> str:
    quoted = _QUOTED.match(body)
    return quoted.group(1).replace('\\"', '"') if quoted else body


def _describe_part(part: str) -> tuple[str, str] | None:
    """One `>>` step of a selector as (kind, description); None for a step that only narrows (first, visible)."""
    match = _PART.match(part.strip())
    if match is None:
        return "selector", part.strip()
    engine, body = match.group("engine"), match.group("body")
    if engine == "role":
        role = _ROLE.match(body)
        if role is None:
            return "accessible name", f"role {body}"
        options = {name: quoted if quoted else plain for name, quoted, plain in _OPTION.findall(role["options"])}
        named = f' "{options.pop("name")}"' if "name" in options else ""
        extra = "".join(f", {key} {value}" for key, value in options.items() if key != "include-hidden")
        return "accessible name", f"role {role['role']}{named}{extra}"
    if engine == "testid":
        return "test id", f'test id "{_text(body.split("=", 1)[1].rstrip("]"))}"'
    if engine == "label":
        return "label", f'label "{_text(body)}"'
    if engine == "text":
        return "text", f'text "{_text(body)}"'
    if engine in ("has", "has-not"):
        inner = " › ".join(text for _, text in filter(None, map(_describe_part, _text(body).split(" >> "))))
        return "filter", f"{'with' if engine == 'has' else 'without'} ({inner})"
    if engine in ("has-text", "has-not-text"):
        return "filter", f"{'with' if engine == 'has-text' else 'without'} text \"{_text(body)}\""
    return None


def describe(locator: Locator) -> tuple[str, str]:
    """What a locator looks for, as the UI contract says it: its kind (accessible name, test id, label) and a
    description, e.g. ('test id', 'role table "Components" › role row with (role rowheader "Database") › test id
    "component-state"')."""
    selector: str = locator._impl_obj._selector  # Playwright offers no public accessor for it
    parts = [described for described in map(_describe_part, selector.split(" >> ")) if described]
    kind = next((kind for kind, _ in reversed(parts) if kind != "filter"), "selector")
    text = ""
    for part_kind, part_text in parts:
        text += f" {part_text}" if part_kind == "filter" else f" › {part_text}"
    return kind, text.removeprefix(" › ").strip()
