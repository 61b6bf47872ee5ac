"""The sign-in page."""
from __future__ import annotations

import re
from urllib.parse import quote

from playwright.sync_api import Locator, Page

from pages.contract import ContractItem
from pages.forms import replace_value


class LoginPage:
    PATH = "/login"
    ADDRESS = re.compile(r"/login(\?|$)")  # the address bar once the screen is shown
    # What the specs need of the sign-in page (see pages/contract.py); it is visited signed out.
    CONTRACT = (
        *(ContractItem(path, ("authentication", "access_control"))
          for path in ("heading", "email", "password", "sign_in_button")),
        ContractItem("error", ("authentication", "access_control"), only_with="a refused sign-in"),
        ContractItem("notice(You have signed out)", ("authentication", "access_control"), only_with="a sign-out"),
        ContractItem("notice(Your session has expired)", ("access_control",), only_with="a session that ended"),
    )

    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", name="Sign in to the Trading Console")
        self.email = page.get_by_label("Email")
        self.password = page.get_by_label("Password")
        self.sign_in_button = page.get_by_role("button", name="Sign in")
        self.error = page.get_by_role("alert")
        self.notices = page.get_by_role("status")  # "You have signed out", "Your session has expired"

    def notice(self, text: str) -> Locator:
        """The notice the screen gives, such as "You have signed out" or "Your session has expired"."""
        return self.notices.filter(has_text=text)

    def open(self) -> None:
        self.page.goto(self.PATH)
        self.heading.wait_for()

    def open_sending_on_to(self, target: str) -> None:
        """Open the sign-in screen by a link that asks it to send the user on to `target` once signed in."""
        self.page.goto(f"{self.PATH}?next={quote(target, safe='')}")
        self.heading.wait_for()

    def reload(self) -> None:
        self.page.reload()
        self.heading.wait_for()

    def guess_wrongly(self, email: str, times: int) -> None:
        """Sign in with a different wrong password, `times` times in a row."""
        for attempt in range(times):
            self.sign_in(email, f"not-the-password-{attempt}")

    def sign_in(self, email: str, password: str) -> int:
        """Fill in the form and submit it; returns the HTTP status of the page the console answered with, once
        that page has loaded (so the next action never lands on the page being replaced)."""
        replace_value(self.email, email)
        replace_value(self.password, password)
        with self.page.expect_navigation() as answer:
            self.sign_in_button.click()
        return answer.value.status if answer.value else 0
