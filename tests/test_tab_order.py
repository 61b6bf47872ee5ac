"""Tab order against the order of the page: a round may begin anywhere, but may not jump about."""
from __future__ import annotations

from pages.accessibility import FocusStop, TabRound

PAGE = [FocusStop(key, name) for key, name in enumerate(["Status", "Trading", "Market Data", "Sign out", "Submit"])]


def round_through(*names: str) -> TabRound:
    by_name = {stop.name: stop for stop in PAGE}
    return TabRound(PAGE, [by_name[name] for name in names])


def test_a_round_in_page_order_is_in_order() -> None:
    assert round_through("Status", "Trading", "Market Data", "Sign out", "Submit").out_of_order() == []


def test_a_round_that_begins_on_a_focused_field_is_in_order() -> None:
    assert round_through("Market Data", "Sign out", "Submit", "Status", "Trading").out_of_order() == []


def test_a_control_put_first_by_a_positive_tabindex_is_out_of_order() -> None:
    assert round_through("Market Data", "Status", "Trading", "Sign out", "Submit").out_of_order() == [
        "Market Data, then Status", "Submit, then Market Data"]


def test_two_controls_swapped_are_out_of_order() -> None:
    assert round_through("Status", "Market Data", "Trading", "Sign out", "Submit").out_of_order() == [
        "Market Data, then Trading", "Submit, then Status"]
