"""Steps of features/authentication.feature."""
from __future__ import annotations

from playwright.sync_api import expect
from pytest_bdd import given, parsers, scenarios, then, when

from fixtures.sessions import Desk
from pages.login_page import LoginPage
from pages.navigation import NavigationBar
from pages.system_status_page import SystemStatusPage
from steps.conftest import sign_in_page_is_shown

scenarios("authentication.feature")


@given("a visitor who is not signed in")
def visitor_not_signed_in(desk: Desk) -> None:
    desk.arrive_signed_out("visitor")


@when(parsers.re(r'the (?P<actor>.+) signs in with the password "(?P<password>[^"]*)"'))
def actor_signs_in_with(desk: Desk, actor: str, password: str) -> None:
    desk[actor].screen(LoginPage).sign_in(desk[actor].user.email, password)


@when(parsers.parse("the {actor} signs out"))
def actor_signs_out(desk: Desk, actor: str) -> None:
    desk[actor].screen(NavigationBar).sign_out()


@when(parsers.parse("the {actor} goes to the System Status dashboard"))
def actor_goes_to_dashboard(desk: Desk, actor: str) -> None:
    desk[actor].screen(SystemStatusPage).visit()


@then(parsers.parse("the navigation bar names the {actor}"))
def navigation_names_actor(desk: Desk, actor: str) -> None:
    expect(desk[actor].screen(NavigationBar).signed_in_user).to_contain_text(desk[actor].user.display_name)


@then(parsers.parse('the sign-in page says "{message}"'))
def sign_in_page_says(desk: Desk, message: str) -> None:
    expect(desk.current.screen(LoginPage).error).to_have_text(message)


@then(parsers.parse("the {actor} is still on the sign-in page with their email filled in"))
def still_on_sign_in_page(desk: Desk, actor: str) -> None:
    login = desk[actor].screen(LoginPage)
    expect(login.heading).to_be_visible()
    expect(login.email).to_have_value(desk[actor].user.email)


@then("the password field is empty and masks what is typed")
def password_field_empty_and_masked(desk: Desk) -> None:
    login = desk.current.screen(LoginPage)
    expect(login.password).to_have_value("")
    expect(login.password).to_have_attribute("type", "password")


@then(parsers.parse("the sign-in page confirms that the {actor} has signed out"))
def sign_out_confirmed(desk: Desk, actor: str) -> None:
    expect(desk[actor].screen(LoginPage).signed_out_notice).to_be_visible()


@then("the System Status dashboard now leads to the sign-in page")
def dashboard_leads_to_sign_in(desk: Desk) -> None:
    desk.current.screen(SystemStatusPage).visit()
    sign_in_page_is_shown(desk)
