"""The page of measured figures, docs/figures.md: what the tools measured, latest first, one section per tool.

The tools that measure (fault proofs, benchmark, flake report, the CI timing) call `record(...)` with a dated entry;
it goes on top of its section, and the older entries stay below it, so the page reads as a log, newest first. The
README links here instead of carrying dated figures.
"""
from __future__ import annotations

import datetime
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIGURES = ROOT / "docs" / "figures.md"
SECTIONS = {
    "sensitivity": "Sensitivity: the named faults caught (python -m tools.fault_proofs)",
    "speed": "Speed (python -m tools.benchmark)",
    "flakes": "Flakiness (python -m tools.flake_report)",
    "ci": "A fresh clone in CI (CI=true bash .ci/run)",
    "without_test_control": "Against a console without test control (pytest --base-url)",
}
_HEADER = """# Measured figures

What the project's tools measured on the build machine, newest first in each section. Each entry says the command
that measured it, the date and the machine; the tools add their entries themselves (`tools/figures.py`).
"""


def _sections(text: str) -> dict[str, str]:
    found = {}
    for key, title in SECTIONS.items():
        match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", text, flags=re.S | re.M)
        found[key] = match.group(1).strip("\n") if match else ""
    return found


def record(section: str, body: str, machine: str = "the 2-core build machine", path: Path = FIGURES) -> None:
    """Put a dated entry on top of the section (body: Markdown, without a heading)."""
    if section not in SECTIONS:
        raise KeyError(f"no section {section!r}; sections: {', '.join(SECTIONS)}")
    sections = _sections(path.read_text() if path.exists() else "")
    entry = f"### {datetime.date.today().isoformat()}, {machine}\n\n{body.strip()}\n"
    sections[section] = entry + ("\n" + sections[section] if sections[section] else "")
    parts = [_HEADER]
    for key, title in SECTIONS.items():
        parts.append(f"## {title}\n\n{sections[key].strip() or '(nothing measured yet)'}\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(parts))
