"""Steps of features/portfolio-monitoring.feature."""
from __future__ import annotations

import allure
from playwright.sync_api import expect
from pytest_bdd import parsers, scenarios, then, when

from fixtures.sessions import Desk
from fixtures.test_control import TestControl
from pages.api_client import as_number
from pages.order_ticket import order_described
from pages.orders_api import OrdersApi
from pages.portfolio_page import PortfolioPage
from steps.conftest import assert_just_now

scenarios("portfolio-monitoring.feature")

# The synchronisation reconciles every account holding a position each second: two new times within a generous
# deadline.
SYNC_CHANGES, SYNC_DEADLINE_S = 2, 6


# When ------------------------------------------------------------------------------------------------------------

# (Opening a position's details, asking to close it, entering a new size: shared, in steps/conftest.py.)

@when(parsers.parse("the {actor} begins to close the {instrument} position but cancels it in the dialog"))
def actor_cancels_close(desk: Desk, actor: str, instrument: str) -> None:
    positions = desk[actor].screen(PortfolioPage).positions
    positions.ask_to_close(instrument)
    positions.close_dialog.cancel()


@when(parsers.parse("the {actor} begins to change the size of the {instrument} position but cancels it in the dialog"))
def actor_cancels_resize(desk: Desk, actor: str, instrument: str) -> None:
    positions = desk[actor].screen(PortfolioPage).positions
    positions.enter_new_size(instrument, "25,000")
    positions.resize_dialog.cancel()


@when(parsers.parse("the {actor} confirms closing the position"))
def actor_confirms_close(desk: Desk, actor: str) -> None:
    desk[actor].screen(PortfolioPage).positions.confirm_close()


@when(parsers.parse("the {actor} confirms the size change"))
def actor_confirms_size_change(desk: Desk, actor: str) -> None:
    desk[actor].screen(PortfolioPage).positions.confirm_size_change()


@when(parsers.parse('the {actor} changes the size of the {instrument} position to "{quantity}"'))
def actor_changes_size(desk: Desk, actor: str, instrument: str, quantity: str) -> None:
    desk[actor].screen(PortfolioPage).positions.change_size(instrument, quantity)


@when(parsers.parse("the {actor} adds a position"))
def actor_adds_position(desk: Desk, actor: str) -> None:
    desk[actor].screen(PortfolioPage).add_position()


@when(parsers.parse("the {actor} changes the ticket's quantity to {quantity} and submits it"))
def actor_submits_prefilled_ticket(desk: Desk, actor: str, quantity: str) -> None:
    ticket = desk[actor].screen(PortfolioPage).ticket
    ticket.change_quantity(quantity)
    ticket.submit()


@when(parsers.parse("the console's stored {instrument} position of the {actor}'s account is overwritten with "
                    "{quantity}, without a fill"))
def book_overwritten(console_control: TestControl, desk: Desk, instrument: str, quantity: str) -> None:
    console_control.overwrite_book(desk.account.id, instrument, as_number(quantity))


# Then ------------------------------------------------------------------------------------------------------------

@then(parsers.parse("the {actor} sees the portfolio overview:"))
def sees_overview(desk: Desk, actor: str, datatable: list[list[str]]) -> None:
    overview = desk[actor].screen(PortfolioPage).overview
    for name, value in datatable:
        expect(overview.figure(name)).to_have_text(value)


@then(parsers.parse("the {actor} sees the portfolio overview, without a reload:"))
def sees_overview_live(desk: Desk, actor: str, datatable: list[list[str]]) -> None:
    portfolio = desk[actor].screen(PortfolioPage)
    for name, value in datatable:
        expect(portfolio.overview.figure(name)).to_have_text(value)
    assert not portfolio.reloaded_since_opened(), "the Portfolio screen was reloaded to show the new values"


@then(parsers.parse("the {actor} sees the position details:"))
def sees_details(desk: Desk, actor: str, datatable: list[list[str]]) -> None:
    details = desk[actor].screen(PortfolioPage).details
    for name, value in datatable:
        expect(details.figure(name)).to_have_text(value)


