"""Steps of features/risk-management.feature."""
from __future__ import annotations

import re

import allure
from playwright.sync_api import expect
from pytest_bdd import given, parsers, scenarios, then, when

from fixtures.cross_engine import OtherEngine
from fixtures.sessions import Desk, Session
from fixtures.settings import SuiteConfig
from fixtures.test_control import TestControl
from pages.api_client import as_number
from pages.halt_banner import HaltedBanner, HaltWatch
from pages.navigation import NavigationBar
from pages.orders_api import OrdersApi
from pages.risk_api import RiskApi
from pages.risk_page import RiskPage
from pages.strategies_page import StrategiesPage
from steps.conftest import WorkingOrder, actor_has_trading_open, actor_opens_risk

scenarios("risk-management.feature")

CLOCK = re.compile(r"^\d{2}:\d{2}:\d{2}$")


def money(value: float) -> str:
    """As the console shows money: $999,899.00, -$101.00."""
    return f"{'-' if round(value, 2) < 0 else ''}${abs(value):,.2f}"


# Setting the scene ----------------------------------------------------------------------------------------------

@given("the risk engine has recorded the account's equity once a second as:")
def equity_recorded(desk: Desk, console_control: TestControl, datatable: list[list[str]]) -> None:
    console_control.record_equity(desk.account.id, [as_number(cell) for row in datatable for cell in row])


@given(parsers.parse("the account's daily loss limit is {limit}"))
def daily_loss_limit_is(desk: Desk, limit: str) -> None:
    RiskApi(desk.current.context.request).set_limits(daily_loss_limit=as_number(limit))


@given(parsers.parse("the {actor} has triggered the Emergency Stop"))
def actor_has_triggered_emergency_stop(desk: Desk, actor: str) -> None:
    RiskApi(desk[actor].context.request).emergency_stop()


@given(parsers.parse("a {actor} is signed in on the other browser engine"), target_fixture="session")
def actor_signed_in_on_other_engine(desk: Desk, actor: str, other_engine: OtherEngine) -> Session:
    return desk.sign_in(actor, new_context=other_engine.new_context)


# The Risk Management screen -------------------------------------------------------------------------------------

@then("the risk metrics read:")
def risk_metrics_read(risk: RiskPage, datatable: list[list[str]]) -> None:
    for name, value in datatable:
        expect(risk.metric(name)).to_have_text(value)


@then("the Portfolio Value and the Gross Exposure are those of the account's positions")
def metrics_are_the_positions(desk: Desk, risk: RiskPage) -> None:
    book = OrdersApi(desk.current.context.request).book()
    expect(risk.metric("Portfolio Value")).to_have_text(money(book["equity_usd"]))
    expect(risk.metric("Gross Exposure")).to_have_text(money(book["gross_exposure_usd"]))


# Limits ---------------------------------------------------------------------------------------------------------

@when(parsers.parse("the {actor} sets the limits to a Max Position Size of {size} and a Daily Loss Limit of {loss}"))
def actor_sets_limits(risk: RiskPage, size: str, loss: str) -> None:
    risk.limits.set({"Max Position Size": size, "Daily Loss Limit": loss})


@when(parsers.parse('the {actor} sets the {limit} to "{value}"'))
def actor_sets_one_limit(risk: RiskPage, limit: str, value: str) -> None:
    risk.limits.set({limit: value})


@then(parsers.parse("the limits read {size} and {loss}, also after a reload"))
def limits_read(risk: RiskPage, size: str, loss: str) -> None:
    expect(risk.limits.shown).to_have_text([size, loss])
    risk.reload()  # what the console has stored, not what the page happens to show
    expect(risk.limits.shown).to_have_text([size, loss])


@then(parsers.parse('the limits editor refuses the {limit} because it "{reason}"'))
def limits_editor_refuses(risk: RiskPage, limit: str, reason: str) -> None:
    expect(risk.limits.error).to_contain_text(f"{limit} {reason}")
    expect(risk.limits.field(limit)).to_have_accessible_description(reason)


# The halt -------------------------------------------------------------------------------------------------------

@when(parsers.parse("the {actor} triggers the Emergency Stop but cancels it in the dialog"))
def actor_cancels_emergency_stop(desk: Desk, actor: str) -> None:
    desk[actor].screen(RiskPage).trigger_emergency_stop().cancel()


@when(parsers.parse("the {actor} triggers the Emergency Stop and confirms it"), target_fixture="halt_watch")
def actor_triggers_emergency_stop(desk: Desk, actor: str) -> HaltWatch:
    dialog = desk[actor].screen(RiskPage).trigger_emergency_stop()
    return HaltWatch.around(dialog.confirm, desk[actor].page, desk.others(actor))


@when(parsers.parse("the {actor} resumes trading"))
def actor_resumes_trading(desk: Desk, actor: str) -> None:
    risk = actor_opens_risk(desk, actor)
    risk.resume_trading()
    expect(risk.trading_state).to_have_text("Active")


@then("the Risk Management screen shows trading halted")
def risk_screen_shows_halted(desk: Desk) -> None:
    expect(desk.current.screen(RiskPage).trading_state).to_have_text("Halted")
    expect(desk.current.screen(HaltedBanner).banner).to_be_visible()


