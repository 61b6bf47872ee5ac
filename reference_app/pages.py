"""The console's HTML pages: sign-in, sign-out and one page per section, each behind the session guard."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from reference_app.auth import (
    Throttled,
    authenticate,
    controls_role,
    end_session,
    login_redirect,
    safe_next,
    start_session,
    user_from_cookie,
)
from reference_app.feed import INSTRUMENTS
from reference_app.risk import halt_state, permissions

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")

# The seam of the console's styling: a fault that breaks the layout is a stylesheet of its own,
# static/css/faulty/<fault>.css, whose rules override the correct ones in the cascade (base.html links it last, only
# while the console runs with that fault). The correct styles stay in static/css/ as the console has them.
FAULTY_STYLESHEETS = Path(__file__).parent / "static" / "css" / "faulty"


def fault_stylesheets(faults: list[str]) -> list[str]:
    return [f"/static/css/faulty/{fault}.css" for fault in faults if (FAULTY_STYLESHEETS / f"{fault}.css").is_file()]


templates.env.globals["fault_stylesheets"] = fault_stylesheets


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


def _faults(request: Request) -> list[str]:
    return request.app.state.console.faults.names


def render_login(
    request: Request, error: str | None = None, email: str = "", next_path: str = "", status_code: int = 200,
    retry_after_s: int | None = None, password: str = "",
) -> HTMLResponse:
    context: dict[str, Any] = {
        "error": error,
        "retry_after": retry_after_s,
        "email": email,
        "password": password if "failed_sign_in_refills_password" in _faults(request) else "",
        "next": next_path,
        "signed_out": request.query_params.get("signed_out") == "1",
        "expired": request.query_params.get("expired") == "1",
        "faults": _faults(request),
    }
    headers = {"Retry-After": str(retry_after_s)} if retry_after_s else None
    return templates.TemplateResponse(request, "login.html", context, status_code=status_code, headers=headers)


@router.get("/", response_model=None)
async def home(request: Request) -> Response:
    return RedirectResponse("/status" if user_from_cookie(request) else "/login", status.HTTP_303_SEE_OTHER)


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
    if not email.strip() or not password:
        return render_login(request, "Enter your email address and password.", email, next, 400)
    try:
        user = authenticate(request, email, password)
    except Throttled as throttled:
        return render_login(request, str(throttled), email, next, 429, retry_after_s=throttled.retry_after_s)
    if user is None:
        faults = request.app.state.console.faults
        silent = "wrong_password_silent" in faults
        message = None if silent else "Invalid email or password."
        # blind fault: login_error_reveals_unknown_email
        if "login_error_reveals_unknown_email" in faults and not silent and request.app.state.console.db.one(
                "SELECT 1 FROM users WHERE email = ?", (email.strip(),)) is None:
            message = "No account is registered with this email address."
        kept_email = email
        # blind fault: login_email_not_kept
        if "login_email_not_kept" in faults:
            kept_email = ""
        return render_login(request, message, kept_email, next, 401, password=password)
    # blind fault: login_next_open_redirect
    lenient = "login_next_open_redirect" in request.app.state.console.faults
    response = RedirectResponse(safe_next(next, lenient=lenient), status.HTTP_303_SEE_OTHER)
    start_session(request, response, user)
    return response


@router.post("/logout")
async def logout(request: Request) -> RedirectResponse:
    target = "/login?signed_out=1"
    # blind fault: signout_notice_missing
    if "signout_notice_missing" in request.app.state.console.faults:
        target = "/login"
    response = RedirectResponse(target, status.HTTP_303_SEE_OTHER)
    end_session(request, response)
    return response


def _section_page(path: str, label: str, template: str):  # -> route handler
    async def page(request: Request) -> Response:
        user = user_from_cookie(request)
        if user is None:
            return login_redirect(request)
        console = request.app.state.console
        # The halt is part of every page from its first paint: the banner never waits for the live connection.
        role = controls_role(user, console.faults)
        current = path
        # blind fault: nav_current_wrong_on_portfolio
        if path == "/portfolio" and "nav_current_wrong_on_portfolio" in console.faults:
            current = "/trading"  # the page was copied from the Trading one, its "current" with it
        context = {"user": user, "sections": SECTIONS, "current": current, "title": label,
                   "faults": _faults(request), "instruments": INSTRUMENTS, "controls_role": role,
                   "halt": halt_state(console.db, user.account_id),
                   "may": permissions(console, replace(user, role=role))}
        return templates.TemplateResponse(request, template, context)

    page.__name__ = f"page_{path.strip('/').replace('-', '_')}"
    return page


for _path, _label, _template in SECTIONS:
    router.add_api_route(_path, _section_page(_path, _label, _template), methods=["GET"], response_model=None)
