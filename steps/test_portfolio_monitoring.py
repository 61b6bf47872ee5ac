"""Steps of features/portfolio-monitoring.feature."""
from __future__ import annotations

import allure
from playwright.sync_api import expect
from pytest_bdd import parsers, scenarios, then, when

from fixtures.sessions import Desk
from fixtures.test_control import TestControl
from pages.api_client import as_number
from pages.portfolio_page import PortfolioFigures, PortfolioPage
from pages.risk_page import RiskPage
from pages.trading_page import TradingPage

scenarios("portfolio-monitoring.feature")

# The synchronisation reconciles every account holding a position each second: two new times within a generous
# deadline.
SYNC_CHANGES, SYNC_DEADLINE_S = 2, 6


def _figures(datatable: list[list[str]]) -> list[tuple[str, str]]:
    """A two-column table without a header row: (figure, value)."""
    return [(name, value) for name, value in datatable]


# When ------------------------------------------------------------------------------------------------------------

@when(parsers.parse("the {actor} opens the Portfolio screen"), target_fixture="portfolio")
def actor_opens_portfolio(desk: Desk, actor: str) -> PortfolioPage:
    portfolio = desk[actor].screen(PortfolioPage)
    portfolio.open()
    return portfolio


@when(parsers.parse("the {actor} opens the details of the {instrument} position"))
def actor_opens_details(portfolio: PortfolioPage, instrument: str) -> None:
    portfolio.positions.open_details(instrument)


@when(parsers.parse("the {actor} asks to close the {instrument} position"))
def actor_asks_to_close(portfolio: PortfolioPage, instrument: str) -> None:
    portfolio.positions.ask_to_close(instrument)


@when(parsers.parse("the {actor} enters a new size of {quantity} for the {instrument} position"))
def actor_enters_new_size(portfolio: PortfolioPage, quantity: str, instrument: str) -> None:
    portfolio.positions.enter_new_size(instrument, quantity)


@when(parsers.parse("the {actor} confirms closing the position"))
def actor_confirms_close(portfolio: PortfolioPage) -> None:
    portfolio.positions.confirm_close()


@when(parsers.parse("the {actor} confirms the size change"))
def actor_confirms_size_change(portfolio: PortfolioPage) -> None:
    portfolio.positions.confirm_size_change()


@when(parsers.parse('the {actor} changes the size of the {instrument} position to "{quantity}"'))
def actor_changes_size(portfolio: PortfolioPage, instrument: str, quantity: str) -> None:
    portfolio.positions.change_size(instrument, quantity)


@when(parsers.parse("the {actor} adds a position"))
def actor_adds_position(portfolio: PortfolioPage) -> None:
    portfolio.add_position()


@when(parsers.parse("the {actor} changes the ticket's quantity to {quantity} and submits it"))
def actor_submits_prefilled_ticket(portfolio: PortfolioPage, quantity: str) -> None:
    portfolio.ticket.change_quantity(quantity)
    portfolio.ticket.submit()


@when(parsers.parse("the console's stored {instrument} position of the {actor}'s account is overwritten with "
                    "{quantity}, without a fill"))
def book_overwritten(console_control: TestControl, desk: Desk, instrument: str, quantity: str) -> None:
    console_control.overwrite_book(desk.account.id, instrument, as_number(quantity))


@when(parsers.parse("the {actor} reads the figures on the Portfolio screen"), target_fixture="portfolio_figures")
def actor_reads_portfolio(desk: Desk, actor: str) -> PortfolioFigures:
    return actor_opens_portfolio(desk, actor).read_figures()


# Then ------------------------------------------------------------------------------------------------------------

@then("the portfolio overview shows:")
def overview_shows(portfolio: PortfolioPage, datatable: list[list[str]]) -> None:
    for name, value in _figures(datatable):
        expect(portfolio.overview.figure(name)).to_have_text(value)


@then("the portfolio overview shows, without a reload:")
def overview_shows_live(portfolio: PortfolioPage, datatable: list[list[str]]) -> None:
    overview_shows(portfolio, datatable)
    assert not portfolio.reloaded_since_opened(), "the Portfolio screen was reloaded to show the new values"


