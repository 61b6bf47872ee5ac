"""Rewrite the README's sensitivity and checklist tables from reports/sensitivity.json and tools/checklists.py.

    python -m tools.fault_proofs && python -m tools.readme_tables

The tables sit between `<!-- sensitivity:begin/end -->` and `<!-- checklists:begin/end -->` markers; nothing else
in the README is touched.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from tools.checklists import markdown as checklists_markdown

ROOT = Path(__file__).resolve().parent.parent


def sensitivity_markdown(report: dict) -> str:
    clean = report["clean_run"]
    caught = sum(fault["verdict"] == "caught" for fault in report["faults"])
    lines = [
        f"Latest run ({report['engine']}, {report.get('date', 'date not recorded')}, `python -m tools.fault_proofs`): "
        f"clean run {'passed' if clean['passed'] else 'FAILED'} ({clean['scenario_runs']} scenario runs, "
        f"{clean['seconds']:.0f} s); faults caught: **{caught} of {len(report['faults'])}**. The defect each fault "
        "models is in [`reference_app/faults.py`](reference_app/faults.py) and in `reports/sensitivity.md`.",
        "",
        "| Fault | Feature | Scenarios that caught it | Verdict |",
        "|---|---|---|---|",
    ]
    for fault in report["faults"]:
        scenarios = "<br>".join(fault["caught_by"]) or "—"
        lines.append(f"| `{fault['fault']}` | {fault['feature']} | {scenarios} | {fault['verdict']} |")
    return "\n".join(lines) + "\n"


def replace_block(text: str, name: str, content: str) -> str:
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    if begin not in text or end not in text:
        raise ValueError(f"the README has no {begin} ... {end} block")
    return re.sub(re.escape(begin) + ".*?" + re.escape(end), lambda _: f"{begin}\n{content}{end}", text, flags=re.S)


def main() -> int:
    report = json.loads((ROOT / "reports" / "sensitivity.json").read_text())
    readme = ROOT / "README.md"
    text = replace_block(readme.read_text(), "sensitivity", sensitivity_markdown(report))
    readme.write_text(replace_block(text, "checklists", checklists_markdown()))
    print(f"rewrote the sensitivity and checklist tables of {readme}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
