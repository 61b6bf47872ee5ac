"""Steps of features/strategy-management.feature."""
from __future__ import annotations

from dataclasses import replace

import allure
from playwright.sync_api import expect
from pytest_bdd import given, parsers, scenarios, then, when

from fixtures.sessions import Desk
from fixtures.settings import SuiteConfig
from pages.strategies_api import StrategiesApi
from pages.strategies_page import StrategiesPage
from pages.strategy_form import StrategyDraft, StrategyForm

scenarios("strategy-management.feature")

# A held price ticks five times a second: a rule's average of up to 15 ticks catches up with it within 3 s, which a
# loaded machine may stretch; the trade that follows is then pushed at once.
RULE_CATCH_UP_MS = 15_000

# A strategy that passes every rule; a scenario changes what it is about. The features spell out every value of it
# that a Then step checks.
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


def fill_in_new_strategy(desk: Desk, actor: str, draft: StrategyDraft) -> StrategyForm:
    desk[actor].screen(StrategiesPage).create_new_strategy()
    form = desk[actor].screen(StrategyForm)
    form.fill(draft)
    return form


# Given ------------------------------------------------------------------------------------------------------------

@given(parsers.parse('the {actor} has saved a strategy named "{name}"'))
def strategy_saved(desk: Desk, actor: str, name: str) -> None:
    StrategiesApi(desk[actor].api).save(replace(A_VALID_STRATEGY, name=name))


@given(parsers.parse("the {actor} has saved a new strategy:"))
def new_strategy_saved(desk: Desk, actor: str, datatable: list[list[str]]) -> None:
    StrategiesApi(desk[actor].api).save(draft_from(datatable))


@given(parsers.re(r'the (?P<actor>[a-z ]+) has a running (?P<kind>[A-Za-z ]+) strategy "(?P<name>[^"]+)" on '
                 r'(?P<instrument>[A-Z]{6}), (?P<timeframe>\w+), with a max position size of (?P<size>[\d,]+)'
                 r'(?: and a risk limit of (?P<risk_limit>\$[\d,.]+))?$'))
def strategy_running_with(desk: Desk, actor: str, kind: str, name: str, instrument: str, timeframe: str,
                          size: str, risk_limit: str | None) -> None:
    api = StrategiesApi(desk[actor].api)
    draft = StrategyDraft(name, kind, (instrument,), timeframe, risk_limit or "$1,000", size)
    api.deploy(api.save(draft)["id"])
    running = desk[actor].open(StrategiesPage).active_strategy(name).status
    expect(running).to_have_text("Running")  # its rule has warmed up: from now on it trades


# When -------------------------------------------------------------------------------------------------------------

@when(parsers.parse("the {actor} fills in a new strategy:"))
def actor_fills_in_strategy(desk: Desk, actor: str, datatable: list[list[str]]) -> None:
    fill_in_new_strategy(desk, actor, draft_from(datatable))


@when(parsers.parse('the {actor} fills in a new strategy with {field} "{value}"'))
def actor_fills_in_strategy_with(desk: Desk, actor: str, field: str, value: str) -> None:
    fill_in_new_strategy(desk, actor, draft_with(A_VALID_STRATEGY, field, value))


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


# Then -------------------------------------------------------------------------------------------------------------

@then(parsers.parse("the {actor} sees the validation pass every rule: {fields}"))
def sees_validation_pass(desk: Desk, actor: str, fields: str) -> None:
    expected = [f"{field}: passed" for field in fields.split(", ")]
    expect(desk[actor].screen(StrategyForm).results).to_have_text(expected)


@then(parsers.parse('the {actor}\'s strategy is refused with "{message}"'))
def strategy_refused_with(desk: Desk, actor: str, message: str) -> None:
    desk[actor].monitor.expect_refusal("POST", r"^/api/strategies$")
    form = desk[actor].screen(StrategyForm)
    field, reason = form.split_message(message)
    expect(form.result(field)).to_have_text(f"{field}: {reason}")
    expect(form.field(field)).to_have_accessible_description(reason)


@then(parsers.parse("the {actor} sees the new strategy form still filled in as:"))
def sees_form_filled_in(desk: Desk, actor: str, datatable: list[list[str]]) -> None:
    form = desk[actor].screen(StrategyForm)
    typed = draft_from(datatable)
    for label, value in datatable:
        if label != "Instruments":
            expect(form.field(label)).to_have_value(value)
    for symbol in typed.instruments:
        expect(form.instrument(symbol)).to_be_checked()
    expect(form.checked_instruments).to_have_count(len(typed.instruments))


@then(parsers.parse("the {actor} sees \"{name}\" as the account's only strategy"))
def sees_only_strategy(desk: Desk, actor: str, name: str) -> None:
    expect(desk[actor].screen(StrategiesPage).strategy_names).to_have_text([name])


@then(parsers.parse('the {actor} sees "{name}" under All Strategies as:'))
def sees_strategy_settings(desk: Desk, actor: str, name: str, datatable: list[list[str]]) -> None:
    row = desk[actor].screen(StrategiesPage).strategy(name)
    for column, value in datatable:
        expect(row.setting(column)).to_have_text(value)


@then(parsers.parse('the {actor} sees "{name}" Running under Active Strategies'))
def sees_running(desk: Desk, actor: str, name: str) -> None:
    expect(desk[actor].screen(StrategiesPage).active_strategy(name).status).to_have_text("Running")


@then(parsers.parse('the {actor} sees the performance metrics of "{name}" keep updating'))
def sees_metrics_updating(desk: Desk, actor: str, name: str, suite: SuiteConfig) -> None:
    budget_s, changes = suite.budgets.strategy_metrics_update_s, 3
    row = desk[actor].screen(StrategiesPage).active_strategy(name)
    intervals = row.metric_change_intervals_ms(changes, budget_s)
    allure.attach(", ".join(f"{i:.0f} ms" for i in intervals) or "none", name="Intervals between metric updates")
    assert len(intervals) == changes, f"the metrics changed {len(intervals)} times in {budget_s} s, expected {changes}"


@then(parsers.re(r'the (?P<actor>[a-z ]+) sees "(?P<name>[^"]+)" under Active Strategies with a P&L of (?P<pnl>\S+), '
                 r'(?P<trades>\d+) trades? and a win rate of (?P<win_rate>\S+)'))
def sees_strategy_metrics(desk: Desk, actor: str, name: str, pnl: str, trades: str, win_rate: str) -> None:
    row = desk[actor].screen(StrategiesPage).active_strategy(name)
    expect(row.trades).to_have_text(trades, timeout=RULE_CATCH_UP_MS)
    expect(row.pnl).to_have_text(pnl)
    expect(row.win_rate).to_have_text(win_rate)


@then(parsers.parse('the {actor} sees "{name}" no longer under Active Strategies'))
def sees_no_longer_active(desk: Desk, actor: str, name: str) -> None:
    expect(desk[actor].screen(StrategiesPage).active_strategy(name).row).to_have_count(0)
