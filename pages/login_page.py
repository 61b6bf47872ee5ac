"""The sign-in page."""
from __future__ import annotations

from playwright.sync_api import Page


class LoginPage:
    PATH = "/login"

    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", name="Sign in to the Trading Console")
        self.email = page.get_by_label("Email")
        self.password = page.get_by_label("Password")
        self.sign_in_button = page.get_by_role("button", name="Sign in")
        self.error = page.get_by_role("alert")
        self.signed_out_notice = page.get_by_role("status").filter(has_text="You have signed out")

    def open(self) -> None:
        self.page.goto(self.PATH)

    def sign_in(self, email: str, password: str) -> None:
        self.email.fill(email)
        self.password.fill(password)
        self.sign_in_button.click()
