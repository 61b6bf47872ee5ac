"""Start-up settings of the reference console, read from the command line or the environment."""
from __future__ import annotations

import argparse
import os
from dataclasses import dataclass, field
from pathlib import Path

from reference_app.faults import validate_fault_names


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 3000
    db_path: Path = Path("console.db")
    test_mode: bool = False
    test_control_token: str | None = None
    faults: frozenset[str] = field(default_factory=frozenset)
    feed_seed: int = 20261121
    tick_interval_s: float = 0.2
    status_interval_s: float = 0.5
    session_ttl_s: int = 8 * 3600
    login_attempt_limit: int = 10
    login_window_s: float = 15 * 60
    login_lockout_s: float = 15 * 60
    order_step_delay_s: float = 0.2  # between an order's status steps, so that a person sees each one
    risk_sample_interval_s: float = 1.0  # how often the risk worker records the equity of accounts that move

    def __post_init__(self) -> None:
        validate_fault_names(self.faults)
        if self.faults and not self.test_mode:
            raise ValueError("named faults are a test-mode feature: start the console with --test-mode")


def parse_settings(argv: list[str] | None = None) -> Settings:
    env = os.environ
    parser = argparse.ArgumentParser(prog="python -m reference_app", description="Reference trading console")
    parser.add_argument("--host", default=env.get("CONSOLE_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(env.get("CONSOLE_PORT", "3000")))
    parser.add_argument("--db", default=env.get("CONSOLE_DB", "console.db"), help="SQLite database file")
    parser.add_argument(
        "--test-mode",
        action="store_true",
        default=env.get("CONSOLE_TEST_MODE") == "1",
        help="offer the test-control API (accounts, prices, feed) and allow named faults",
    )
    parser.add_argument(
        "--test-control-token",
        default=env.get("CONSOLE_TEST_CONTROL_TOKEN") or None,
        help="if set, test-control requests must carry it in the X-Test-Control-Token header",
    )
    parser.add_argument(
        "--fault",
        action="append",
        default=[f for f in env.get("CONSOLE_FAULTS", "").split(",") if f],
        metavar="NAME",
        help="start with a named fault (repeatable); see reference_app/faults.py or --list-faults",
    )
    parser.add_argument("--list-faults", action="store_true", help="print the named faults and exit")
    parser.add_argument("--feed-seed", type=int, default=int(env.get("CONSOLE_FEED_SEED", "20261121")))
    parser.add_argument("--session-ttl", type=int, default=8 * 3600, help="session lifetime in seconds")
    parser.add_argument("--login-window", type=float, default=15 * 60,
                        help="seconds over which failed sign-ins of one email are counted (10 lock it out)")
    parser.add_argument("--login-lockout", type=float, default=15 * 60, help="seconds a lockout lasts")
    parser.add_argument("--order-step-delay", type=float, default=float(env.get("CONSOLE_ORDER_STEP_DELAY", "0.2")),
                        help="seconds between an order's status steps (Pending, Risk Check, ...)")
    parser.add_argument("--risk-sample-interval", type=float,
                        default=float(env.get("CONSOLE_RISK_SAMPLE_INTERVAL", "1.0")),
                        help="seconds between two equity samples of an account (drawdown, VaR, daily loss watch)")
    args = parser.parse_args(argv)
    if args.list_faults:
        from reference_app.faults import describe_faults

        print(describe_faults())
        raise SystemExit(0)
    return Settings(
        host=args.host,
        port=args.port,
        db_path=Path(args.db),
        test_mode=args.test_mode,
        test_control_token=args.test_control_token,
        faults=frozenset(args.fault),
        feed_seed=args.feed_seed,
        session_ttl_s=args.session_ttl,
        login_window_s=args.login_window,
        login_lockout_s=args.login_lockout,
        order_step_delay_s=args.order_step_delay,
        risk_sample_interval_s=args.risk_sample_interval,
    )
