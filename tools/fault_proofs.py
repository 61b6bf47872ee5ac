"""Suite sensitivity: run the specs against the console started with each named fault, plus one clean run.

    python -m tools.fault_proofs                      the whole catalogue, a fault more at a time than cores, a report
    python -m tools.fault_proofs status_frozen        one fault (and the clean run)
    python -m tools.fault_proofs --jobs 1 --engine firefox
    python -m tools.fault_proofs --clean-outcomes reports/acceptance-outcomes.json    the clean run already made

A fault is caught when every scenario its catalogue entry names (`caught_by`) fails against it; only those
scenarios are run for it. The clean run (every spec, no fault, run first and alone, on both workers) must pass. A
blind fault (written by someone who never read the specs) that no scenario names yet is reported as not caught, a
known gap, and does not fail the proofs; the report shows the blind faults' catch rate on first sight
(docs/blind-faults-first-sight.json, recorded by tools.first_sight when they were written) apart from the rest. The
table is printed and written as JSON and Markdown (default `reports/sensitivity.{json,md}`); the exit code is
non-zero if the clean run fails or a fault is not caught by the scenarios that name it. A fault missed on its run
beside another is proved once more, alone, and reported as caught on a second run if it is then.

The proofs run two more at a time than the machine has cores: a caught fault's run spends much of its wall waiting
for an expectation to time out, with its CPU idle. They start longest first, by the time the clean run spent on each
proof's scenarios, so that a long proof started last does not keep the others' cores idle at the end.
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

from _pytest.mark.expression import Expression
from pytest_bdd.scenario import make_python_name

from reference_app.faults import CATALOGUE, FAULTS, SHOWS_IN_EXAMPLES, SHOWS_ON_ENGINE, Fault
from tools.figures import record

ROOT = Path(__file__).resolve().parent.parent
FIRST_SIGHT = ROOT / "docs" / "blind-faults-first-sight.json"
FAILING = ("failed", "error")
SELF_TEST_PLUGINS_OFF = ("-p", "no:schemathesis", "-p", "no:hypothesispytest", "-p", "no:anyio")


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
    second_run: bool = False  # missed on its first run, beside another fault's, and proved again alone

    @property
    def caught_by(self) -> list[str]:
        return sorted(self.run.scenarios_with(*FAILING))

    @property
    def caught(self) -> bool:
        return not self.missed and bool(self.caught_by)

    @property
    def known_gap(self) -> bool:
        """A blind fault that no scenario names yet: not caught, and known not to be."""
        return self.fault.blind and not self.fault.caught_by

    @property
    def verdict(self) -> str:
        if self.caught:
            return "caught on a second run, alone" if self.second_run else "caught"
        if self.known_gap:
            return "not caught by any scenario yet"
        return "MISSED" + (f" (expected to fail: {', '.join(self.missed)})" if self.missed else "")

    def explain(self) -> str:
        return f"{self.fault.name}: {self.verdict}; failed: {self.caught_by or 'none'}"

    def as_dict(self) -> dict:
        return {"fault": self.fault.name, "feature": self.fault.feature, "defect": self.fault.defect,
                "blind": self.fault.blind,
                "expected_caught_by": list(self.fault.caught_by), "caught_by": self.caught_by,
                "verdict": "caught" if self.caught else "not caught yet" if self.known_gap else "missed",
                "missed": self.missed, "second_run": self.second_run,
                "seconds": round(self.run.seconds, 1)}


def scenario_nodes(fault: Fault) -> list[str]:
    """The test functions of the scenarios a fault names (every example of an outline)."""
    return [f"steps/test_{fault.feature}.py::test_{make_python_name(name)}" for name in fault.caught_by]


def expected_seconds(fault: Fault, clean: SpecRun) -> float:
    """How long the clean run spent on the scenario runs the fault's proof runs (its scenarios, and only the examples
    `SHOWS_IN_EXAMPLES` selects, matched as pytest's -k matches them: case-insensitive parts of the test's name)."""
    nodes = set(scenario_nodes(fault))
    examples = SHOWS_IN_EXAMPLES.get(fault.name)
    selection = Expression.compile(examples) if examples else None

    def proved_on(nodeid: str) -> bool:
        if nodeid.split("[")[0] not in nodes:
            return False
        return selection is None or selection.evaluate(lambda word, **_: word.lower() in nodeid.lower())

    return sum(outcome.get("duration_s", 0.0) for outcome in clean.outcomes if proved_on(outcome.get("nodeid", "")))


def longest_first(faults: list[Fault], clean: SpecRun) -> list[Fault]:
    return sorted(faults, key=lambda fault: -expected_seconds(fault, clean))


def run_specs(engine: str, marker: str | None = None, fault: str | None = None, nodes: list[str] | None = None,
              workers: int = 0, examples: str = "") -> SpecRun:
    """One pytest run of the specs in a subprocess, against a console the run starts itself."""
    with tempfile.TemporaryDirectory(prefix="fault-proof-") as workdir:
        outcomes_path = Path(workdir) / "outcomes.json"
        # The plugins of the self-tests (API fuzzing) are not loaded: importing them takes some 5 s of a CPU per run,
        # and a proof of the catalogue is some two hundred runs.
        command = [sys.executable, "-m", "pytest", *(nodes or ["steps"]), "-q", "-p", "no:cacheprovider",
                   *SELF_TEST_PLUGINS_OFF,
                   "--browser", engine, f"--outcomes-json={outcomes_path}", f"--output={Path(workdir) / 'artefacts'}",
                   "-n", str(workers), "--reruns", "0"]  # a verdict is the first attempt's, also in CI
        if marker:
            command += ["-m", marker]
        if examples:
            command += ["-k", examples]
        if fault:
            # A fault's run needs only each named scenario's verdict: no artefacts (they would be thrown away with
            # the folder), and an outline stops at its first failing example.
            command += ["--console-fault", fault, "--tracing", "off", "--screenshot", "off",
                        "--one-failure-per-scenario"]
        started = time.monotonic()
        completed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        outcomes = json.loads(outcomes_path.read_text()) if outcomes_path.exists() else []
        if not outcomes:
            raise RuntimeError(f"the spec run produced no outcomes:\n{completed.stdout[-3000:]}\n"
                               f"{completed.stderr[-3000:]}")
        return SpecRun(completed.returncode, outcomes, time.monotonic() - started)


def prove(fault: Fault, engine: str = "chromium") -> Verdict:
    """Run the scenarios that name the fault against the console started with it, on `engine`, or on the one engine
    the fault shows on (SHOWS_ON_ENGINE)."""
    if not fault.caught_by:  # a blind fault no scenario catches yet: nothing to run
        return Verdict(fault, SpecRun(0, []))
    engine = SHOWS_ON_ENGINE.get(fault.name, engine)
    run = run_specs(engine, fault=fault.name, nodes=scenario_nodes(fault),
                    examples=SHOWS_IN_EXAMPLES.get(fault.name, ""))
    failing = run.scenarios_with(*FAILING)
    return Verdict(fault, run, missed=[name for name in fault.caught_by if name not in failing])


def prove_again_alone(verdict: Verdict, engine: str) -> Verdict:
    """A fault missed while another fault's run shared the two cores is proved once more with the machine to itself;
    the verdict says it took a second run, so that a spec that catches its fault only now and then stays visible."""
    if verdict.caught or verdict.known_gap:
        return verdict
    again = prove(verdict.fault, engine)
    again.second_run = True
    return again


def tree_signature() -> str:
    """The commit and the uncommitted changes of the working tree: what a spec run ran."""
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout
    changes = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True,
                             text=True).stdout
    return head + changes


def earlier_clean_run(outcomes_path: Path, engine: str) -> SpecRun | None:
    """The clean run already made on this tree by a run of every spec (./suite acceptance writes its outcomes, and
    beside them the tree they ran on, `<name>.tree`), restricted to the engine; None if there is none for this tree."""
    tree_path = outcomes_path.with_suffix(".tree")
    if not (outcomes_path.exists() and tree_path.exists()) or tree_path.read_text() != tree_signature():
        print(f"no run of every spec on this tree in {outcomes_path}: a clean run of its own")
        return None
    outcomes = [o for o in json.loads(outcomes_path.read_text()) if o.get("engine") == engine]
    if not outcomes:
        return None
    print(f"clean run: the {len(outcomes)} {engine} scenario runs of {outcomes_path} (same tree)")
    failed = any(o["outcome"] in FAILING for o in outcomes)
    wall = max(o["stopped_at"] for o in outcomes) - min(o["started_at"] for o in outcomes)
    return SpecRun(1 if failed else 0, outcomes, wall)


def first_sight_record(path: Path = FIRST_SIGHT) -> dict[str, str]:
    """Each blind fault's verdict when it was written (caught or missed), as tools.first_sight recorded it."""
    if not path.exists():
        return {}
    return {entry["fault"]: entry["verdict"] for entry in json.loads(path.read_text())["faults"]}


