"""The run-wide lock that lets a @measured_alone scenario run while no other scenario runs (fixtures.measured_alone)."""
from __future__ import annotations

import threading
from pathlib import Path

from fixtures.measured_alone import MARKER, pytest_collection_modifyitems, turn


def _enter_in_thread(alone: bool, folder: Path) -> tuple[threading.Event, threading.Event, threading.Thread]:
    """Take a turn in another thread (as another worker would); returns (entered, leave, thread)."""
    entered, leave = threading.Event(), threading.Event()

    def scenario() -> None:
        with turn(alone, folder):
            entered.set()
            leave.wait(10)

    thread = threading.Thread(target=scenario)
    thread.start()
    return entered, leave, thread


def test_ordinary_scenarios_run_together(tmp_path: Path) -> None:
    with turn(False, tmp_path):
        entered, leave, thread = _enter_in_thread(False, tmp_path)
        assert entered.wait(5), "a second ordinary scenario waited for the first"
        leave.set()
        thread.join()


def test_a_measured_scenario_waits_for_the_running_one_and_holds_back_the_next(tmp_path: Path) -> None:
    running_entered, running_leave, running = _enter_in_thread(False, tmp_path)
    assert running_entered.wait(5)
    measured_entered, measured_leave, measured = _enter_in_thread(True, tmp_path)
    assert not measured_entered.wait(0.3), "the measured scenario started while another one was running"
    running_leave.set()
    assert measured_entered.wait(5), "the measured scenario never started once the other one had finished"
    later_entered, later_leave, later = _enter_in_thread(False, tmp_path)
    assert not later_entered.wait(0.3), "a scenario started while the measured one was running"
    measured_leave.set()
    assert later_entered.wait(5), "the next scenario never started once the measured one had finished"
    later_leave.set()
    for thread in (running, measured, later):
        thread.join()


def test_without_workers_nothing_is_locked() -> None:
    with turn(True, None), turn(True, None):
        pass


class _Item:
    def __init__(self, name: str, measured: bool) -> None:
        self.name, self.measured = name, measured

    def get_closest_marker(self, name: str) -> object | None:
        return object() if self.measured and name == MARKER else None


def test_the_measured_scenarios_run_last_in_their_own_order() -> None:
    items = [_Item("a", True), _Item("b", False), _Item("c", True), _Item("d", False)]
    pytest_collection_modifyitems(None, items)  # type: ignore[arg-type]  # the order needs no configuration
    assert [item.name for item in items] == ["b", "d", "a", "c"]
