"""The contract check: which items of docs/ui-contract.md a console offers, screen by screen, and what needs the rest.

    python -m tools.contract_check --base-url http://localhost:3000
    python -m tools.contract_check --base-url https://console.example.com --browser firefox --json=contract.json

It signs in (through the console's test-control API, as the risk manager of a fresh account, where it is offered;
otherwise as the most privileged user of `accounts=` in playwright.config.py), opens each screen with its page
object's own `open()`, and looks for every item the page object declares in `CONTRACT` (pages/contract.py) with the
page object's own locators, so that the check and the specs cannot drift apart. It also asks for the routes the specs
read, watches the WebSocket topics the pages receive, and probes the test-control routes with requests they must
refuse (nothing on the console changes). An item that the screen shows only with data (a position, an order, a halted
account) is listed as not checked: the check creates nothing. `pytest --check-contract` runs it before the specs and
puts its summary into the Allure environment.

Exit code: 0 when every item checked is present, 1 when some are missing, 2 when the check could not run.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import httpx
from faker import Faker
from playwright.sync_api import Browser, BrowserContext, Error, Locator, Page, Playwright, sync_playwright
from pytest_bdd.feature import get_features

from fixtures.accounts import ROLES, DeskUser, new_account_spec
from fixtures.console_server import ConsoleUnderTest
from fixtures.engines import resolve_engine
from fixtures.settings import SuiteConfig, load_config_file
from fixtures.storage_state import SignedInStates
from fixtures.test_control import TestControl
from pages.api_client import ConsoleApiError
from pages.contract import ContractItem, Sample, describe, locate
from pages.halt_banner import HaltedBanner
from pages.login_page import LoginPage
from pages.market_data_page import MarketDataPage
from pages.navigation import NavigationBar
from pages.orders_api import OrdersApi
from pages.portfolio_page import PortfolioPage
from pages.risk_api import RiskApi
from pages.risk_page import RiskPage
from pages.strategies_api import StrategiesApi
from pages.strategies_page import StrategiesPage
from pages.strategy_form import StrategyDraft, StrategyForm
from pages.system_status_page import SystemStatusPage
from pages.trading_page import TradingPage

ROOT = Path(__file__).resolve().parent.parent
PRESENT, MISSING, UNCHECKED = "present", "missing", "not checked"
NOT_OFFERED = "not offered"  # an optional item (test control) the console does not offer: what needs it is skipped


@dataclass(frozen=True)
class Screen:
    name: str
    page_object: type
    parts: tuple[type, ...] = ()  # page objects of parts shown on this screen (the navigation bar, a form)
    signed_in: bool = True
    topics: tuple[str, ...] = ()  # WebSocket topics the open screen must receive without any activity


SCREENS = (
    Screen("Sign-in page", LoginPage, signed_in=False),
    Screen("System Status", SystemStatusPage, parts=(NavigationBar, HaltedBanner), topics=("status",)),
    Screen("Strategies", StrategiesPage, parts=(StrategyForm,)),
    Screen("Trading", TradingPage),
    Screen("Risk Management", RiskPage, topics=("risk",)),
    Screen("Portfolio", PortfolioPage),
    Screen("Market Data", MarketDataPage, topics=("tick",)),
)

# The JSON routes the specs and the suite read (pages/*_api.py, fixtures/storage_state.py), asked signed in.
API_ROUTES: dict[str, tuple[str, ...]] = {
    "/api/me": ("access_control", "@every scenario without test control"),
    "/api/status": ("system_status",),
    "/api/strategies": ("strategy_management", "access_control"),
    "/api/orders": ("order_management", "access_control"),
    "/api/positions": ("order_management", "portfolio_monitoring", "access_control"),
    "/api/risk": ("risk_management",),
    "/api/risk/halt": ("risk_management",),
    "/api/market-data": ("market_data",),
}

# Topics sent only when something happens (docs/ui-contract.md, "WebSocket events"); the check makes nothing happen.
ACTIVITY_TOPICS = {"strategy": "a strategy saved or running", "order": "an order placed",
                   "positions": "a fill or an open position", "halt": "a halt or resume",
                   "risk_alert": "a risk alert"}

# Test control: each route with a request it must refuse (so that nothing changes), and what needs it.
_CONTROLLED = ("@controlled_market",)
TEST_CONTROL: tuple[tuple[str, str, Any, tuple[str, ...]], ...] = (
    ("GET", "/api/test/health", None, ("@every scenario: without it they share the configured account",)),
    ("POST", "/api/test/accounts", [], ("@fresh_account", "access_control", "@every scenario's own account")),
    ("POST", "/api/test/login-lockout", [], ("@console_control",)),
    ("POST", "/api/test/sessions/expire", [], ("@console_control",)),
    ("POST", "/api/test/users/rename", [], ("@console_control",)),
    ("POST", "/api/test/market/EURUSD/price", [], _CONTROLLED),
    ("POST", "/api/test/market/XXXYYY/release", None, _CONTROLLED),
    ("POST", "/api/test/market/pause", [], _CONTROLLED),
    ("POST", "/api/test/market/resume", [], _CONTROLLED),
    ("POST", "/api/test/accounts/0/equity-samples", [], ("risk_management",)),
    ("POST", "/api/test/accounts/0/book/EURUSD", [], ("portfolio_monitoring",)),
    ("POST", "/api/test/sockets/drop", [], ("market_data",)),
)


@dataclass
class Finding:
    screen: str
    kind: str  # route | accessible name | label | test id | WebSocket topic | test control
    item: str
    source: str  # where the suite declares it
    needed_by: tuple[str, ...]
    verdict: str
    note: str = ""


@dataclass
class ContractReport:
    base_url: str
    signed_in_as: str
    test_control: bool
    findings: list[Finding] = field(default_factory=list)
    error: str = ""  # why the check could not run

    def count(self, verdict: str) -> int:
        return sum(finding.verdict == verdict for finding in self.findings)

    def summary(self) -> str:
        """One line, for the Allure environment: "all 118 checked items present (105 not checked: …)"."""
        if self.error:
            return f"not checked: {self.error}"
        present, missing, unchecked = self.count(PRESENT), self.count(MISSING), self.count(UNCHECKED)
        head = (f"{missing} of {present + missing} checked items missing" if missing
                else f"all {present} checked items present")
        optional = (f"; test control not offered ({self.count(NOT_OFFERED)} optional items; the scenarios that need "
                    f"it are skipped)" if self.count(NOT_OFFERED) else "")
        return f"{head}, {unchecked} not checked (shown only after actions the check does not take){optional}"


# --- What needs an item ----------------------------------------------------------------------------------------------

def _scenarios_by_tag() -> dict[str, dict[str, int]]:
    """tag -> feature file -> how many of its scenarios carry the tag (on the scenario or the feature)."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for feature in get_features([str(path) for path in sorted((ROOT / "features").glob("*.feature"))]):
        for scenario in feature.scenarios.values():
            for tag in set(feature.tags) | set(scenario.tags):
                counts[tag][Path(feature.filename).name] += 1
    return counts