@then(parsers.parse("the {actor} sees the position's last synchronisation time keep advancing with the time of day"))
def sees_sync_time_advance(desk: Desk, actor: str) -> None:
    details = desk[actor].screen(PortfolioPage).details
    intervals = details.sync_time_change_intervals_ms(SYNC_CHANGES, SYNC_DEADLINE_S)
    allure.attach(", ".join(f"{i:.0f} ms" for i in intervals) or "none", name="Intervals between synchronisations")
    assert len(intervals) == SYNC_CHANGES, (
        f"the last synchronisation time changed {len(intervals)} times in {SYNC_DEADLINE_S} s, expected {SYNC_CHANGES}")
    assert_just_now([details.synced_at_from_now_s()], "the last synchronisation time")


@then(parsers.parse("the {actor} sees no position details"))
def sees_no_details(desk: Desk, actor: str) -> None:
    expect(desk[actor].screen(PortfolioPage).details.region).to_be_hidden()


@then(parsers.parse('the {actor} sees the position details explain "{detail}"'))
def sees_details_explain(desk: Desk, actor: str, detail: str) -> None:
    expect(desk[actor].screen(PortfolioPage).details.sync_detail).to_have_text(detail)


@then(parsers.parse('the {actor} sees the confirmation "{text}"'))
def sees_confirmation(desk: Desk, actor: str, text: str) -> None:
    expect(desk[actor].screen(PortfolioPage).confirmation_summary).to_have_text(text)


@then(parsers.parse("the {actor} sees the order ticket hold a {order_type} order to {side} {quantity} {instrument}"))
def sees_ticket_hold(desk: Desk, actor: str, order_type: str, side: str, quantity: str, instrument: str) -> None:
    ticket = desk[actor].screen(PortfolioPage).ticket
    expect(ticket.form).to_be_visible()
    expect(ticket.instrument).to_have_value(instrument)
    expect(ticket.side).to_have_value(side)
    expect(ticket.quantity).to_have_value(quantity)
    expect(ticket.order_type).to_have_value(order_type)


@when(parsers.parse("the {actor} asks to change the size of the {instrument} position"))
def actor_asks_to_resize(desk: Desk, actor: str, instrument: str) -> None:
    desk[actor].screen(PortfolioPage).positions.ask_to_resize(instrument)


@then(parsers.parse('the {actor} sees the size change start from {position} {instrument} and say "{summary}"'))
def sees_resize_start(desk: Desk, actor: str, position: str, instrument: str, summary: str) -> None:
    dialog = desk[actor].screen(PortfolioPage).positions.resize_dialog
    expect(dialog.current).to_have_text(f"{instrument} position: {position}")
    expect(dialog.order_summary).to_have_text(summary)


@then(parsers.parse('the {actor} sees the close reported as "{report}"'))
def sees_close_reported(desk: Desk, actor: str, report: str) -> None:
    positions = desk[actor].screen(PortfolioPage).positions
    expect(positions.action_status).to_have_text(order_described(report))


@then(parsers.parse('the {actor}\'s size change is refused with "{reason}"'))
def size_change_refused(desk: Desk, actor: str, reason: str) -> None:
    desk[actor].monitor.expect_refusal("POST", r"^/api/portfolio/positions/\w+/resize$")
    expect(desk[actor].screen(PortfolioPage).positions.resize_dialog.error).to_contain_text(reason)


@then(parsers.parse('the {actor}\'s close is refused with "{reason}"'))
def close_refused(desk: Desk, actor: str, reason: str) -> None:
    desk[actor].monitor.expect_refusal("POST", r"^/api/portfolio/positions/\w+/close$")
    expect(desk[actor].screen(PortfolioPage).positions.close_dialog.error).to_contain_text(reason)


@then("the account has no order but the one that opened the position")
def only_the_opening_order(desk: Desk) -> None:
    # A dialog closes once the console has answered what it sent: an order it placed is already in the history.
    orders = OrdersApi(desk.api_as("trader")).history()
    assert len(orders) == 1, f"the account has {len(orders)} orders: {[(o['side'], o['quantity']) for o in orders]}"
