"""The strategy form of the Strategies page: fill in, validate, save, deploy to the simulation."""
from __future__ import annotations

import re
from dataclasses import dataclass

from playwright.sync_api import Locator, Page

from pages.contract import ContractItem


@dataclass(frozen=True)
class StrategyDraft:
    """A strategy as the desk writes it in the form: amounts as typed ("$1,000", "10,000")."""

    name: str
    type: str
    instruments: tuple[str, ...]
    timeframe: str
    risk_limit: str
    max_position_size: str


class StrategyForm:
    _ANSWERED = re.compile(r"^(Saved|Not saved)\b")
    # What the specs need of the form (see pages/contract.py); `after` names the Strategies page's button opening it.
    CONTRACT = (
        *(ContractItem(path, ("strategy_management",), after="create_button")
          for path in ("form", "name", "type", "instruments", "timeframe", "risk_limit",
                       "max_position_size", "validate_button", "save_button", "deploy_button")),
        ContractItem("results", ("strategy_management",), only_with="a validated strategy"),
        ContractItem("status", ("strategy_management",), only_with="a saved strategy"),
        ContractItem("error", ("strategy_management",), only_with="a refused save"),
    )

    def __init__(self, page: Page) -> None:
        self.page = page
        self.form = page.get_by_role("form", name="New Strategy")
        self.name = self.form.get_by_label("Strategy name")
        self.type = self.form.get_by_label("Strategy type")
        self.instruments = self.form.get_by_role("group", name="Instruments")
        self.checked_instruments = self.instruments.get_by_role("checkbox", checked=True)
        self.timeframe = self.form.get_by_label("Timeframe")
        self.risk_limit = self.form.get_by_label("Risk limit")
        self.max_position_size = self.form.get_by_label("Max position size")
        self.validate_button = self.form.get_by_role("button", name="Validate Strategy")
        self.save_button = self.form.get_by_role("button", name="Save Strategy")
        self.deploy_button = self.form.get_by_role("button", name="Deploy to Simulation")
        self.results = self.form.get_by_role("list", name="Validation results").get_by_role("listitem")
        self.status = self.form.get_by_role("status")
        self.error = self.form.get_by_role("alert")
        self._fields = {"Strategy name": self.name, "Strategy type": self.type,
                        "Instruments": self.instruments, "Timeframe": self.timeframe, "Risk limit": self.risk_limit,
                        "Max position size": self.max_position_size}

    def field(self, label: str) -> Locator:
        """The input (or, for the instruments, the group of checkboxes) of a field, by the name the desk uses."""
        return self._fields[label]

    def split_message(self, message: str) -> tuple[str, str]:
        """A refusal as the desk writes it, "Risk limit must be greater than $0": the field and its rule."""
        for label in self._fields:
            if message.startswith(label + " "):
                return label, message[len(label) + 1:]
        raise ValueError(f"{message!r} does not start with a field of the form: {', '.join(self._fields)}")

    def result(self, label: str) -> Locator:
        """The validation result line of a field: "Strategy name: passed" or "Risk limit: must not exceed ..."."""
        return self.results.filter(has_text=re.compile(rf"^{re.escape(label)}:"))

    def instrument(self, symbol: str) -> Locator:
        """The checkbox of one instrument."""
        return self.instruments.get_by_role("checkbox", name=symbol, exact=True)

    def fill(self, draft: StrategyDraft) -> None:
        self.name.fill(draft.name)
        self.type.select_option(label=draft.type)
        for symbol in draft.instruments:
            self.instrument(symbol).check()
        self.timeframe.select_option(label=draft.timeframe)
        self.risk_limit.fill(draft.risk_limit)
        self.max_position_size.fill(draft.max_position_size)

    def validate(self) -> None:
        self.validate_button.click()

    def save(self) -> None:
        """Save, and wait for the console's answer (saved, or not saved with the reasons)."""
        self.save_button.click()
        self.status.filter(has_text=self._ANSWERED).wait_for()

    def deploy(self) -> None:
        self.deploy_button.click()
