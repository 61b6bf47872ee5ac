"""The console's HTML pages: sign-in, sign-out and one page per section, each behind the session guard."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, status
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from reference_app.auth import (
    Throttled,
    User,
    authenticate,
    controls_role,
    end_session,
    login_redirect,
    safe_next,
    start_session,
    user_from_cookie,
)
from reference_app.db import Database
from reference_app.feed import INSTRUMENTS
from reference_app.orders import STATUSES
from reference_app.risk import halt_state, permissions
from reference_app.seams import seam

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")

# The seam of the console's styling: a fault that breaks the layout is a stylesheet of its own,
# static/css/faulty/<fault>.css, whose rules override the correct ones in the cascade (base.html links it last, only
# while the console runs with that fault). The correct styles stay in static/css/ as the console has them.
FAULTY_STYLESHEETS = Path(__file__).parent / "static" / "css" / "faulty"
FAULTY_SCRIPTS = Path(__file__).parent / "static" / "js" / "faulty"


def fault_stylesheets(faults: list[str]) -> list[str]:
    return [f"/static/css/faulty/{fault}.css" for fault in faults if (FAULTY_STYLESHEETS / f"{fault}.css").is_file()]


templates.env.globals["fault_stylesheets"] = fault_stylesheets


@seam("pages.viewport")
def viewport() -> str:
    """The viewport of every page: the device's width, and the user may zoom (WCAG 1.4.4, resize text)."""
    return "width=device-width, initial-scale=1"


@seam("pages.favicon_href")
def favicon_href() -> str:
    """The page icon: an empty data URL, so that no browser asks the console for a /favicon.ico it does not have."""
    return "data:,"


templates.env.globals["viewport"] = viewport
templates.env.globals["favicon_href"] = favicon_href


SECTIONS: tuple[tuple[str, str, str], ...] = (
    # (path, navigation label, template); a section whose page is not built yet renders "coming_soon.html"
    ("/status", "System Status", "status.html"),
    ("/strategies", "Strategies", "strategies.html"),
    ("/trading", "Trading", "trading.html"),
    ("/risk", "Risk Management", "risk.html"),
    ("/portfolio", "Portfolio", "portfolio.html"),
    ("/market-data", "Market Data", "market_data.html"),
)

router = APIRouter()


# The faulty variants of the pages' seams (static/js/faulty/), which static/js/faults.js imports: a console without
# an active fault serves an empty table, so that its pages load none of that code.
NO_FAULTY_VARIANTS = "export const REPLACEMENTS = {};\n"


async def faulty_variants(request: Request) -> Response:
    if not _faults(request):
        return Response(NO_FAULTY_VARIANTS, media_type="text/javascript")
    return FileResponse(FAULTY_SCRIPTS / "index.js", media_type="text/javascript")


def _faults(request: Request) -> list[str]:
    """The active named faults, for the page's <meta name="console-faults"> (static/js/faults.js reads it)."""
    return request.app.state.console.faults.names


# What the pages render, computed here --------------------------------------------------------------------------

@seam("pages.inline_style")
def inline_style(place: str) -> str:
    """CSS a page carries inline, in its head (`place` "head") or after a screen's own stylesheet (`place` the
    screen's path): none, for every rule of the console lives in static/css."""
    return ""


@seam("pages.stylesheet")
def stylesheet(name: str) -> str:
    """The address of one of the console's stylesheets."""
    return f"/static/css/{name}.css"


@seam("pages.password_field_type")
def password_field_type() -> str:
    """The sign-in form's password field masks what is typed."""
    return "password"


@seam("pages.form_after_failed_sign_in")
def form_after_failed_sign_in(email: str, password: str) -> tuple[str, str]:
    """What the sign-in form comes back with after a failed sign-in: the email as typed, never the password."""
    return email, ""


@seam("pages.sign_in_fields_missing")
def sign_in_fields_missing(email: str, password: str) -> bool:
    """A sign-in without an email or without a password is not an attempt: the form asks for both, and nothing is
    counted against the email."""
    return not email.strip() or not password


@seam("pages.failed_sign_in_message")
def failed_sign_in_message(db: Database, email: str) -> str | None:
    """Why a sign-in failed, in words that do not tell whether the email has an account."""
    return "Invalid email or password."


@seam("pages.after_sign_out")
def after_sign_out() -> str:
    """Where signing out leads: the sign-in page, which says that the user has signed out."""
    return "/login?signed_out=1"


@seam("pages.section_href")
def section_href(path: str) -> str:
    """Where the navigation bar's link to a section leads: the section's own route."""
    return path


@seam("pages.next_after_failed_sign_in")
def next_after_failed_sign_in(next_path: str) -> str:
    """Where a sign-in tried again after a failure leads: still where the user was going."""
    return next_path


@seam("pages.current_section")
def current_section(path: str) -> str:
    """The section the navigation marks as the current page: the one shown."""
    return path


@seam("pages.section_heading")
def section_heading(path: str, label: str) -> str:
    """A section page's level-1 heading: the section's name as the navigation bar gives it."""
    return label


