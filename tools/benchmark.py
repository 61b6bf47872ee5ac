"""Benchmark: wall time per scenario and per engine, and what our layers cost over the raw Playwright calls.

    python -m tools.benchmark                         both engines present here, -n 2, report in reports/
    python -m tools.benchmark --engine chromium -n 1

One run of the acceptance suite on the given engines with `--layer-timing`. Per scenario: its wall time (set-up,
steps, tear-down) and, within the steps, the time spent inside Playwright calls (actions, web-first assertions,
evaluations) — the rest of the steps' time is our layers' overhead (pytest-bdd, steps, page objects). Per engine:
the wall time from its first scenario's start to its last one's end. The whole run is checked against the suite
budget (120 s with -n 2 on both engines, from the issue tracker). Written to reports/benchmark.json.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUITE_BUDGET_S = 120.0


def run_suite(engines: list[str], workers: int, outcomes_path: Path) -> tuple[float, int]:
    command = [sys.executable, "-m", "pytest", "steps", "-q", "-p", "no:cacheprovider", "--layer-timing",
               f"--outcomes-json={outcomes_path}", "--reruns", "0"]
    for engine in engines:
        command += ["--browser", engine]
    if workers > 1:
        command += ["-n", str(workers)]
    started = time.monotonic()
    completed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    return time.monotonic() - started, completed.returncode


def summarise(outcomes: list[dict]) -> dict:
    by_engine: dict[str, list[dict]] = defaultdict(list)
    for outcome in outcomes:
        if outcome["outcome"] == "skipped" or not outcome.get("engine"):
            continue
        steps_s = outcome["phases"].get("call", 0.0)
        playwright_s = outcome.get("playwright", {}).get("call", {}).get("seconds", 0.0)
        by_engine[outcome["engine"]].append({
            "scenario": outcome["scenario"], "nodeid": outcome["nodeid"], "outcome": outcome["outcome"],
            "wall_s": round(outcome["duration_s"], 3), "setup_s": round(outcome["phases"].get("setup", 0.0), 3),
            "steps_s": round(steps_s, 3), "playwright_in_steps_s": round(playwright_s, 3),
            "our_layers_in_steps_s": round(steps_s - playwright_s, 3),
            "started_at": outcome["started_at"], "stopped_at": outcome["stopped_at"],
        })
    engines = {}
    for engine, scenarios in by_engine.items():
        steps = sum(s["steps_s"] for s in scenarios)
        ours = sum(s["our_layers_in_steps_s"] for s in scenarios)
        engines[engine] = {
            "wall_s": round(max(s["stopped_at"] for s in scenarios) - min(s["started_at"] for s in scenarios), 1),
            "scenario_time_s": round(sum(s["wall_s"] for s in scenarios), 1),
            "steps_s": round(steps, 1),
            "our_layers_in_steps_s": round(ours, 2),
            "our_layers_share_of_steps": round(ours / steps, 3) if steps else 0.0,
            "scenarios": sorted(scenarios, key=lambda s: -s["wall_s"]),
        }
    return engines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.benchmark", description=__doc__.splitlines()[0])
    parser.add_argument("--engine", action="append", dest="engines", help="default: chromium and firefox")
    parser.add_argument("-n", "--workers", type=int, default=2)
    parser.add_argument("--output", default="reports/benchmark.json")
    args = parser.parse_args(argv)
    engines = args.engines or ["chromium", "firefox"]
    with tempfile.TemporaryDirectory() as workdir:
        outcomes_path = Path(workdir) / "outcomes.json"
        wall, exit_code = run_suite(engines, args.workers, outcomes_path)
        outcomes = json.loads(outcomes_path.read_text())
    summary = summarise(outcomes)
    report = {"command": f"pytest --browser {' --browser '.join(engines)} -n {args.workers} --layer-timing",
              "wall_s": round(wall, 1), "budget_s": SUITE_BUDGET_S, "within_budget": wall <= SUITE_BUDGET_S,
              "all_passed": exit_code == 0, "engines": summary}
    for engine, figures in summary.items():
        print(f"{engine}: {len(figures['scenarios'])} scenarios, wall {figures['wall_s']} s, "
              f"steps {figures['steps_s']} s,"
              f" our layers {figures['our_layers_in_steps_s']} s ({figures['our_layers_share_of_steps']:.1%} of steps)")
        for scenario in figures["scenarios"]:
            print(f"  {scenario['wall_s']:6.2f} s  steps {scenario['steps_s']:5.2f} s"
                  f"  ours {scenario['our_layers_in_steps_s']:5.3f} s  {scenario['scenario']}")
    print(f"whole run: {wall:.1f} s with -n {args.workers} (budget {SUITE_BUDGET_S:.0f} s: "
          f"{'met' if wall <= SUITE_BUDGET_S else 'EXCEEDED'}); all passed: {exit_code == 0}")
    output = ROOT / args.output
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(report, indent=2))
    print(f"written: {output}")
    return 0 if exit_code == 0 and wall <= SUITE_BUDGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
