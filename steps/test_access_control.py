"""Steps of features/access-control.feature."""
from __future__ import annotations

import json
import re
from typing import Any

from playwright.sync_api import APIResponse, Cookie, expect
from pytest_bdd import given, parsers, scenarios, then, when

from fixtures.accounts import TradingAccount
from fixtures.sessions import Desk, Session
from fixtures.test_control import TestControl
from pages.account_api import AccountApi
from pages.login_page import LoginPage
from pages.navigation import NavigationBar
from pages.orders_api import OrdersApi
from pages.strategies_api import StrategiesApi
from pages.system_status_page import SystemStatusPage
from pages.trading_page import TradingPage
from steps.conftest import A_BUSY_STRATEGY, DeskRecords, WorkingOrder, sees_sign_in_locked

scenarios("access-control.feature")

OTHER_WEBSITE = "https://another-website.example"


def too_many_attempts(waits: str = r"\d+") -> re.Pattern[str]:
    """The sign-in refusal of a locked-out email, stating a wait in seconds that matches `waits` (any, by default)."""
    return re.compile(rf"^Too many sign-in attempts for this account\. Try again in (?:{waits}) seconds?\.$")


def too_many_attempts_within(lockout_s: int) -> re.Pattern[str]:
    """The refusal of a lockout that has just begun: the wait it states is the whole lockout, or up to two seconds
    less (the time the page takes to show it on a busy machine), never less than that."""
    return too_many_attempts("|".join(str(s) for s in range(max(1, lockout_s - 2), lockout_s + 1)))


@given(parsers.parse("a {actor} is locked out of signing in after {times:d} wrong passwords"))
def actor_locked_out(desk: Desk, actor: str, times: int) -> None:
    session = desk.arrive_signed_out(actor)
    session.monitor.expect_refusal("POST", r"^/login$", times + 1)
    login = session.open(LoginPage)
    login.guess_wrongly(desk[actor].user.email, times)
    login.sign_in(desk[actor].user.email, desk[actor].user.password)
    expect(login.error).to_have_text(too_many_attempts())


@then(parsers.parse("the {actor}'s sign-in is refused as too many attempts, saying to wait out the lockout"))
def refused_as_too_many_attempts(desk: Desk, actor: str, lockout_s: int) -> None:
    sees_sign_in_locked(desk, actor, too_many_attempts_within(lockout_s))


@when(parsers.parse("the {actor}'s lockout is over"))
def lockout_is_over(desk: Desk, actor: str, lockout_s: int) -> None:
    # The page itself re-enables Sign in when the console's Retry-After has passed; wait for exactly that.
    expect(desk[actor].screen(LoginPage).sign_in_button).to_be_enabled(timeout=(lockout_s + 10) * 1000)


@when(parsers.parse("the {actor} signs out, keeping a copy of the session cookie"), target_fixture="copied_cookies")
def sign_out_keeping_cookie(desk: Desk, actor: str) -> list[Cookie]:
    cookies = desk[actor].context.cookies()
    desk[actor].screen(NavigationBar).sign_out()
    expect(desk[actor].screen(LoginPage).notice("You have signed out")).to_be_visible()
    return cookies


@when(parsers.parse("the {actor} goes back to the System Status screen with the copied cookie"))
def back_with_copied_cookie(desk: Desk, actor: str, copied_cookies: list[Cookie]) -> None:
    desk[actor].context.add_cookies(copied_cookies)
    desk[actor].visit(SystemStatusPage)


# Secrets ---------------------------------------------------------------------------------------------------------

SECRET_FIELD = re.compile(r"password|hash|secret|token", re.IGNORECASE)


def field_names(value: Any) -> list[str]:
    """Every key in a JSON value, however deep."""
    if isinstance(value, dict):
        return [name for key, inner in value.items() for name in (key, *field_names(inner))]
    if isinstance(value, list):
        return [name for inner in value for name in field_names(inner)]
    return []


@then(parsers.parse("the {actor}'s session cookie cannot be read by the page's scripts"))
def scripts_cannot_read_session(desk: Desk, actor: str) -> None:
    token = desk[actor].session_token()
    assert token, "signing in set no session cookie"
    assert token not in desk[actor].cookies_seen_by_scripts(), \
        "a script in the page can read the session cookie from document.cookie: it is not HttpOnly"


@then(parsers.parse("the console's details of the signed-in {actor} hold no password, password hash or "
                    "session token"))
def details_hold_no_secret(desk: Desk, actor: str) -> None:
    session = desk[actor]
    details = AccountApi(session.api).signed_in_user()
    text = json.dumps(details)
    secrets = {"password": session.user.password, "session token": session.session_token()}
    leaks = [f"the {what}" for what, secret in secrets.items() if secret and secret in text]
    leaks += [f"a field {name!r}" for name in field_names(details) if SECRET_FIELD.search(name)]
    assert not leaks, f"GET /api/me reveals {', '.join(leaks)}: {text}"


@when(parsers.parse("a page on another website asks the console to sign the {actor} out"),
      target_fixture="api_answer")
def cross_origin_sign_out(desk: Desk, actor: str) -> APIResponse:
    # What a browser sends when another site's page posts to the console: the user's cookies, and that site's
    # Origin. The context's request client carries the same cookies as the user's pages.
    return desk[actor].api.post("/logout", headers={"Origin": OTHER_WEBSITE}, max_redirects=0)


@given(parsers.parse('the {actor}\'s display name is "{name}"'))
def display_name_is(desk: Desk, actor: str, name: str, console_control: TestControl) -> None:
    console_control.rename_user(desk.user_for(actor).email, name)


@then(parsers.parse('the {actor} sees the name "{name}" in the navigation bar, as text'))
def sees_name_as_text(desk: Desk, actor: str, name: str) -> None:
    expect(desk[actor].screen(NavigationBar).signed_in_user).to_contain_text(name)


# Roles ----------------------------------------------------------------------------------------------------------

@given(parsers.parse("the {actor}'s desk has {record}"), target_fixture="desk_records")
def desk_has(desk: Desk, actor: str, record: str) -> dict[str, Any]:
    """Something of the account's that an action acts on, made by the trader through the API; the actor's screen is
    where the step waits until it is there."""
    return DeskRecords(desk.api_as("trader"), desk[actor], desk.record_name(A_BUSY_STRATEGY.name)).make(record)


# Another desk ---------------------------------------------------------------------------------------------------

@given(parsers.parse("a {actor} of another desk is signed in"))
def actor_of_another_desk_signed_in(desk: Desk, actor: str, another_account: TradingAccount) -> Session:
    return desk.sign_in(f"{actor} of another desk", account=another_account)


@then(parsers.parse("the {actor} sees no order and no position"))
def sees_nothing(desk: Desk, actor: str) -> None:
    trading = desk[actor].screen(TradingPage)
    expect(trading.positions.valued).to_be_visible()
    expect(trading.positions.rows).to_have_count(0)
    expect(trading.blotter.rows).to_have_count(0)
    expect(trading.history.rows).to_have_count(0)


@then(parsers.parse("the console's API shows the {actor} neither that order nor that strategy"))
def api_shows_neither(desk: Desk, actor: str, working_order: WorkingOrder, running_strategy: dict[str, Any]) -> None:
    request = desk[actor].api
    strategy_id = running_strategy["id"]
    for what, answer in ((f"order #{working_order.id}", OrdersApi(request).order(working_order.id)),
                         (f"strategy #{strategy_id}", StrategiesApi(request).strategy(strategy_id))):
        assert answer.status == 404, f"another desk's {what} answered {answer.status}, not 404: {answer.text()}"