@seam("pages.display_name")
def display_name(user: User) -> Markup:
    """The signed-in user's name in the navigation bar: user text, shown as text (escaped), never as markup."""
    return escape(user.display_name)


@seam("pages.signed_in_user_hook")
def signed_in_user_hook() -> Markup:
    """The attribute that marks the navigation bar's signed-in user for the UI contract: its test id."""
    return Markup('data-testid="signed-in-user"')


@seam("pages.row_actions_offered")
def row_actions_offered(role: str) -> bool:
    """Whether a position's row offers Modify and Close: to the roles that may change the portfolio."""
    return role != "viewer"


@seam("pages.hide_details_label")
def hide_details_label() -> Markup:
    """The content of the details panel's Hide details button: its visible (and accessible) name."""
    return Markup("Hide details")


@seam("pages.ticket_price_label_for")
def ticket_price_label_for() -> str:
    """The field the order ticket's "Price" label names (and focuses when clicked): the price field."""
    return "ticket-price"


templates.env.globals["ticket_price_label_for"] = ticket_price_label_for


@seam("pages.status_filter_value")
def status_filter_value(order_status: str) -> str:
    """The value of an order status filter's option: the status as the API names it."""
    return order_status


def render_login(
    request: Request, error: str | None = None, email: str = "", next_path: str = "", status_code: int = 200,
    retry_after_s: int | None = None, password: str = "",
) -> HTMLResponse:
    context: dict[str, Any] = {
        "error": error,
        "retry_after": retry_after_s,
        "email": email,
        "password": password,
        "password_type": password_field_type(),
        "next": next_path,
        "signed_out": request.query_params.get("signed_out") == "1",
        "expired": request.query_params.get("expired") == "1",
        "faults": _faults(request),
        "head_style": Markup(inline_style("head")),
    }
    headers = {"Retry-After": str(retry_after_s)} if retry_after_s else None
    return templates.TemplateResponse(request, "login.html", context, status_code=status_code, headers=headers)


@seam("pages.home_target")
def home_target(request: Request) -> str:
    """Where the console's address leads: System Status for a signed-in user (by the session cookie), the sign-in page
    for anyone else."""
    return "/status" if user_from_cookie(request) else "/login"


@router.get("/", response_model=None)
async def home(request: Request) -> Response:
    return RedirectResponse(home_target(request), status.HTTP_303_SEE_OTHER)


@router.get("/login", response_class=HTMLResponse)
async def login_page(request: Request, next: str = "") -> HTMLResponse:
    return render_login(request, next_path=next)


@router.post("/login", response_model=None)
async def login_form(
    request: Request,
    email: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "",
) -> Response:
    if sign_in_fields_missing(email, password):
        return render_login(request, "Enter your email address and password.", email, next, 400)
    try:
        user = authenticate(request, email, password)
    except Throttled as throttled:
        return render_login(request, str(throttled), email, next, 429, retry_after_s=throttled.retry_after_s)
    if user is None:
        message = failed_sign_in_message(request.app.state.console.db, email)
        kept_email, kept_password = form_after_failed_sign_in(email, password)
        return render_login(request, message, kept_email, next_after_failed_sign_in(next), 401,
                            password=kept_password)
    response = RedirectResponse(safe_next(next), status.HTTP_303_SEE_OTHER)
    start_session(request, response, user)
    return response


@router.post("/logout")
async def logout(request: Request) -> RedirectResponse:
    response = RedirectResponse(after_sign_out(), status.HTTP_303_SEE_OTHER)
    end_session(request, response)
    return response


def _section_page(path: str, label: str, template: str):  # -> route handler
    async def page(request: Request) -> Response:
        user = user_from_cookie(request)
        if user is None:
            return login_redirect(request)
        console = request.app.state.console
        # The halt is part of every page from its first paint: the banner never waits for the live connection.
        role = controls_role(user)
        context = {"user": user, "sections": SECTIONS, "current": current_section(path), "title": label,
                   "heading": section_heading(path, label),
                   "section_hrefs": {section: section_href(section) for section, _, _ in SECTIONS},
                   "faults": _faults(request), "instruments": INSTRUMENTS, "controls_role": role,
                   "halt": halt_state(console.db, user.account_id),
                   "may": permissions(console, replace(user, role=role)),
                   "display_name": display_name(user), "signed_in_user_hook": signed_in_user_hook(),
                   "row_actions": row_actions_offered(role),
                   "css": {name: stylesheet(name) for name in ("console", "trading", "portfolio")},
                   "hide_details_label": hide_details_label(),
                   "history_filter": {s: status_filter_value(s) for s in STATUSES},
                   "head_style": Markup(inline_style("head")), "screen_style": Markup(inline_style(path))}
        return templates.TemplateResponse(request, template, context)

    page.__name__ = f"page_{path.strip('/').replace('-', '_')}"
    return page


for _path, _label, _template in SECTIONS:
    router.add_api_route(_path, _section_page(_path, _label, _template), methods=["GET"], response_model=None)
