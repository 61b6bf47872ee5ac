"""The Risk Management screen: live risk metrics, the limits, the trading state with the Emergency Stop and the
resume, and the risk alerts."""
from __future__ import annotations

import re

from playwright.sync_api import Locator, Page

from pages.confirm_dialog import ConfirmDialog
from pages.contract import ContractItem, Sample
from pages.limits_editor import LimitsEditor
from pages.live import seconds_from_now, text_change_intervals_ms
from pages.navigation import NavigationBar

# The metrics as the screen labels them, and the test id of each figure.
METRICS = {"Portfolio Value": "risk-portfolio-value", "Daily P&L": "risk-daily-pnl",
           "Max Drawdown": "risk-max-drawdown", "VaR (95%)": "risk-var-95", "Gross Exposure": "risk-gross-exposure"}


_RISK = ("risk_management",)  # the feature using most of the screen (RiskPage.CONTRACT)


class RiskPage:
    PATH = "/risk"
    ALERT_TIME = re.compile(r"^\d{2}:\d{2}:\d{2}$")  # a risk alert's time of day
    ADDRESS = re.compile(r"/risk$")  # the address bar once the screen is shown
    # What the specs need of the screen (see pages/contract.py); `after` presses Edit Limits, which only opens the
    # editor (a risk manager's control). The Emergency Stop is never pressed by the check.
    CONTRACT = (
        ContractItem("heading", ("risk_management", "access_control")),
        *(ContractItem(f"metric({name})", ("risk_management", "portfolio_monitoring")) for name in METRICS),
        ContractItem("trading_state", _RISK),
        ContractItem("emergency_stop_button", ("risk_management", "access_control")),
        ContractItem("resume_button", _RISK),
        ContractItem("action_error", _RISK, only_with="a refused stop or resume"),
        ContractItem("emergency_stop_dialog.dialog", _RISK, only_with="the Emergency Stop pressed"),
        ContractItem("resume_dialog.dialog", _RISK, only_with="a halted account and Resume Trading pressed"),
        ContractItem("limits.shown", _RISK),
        ContractItem("limits.edit_button", ("risk_management", "access_control")),
        *(ContractItem(path, _RISK, after="limits.edit_button")
          for path in ("limits.form", "limits.field(Max Position Size)", "limits.field(Daily Loss Limit)",
                       "limits.save_button")),
        ContractItem("limits.error", _RISK, only_with="refused limits"),
        ContractItem("limits.status", _RISK, only_with="saved limits"),
        ContractItem("alerts", _RISK),
        ContractItem("alert_messages", _RISK, only_with=Sample.RISK_ALERT),
        ContractItem("alert_times", _RISK, only_with=Sample.RISK_ALERT),
        ContractItem("no_alerts", _RISK, only_with="an account without risk alerts"),
    )

    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", name="Risk Management", level=1)
        self.trading_state = page.get_by_test_id("risk-trading-state")
        controls = page.get_by_role("region", name="Trading state")
        self.emergency_stop_button = controls.get_by_role("button", name="Emergency Stop", exact=True)
        self.resume_button = controls.get_by_role("button", name="Resume Trading", exact=True)
        self.action_error = page.get_by_test_id("risk-action-error")
        self.emergency_stop_dialog = ConfirmDialog(page, "Confirm Emergency Stop", "Confirm Emergency Stop")
        self.resume_dialog = ConfirmDialog(page, "Resume trading", "Confirm Resume")
        self.limits = LimitsEditor(page)
        self.alerts = page.get_by_role("table", name="Risk alerts")
        self.alert_messages = self.alerts.get_by_test_id("risk-alert-message")
        self.alert_times = self.alerts.get_by_test_id("risk-alert-time")
        self.no_alerts = page.get_by_test_id("no-risk-alerts")
        self._live = NavigationBar(page).connection_state.filter(has_text="Live")
        self.var_note = page.get_by_test_id("risk-var-note")
        self._loaded = self.var_note.filter(has_not_text="Loading")
        # The console's answer to a resume, as this screen shows it: trading active, or why it is not.
        self._resume_answered = self.trading_state.filter(has_text=re.compile(r"^Active$")).or_(
            self.action_error.filter(visible=True))

    def alert_seconds_from_now(self) -> list[float]:
        """How far each alert's time, as the table shows it, is from the time of day now (page clock), newest first."""
        return [seconds_from_now(self.page, shown) for shown in self.alert_times.all_inner_texts()]

    def metric(self, name: str) -> Locator:
        """A figure by the name the screen gives it: "Portfolio Value", "Daily P&L", "Max Drawdown", ..."""
        return self.page.get_by_test_id(METRICS[name])

    def _wait_until_ready(self) -> None:
        self._live.wait_for()
        self._loaded.wait_for()

    def open(self) -> None:
        """Visit the screen and wait until it is live and shows the account's figures."""
        self.page.goto(self.PATH)
        self._wait_until_ready()

    def reload(self) -> None:
        self.page.reload()
        self._wait_until_ready()

    def equity_sample_intervals_ms(self, samples: int, deadline_s: float) -> list[float]:
        """Watch the VaR note, which counts the equity returns recorded, until the risk engine has recorded `samples`
        more of the account's equity (or the deadline passes); the intervals, as `text_change_intervals_ms`."""
        return text_change_intervals_ms(self.var_note, samples, deadline_s)

    def trigger_emergency_stop(self) -> ConfirmDialog:
        """Press Emergency Stop; the confirm dialog it opens decides."""
        self.emergency_stop_button.click()
        return self.emergency_stop_dialog

    def ask_to_resume(self) -> ConfirmDialog:
        """Press Resume Trading; the confirm dialog it opens decides."""
        self.resume_button.click()
        return self.resume_dialog

    def resume_trading(self) -> None:
        """Press Resume Trading, confirm it, and wait for the console's answer (trading active, or the refusal)."""
        self.ask_to_resume().confirm()
        self._resume_answered.wait_for()
