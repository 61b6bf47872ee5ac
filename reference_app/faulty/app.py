"""Faulty variants of the application's seams (reference_app/app.py), one per named fault."""
from __future__ import annotations

from fastapi import Request

from reference_app import app  # noqa: F401  (declares the seams replaced here)
from reference_app.seams import replaces


@replaces("app.refused_origin", fault="cross_origin_accepted")
def no_origin_check(request: Request) -> str | None:
    # The defect: state-changing requests from other websites are accepted (no Origin check).
    return None
