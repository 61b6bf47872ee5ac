"""How many workers a command line gets: the config's by default, none when debugging, and what it asks for."""
from __future__ import annotations

import pytest

from fixtures.workers import workers_for


@pytest.mark.parametrize(("args", "configured", "expected"), [
    (["--browser", "all"], "auto", 2),
    (["--browser", "all"], 3, 3),
    (["--browser", "all"], 1, 0),
    (["--workers", "1"], "auto", 0),
    (["--workers=4"], "auto", 4),
    (["--workers", "auto"], 1, 2),
    (["--headed"], "auto", 0),
    (["--pdb", "-m", "market_data"], "auto", 0),
    (["--collect-only"], "auto", 0),
])
def test_workers_for_a_command_line(args: list[str], configured: int | str, expected: int) -> None:
    assert workers_for(args, configured, cores=2) == expected