def needed_by_text(needed_by: Iterable[str], by_tag: dict[str, dict[str, int]]) -> str:
    """Feature markers as their files, "@tag" as the scenarios that carry the tag; "@" before anything that is not a
    tag ("@every scenario …") says it as it is."""
    parts = []
    for need in needed_by:
        if need.startswith("@") and need[1:] in by_tag:
            features = by_tag[need[1:]]
            parts.append(f"{need} scenarios ({sum(features.values())}, in {', '.join(sorted(features))})")
        elif need.startswith("@"):
            parts.append(need[1:])
        else:
            parts.append(f"{need.replace('_', '-')}.feature")
    return "; ".join(parts)


# --- Checks ----------------------------------------------------------------------------------------------------------

# Installed in every page before its own scripts: wraps the WebSocket class so that every message a page receives is
# counted by topic, in the page itself (Playwright's own WebSocket events are not available on every engine: Firefox
# over WebDriver BiDi has none).
_RECORD_TOPICS = """
(() => {
  const seen = { urls: [], topics: {} };
  Object.defineProperty(window, "__contractTopics", { value: seen });
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      seen.urls.push(String(args[0]));
      this.addEventListener("message", (event) => {
        let message;
        try { message = JSON.parse(event.data); } catch { return; }
        for (const each of Array.isArray(message) ? message : [message]) {
          if (each && typeof each.topic === "string") seen.topics[each.topic] = (seen.topics[each.topic] || 0) + 1;
        }
      });
    }
  };
})();
"""


