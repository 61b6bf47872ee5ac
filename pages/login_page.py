"""The sign-in page."""
from __future__ import annotations

from playwright.sync_api import Page

from pages.contract import ContractItem
from pages.forms import replace_value


class LoginPage:
    PATH = "/login"
    # What the specs need of the sign-in page (see pages/contract.py); it is visited signed out.
    CONTRACT = (
        *(ContractItem(path, ("authentication", "access_control"))
          for path in ("heading", "email", "password", "sign_in_button")),
        ContractItem("error", ("authentication", "access_control"), only_with="a refused sign-in"),
        ContractItem("signed_out_notice", ("authentication", "access_control"), only_with="a sign-out"),
        ContractItem("expired_notice", ("access_control",), only_with="a session that ended"),
    )

    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", name="Sign in to the Trading Console")
        self.email = page.get_by_label("Email")
        self.password = page.get_by_label("Password")
        self.sign_in_button = page.get_by_role("button", name="Sign in")
        self.error = page.get_by_role("alert")
        self.signed_out_notice = page.get_by_role("status").filter(has_text="You have signed out")
        self.expired_notice = page.get_by_role("status").filter(has_text="Your session has expired")

    def open(self) -> None:
        self.page.goto(self.PATH)

    def sign_in(self, email: str, password: str) -> int:
        """Fill in the form and submit it; returns the HTTP status of the page the console answered with, once
        that page has loaded (so the next action never lands on the page being replaced)."""
        replace_value(self.email, email)
        replace_value(self.password, password)
        with self.page.expect_navigation() as answer:
            self.sign_in_button.click()
        return answer.value.status if answer.value else 0
