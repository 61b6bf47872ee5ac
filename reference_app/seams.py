"""Seams: the named points where a fault of the catalogue may replace the console's behaviour.

The domain modules (orders.py, risk.py, ...) are written as the correct console. Where a realistic defect can be
switched on for the fault proofs, the correct behaviour is a small function or method marked with `@seam("name")`;
the faulty variant lives in `reference_app/faulty/<domain>.py`, marked with `@replaces("name", fault="...")`, and
takes the seam's place only while the console runs with that fault (`--test-mode --fault NAME`). So a reader of
orders.py sees what the console does, and `python -m reference_app --list-faults` or the faulty modules say how each
fault changes it.

Faults are activated for the whole process when a console is built (one console per process, as the suite starts
it; the self-tests build one console at a time).
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class Replacement:
    seam: str
    fault: str
    function: Callable[..., Any]


SEAMS: dict[str, Callable[..., Any]] = {}  # seam name -> the correct behaviour
REPLACEMENTS: dict[str, list[Replacement]] = {}  # fault name -> what it replaces
_active: dict[str, Callable[..., Any]] = {}  # seam name -> the faulty behaviour in force


def seam(name: str) -> Callable[[F], F]:
    """Mark the correct behaviour at a point a named fault may replace (a function or a method)."""

    def mark(function: F) -> F:
        if name in SEAMS:
            raise ValueError(f"seam {name!r} is declared twice")
        SEAMS[name] = function

        @functools.wraps(function)
        def call(*args: Any, **kwargs: Any) -> Any:
            return _active.get(name, function)(*args, **kwargs)

        return call  # type: ignore[return-value]

    return mark


def replaces(name: str, fault: str) -> Callable[[F], F]:
    """Mark a faulty variant of seam `name`, in force while the console runs with `fault`."""

    def mark(function: F) -> F:
        REPLACEMENTS.setdefault(fault, []).append(Replacement(name, fault, function))
        return function

    return mark


def correct(name: str) -> Callable[..., Any]:
    """The correct behaviour of seam `name`, for a faulty variant that changes only part of what it does."""
    return SEAMS[name]


def activate(faults: Iterable[str]) -> None:
    """Put the faulty variants of these faults in force (and only these): done when a console is built."""
    _load_faulty_modules()
    _active.clear()
    for fault in faults:
        for replacement in REPLACEMENTS.get(fault, []):
            if replacement.seam not in SEAMS:
                raise LookupError(f"fault {fault!r} replaces seam {replacement.seam!r}, which no module declares")
            _active[replacement.seam] = replacement.function


def _load_faulty_modules() -> None:
    from reference_app import faulty  # noqa: F401  (importing it registers every replacement)