@then(parsers.parse("the {actor}'s Risk Management screen still shows trading halted"))
def actor_risk_screen_still_halted(desk: Desk, actor: str) -> None:
    actor_opens_risk(desk, actor)
    risk_screen_shows_halted(desk)


@then("the Risk Management screen still shows trading active, with no alert")
def risk_screen_still_active(desk: Desk) -> None:
    risk = desk.current.screen(RiskPage)
    expect(risk.trading_state).to_have_text("Active")
    expect(risk.no_alerts).to_be_visible()


@then(parsers.parse("the {actor} can still open a new order on the Trading screen"))
def actor_can_still_order(desk: Desk, actor: str) -> None:
    trading = actor_has_trading_open(desk, actor)  # a new page: the console's state, not the last page's
    expect(desk[actor].screen(HaltedBanner).banner).to_be_hidden()
    expect(trading.ticket.new_order_button).to_be_enabled()


@then("every section of the console shows trading halted")
def every_section_shows_halted(desk: Desk) -> None:
    for section in NavigationBar.SECTIONS:
        desk.current.screen(NavigationBar).open_section(section)
        expect(desk.current.screen(HaltedBanner).banner, f"the banner on {section}").to_contain_text("Trading halted")


@then(parsers.parse("the {actor} can place no order, neither on the Trading screen nor through the API"))
def actor_can_place_no_order(desk: Desk, actor: str) -> None:
    expect(actor_has_trading_open(desk, actor).ticket.new_order_button).to_be_disabled()
    answer = OrdersApi(desk[actor].context.request).submit("EURUSD", "BUY", 10_000)
    assert answer.status == 409 and "trading halted" in answer.text(), f"the API answered {answer.status}: {answer.text()}"


@then(parsers.parse('the working order is cancelled and "{name}" is stopped'))
def working_order_cancelled_strategy_stopped(desk: Desk, working_order: WorkingOrder, name: str) -> None:
    history = actor_has_trading_open(desk, desk.current.actor).history
    expect(history.order(working_order.quantity, working_order.instrument).status).to_have_text("Cancelled")
    desk.current.screen(StrategiesPage).open()
    expect(desk.current.screen(StrategiesPage).strategy(name).status).to_have_text("Stopped")


@then(parsers.parse("the {actor}'s order for {quantity} {instrument} is still Cancelled"))
def order_still_cancelled(desk: Desk, actor: str, quantity: str, instrument: str) -> None:
    expect(actor_has_trading_open(desk, actor).history.order(quantity, instrument).status).to_have_text("Cancelled")


@then(parsers.parse('the Risk alerts record "{text}"'))
def risk_alerts_record(desk: Desk, text: str) -> None:
    expect(desk.current.screen(RiskPage).alert_messages.filter(has_text=text)).to_have_count(1)


@then(parsers.parse("the Risk alerts record the Emergency Stop by the {actor}, with its time"))
def risk_alerts_record_emergency_stop(desk: Desk, actor: str) -> None:
    risk = actor_opens_risk(desk, actor)
    expect(risk.alert_messages.first).to_contain_text(f"Emergency Stop by {desk[actor].user.display_name}")
    expect(risk.alert_times.first).to_have_text(CLOCK)


@then(parsers.parse("the {actor} cannot resume trading"))
def actor_cannot_resume(desk: Desk, actor: str) -> None:
    expect(desk[actor].screen(RiskPage).resume_button).to_be_disabled()
    answer = RiskApi(desk[actor].context.request).resume()
    assert answer.status == 403, f"a {actor} asked to resume trading and the console answered {answer.status}"


@then(parsers.parse("the {actor}'s screen shows trading halted within a second, without a reload"))
def actor_sees_halt_in_time(desk: Desk, actor: str, halt_watch: HaltWatch, suite: SuiteConfig) -> None:
    budget_s = suite.budgets.halt_shown_everywhere_s
    seen = halt_watch.appearance(actor, deadline_s=budget_s + 5)  # beyond the budget: to report how late it was
    delay = halt_watch.delay_ms(seen)
    allure.attach(f"{'never' if delay is None else f'{delay:.0f} ms'} from the confirm click to the {actor}'s banner "
                  f"(budget {budget_s * 1000:.0f} ms; both clocks: this host's)", name="Halt shown after")
    assert not seen.shown_at_start, f"the {actor}'s screen showed trading halted before the Emergency Stop"
    assert delay is not None and delay <= budget_s * 1000, (
        f"the {actor}'s screen showed the halt {'never' if delay is None else f'after {delay:.0f} ms'}, "
        f"budget {budget_s * 1000:.0f} ms")


# A restart ------------------------------------------------------------------------------------------------------

@then(parsers.parse("the {actor}'s Trading screen still shows {position} {instrument} and the working order for "
                    "{quantity} {ordered}"))
def trading_still_shows(desk: Desk, actor: str, position: str, instrument: str, quantity: str, ordered: str) -> None:
    trading = actor_has_trading_open(desk, actor)  # a fresh load: what the console kept, not what the page had
    expect(trading.positions.position(instrument).quantity).to_have_text(position)
    expect(trading.blotter.order(quantity, ordered).status).to_have_text("Working")


@then(parsers.parse("the {actor}'s Risk Management screen still shows the limits {size} and {loss}"))
def risk_still_shows_limits(desk: Desk, actor: str, size: str, loss: str) -> None:
    expect(actor_opens_risk(desk, actor).limits.shown).to_have_text([size, loss])
