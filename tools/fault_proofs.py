"""Fault proofs: run the specs against the console started with a named fault and check that they fail.

    python -m tools.fault_proofs                    every fault of the catalogue, plus one clean run
    python -m tools.fault_proofs status_frozen      one fault

A fault is caught when every scenario its catalogue entry names (`caught_by`) fails against it; the clean run
must pass. Only the feature the fault belongs to is run (its pytest marker).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from reference_app.faults import CATALOGUE, FAULTS, Fault

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class SpecRun:
    exit_code: int
    outcomes: list[dict]

    def scenarios_with(self, outcome: str) -> set[str]:
        return {o["scenario"] for o in self.outcomes if o["outcome"] == outcome and o.get("scenario")}


@dataclass
class Verdict:
    fault: Fault
    run: SpecRun
    missed: list[str] = field(default_factory=list)

    @property
    def caught(self) -> bool:
        return not self.missed and bool(self.run.scenarios_with("failed") | self.run.scenarios_with("error"))

    def explain(self) -> str:
        failed = sorted(self.run.scenarios_with("failed") | self.run.scenarios_with("error"))
        return (f"{self.fault.name}: {'caught' if self.caught else 'MISSED'}; failed: {failed or 'none'}; "
                f"expected to fail but did not: {self.missed or 'none'}")


def run_specs(engine: str, marker: str | None = None, fault: str | None = None) -> SpecRun:
    with tempfile.TemporaryDirectory(prefix="fault-proof-") as workdir:
        outcomes_path = Path(workdir) / "outcomes.json"
        command = [sys.executable, "-m", "pytest", "steps", "-q", "-p", "no:cacheprovider", "--browser", engine,
                   f"--outcomes-json={outcomes_path}", f"--output={Path(workdir) / 'artefacts'}"]
        if marker:
            command += ["-m", marker]
        if fault:
            command += ["--console-fault", fault]
        completed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        outcomes = json.loads(outcomes_path.read_text()) if outcomes_path.exists() else []
        if not outcomes:
            raise RuntimeError(f"the spec run produced no outcomes:\n{completed.stdout[-3000:]}\n{completed.stderr[-3000:]}")
        return SpecRun(completed.returncode, outcomes)


def prove(fault: Fault, engine: str = "chromium") -> Verdict:
    run = run_specs(engine, marker=fault.feature, fault=fault.name)
    failing = run.scenarios_with("failed") | run.scenarios_with("error")
    return Verdict(fault, run, missed=[name for name in fault.caught_by if name not in failing])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.fault_proofs", description=__doc__.splitlines()[0])
    parser.add_argument("faults", nargs="*", help="faults to prove (default: the whole catalogue)")
    parser.add_argument("--engine", default="chromium")
    args = parser.parse_args(argv)
    clean = run_specs(args.engine)
    clean_ok = clean.exit_code == 0
    print(f"clean run: {'passed' if clean_ok else 'FAILED'} ({len(clean.outcomes)} scenario runs)")
    verdicts = [prove(FAULTS[name] if name in FAULTS else _unknown(name), args.engine)
                for name in (args.faults or [f.name for f in CATALOGUE])]
    for verdict in verdicts:
        print(verdict.explain())
    return 0 if clean_ok and all(v.caught for v in verdicts) else 1


def _unknown(name: str) -> Fault:
    raise SystemExit(f"no fault named {name!r}; known: {', '.join(sorted(FAULTS))}")


if __name__ == "__main__":
    raise SystemExit(main())