class TopicRecorder:
    """The WebSocket topics the pages of a context receive, recorded in each page (see _RECORD_TOPICS)."""

    def __init__(self, context: BrowserContext) -> None:
        self.seen: dict[str, str] = {}  # topic -> the screen where it was first seen
        self.urls: set[str] = set()
        context.add_init_script(_RECORD_TOPICS)

    def collect(self, page: Page, screen: str) -> None:
        """Fold in what the page has received so far (before it navigates away and the record is gone)."""
        recorded = page.evaluate("() => window.__contractTopics || { urls: [], topics: {} }")
        self.urls.update(recorded["urls"])
        for topic in recorded["topics"]:
            self.seen.setdefault(topic, screen)

    def wait_for(self, page: Page, topic: str, timeout_ms: float) -> None:
        """Wait until the page has received a message of that topic (or the timeout passes)."""
        try:
            page.wait_for_function("(topic) => (window.__contractTopics?.topics[topic] || 0) > 0", arg=topic,
                                   timeout=timeout_ms, polling=100)
        except Error:
            pass


def _route_finding(screen: str, path: str, answer_status: int | None, needed_by: tuple[str, ...], expect: str,
                   ok: bool, source: str) -> Finding:
    note = "" if ok else f"answered {answer_status}, expected {expect}"
    return Finding(screen, "route", f"GET {path}", source, needed_by, PRESENT if ok else MISSING, note)


def check_routes(context: BrowserContext, anonymous: BrowserContext) -> list[Finding]:
    findings = []
    for screen in SCREENS:
        path = screen.page_object.PATH
        answer = (context if screen.signed_in else anonymous).request.get(path, max_redirects=0)
        needs = tuple(sorted({need for item in screen.page_object.CONTRACT for need in item.needed_by}))
        findings.append(_route_finding(screen.name, path, answer.status, needs, "200", answer.status == 200,
                                       f"{screen.page_object.__name__}.PATH"))
    redirect = anonymous.request.get(SystemStatusPage.PATH, max_redirects=0)
    led_to_login = redirect.status in (302, 303, 307) and "/login" in redirect.headers.get("location", "")
    findings.append(Finding("System Status", "route", "GET /status without a session leads to /login",
                            "SystemStatusPage.PATH", ("authentication",), PRESENT if led_to_login else MISSING,
                            "" if led_to_login else f"answered {redirect.status}"))
    for path, needed_by in API_ROUTES.items():
        answer = context.request.get(path, max_redirects=0)
        is_json = "json" in answer.headers.get("content-type", "")
        findings.append(_route_finding("API", path, answer.status, needed_by, "200 with JSON",
                                       answer.status == 200 and is_json, "tools/contract_check.py API_ROUTES"))
    return findings


def check_items(screen: Screen, page_object: Any, owner: Any, items: Iterable[ContractItem], timeout_ms: float,
                samples: dict[str, str]) -> list[Finding]:
    """Look for each item with the page object's locator. `owner` is the screen's page object, which holds the
    controls named by `after`: each is pressed once, its items looked for, and Escape pressed to close what it
    opened. `samples` says which sample data exist ("" for created, else why not)."""
    findings = []
    groups: dict[str, list[ContractItem]] = defaultdict(list)
    for item in items:
        groups[item.after or ""].append(item)
    for after, group in sorted(groups.items()):  # what needs no control pressed comes first
        reason = ""
        for item in group:
            locator = locate(page_object, item.path)
            kind, description = describe(locator)
            finding = Finding(screen.name, kind, description, f"{type(page_object).__name__}.{item.path}",
                              item.needed_by, UNCHECKED)
            findings.append(finding)
            if item.only_with and samples.get(item.only_with, "not created") != "":
                finding.note = f"shown only with {item.only_with}"
                if item.only_with in samples:
                    finding.note += f" ({samples[item.only_with]})"
                continue
            if after and not reason:
                reason = _press(locate(owner, after), after, timeout_ms) or "pressed"
            if reason != "pressed" and after:
                finding.note = reason
                continue
            try:
                locator.first.wait_for(state="attached", timeout=timeout_ms)
                finding.verdict = PRESENT
            except Error:
                finding.verdict, finding.note = MISSING, f"nothing matched within {timeout_ms / 1000:g} s"
        if reason == "pressed":
            owner.page.keyboard.press("Escape")  # close what the control opened, if it closes that way
    return findings


