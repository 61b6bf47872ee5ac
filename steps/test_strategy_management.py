"""Steps of features/strategy-management.feature."""
from __future__ import annotations

from dataclasses import replace

import allure
from playwright.sync_api import expect
from pytest_bdd import given, parsers, scenarios, then, when

from fixtures.sessions import Desk, Session
from fixtures.settings import SuiteConfig
from pages.navigation import NavigationBar
from pages.strategies_api import StrategiesApi
from pages.strategies_page import StrategiesPage
from pages.strategy_form import StrategyDraft, StrategyForm

scenarios("strategy-management.feature")

# A strategy that passes every rule; a scenario changes what it is about.
A_VALID_STRATEGY = StrategyDraft("Sterling Momentum", "Momentum", ("GBPUSD",), "15M", "$500", "5,000")
FORM_FIELDS = {"Strategy name": "name", "Strategy type": "type", "Instruments": "instruments",
               "Timeframe": "timeframe", "Risk limit": "risk_limit", "Max position size": "max_position_size"}


def draft_with(draft: StrategyDraft, field: str, value: str) -> StrategyDraft:
    """The draft with one field as the feature writes it; instruments as "EURUSD, GBPUSD", or "none"."""
    if field == "Instruments":
        return replace(draft, instruments=() if value == "none" else tuple(value.split(", ")))
    return replace(draft, **{FORM_FIELDS[field]: value})


def draft_from(datatable: list[list[str]]) -> StrategyDraft:
    draft = A_VALID_STRATEGY
    for field, value in datatable:
        draft = draft_with(draft, field, value)
    return draft


@given(parsers.parse("the {actor} has the Strategies page open"))
def strategies_page_open(desk: Desk, actor: str) -> None:
    desk[actor].screen(StrategiesPage).open()


@given(parsers.parse('the {actor} has saved a strategy named "{name}"'))
def strategy_saved(desk: Desk, actor: str, name: str) -> None:
    StrategiesApi(desk[actor].context.request).save(replace(A_VALID_STRATEGY, name=name))


@given(parsers.parse("the {actor} has saved a new strategy:"), target_fixture="draft")
def new_strategy_saved(desk: Desk, actor: str, datatable: list[list[str]]) -> StrategyDraft:
    draft = actor_fills_in_strategy(desk, actor, datatable)
    desk[actor].screen(StrategyForm).save()
    return draft


@when(parsers.parse("the {actor} fills in a new strategy:"), target_fixture="draft")
def actor_fills_in_strategy(desk: Desk, actor: str, datatable: list[list[str]]) -> StrategyDraft:
    desk[actor].screen(StrategiesPage).create_new_strategy()
    desk[actor].screen(StrategyForm).fill(draft := draft_from(datatable))
    return draft


@when(parsers.parse('the {actor} fills in a new strategy with {field} "{value}"'), target_fixture="draft")
def actor_fills_in_strategy_with(desk: Desk, actor: str, field: str, value: str) -> StrategyDraft:
    desk[actor].screen(StrategiesPage).create_new_strategy()
    desk[actor].screen(StrategyForm).fill(draft := draft_with(A_VALID_STRATEGY, field, value))
    return draft


@when(parsers.parse("the {actor} validates the strategy"))
def actor_validates(desk: Desk, actor: str) -> None:
    desk[actor].screen(StrategyForm).validate()


@when(parsers.parse("the {actor} saves the strategy"))
def actor_saves(desk: Desk, actor: str) -> None:
    desk[actor].screen(StrategyForm).save()


@when(parsers.parse("the {actor} deploys the strategy to the simulation"))
def actor_deploys(desk: Desk, actor: str) -> None:
    desk[actor].screen(StrategyForm).deploy()


@when(parsers.parse('the {actor} stops "{name}"'))
def actor_stops(desk: Desk, actor: str, name: str) -> None:
    desk[actor].screen(StrategiesPage).stop(name)


@when(parsers.parse("the {actor} reloads the Strategies page"))
def actor_reloads(desk: Desk, actor: str) -> None:
    desk[actor].screen(StrategiesPage).reload()


@then(parsers.parse("the validation passes every rule: {fields}"))
def validation_passes(session: Session, fields: str) -> None:
    expect(session.screen(StrategyForm).results).to_have_text([f"{field}: passed" for field in fields.split(", ")])


@then(parsers.parse('the form rejects the {field} because it "{reason}"'))
def form_rejects(session: Session, field: str, reason: str) -> None:
    form = session.screen(StrategyForm)
    expect(form.result(field)).to_have_text(f"{field}: {reason}")
    expect(form.field(field)).to_have_accessible_description(reason)


@then(parsers.parse("\"{name}\" is still the account's only strategy"))
def only_strategy(session: Session, name: str) -> None:
    expect(session.screen(StrategiesPage).strategy_names).to_have_text([name])


@then("the strategy is listed as Saved with its settings")
def strategy_listed_with_settings(session: Session, draft: StrategyDraft) -> None:
    settings = [draft.type, ", ".join(draft.instruments), draft.timeframe, draft.risk_limit, draft.max_position_size]
    expect(session.screen(StrategiesPage).strategy(draft.name).settings).to_have_text([*settings, "Saved"])


@then(parsers.parse('"{name}" is Running under Active Strategies'))
def running_under_active_strategies(session: Session, name: str) -> None:
    expect(session.screen(StrategiesPage).active_strategy(name).status).to_have_text("Running")


@then(parsers.parse('the performance metrics of "{name}" keep updating'))
def metrics_keep_updating(session: Session, name: str, suite: SuiteConfig) -> None:
    budget_s, changes = suite.budgets.strategy_metrics_update_s, 3
    intervals = session.screen(StrategiesPage).active_strategy(name).metric_change_intervals_ms(changes, budget_s)
    allure.attach(", ".join(f"{i:.0f} ms" for i in intervals) or "none", name="Intervals between metric updates")
    assert len(intervals) == changes, f"the metrics changed {len(intervals)} times in {budget_s} s, expected {changes}"


@then("the Strategies page reconnects by itself")
def page_reconnects(session: Session, suite: SuiteConfig) -> None:
    timeout_ms = suite.budgets.reconnect_after_restart_s * 1000
    expect(session.screen(NavigationBar).connection_state).to_have_text("Live", timeout=timeout_ms)


@then(parsers.parse('"{name}" is no longer under Active Strategies'))
def no_longer_active(session: Session, name: str) -> None:
    expect(session.screen(StrategiesPage).active_strategy(name).row).to_have_count(0)


@then(parsers.parse('"{name}" is listed as Stopped by the {actor}'))
def listed_as_stopped_by(desk: Desk, name: str, actor: str) -> None:
    row = desk[actor].screen(StrategiesPage).strategy(name)
    expect(row.status).to_have_text("Stopped")
    expect(row.stop_reason).to_have_text(f"Stopped by {desk[actor].user.display_name}")
