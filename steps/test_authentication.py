"""Steps of features/authentication.feature."""
from __future__ import annotations

from playwright.sync_api import expect
from pytest_bdd import given, parsers, scenarios, then, when

from fixtures.sessions import Desk
from pages.login_page import LoginPage
from pages.screens import ConsoleAddress
from steps.conftest import EMAIL_WRITTEN

scenarios("authentication.feature")

OTHER_SITE = "other-site.example"  # where a crafted sign-in link would send the user (the features name it)


@given("a visitor who is not signed in")
def visitor_not_signed_in(desk: Desk) -> None:
    desk.arrive_signed_out("visitor")


@when(parsers.parse("the {actor} goes to the console's address"))
def actor_goes_to_console_address(desk: Desk, actor: str) -> None:
    desk[actor].visit(ConsoleAddress)


@given(parsers.parse('a {actor} follows a sign-in link that sends them on to "{target}"'))
def follows_sign_in_link(desk: Desk, actor: str, target: str) -> None:
    session = desk.arrive_signed_out(actor)
    session.stand_in_for_site(OTHER_SITE)
    session.screen(LoginPage).open_sending_on_to(target)


@when(parsers.re(r'the (?P<actor>[a-z ]+) signs in with the password "(?P<password>[^"]*)"'))
def actor_signs_in_with(desk: Desk, actor: str, password: str) -> None:
    desk[actor].screen(LoginPage).sign_in(desk[actor].user.email, password)


@when(parsers.parse("the {actor} signs in with their email written {written} and their password"))
def actor_signs_in_with_email_written(desk: Desk, actor: str, written: str) -> None:
    user = desk[actor].user
    desk[actor].screen(LoginPage).sign_in(EMAIL_WRITTEN[written](user.email), user.password)


@when(parsers.parse('the {actor} signs in as "{email}" with the password "{password}"'))
def actor_signs_in_as(desk: Desk, actor: str, email: str, password: str) -> None:
    desk[actor].screen(LoginPage).sign_in(email, password)


@then(parsers.parse('the {actor}\'s sign-in is refused with "{message}"'))
def sign_in_refused_with(desk: Desk, actor: str, message: str) -> None:
    desk[actor].monitor.expect_refusal("POST", r"^/login$")
    expect(desk[actor].screen(LoginPage).error).to_have_text(message)


@then(parsers.parse("the {actor} sees the sign-in screen with their email filled in"))
def sees_email_kept(desk: Desk, actor: str) -> None:
    login = desk[actor].screen(LoginPage)
    expect(login.heading).to_be_visible()
    expect(login.email).to_have_value(desk[actor].user.email)


@then(parsers.parse("the {actor} sees the password field empty, masking what is typed"))
def sees_password_masked(desk: Desk, actor: str) -> None:
    login = desk[actor].screen(LoginPage)
    expect(login.password).to_have_value("")
    expect(login.password).to_have_attribute("type", "password")
