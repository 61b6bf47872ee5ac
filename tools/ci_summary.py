"""What failed in a CI run, in a few lines at the end of its log (where a CI page shows it without scrolling).

    python -m tools.ci_summary

Reads what the README's two commands leave in reports/: the acceptance run's outcomes (`acceptance-outcomes.json`),
the self-tests' JUnit report (`selftest-junit.xml`) and the fault proofs' verdicts (`sensitivity.json`). Prints each
failed scenario run, scenario run that passed only on its rerun (flaky), failed self-test and fault not caught, with
the first line of its message (and for a scenario, where its pages were); a missing file is named as missing.
Exit code 0: it only reports.
"""
from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from tools.fault_proofs import FAILING

ROOT = Path(__file__).resolve().parent.parent
MESSAGE_CHARS = 300


def first_line(message: str) -> str:
    """The first line of pytest's error ("E   AssertionError: …") if the message has one, else its first line."""
    lines = [text for text in (message or "").splitlines() if text.strip()]
    errors = [text[1:].strip() for text in lines if text.startswith("E ") and text[1:].strip()]
    return (errors or [text.strip() for text in lines] or [""])[0][:MESSAGE_CHARS]


def acceptance_lines(path: Path) -> list[str]:
    if not path.exists():
        return [f"acceptance: no outcomes ({path.name} missing: the run did not reach its end)"]
    outcomes = json.loads(path.read_text())
    failed = [o for o in outcomes if o["outcome"] in FAILING]
    flaky = [o for o in outcomes if o["outcome"] == "flaky"]
    lines = [f"acceptance: {len(outcomes)} scenario runs, {len(failed)} failed, {len(flaky)} flaky"]
    for label, records in (("FAILED", failed), ("FLAKY (passed only on its rerun; first attempt:)", flaky)):
        for o in records:
            lines.append(f"  {label} {o['nodeid']}: {first_line(o.get('message', ''))}")
            lines += [f"    {where}"[:MESSAGE_CHARS * 2] for where in o.get("pages", "").splitlines()]
    return lines


def selftest_lines(path: Path) -> list[str]:
    if not path.exists():
        return [f"self-tests: no report ({path.name} missing)"]
    cases = ElementTree.parse(path).getroot().iter("testcase")
    total, failed = 0, []
    for case in cases:
        total += 1
        problem = case.find("failure") if case.find("failure") is not None else case.find("error")
        if problem is not None:
            name = f"{case.get('classname', '')}::{case.get('name', '')}"
            failed.append(f"  FAILED {name}: {first_line(problem.get('message', '') or problem.text or '')}")
    return [f"self-tests: {total} tests, {len(failed)} failed", *failed]


def fault_proof_lines(path: Path) -> list[str]:
    if not path.exists():
        return [f"fault proofs: no verdicts ({path.name} missing)"]
    report = json.loads(path.read_text())
    clean = report["clean_run"]
    missed = [f for f in report["faults"] if f["verdict"] == "missed"]
    lines = [f"fault proofs: clean run {'passed' if clean['passed'] else 'FAILED'}"
             f" ({', '.join(clean['failed']) or 'no scenario failed'}); "
             f"{len(report['faults'])} faults, {len(missed)} missed"]
    lines += [f"  MISSED {f['fault']}: expected to fail {', '.join(f['missed'])}; failed: "
              f"{', '.join(f['caught_by']) or 'none'}" for f in missed]
    lines += [f"  caught only on a second run, alone: {f['fault']}" for f in report["faults"] if f.get("second_run")
              and f["verdict"] == "caught"]
    return lines


def summary(reports: Path) -> str:
    return "\n".join([
        *acceptance_lines(reports / "acceptance-outcomes.json"),
        *selftest_lines(reports / "selftest-junit.xml"),
        *fault_proof_lines(reports / "sensitivity.json"),
    ])


def main(argv: list[str] | None = None) -> int:
    reports = Path(argv[0]) if argv else ROOT / "reports"
    print(f"\n== CI summary ({reports})\n{summary(reports)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
