"""Flake report: run the acceptance suite N times and print each scenario's pass rate per engine.

    python -m tools.flake_report --runs 10                      both engines present here, -n 2
    python -m tools.flake_report --runs 20 --engine firefox -- -m system_status
    python -m tools.flake_report --runs 10 -- --reruns 1       with retries, as a CI that retries would run

A scenario that fails even once in N runs on a healthy console is a defect of the suite (or of the console):
the exit code is non-zero unless every scenario passed every time at the first attempt. A scenario that passed
only on a rerun (pytest-rerunfailures' `--reruns`) is counted as flaky in that run, not as a pass. Written to
reports/flakes.json.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_once(engines: list[str], workers: int, extra: list[str], outcomes_path: Path) -> list[dict]:
    command = [sys.executable, "-m", "pytest", "steps", "-q", "-p", "no:cacheprovider",
               f"--outcomes-json={outcomes_path}", *[arg for e in engines for arg in ("--browser", e)],
               *([] if any(arg.startswith("--reruns") for arg in extra) else ["--reruns", "0"]), *extra]
    if workers > 1:
        command += ["-n", str(workers)]
    subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    return json.loads(outcomes_path.read_text()) if outcomes_path.exists() else []


Tally = dict[tuple[str, str], dict]


def new_tally() -> Tally:
    return defaultdict(lambda: {"passed": 0, "flaky": 0, "failed": 0, "messages": []})


def tally_run(tally: Tally, run: int, outcomes: list[dict]) -> tuple[int, int]:
    """Adds one run's outcomes per (engine, node id); returns its failures and its flaky scenarios."""
    failures = flakes = 0
    for outcome in outcomes:
        if outcome["outcome"] == "skipped":
            continue
        entry = tally[(outcome["engine"], outcome["nodeid"])]
        entry["scenario"] = outcome["scenario"]
        if outcome["outcome"] == "passed":
            entry["passed"] += 1
            continue
        if outcome["outcome"] == "flaky":  # failed, then passed on a rerun: not a pass
            flakes += 1
            entry["flaky"] += 1
            label = f"run {run}, passed on rerun {outcome.get('reruns', 1)}"
        else:
            failures += 1
            entry["failed"] += 1
            label = f"run {run}"
        entry["messages"].append(f"{label}: {outcome['message'][-600:]}")
    return failures, flakes


def summarise(tally: Tally) -> list[dict]:
    """One row per scenario and engine; the pass rate counts only the runs that passed at the first attempt."""
    rows = []
    for (engine, nodeid), entry in sorted(tally.items()):
        total = entry["passed"] + entry["flaky"] + entry["failed"]
        rows.append({"engine": engine, "nodeid": nodeid, "scenario": entry["scenario"], "runs": total,
                     "passed": entry["passed"], "pass_rate": entry["passed"] / total, "flaky": entry["flaky"],
                     "failed": entry["failed"],
                     "failures": entry["messages"]})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.flake_report", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--engine", action="append", dest="engines", help="default: chromium and firefox")
    parser.add_argument("-n", "--workers", type=int, default=2)
    parser.add_argument("--output", default="reports/flakes.json")
    parser.add_argument("pytest_args", nargs="*", help="after --: extra pytest arguments, e.g. -m market_data")
    args = parser.parse_args(argv)
    engines = args.engines or ["chromium", "firefox"]
    tally: Tally = new_tally()
    for run in range(1, args.runs + 1):
        with tempfile.TemporaryDirectory() as workdir:
            outcomes = run_once(engines, args.workers, args.pytest_args, Path(workdir) / "outcomes.json")
        if not outcomes:
            print(f"run {run}: the suite produced no outcomes (did it start?)")
            return 1
        failures, flakes = tally_run(tally, run, outcomes)
        print(f"run {run}/{args.runs}: {failures} failure(s), {flakes} flaky", flush=True)

    rows = summarise(tally)
    for row in rows:
        flaky_note = f"  ({row['flaky']} passed only on a rerun)" if row["flaky"] else ""
        print(f"{row['passed']:3}/{row['runs']:<3} {row['engine']:9} {row['nodeid'].split('::')[-1]}{flaky_note}")
    flaky = [row for row in rows if row["pass_rate"] < 1]
    print(f"\n{len(rows)} scenario runs per pass, {args.runs} passes: "
          + ("no failures" if not flaky else f"{len(flaky)} scenario(s) failed or were flaky at least once"))
    output = ROOT / args.output
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps({"runs": args.runs, "engines": engines, "workers": args.workers,
                                  "extra_pytest_args": args.pytest_args, "scenarios": rows}, indent=2))
    print(f"written: {output}")
    return 1 if flaky else 0


if __name__ == "__main__":
    raise SystemExit(main())
