"""Steps of features/performance.feature."""
from __future__ import annotations

import allure
import pytest
from pytest_bdd import given, parsers, scenarios, then, when

from fixtures.sessions import Desk
from fixtures.settings import SuiteConfig
from pages.browser_performance import BrowserPerformance, LoadTiming, MemoryReading
from pages.screens import SCREENS
from steps.conftest import ACTOR, SCREEN

scenarios("performance.feature")

SLOWER = {"two": 2, "three": 3, "four": 4, "six": 6}
# Heap sizes, DOM node counts, garbage collection and CPU throttling come from the Chrome DevTools Protocol, which
# Firefox (over WebDriver BiDi) and WebKit do not speak. The reason starts "<engine> cannot", which the quality gate
# (allurerc.gate.mjs) accepts as a skip the engine forces.
NO_DEVTOOLS = ("{engine} cannot measure the JS heap and DOM nodes, collect garbage or slow down its CPU: those need "
               "the Chrome DevTools Protocol, which only Chromium speaks")


def devtools(desk: Desk, actor: str) -> BrowserPerformance:
    """The actor's page's performance records, where the engine gives the DevTools protocol; else the scenario is
    skipped with the reason."""
    if desk[actor].engine != "chromium":
        pytest.skip(NO_DEVTOOLS.format(engine=desk[actor].engine))
    return desk[actor].screen(BrowserPerformance)


@when(parsers.re(rf"the {ACTOR} opens the {SCREEN} screen, timed from the navigation"), target_fixture="load_timing")
def opens_screen_timed(desk: Desk, actor: str, screen: str) -> LoadTiming:
    shown = desk[actor].open(SCREENS[screen])
    return desk[actor].screen(BrowserPerformance).load_timing(getattr(shown, "seconds_until_ready", None))


@then(parsers.re(rf"the {ACTOR} saw the screen loaded and showing its data within the page-load budget"))
def saw_screen_ready(load_timing: LoadTiming, suite: SuiteConfig) -> None:
    budget = suite.budgets.page_ready_s
    allure.attach(f"ready after {load_timing.ready_s:.3f} s (budget {budget} s): {load_timing.report()}",
                  name="Time until the screen was ready")
    assert load_timing.ready_s <= budget, (
        f"the screen was ready {load_timing.ready_s:.2f} s after the navigation began, over its {budget} s budget: "
        f"{load_timing.report()}")


@then(parsers.re(rf"the {ACTOR} saw every call of the screen to the console answered within the API budget"))
def saw_calls_answered(desk: Desk, actor: str, suite: SuiteConfig) -> None:
    calls, budget = desk[actor].screen(BrowserPerformance).api_calls(), suite.budgets.api_response_s
    allure.attach("\n".join(f"{c.took_s * 1000:7.0f} ms  {c.path} (started at {c.started_s:.3f} s)" for c in calls)
                  or "none", name=f"Calls to the console's API (budget {budget * 1000:.0f} ms each)")
    assert calls, "the screen made no call to the console's API: nothing to time (is it the screen's data source?)"
    slowest = max(calls, key=lambda call: call.took_s)
    assert slowest.took_s <= budget, (
        f"{slowest.path} answered after {slowest.took_s * 1000:.0f} ms, over the {budget * 1000:.0f} ms budget "
        f"(the slowest of the screen's {len(calls)} calls)")


@given(parsers.re(rf"the {ACTOR}'s phone computes (?P<times>\w+) times slower than a desktop computer"))
def phone_slower(desk: Desk, actor: str, times: str) -> None:
    devtools(desk, actor).slow_down_cpu(SLOWER[times])


@when(parsers.re(rf"the {ACTOR} leaves the screen open while prices tick"), target_fixture="memory_watch")
def leaves_screen_open(desk: Desk, actor: str, suite: SuiteConfig) -> tuple[MemoryReading, MemoryReading]:
    budgets = suite.budgets
    return devtools(desk, actor).watch_memory(settle_s=budgets.memory_settle_s, watch_s=budgets.memory_watch_s)


@then(parsers.re(rf"the {ACTOR}'s screen holds about as many page elements as when the prices began to tick"))
def holds_as_many_nodes(memory_watch: tuple[MemoryReading, MemoryReading], suite: SuiteConfig) -> None:
    (start, end), budget = memory_watch, suite.budgets.memory_nodes_growth_max
    allure.attach(f"{start.dom_nodes} at {start.at_s:.1f} s, {end.dom_nodes} at {end.at_s:.1f} s (page clock, after "
                  f"garbage collection; budget +{budget:.0f})", name="DOM nodes of the screen left open")
    assert end.dom_nodes - start.dom_nodes <= budget, (
        f"the screen grew from {start.dom_nodes} to {end.dom_nodes} DOM nodes in {end.at_s - start.at_s:.0f} s "
        f"of ticks, more than the {budget:.0f} allowed")


@then(parsers.re(rf"the {ACTOR}'s screen uses about as much memory as when the prices began to tick"))
def uses_as_much_memory(memory_watch: tuple[MemoryReading, MemoryReading], suite: SuiteConfig) -> None:
    (start, end), budget = memory_watch, suite.budgets.memory_heap_growth_max_mb
    allure.attach(f"{start.js_heap_used_mb:.2f} MB at {start.at_s:.1f} s, {end.js_heap_used_mb:.2f} MB at "
                  f"{end.at_s:.1f} s (page clock, after garbage collection; budget +{budget} MB)",
                  name="JS heap used by the screen left open")
    assert end.js_heap_used_mb - start.js_heap_used_mb <= budget, (
        f"the screen's JS heap grew from {start.js_heap_used_mb:.2f} to {end.js_heap_used_mb:.2f} MB in "
        f"{end.at_s - start.at_s:.0f} s of ticks (after garbage collection), more than the {budget} MB allowed")