def _press(control: Locator, name: str, timeout_ms: float) -> str:
    """Click a control that only opens something; "" if it worked, else why not."""
    try:
        control.click(timeout=timeout_ms)
        return ""
    except Error as error:
        return f"could not press {name}: {str(error).splitlines()[0]}"


def check_screen(context: BrowserContext, screen: Screen, timeout_ms: float, topics: TopicRecorder | None,
                 samples: dict[str, str]) -> list[Finding]:
    page = context.pages[0] if context.pages else context.new_page()
    page_object = screen.page_object(page)
    findings = []
    try:
        page_object.open()
    except Error as error:
        findings.append(Finding(screen.name, "screen", f"{screen.name} becomes ready ({type(page_object).__name__}"
                                ".open())", f"{type(page_object).__name__}.open", (), MISSING,
                                str(error).splitlines()[0]))
    findings += check_items(screen, page_object, page_object, screen.page_object.CONTRACT, timeout_ms, samples)
    for part in screen.parts:
        findings += check_items(screen, part(page), page_object, part.CONTRACT, timeout_ms, samples)
    if topics is not None:
        for topic in screen.topics:
            topics.wait_for(page, topic, timeout_ms)
        topics.collect(page, screen.name)
    return findings


def topic_findings(topics: TopicRecorder) -> list[Finding]:
    findings = []
    socket_urls = topics.urls
    has_ws = any(url.split("?")[0].endswith("/ws") for url in socket_urls)
    findings.append(Finding("WebSocket", "route", "GET /ws (WebSocket)", "docs/ui-contract.md",
                            ("@every live screen",), PRESENT if has_ws and topics.seen else MISSING,
                            "" if has_ws else f"the pages opened {sorted(socket_urls) or 'no WebSocket'}"))
    expected = {topic: screen.name for screen in SCREENS for topic in screen.topics}
    needs = {"status": ("system_status",), "tick": ("market_data", "order_management", "portfolio_monitoring"),
             "risk": ("risk_management",), "strategy": ("strategy_management",), "order": ("order_management",),
             "positions": ("order_management", "portfolio_monitoring"), "halt": ("risk_management",),
             "risk_alert": ("risk_management",)}
    for topic, needed_by in needs.items():
        if topic in topics.seen:
            verdict, note = PRESENT, f"received on {topics.seen[topic]}"
        elif topic in expected:
            verdict, note = MISSING, f"not received while {expected[topic]} was open"
        else:
            verdict, note = UNCHECKED, f"sent only after {ACTIVITY_TOPICS[topic]}"
        findings.append(Finding("WebSocket", "WebSocket topic", topic, "docs/ui-contract.md", needed_by, verdict,
                                note))
    return findings


def _generic_not_found(answer: httpx.Response) -> bool:
    """A route the console does not have: 404/405 without a detail of its own (FastAPI says "Not Found")."""
    if answer.status_code not in (404, 405, 501):
        return False
    try:
        return answer.json().get("detail") in ("Not Found", "Method Not Allowed", None)
    except ValueError:
        return True


def _as_documented(path: str) -> str:
    """A probed path as docs/ui-contract.md writes it: "/api/test/accounts/{id}/book/{instrument}"."""
    return re.sub(r"/(EURUSD|XXXYYY)\b", "/{instrument}", path).replace("/0/", "/{id}/")


def check_test_control(base_url: str, token: str | None) -> list[Finding]:
    findings = []
    headers = {"X-Test-Control-Token": token} if token else {}
    with httpx.Client(base_url=base_url, headers=headers, timeout=10) as client:
        offered = client.get("/api/test/health").status_code == 200
        for method, path, body, needed_by in TEST_CONTROL:
            item = f"{method} {_as_documented(path)}"
            if not offered:
                findings.append(Finding("Test control", "test control", item, "fixtures/test_control.py",
                                        needed_by, NOT_OFFERED, "optional; GET /api/test/health is not 200"))
                continue
            answer = client.request(method, path, **({} if body is None else {"json": body}))
            missing = _generic_not_found(answer)
            note = f"answered {answer.status_code}" + (": give the suite its token (--test-control-token)"
                                                       if answer.status_code in (401, 403) else "")
            findings.append(Finding("Test control", "test control", item, "fixtures/test_control.py", needed_by,
                                    MISSING if missing else PRESENT, note if missing or answer.status_code in
                                    (401, 403) else ""))
    return findings