@then("the positions table shows:")
def positions_table_shows(portfolio: PortfolioPage, datatable: list[list[str]]) -> None:
    header, *rows = datatable
    for column, values in zip(header, zip(*rows)):
        expect(portfolio.positions.column(column)).to_have_text(list(values))


@then("the position details show:")
def details_show(portfolio: PortfolioPage, datatable: list[list[str]]) -> None:
    for name, value in _figures(datatable):
        expect(portfolio.details.figure(name)).to_have_text(value)


@then("the position's last synchronisation time keeps advancing")
def sync_time_advances(portfolio: PortfolioPage) -> None:
    intervals = portfolio.details.sync_time_change_intervals_ms(SYNC_CHANGES, SYNC_DEADLINE_S)
    allure.attach(", ".join(f"{i:.0f} ms" for i in intervals) or "none", name="Intervals between synchronisations")
    assert len(intervals) == SYNC_CHANGES, (
        f"the last synchronisation time changed {len(intervals)} times in {SYNC_DEADLINE_S} s, expected {SYNC_CHANGES}")


@then(parsers.parse('the position details explain "{detail}"'))
def details_explain(portfolio: PortfolioPage, detail: str) -> None:
    expect(portfolio.details.sync_detail).to_have_text(detail)


@then(parsers.parse('the confirmation reads "{text}"'))
def confirmation_reads(portfolio: PortfolioPage, text: str) -> None:
    expect(portfolio.confirmation_summary).to_have_text(text)


@then(parsers.parse("the portfolio no longer lists {instrument}"))
def portfolio_no_longer_lists(portfolio: PortfolioPage, instrument: str) -> None:
    expect(portfolio.positions.position(instrument).row).to_have_count(0)


@then(parsers.parse("the portfolio lists {instrument} at {quantity} with an average price of {price}"))
def portfolio_lists(portfolio: PortfolioPage, instrument: str, quantity: str, price: str) -> None:
    expect(portfolio.positions.position(instrument).quantity).to_have_text(quantity)
    expect(portfolio.positions.position(instrument).average_price).to_have_text(price)


@then(parsers.parse("the order ticket holds a {order_type} order to {side} {quantity} {instrument}"))
def ticket_holds(portfolio: PortfolioPage, order_type: str, side: str, quantity: str, instrument: str) -> None:
    expect(portfolio.ticket.form).to_be_visible()
    assert portfolio.ticket.entered() == {"instrument": instrument, "side": side, "quantity": quantity,
                                          "order type": order_type}, "the ticket was not prefilled as expected"


@then(parsers.parse('the size change is refused with "{reason}"'))
def size_change_refused(portfolio: PortfolioPage, reason: str) -> None:
    expect(portfolio.positions.resize_dialog.error).to_contain_text(reason)


@then(parsers.parse("after a reload the {actor} still holds {quantity} {instrument} with a Cash Balance of {amount}"))
def still_holds_after_reload(portfolio: PortfolioPage, quantity: str, instrument: str, amount: str) -> None:
    portfolio.open()  # what the console has stored, not what the page happens to show
    expect(portfolio.positions.position(instrument).quantity).to_have_text(quantity)
    expect(portfolio.overview.cash_balance).to_have_text(amount)


@then("the Trading screen shows the positions, cash and unrealized P&L the Portfolio screen shows")
def trading_agrees(trading: TradingPage, portfolio_figures: PortfolioFigures) -> None:
    expect(trading.positions.cash).to_have_text(portfolio_figures.cash_balance)
    expect(trading.positions.unrealized_pnl).to_have_text(portfolio_figures.unrealized_pnl)
    assert trading.positions.read_positions() == portfolio_figures.positions


@then("the Risk Management screen's Portfolio Value is the Portfolio screen's Total Portfolio Value")
def risk_value_is_total(risk: RiskPage, portfolio_figures: PortfolioFigures) -> None:
    expect(risk.metric("Portfolio Value")).to_have_text(portfolio_figures.total_value)


@then("the Trading screen's equity is the Portfolio screen's Total Portfolio Value")
def trading_equity_is_total(trading: TradingPage, portfolio_figures: PortfolioFigures) -> None:
    expect(trading.positions.equity).to_have_text(portfolio_figures.total_value)
