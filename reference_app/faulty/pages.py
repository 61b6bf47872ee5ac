"""Faulty variants of the pages' seams (reference_app/pages.py: what the templates render), one per named fault."""
from __future__ import annotations

from fastapi import Request
from markupsafe import Markup

from reference_app.auth import User
from reference_app.db import Database
from reference_app.pages import stylesheet  # noqa: F401  (declares the seams replaced here)
from reference_app.seams import correct, replaces


@replaces("pages.inline_style", fault="nav_does_not_wrap_on_phone")
def compact_header(place: str) -> str:
    # The defect: a "compact header" rule forbids the top bar and its navigation to wrap: a phone's header overflows.
    if place != "head":
        return ""
    return "/* compact header */ .topbar, .topbar nav ul { flex-wrap: nowrap; white-space: nowrap; }"


@replaces("pages.inline_style", fault="muted_text_low_contrast")
def dark_muted_text(place: str) -> str:
    # The defect: the muted text colour darkened to #3b4a63 on the dark background: a contrast of about 2:1.
    return ":root { --muted: #3b4a63; }" if place == "head" else ""


@replaces("pages.inline_style", fault="trading_layout_overflows_on_phone")
def trading_breakpoint_at_300px(place: str) -> str:
    # The defect: the Trading screen's single-column breakpoint typed as 300 px instead of 900 px.
    if place != "/trading":
        return ""
    return ("\n@media (max-width: 900px) { .trading { grid-template-columns: minmax(18rem, 1fr) 2fr; }"
            " .trading .grid { display: table; } }\n"
            "@media (max-width: 300px) { .trading { grid-template-columns: 1fr; } }\n")


@replaces("pages.stylesheet", fault="portfolio_stylesheet_404")
def renamed_portfolio_stylesheet(name: str) -> str:
    # The defect: the Portfolio page links its stylesheet under a renamed file, which answers 404.
    return "/static/css/portfolio.min.css" if name == "portfolio" else correct("pages.stylesheet")(name)


@replaces("pages.password_field_type", fault="password_field_shows_text")
def plain_text_password() -> str:
    # The defect: the password field is a plain text field: the password is shown as it is typed.
    return "text"


@replaces("pages.form_after_failed_sign_in", fault="failed_sign_in_refills_password")
def password_refilled(email: str, password: str) -> tuple[str, str]:
    # The defect: the form comes back with the password filled in, so it travels back to the browser in the HTML.
    return email, password


@replaces("pages.form_after_failed_sign_in", fault="login_email_not_kept")
def email_not_kept(email: str, password: str) -> tuple[str, str]:
    # The defect: the form comes back with the Email field empty instead of what was typed.
    return "", ""


@replaces("pages.failed_sign_in_message", fault="wrong_password_silent")
def no_message(db: Database, email: str) -> str | None:
    # The defect: a failed sign-in reloads the form without saying what went wrong.
    return None


@replaces("pages.failed_sign_in_message", fault="login_error_reveals_unknown_email")
def unknown_email_revealed(db: Database, email: str) -> str | None:
    # The defect: an email without an account gets its own message, so the form tells which emails exist.
    if db.one("SELECT 1 FROM users WHERE email = ?", (email.strip(),)) is None:
        return "No account is registered with this email address."
    return correct("pages.failed_sign_in_message")(db, email)


@replaces("pages.after_sign_out", fault="signout_notice_missing")
def bare_sign_in_page() -> str:
    # The defect: sign out leads to the bare sign-in page, without `signed_out=1`: the notice never appears.
    return "/login"


@replaces("pages.current_section", fault="nav_current_wrong_on_portfolio")
def portfolio_marked_as_trading(path: str) -> str:
    # The defect: the Portfolio page was copied from the Trading one, its "current" section with it.
    return "/trading" if path == "/portfolio" else path


@replaces("pages.display_name", fault="display_name_rendered_as_html")
def display_name_as_markup(user: User) -> Markup:
    # The defect: the navigation bar inserts the display name as HTML, so markup in it runs in every page.
    return Markup(user.display_name)