# --- Sample data (only in a fresh account of the check's own) ---------------------------------------------------------

def create_samples(context: BrowserContext, timeout_ms: float) -> dict[str, str]:
    """Create each of `Sample` through the console's public API, as the signed-in risk manager of the check's own
    fresh account; returns, for each, "" if it exists now, or why not."""
    request = context.request
    strategies, orders, risk = StrategiesApi(request), OrdersApi(request), RiskApi(request)
    draft = StrategyDraft("UI Test Strategy", "Mean Reversion", ("EURUSD", "GBPUSD"), "1H", "$1,000", "10,000")
    steps = {
        Sample.SAVED_STRATEGY: lambda: strategies.save(draft),
        Sample.RUNNING_STRATEGY: lambda: strategies.deploy(strategies.save(
            replace(draft, name="Contract Check Momentum", type="Momentum", timeframe="1M"))["id"]),
        Sample.POSITION: lambda: orders.place("EURUSD", "BUY", 10_000),
        Sample.WORKING_ORDER: lambda: orders.place("EURUSD", "BUY", 10_000, "LIMIT", 0.5),
        # A limit changed records an alert; $1 off the daily loss limit leaves every other sample within the limits.
        Sample.RISK_ALERT: lambda: risk.set_limits(daily_loss_limit=risk.limits()["daily_loss_limit"] - 1),
    }
    samples = {}
    for sample, create in steps.items():
        try:
            create()
            samples[sample] = ""
        except ConsoleApiError as error:
            samples[sample] = f"could not create it: {error}"
    # Either order is an order for 10,000 EURUSD in the history.
    samples[Sample.ORDER] = "" if "" in (samples[Sample.POSITION], samples[Sample.WORKING_ORDER]) else \
        samples[Sample.POSITION]
    if samples[Sample.POSITION] == "":
        samples[Sample.POSITION] = _wait_for_position(orders, "EURUSD", timeout_ms)
    return samples


def _wait_for_position(orders: OrdersApi, instrument: str, timeout_ms: float) -> str:
    """The MARKET order fills within a second or two; "" once the position is there, else why not."""
    deadline = time.monotonic() + max(timeout_ms / 1000, 10)
    while time.monotonic() < deadline:
        if orders.positions().get(instrument):
            return ""
        time.sleep(0.2)  # polling the API; the browser is not involved yet
    return f"the order for it did not fill within {max(timeout_ms / 1000, 10):g} s"


# --- Signing in ------------------------------------------------------------------------------------------------------

def signed_in_state(playwright: Playwright, base_url: str, suite: SuiteConfig, workdir: Path,
                    test_control: bool) -> tuple[Path, str]:
    """A storage state signed in as the most privileged user available, and who that is."""
    states = SignedInStates(playwright, ConsoleUnderTest(base_url, started_by_suite=False), workdir)
    if test_control:
        control = TestControl(base_url, suite.test_control_token)
        try:
            spec, users = new_account_spec(Faker())
            created = control.create_account(spec)
        finally:
            control.close()
        token = next(user["session_token"] for user in created["users"] if user["role"] == "risk_manager")
        user = users["risk_manager"]
        return (states.for_user(DeskUser(user.role, user.email, user.password, user.display_name, token)),
                f"the risk manager of a fresh account ({user.email}), through test control")
    for role in sorted(ROLES, key=("risk_manager", "trader", "viewer").index):  # who is offered most, first
        if role in suite.accounts:
            credentials = suite.accounts[role]
            user = DeskUser(role, credentials.email, credentials.password, credentials.display_name)
            return states.for_user(user), f"{role.replace('_', ' ')} {credentials.email} (accounts= of the config)"
    raise RuntimeError("no test-control API and no user in accounts= of the config to sign in with")


