"""Steps of features/authentication.feature."""
from __future__ import annotations

import re

from playwright.sync_api import expect
from pytest_bdd import given, parsers, scenarios, then, when

from fixtures.sessions import Desk, Session
from pages.login_page import LoginPage
from pages.navigation import NavigationBar
from pages.system_status_page import SystemStatusPage

scenarios("authentication.feature")


@given(parsers.parse("a {actor} is on the sign-in page"), target_fixture="session")
def actor_on_sign_in_page(desk: Desk, actor: str) -> Session:
    session = desk.arrive_signed_out(actor)
    session.screen(LoginPage).open()
    return session


@given("a visitor who is not signed in", target_fixture="session")
def visitor_not_signed_in(desk: Desk) -> Session:
    return desk.arrive_signed_out("visitor")


@when(parsers.parse("the {actor} signs in with their password"))
def actor_signs_in(session: Session) -> None:
    session.screen(LoginPage).sign_in(session.user.email, session.user.password)


@when(parsers.re(r'the (?P<actor>.+) signs in with the password "(?P<password>[^"]*)"'))
def actor_signs_in_with(session: Session, password: str) -> None:
    session.screen(LoginPage).sign_in(session.user.email, password)


@when(parsers.parse("the {actor} signs out"))
def actor_signs_out(session: Session) -> None:
    session.screen(NavigationBar).sign_out()


@when(parsers.parse("the {actor} goes to the System Status dashboard"))
def actor_goes_to_dashboard(session: Session) -> None:
    session.screen(SystemStatusPage).visit()


@then("the System Status dashboard is shown")
def dashboard_is_shown(session: Session) -> None:
    expect(session.page).to_have_url(re.compile(r"/status$"))
    expect(session.screen(SystemStatusPage).heading).to_be_visible()


@then(parsers.parse("the navigation bar names the {actor}"))
def navigation_names_actor(session: Session) -> None:
    expect(session.screen(NavigationBar).signed_in_user).to_contain_text(session.user.display_name)


@then(parsers.parse('the sign-in page says "{message}"'))
def sign_in_page_says(session: Session, message: str) -> None:
    expect(session.screen(LoginPage).error).to_have_text(message)


@then(parsers.parse("the {actor} is still on the sign-in page with their email filled in"))
def still_on_sign_in_page(session: Session) -> None:
    login = session.screen(LoginPage)
    expect(login.heading).to_be_visible()
    expect(login.email).to_have_value(session.user.email)


@then(parsers.parse("the sign-in page confirms that the {actor} has signed out"))
def sign_out_confirmed(session: Session) -> None:
    expect(session.screen(LoginPage).signed_out_notice).to_be_visible()


@then("the System Status dashboard now leads to the sign-in page")
def dashboard_leads_to_sign_in(session: Session) -> None:
    session.screen(SystemStatusPage).visit()
    sign_in_page_is_shown(session)


@then("the sign-in page is shown")
def sign_in_page_is_shown(session: Session) -> None:
    expect(session.page).to_have_url(re.compile(r"/login(\?|$)"))
    expect(session.screen(LoginPage).heading).to_be_visible()