def markdown(clean: SpecRun, verdicts: list[Verdict], engine: str, first_sight: dict[str, str] | None = None) -> str:
    first_sight = first_sight or {}
    own = [v for v in verdicts if not v.fault.blind]
    blind = [v for v in verdicts if v.fault.blind]
    seen = [v for v in blind if v.fault.name in first_sight]
    lines = [
        f"Engine: {engine}. Clean run: **{'passed' if clean.passed else 'FAILED'}** "
        f"({len(clean.outcomes)} scenario runs, {clean.seconds:.0f} s).",
        "",
        f"- Faults written with the specs: **{sum(v.caught for v in own)} of {len(own)}** caught.",
        f"- Blind faults (written from the test plan, the brief and the UI contract by someone who never read the "
        f"specs), on first sight: **{sum(first_sight[v.fault.name] == 'caught' for v in seen)} of {len(seen)}** "
        f"caught; now: **{sum(v.caught for v in blind)} of {len(blind)}**.",
        "",
        "| Fault | Feature | Defect it models | Scenarios that caught it | First sight | Verdict |",
        "|---|---|---|---|---|---|",
    ]
    for v in [*own, *blind]:
        scenarios = "<br>".join(v.caught_by) or "—"
        if v.fault.name in SHOWS_ON_ENGINE:
            scenarios += f" (on {SHOWS_ON_ENGINE[v.fault.name]}, the engine it shows on)"
        sight = first_sight.get(v.fault.name, "—") if v.fault.blind else "(not blind)"
        lines.append(f"| `{v.fault.name}` | {v.fault.feature} | {v.fault.defect} | {scenarios} | {sight} | "
                     f"{v.verdict} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.fault_proofs", description=__doc__.splitlines()[0])
    parser.add_argument("faults", nargs="*", help="faults to prove (default: the whole catalogue)")
    parser.add_argument("--engine", default="chromium")
    parser.add_argument("--jobs", type=int, default=(os.cpu_count() or 1) + 2,
                        help="spec runs at a time (default: two more than the cores)")
    parser.add_argument("--report-dir", default="reports", help="where sensitivity.json and .md go")
    parser.add_argument("--clean-outcomes", metavar="PATH", default=None,
                        help="the clean run is the run of every spec that wrote these outcomes (`pytest "
                             "--outcomes-json`, e.g. by ./suite acceptance) on the same tree, instead of a new one")
    parser.add_argument("--record", action="store_true",
                        help="also write docs/sensitivity.md and add the figures to docs/figures.md (to commit)")
    args = parser.parse_args(argv)
    unknown = [name for name in args.faults if name not in FAULTS]
    if unknown:
        parser.error(f"no fault named {', '.join(unknown)}; known: {', '.join(sorted(FAULTS))}")
    faults = [FAULTS[name] for name in args.faults] or list(CATALOGUE)

    # The clean run goes first and alone: it includes the real-time budgets, which a machine busy with other runs
    # could miss. A fault's run may fail more scenarios than expected under load; only its own must fail.
    started = time.monotonic()
    clean = earlier_clean_run(Path(args.clean_outcomes), args.engine) if args.clean_outcomes else None
    if clean is None:
        clean = run_specs(args.engine, workers=2)
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        proved = {verdict.fault.name: verdict for verdict in
                  pool.map(lambda fault: prove(fault, args.engine), longest_first(faults, clean))}
    verdicts = [prove_again_alone(proved[fault.name], args.engine) for fault in faults]  # the catalogue's order

    elapsed = time.monotonic() - started
    table = markdown(clean, verdicts, args.engine, first_sight_record())
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
    if args.record:
        (ROOT / "docs" / "sensitivity.md").write_text("# Suite sensitivity\n\n" + table)
        summary = table.split("\n\n| Fault")[0]
        record("sensitivity", f"`python -m tools.fault_proofs` on {args.engine}, {len(verdicts)} faults, "
                              f"{args.jobs} at a time: {elapsed:.0f} s in all.\n\n{summary}\n\n"
                              "The table, fault by fault: [sensitivity.md](sensitivity.md).")
    return 0 if clean.passed and all(v.caught or v.known_gap for v in verdicts) else 1


if __name__ == "__main__":
    raise SystemExit(main())
