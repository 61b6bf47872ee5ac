"""Suite sensitivity: run the specs against the console started with each named fault, plus one clean run.

    python -m tools.fault_proofs                      the whole catalogue, in parallel, with a report
    python -m tools.fault_proofs status_frozen        one fault (and the clean run)
    python -m tools.fault_proofs --jobs 1 --engine firefox

A fault is caught when every scenario its catalogue entry names (`caught_by`) fails against it; only the feature
the fault belongs to (its pytest marker) is run. The clean run (every spec, no fault, run first and alone) must
pass. The table is
printed and written as JSON and Markdown (default `reports/sensitivity.{json,md}`); the exit code is non-zero if
the clean run fails or any fault survives.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from reference_app.faults import CATALOGUE, FAULTS, Fault

ROOT = Path(__file__).resolve().parent.parent
FAILING = ("failed", "error")


@dataclass
class SpecRun:
    exit_code: int
    outcomes: list[dict]
    seconds: float = 0.0

    def scenarios_with(self, *outcomes: str) -> set[str]:
        return {o["scenario"] for o in self.outcomes if o["outcome"] in outcomes and o.get("scenario")}

    @property
    def passed(self) -> bool:
        return self.exit_code == 0 and not self.scenarios_with(*FAILING)


@dataclass
class Verdict:
    fault: Fault
    run: SpecRun
    missed: list[str] = field(default_factory=list)

    @property
    def caught_by(self) -> list[str]:
        return sorted(self.run.scenarios_with(*FAILING))

    @property
    def caught(self) -> bool:
        return not self.missed and bool(self.caught_by)

    @property
    def verdict(self) -> str:
        if self.caught:
            return "caught"
        return "MISSED" + (f" (expected to fail: {', '.join(self.missed)})" if self.missed else "")

    def explain(self) -> str:
        return f"{self.fault.name}: {self.verdict}; failed: {self.caught_by or 'none'}"

    def as_dict(self) -> dict:
        return {"fault": self.fault.name, "feature": self.fault.feature, "defect": self.fault.defect,
                "expected_caught_by": list(self.fault.caught_by), "caught_by": self.caught_by,
                "verdict": "caught" if self.caught else "missed", "missed": self.missed,
                "seconds": round(self.run.seconds, 1)}


def run_specs(engine: str, marker: str | None = None, fault: str | None = None) -> SpecRun:
    """One pytest run of the specs in a subprocess, against a console the run starts itself."""
    with tempfile.TemporaryDirectory(prefix="fault-proof-") as workdir:
        outcomes_path = Path(workdir) / "outcomes.json"
        command = [sys.executable, "-m", "pytest", "steps", "-q", "-p", "no:cacheprovider", "--browser", engine,
                   f"--outcomes-json={outcomes_path}", f"--output={Path(workdir) / 'artefacts'}"]
        if marker:
            command += ["-m", marker]
        if fault:
            command += ["--console-fault", fault]
        started = time.monotonic()
        completed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        outcomes = json.loads(outcomes_path.read_text()) if outcomes_path.exists() else []
        if not outcomes:
            raise RuntimeError(f"the spec run produced no outcomes:\n{completed.stdout[-3000:]}\n"
                               f"{completed.stderr[-3000:]}")
        return SpecRun(completed.returncode, outcomes, time.monotonic() - started)


def prove(fault: Fault, engine: str = "chromium") -> Verdict:
    run = run_specs(engine, marker=fault.feature, fault=fault.name)
    failing = run.scenarios_with(*FAILING)
    return Verdict(fault, run, missed=[name for name in fault.caught_by if name not in failing])


def markdown(clean: SpecRun, verdicts: list[Verdict], engine: str) -> str:
    caught = sum(v.caught for v in verdicts)
    lines = [
        f"Engine: {engine}. Clean run: **{'passed' if clean.passed else 'FAILED'}** "
        f"({len(clean.outcomes)} scenario runs, {clean.seconds:.0f} s). "
        f"Faults caught: **{caught} of {len(verdicts)}**.",
        "",
        "| Fault | Feature | Defect it models | Scenarios that caught it | Verdict |",
        "|---|---|---|---|---|",
    ]
    for v in verdicts:
        scenarios = "<br>".join(v.caught_by) or "—"
        lines.append(f"| `{v.fault.name}` | {v.fault.feature} | {v.fault.defect} | {scenarios} | {v.verdict} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.fault_proofs", description=__doc__.splitlines()[0])
    parser.add_argument("faults", nargs="*", help="faults to prove (default: the whole catalogue)")
    parser.add_argument("--engine", default="chromium")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="spec runs at a time")
    parser.add_argument("--report-dir", default="reports", help="where sensitivity.json and .md go")
    args = parser.parse_args(argv)
    unknown = [name for name in args.faults if name not in FAULTS]
    if unknown:
        parser.error(f"no fault named {', '.join(unknown)}; known: {', '.join(sorted(FAULTS))}")
    faults = [FAULTS[name] for name in args.faults] or list(CATALOGUE)

    # The clean run goes first and alone: it includes the real-time budgets, which a machine busy with other runs
    # could miss. A fault's run may fail more scenarios than expected under load; only its own must fail.
    clean = run_specs(args.engine)
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        verdicts = list(pool.map(lambda fault: prove(fault, args.engine), faults))

    table = markdown(clean, verdicts, args.engine)
    print(table)
    if not clean.passed:
        for outcome in clean.outcomes:
            if outcome["outcome"] in FAILING:
                print(f"clean run failed: {outcome.get('scenario')} [{outcome.get('engine')}]\n{outcome['message']}\n")
    report_dir = ROOT / args.report_dir
    report_dir.mkdir(parents=True, exist_ok=True)
    (report_dir / "sensitivity.md").write_text("# Suite sensitivity\n\n" + table)
    (report_dir / "sensitivity.json").write_text(json.dumps({
        "engine": args.engine,
        "date": datetime.date.today().isoformat(),
        "clean_run": {"passed": clean.passed, "scenario_runs": len(clean.outcomes), "seconds": round(clean.seconds, 1),
                      "failed": sorted(clean.scenarios_with(*FAILING))},
        "faults": [v.as_dict() for v in verdicts],
    }, indent=2))
    print(f"written: {report_dir / 'sensitivity.md'}, {report_dir / 'sensitivity.json'}")
    return 0 if clean.passed and all(v.caught for v in verdicts) else 1


if __name__ == "__main__":
    raise SystemExit(main())
