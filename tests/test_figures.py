"""The page of figures keeps its sections, and a new entry goes on top of its own section."""
from __future__ import annotations

from pathlib import Path

from tools.figures import SECTIONS, record


def test_a_new_entry_goes_on_top_of_its_section_and_the_rest_stays(tmp_path: Path) -> None:
    page = tmp_path / "figures.md"
    record("speed", "first: 10 s", path=page)
    record("flakes", "no failures", path=page)
    record("speed", "second: 8 s", path=page)
    text = page.read_text()
    assert text.index("second: 8 s") < text.index("first: 10 s") < text.index(SECTIONS["flakes"])
    assert all(f"## {title}" in text for title in SECTIONS.values())
    assert text.count("no failures") == 1
