"""The real-time probe's arithmetic: percentiles, per-instrument figures over a window, and the budget checks."""
from __future__ import annotations

from dataclasses import replace

import pytest

from fixtures.realtime import RenderedUpdate, figures_for, over_budget, percentile, watch_quietly
from fixtures.settings import Budgets


@pytest.mark.parametrize(
    ("values", "fraction", "expected"),
    [
        ([], 0.95, None),
        ([7.0], 0.95, 7.0),
        (list(range(1, 21)), 0.95, 19),  # 19 of 20 values are at or below 19
        (list(range(1, 101)), 0.95, 95),
        (list(range(100, 0, -1)), 0.50, 50),  # order of arrival does not matter
    ],
)
def test_percentile_is_nearest_rank(values: list[float], fraction: float, expected: float | None) -> None:
    assert percentile(values, fraction) == expected


def ticks(key: str, every_ms: float, count: int, latency_ms: float, start: float = 10_000.0) -> list[RenderedUpdate]:
    return [RenderedUpdate(key, seq, start + i * every_ms - latency_ms, start + i * every_ms, None)
            for seq, i in enumerate(range(count), start=1)]


def test_figures_over_a_window_count_only_its_updates() -> None:
    updates = ticks("EURUSD", 200, 30, latency_ms=4) + ticks("GBPUSD", 1000, 3, latency_ms=150)
    figures = figures_for("EURUSD", updates, start_ms=10_000, end_ms=14_000, last_seen_ms=13_800)
    assert figures.updates == 20 and figures.rate_hz == pytest.approx(5.0)
    assert figures.latency_p95_ms == pytest.approx(4) and figures.last_update_age_s == pytest.approx(0.2)
    assert figures.out_of_order == 0


def test_budget_checks_name_each_instrument_that_misses() -> None:
    budgets = Budgets(update_rate_min_hz=1.0, last_update_max_age_s=1.0, update_latency_p95_ms=100.0)
    healthy = figures_for("EURUSD", ticks("EURUSD", 200, 50, 5), 10_000, 20_000, 19_800)
    throttled = figures_for("GBPUSD", ticks("GBPUSD", 2000, 5, 5), 10_000, 20_000, 18_000)
    late = figures_for("USDJPY", ticks("USDJPY", 200, 50, 480), 10_000, 20_000, 19_800)
    silent = figures_for("AUDUSD", [], 10_000, 20_000, None)
    figures = {f.key: f for f in (healthy, throttled, late, silent)}
    assert [p.split(":")[0] for p in over_budget(figures, budgets, "rate")] == ["GBPUSD", "AUDUSD"]
    assert [p.split(":")[0] for p in over_budget(figures, budgets, "age")] == ["GBPUSD", "AUDUSD"]
    assert [p.split(":")[0] for p in over_budget(figures, budgets, "latency")] == ["USDJPY", "AUDUSD"]
    with pytest.raises(ValueError, match="no measure"):
        over_budget(figures, budgets, "jitter")


def windows_under(*pressures: float | None):
    """A stand-in for `watch` that returns one window per call, with the given test-host CPU pressures in turn."""
    figures = figures_for("EURUSD", ticks("EURUSD", 200, 50, 5), 10_000, 20_000, 19_800)
    left = list(pressures)
    calls = []

    def measure(probe, keys, window_s):
        calls.append(window_s)
        return {"EURUSD": replace(figures, host_cpu_pressure_pct=left.pop(0))}
    return measure, calls


@pytest.mark.parametrize(("pressures", "windows", "judged"), [
    ((12.0, 90.0), 1, 12.0),               # quiet at once: one window
    ((66.0, 20.0, 90.0), 2, 20.0),         # busy, then quiet: stops at the quiet one
    ((66.0, 52.0, 81.0), 3, 52.0),         # busy throughout: the quietest of three
    ((None, 90.0), 1, None),               # pressure unknown (not Linux): the first window
])
def test_watching_quietly_judges_the_quietest_window(pressures, windows: int, judged: float | None) -> None:
    measure, calls = windows_under(*pressures)
    figures, seen = watch_quietly(None, ["EURUSD"], window_s=10, measure=measure)
    assert len(calls) == windows and calls == [10] * windows
    assert figures["EURUSD"].host_cpu_pressure_pct == judged
    assert seen == [p for p in pressures[:windows] if p is not None]
