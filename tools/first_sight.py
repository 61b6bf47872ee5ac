"""First sight of the blind faults: does the suite, as it stood when they were written, catch them?

    python -m tools.first_sight --out docs/blind-faults-first-sight.json

Run from a checkout whose specs (features, steps, pages, fixtures) are those of the moment the blind faults were
written, and whose console carries them. Each blind fault is run against the specs of the screen it shows on (its
feature; a cross-cutting fault, against the feature of the screen where it shows, FIRST_SIGHT_FEATURE), on Chromium.
The verdict per fault (caught: some scenario failed; missed: none did) is written as JSON, with the scenarios that
failed; the sensitivity report shows these first-sight figures apart from the catalogue's proofs.
"""
from __future__ import annotations

import argparse
import datetime
import json
import subprocess
from concurrent.futures import ThreadPoolExecutor

from reference_app.faults import CATALOGUE, Fault
from tools.fault_proofs import FAILING, ROOT, run_specs

# Where a fault of a feature that had no spec yet shows: the specs of that screen are the ones that could catch it.
FIRST_SIGHT_FEATURE = {
    "portfolio_stylesheet_404": "portfolio_monitoring",
    "nav_current_wrong_on_portfolio": "portfolio_monitoring",
    "nav_does_not_wrap_on_phone": "system_status",
    "trading_layout_overflows_on_phone": "order_management",
    "close_dialog_ignores_escape": "portfolio_monitoring",
    "resize_dialog_not_modal": "portfolio_monitoring",
    "hide_details_button_unnamed": "portfolio_monitoring",
    "muted_text_low_contrast": "system_status",
    "offline_indicator_never_shown": "market_data",
    "positions_api_slow": "portfolio_monitoring",
}


def first_sight(fault: Fault, engine: str) -> dict:
    marker = FIRST_SIGHT_FEATURE.get(fault.name, fault.feature)
    run = run_specs(engine, marker=marker, fault=fault.name)
    failed = sorted(run.scenarios_with(*FAILING))
    return {"fault": fault.name, "feature": fault.feature, "specs_run": marker, "verdict": "caught" if failed else
            "missed", "failed": failed, "scenario_runs": len(run.outcomes), "seconds": round(run.seconds, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.first_sight", description=__doc__.splitlines()[0])
    parser.add_argument("faults", nargs="*", help="blind faults to run (default: all)")
    parser.add_argument("--engine", default="chromium")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", default="reports/first-sight.json")
    args = parser.parse_args(argv)
    blind = [f for f in CATALOGUE if f.blind and (not args.faults or f.name in args.faults)]
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(lambda fault: first_sight(fault, args.engine), blind))
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    out = ROOT / args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"date": datetime.date.today().isoformat(), "engine": args.engine,
                               "specs_commit": commit, "faults": results}, indent=2) + "\n")
    caught = sum(r["verdict"] == "caught" for r in results)
    for r in results:
        print(f"{r['fault']:50} {r['verdict']:7} {r['specs_run']:22} {', '.join(r['failed'])[:80]}")
    print(f"first sight: {caught} of {len(results)} blind faults caught; written {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