@replaces("pages.signed_in_user_hook", fault="signed_in_user_unmarked")
def signed_in_user_unmarked() -> Markup:
    # The defect: a template change drops the test id; the name is still shown, the contract's hook is gone.
    return Markup("")


@replaces("pages.row_actions_offered", fault="viewer_sees_position_actions")
def row_actions_for_everyone(role: str) -> bool:
    # The defect: the row actions are offered from the wrong flag: a viewer sees Modify and Close too.
    return True


@replaces("pages.hide_details_label", fault="hide_details_button_unnamed")
def icon_only_hide_details() -> Markup:
    # The defect: the Hide details button became an icon button whose only content is aria-hidden: it has no name.
    return Markup('<span aria-hidden="true">×</span>')


@replaces("pages.status_filter_value", fault="history_filter_cancelled_misspelt")
def cancelled_misspelt(order_status: str) -> str:
    # The defect: the History filter's Cancelled option carries the value "canceled", which no order has.
    return "canceled" if order_status == "cancelled" else order_status


@replaces("pages.section_href", fault="market_data_link_underscored")
def section_href_from_template_name(path: str) -> str:
    # The defect: the navigation's links were generated from the templates' file names (market_data.html), so the
    # Market Data link leads to /market_data, which the console does not serve (404).
    return path.replace("-", "_")


@replaces("pages.next_after_failed_sign_in", fault="deep_link_lost_after_wrong_password")
def next_dropped_after_failure(next_path: str) -> str:
    # The defect: the sign-in form rendered again after a failure leaves its hidden `next` empty: after one mistyped
    # password, signing in lands on System Status instead of the screen the link was for.
    return ""


@replaces("pages.favicon_href", fault="favicon_link_to_missing_file")
def conventional_favicon() -> str:
    # The defect: the empty icon was "tidied" into the conventional /favicon.ico, a file the console never had:
    # every page load makes a request that answers 404.
    return "/favicon.ico"


@replaces("pages.viewport", fault="pinch_zoom_disabled")
def viewport_without_zoom() -> str:
    # The defect: to stop iOS Safari zooming in on a focused field, the viewport forbids zooming altogether.
    return "width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no"


@replaces("pages.section_heading", fault="section_heading_from_route")
def heading_from_route(path: str, label: str) -> str:
    # The defect: the heading is made from the route ("/risk" -> "Risk") instead of the section's name: System Status
    # is headed "Status" and Risk Management "Risk", unlike their links in the navigation bar (the other screens, whose
    # route spells their name, look right).
    return path.strip("/").replace("-", " ").title()


@replaces("pages.ticket_price_label_for", fault="ticket_price_label_names_quantity")
def price_label_copied_from_quantity() -> str:
    # The defect: the Price label was copied from the Quantity one with its `for`: it names the quantity field, so the
    # price field has no accessible name, the Quantity field gets two labels ("Quantity Price"), and a click on
    # "Price" puts the cursor into Quantity.
    return "ticket-quantity"


@replaces("pages.sign_in_fields_missing", fault="empty_password_counted_as_wrong")
def only_email_required(email: str, password: str) -> bool:
    # The defect: the empty-fields check looks at the email alone: a sign-in with the email filled in and the password
    # left empty is tried as a wrong password: the form says "Invalid email or password." instead of "Enter your email
    # address and password.", and the attempt counts towards the email's lockout.
    return not email.strip()


@replaces("pages.inline_style", fault="limit_price_field_hidden_on_phone")
def ticket_price_row_hidden_on_phones(place: str) -> str:
    # The defect: to shorten the order ticket on phones, a rule hides its Price row below 640 px (a MARKET order has no
    # price): on a phone a LIMIT or STOP ticket shows no Price field, and Submit Order answers "A LIMIT order needs a
    # price" (on the Trading and the Portfolio screens alike; a wider window is right).
    if place != "head":
        return ""
    return "@media (max-width: 640px) { .ticket .price-field { display: none; } }"


@replaces("pages.home_target", fault="root_ignores_session")
def home_looks_for_default_cookie(request: Request) -> str:
    # The defect: the console's address looks for the session under the framework's default cookie name, "session",
    # instead of "console_session": a signed-in user who opens the console's address is shown the sign-in page.
    return "/status" if request.cookies.get("session") else "/login"
