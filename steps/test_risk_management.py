"""Steps of features/risk-management.feature."""
from __future__ import annotations

from playwright.sync_api import expect
from pytest_bdd import given, parsers, scenarios, then, when

from fixtures.cross_engine import OtherEngine
from fixtures.sessions import Desk, Session
from fixtures.test_control import TestControl
from pages.api_client import as_number
from pages.halt_banner import HaltedBanner
from pages.risk_page import RiskPage

scenarios("risk-management.feature")

# Setting the scene ----------------------------------------------------------------------------------------------

@given("the risk engine has recorded the account's equity once a second as:")
def equity_recorded(desk: Desk, console_control: TestControl, datatable: list[list[str]]) -> None:
    console_control.record_equity(desk.account.id, [as_number(cell) for row in datatable for cell in row])


@given(parsers.parse("a {actor} is signed in on the other browser engine"))
def actor_signed_in_on_other_engine(desk: Desk, actor: str, other_engine: OtherEngine) -> Session:
    return desk.sign_in(actor, new_context=other_engine.new_context)


# Metrics and limits ---------------------------------------------------------------------------------------------

@then(parsers.parse('the {actor} sees the VaR note "{note}"'))
def sees_var_note(desk: Desk, actor: str, note: str) -> None:
    expect(desk[actor].screen(RiskPage).var_note).to_have_text(note)


@when(parsers.parse("the {actor} sets the limits to a Max Position Size of {size} and a Daily Loss Limit of {loss}"))
def actor_sets_limits(desk: Desk, actor: str, size: str, loss: str) -> None:
    desk[actor].screen(RiskPage).limits.set({"Max Position Size": size, "Daily Loss Limit": loss})


@when(parsers.parse('the {actor} sets the {limit} to "{value}"'))
def actor_sets_one_limit(desk: Desk, actor: str, limit: str, value: str) -> None:
    desk[actor].screen(RiskPage).limits.set({limit: value})


@when(parsers.parse("the {actor} opens Edit Limits again"))
def actor_opens_limits_editor(desk: Desk, actor: str) -> None:
    desk[actor].screen(RiskPage).limits.open()


@then(parsers.parse("the {actor} sees the Edit Limits form filled in with {size} and {loss}"))
def sees_limits_editor_filled_in(desk: Desk, actor: str, size: str, loss: str) -> None:
    limits = desk[actor].screen(RiskPage).limits
    expect(limits.field("Max Position Size")).to_have_value(size)
    expect(limits.field("Daily Loss Limit")).to_have_value(loss)


@then(parsers.parse("the {actor} sees the limits {size} and {loss}"))
def sees_limits(desk: Desk, actor: str, size: str, loss: str) -> None:
    expect(desk[actor].screen(RiskPage).limits.shown).to_have_text([size, loss])


@then(parsers.parse('the {actor} sees the limits editor say "{text}"'))
def sees_limits_editor_say(desk: Desk, actor: str, text: str) -> None:
    expect(desk[actor].screen(RiskPage).limits.error).to_have_text(text)


@then(parsers.parse('the {actor}\'s limits are refused with "{message}"'))
def limits_refused_with(desk: Desk, actor: str, message: str) -> None:
    desk[actor].monitor.expect_refusal("PUT", r"^/api/risk/limits$")
    limits = desk[actor].screen(RiskPage).limits
    field, reason = limits.split_message(message)
    expect(limits.error).to_contain_text(message)
    expect(limits.field(field)).to_have_accessible_description(reason)


# The halt (banner, Emergency Stop confirmed, risk alerts, trading active: shared, in steps/conftest.py) --------

@then(parsers.parse("the {actor} sees trading no longer halted"))
def sees_trading_not_halted(desk: Desk, actor: str) -> None:
    expect(desk[actor].screen(HaltedBanner).banner).to_be_hidden()


@then(parsers.parse('the {actor} sees the Trading state say "{text}"'))
def sees_trading_state_say(desk: Desk, actor: str, text: str) -> None:
    refusal = desk[actor].screen(RiskPage).action_error
    expect(refusal).to_be_visible()
    expect(refusal).to_have_text(text)


@when(parsers.parse("the {actor} triggers the Emergency Stop but cancels it in the dialog"))
def actor_cancels_emergency_stop(desk: Desk, actor: str) -> None:
    desk[actor].screen(RiskPage).trigger_emergency_stop().cancel()