def run_check(base_url: str, suite: SuiteConfig, engine: str = "chromium", timeout_ms: float = 3000,
              headed: bool = False) -> ContractReport:
    base_url = base_url.rstrip("/")
    report = ContractReport(base_url, "nobody", test_control=False)
    try:
        httpx.get(f"{base_url}{LoginPage.PATH}", timeout=10)
    except httpx.HTTPError as error:
        report.error = f"{base_url} did not answer: {error}"
        return report
    report.findings += check_test_control(base_url, suite.test_control_token)
    report.test_control = any(f.item == "GET /api/test/health" and f.verdict == PRESENT for f in report.findings)
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as workdir:
        launch = resolve_engine(playwright, engine)
        if launch is None:
            report.error = f"{engine} is not installed here"
            return report
        browser: Browser = getattr(playwright, engine).launch(headless=not headed, **launch.launch_args)
        try:
            try:
                state, report.signed_in_as = signed_in_state(playwright, base_url, suite, Path(workdir),
                                                             report.test_control)
            except RuntimeError as error:
                report.error = f"could not sign in: {error}"
                return report
            anonymous = browser.new_context(base_url=base_url)
            context = browser.new_context(base_url=base_url, storage_state=state)
            for each in (anonymous, context):
                each.set_default_timeout(max(timeout_ms, 10_000))
            report.findings += check_routes(context, anonymous)
            samples = create_samples(context, timeout_ms) if report.test_control else {}
            topics = TopicRecorder(context)
            for screen in SCREENS:
                report.findings += check_screen(context if screen.signed_in else anonymous, screen, timeout_ms,
                                                topics if screen.signed_in else None, samples)
            report.findings += topic_findings(topics)
        finally:
            browser.close()
    return report


# --- Output ----------------------------------------------------------------------------------------------------------

def render(report: ContractReport) -> str:
    lines = [f"UI contract check of {report.base_url} (docs/ui-contract.md)",
             f"signed in as {report.signed_in_as}; test control: {'offered' if report.test_control else 'not offered'}"]
    if report.error:
        return "\n".join([*lines, f"The check could not run: {report.error}"])
    by_tag = _scenarios_by_tag()
    screens: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        screens[finding.screen].append(finding)
    for screen, findings in screens.items():
        counts = ", ".join(f"{sum(f.verdict == v for f in findings)} {v}" for v in (PRESENT, MISSING, UNCHECKED,
                                                                                   NOT_OFFERED)
                           if v != NOT_OFFERED or any(f.verdict == v for f in findings))
        lines += ["", f"{screen}: {counts}"]
        for finding in findings:
            note = f"  ({finding.note})" if finding.note else ""
            lines.append(f"  {finding.verdict:<11} {finding.kind:<15} {finding.item}  [{finding.source}]{note}")
    for verdict, title in ((MISSING, "Missing, and what needs each:"),
                           (NOT_OFFERED, "Not offered (optional), and what is skipped without it:")):
        gaps = [finding for finding in report.findings if finding.verdict == verdict]
        if gaps:
            lines += ["", title]
        for finding in gaps:
            lines.append(f"  {finding.screen}: {finding.kind} {finding.item}  [{finding.source}]\n"
                         f"      needed by {needed_by_text(finding.needed_by, by_tag) or 'the check itself'}")
    return "\n".join([*lines, "", f"Contract: {report.summary()}"])


def as_json(report: ContractReport) -> dict[str, Any]:
    return {**asdict(report), "summary": report.summary(), "text": render(report)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.contract_check", description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True, help="the console to check")
    parser.add_argument("--browser", default="chromium", choices=("chromium", "firefox", "webkit"))
    parser.add_argument("--suite-config", default=str(ROOT / "playwright.config.py"),
                        help="settings file: the accounts to sign in with, the test-control token")
    parser.add_argument("--test-control-token", default=None)
    parser.add_argument("--item-timeout", type=float, default=3.0, metavar="S",
                        help="how long to look for an item once its screen is ready")
    parser.add_argument("--json", default=None, metavar="PATH", help="also write the findings as JSON")
    parser.add_argument("--headed", action="store_true")
    args = parser.parse_args(argv)
    suite = load_config_file(Path(args.suite_config))
    if args.test_control_token:
        suite = replace(suite, test_control_token=args.test_control_token)
    report = run_check(args.base_url, suite, args.browser, args.item_timeout * 1000, args.headed)
    print(render(report))
    if args.json:
        Path(args.json).write_text(json.dumps(as_json(report), indent=2))
    return 2 if report.error else 1 if report.count(MISSING) else 0


if __name__ == "__main__":
    sys.exit(main())
