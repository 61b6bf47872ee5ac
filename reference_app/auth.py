"""Signing in and out: the login form, the JSON login API, the session cookie and the request guards."""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Request, status
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel

from reference_app.seams import seam
from reference_app.security import new_session_token, token_digest, verify_password
from reference_app.throttle import describe_wait

SESSION_COOKIE = "console_session"
ROLES = ("trader", "risk_manager", "viewer")


@dataclass(frozen=True)
class User:
    id: int
    account_id: int
    email: str
    display_name: str
    role: str

    def public(self) -> dict[str, Any]:
        return {"email": self.email, "display_name": self.display_name, "role": self.role,
                "account_id": self.account_id}


def controls_role(user: User, faults: Any) -> str:
    """The role whose controls the screens offer the user: their own. (The `read_only_controls_offered` fault offers
    a risk manager's controls to everyone, and leaves refusing them to the API.)"""
    return "risk_manager" if "read_only_controls_offered" in faults else user.role


def _console(request: Request):  # -> Console; untyped here to keep auth free of an import cycle
    return request.app.state.console


def user_from_cookie(request: Request) -> User | None:
    db = _console(request).db
    token = request.cookies.get(SESSION_COOKIE)
    valid_after = 0.0 if "expired_sessions_accepted" in _console(request).faults else time.time()
    row = token and db.one(
        "SELECT u.id, u.account_id, u.email, u.display_name, u.role FROM sessions s"
        " JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ?",
        (token_digest(token), valid_after),
    )
    if not row and "anonymous_access" in _console(request).faults:
        row = db.one("SELECT id, account_id, email, display_name, role FROM users ORDER BY id LIMIT 1")
    return User(**dict(row)) if row else None


def current_user(request: Request) -> User:
    """API guard: 401 without a valid session."""
    user = user_from_cookie(request)
    if user is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Sign in first: no valid session")
    return user


CurrentUser = Annotated[User, Depends(current_user)]


class Throttled(Exception):
    def __init__(self, retry_after_s: int) -> None:
        super().__init__(f"Too many sign-in attempts for this account. Try again in {describe_wait(retry_after_s)}.")
        self.retry_after_s = retry_after_s


def authenticate(request: Request, email: str, password: str) -> User | None:
    """The user with these credentials, None if they are wrong; raises Throttled while the email is locked out."""
    throttle = _console(request).throttle
    retry_after = throttle.retry_after_s(email)
    if retry_after is not None:
        raise Throttled(retry_after)
    row = _console(request).db.one(
        "SELECT id, account_id, email, display_name, role, password_hash FROM users WHERE email = ?",
        (email.strip(),),
    )
    if row is None or not verify_password(password, row["password_hash"]):
        throttle.record_failure(email)
        return None
    throttle.forget(email)
    fields = dict(row)
    fields.pop("password_hash")
    return User(**fields)


def create_session(console, user_id: int) -> str:  # console: Console (untyped to avoid an import cycle)
    """A new server-side session for the user; returns the token the cookie carries."""
    token = new_session_token()
    now = time.time()
    console.db.execute(
        "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
        (token_digest(token), user_id, now, now + console.settings.session_ttl_s),
    )
    return token


def start_session(request: Request, response: Response, user: User) -> None:
    console = _console(request)
    token = create_session(console, user.id)
    path = "/api" if "session_cookie_wrong_path" in console.faults else "/"
    httponly = "session_cookie_readable_by_script" not in console.faults
    response.set_cookie(SESSION_COOKIE, token, httponly=httponly, samesite="lax", path=path,
                        max_age=console.settings.session_ttl_s)


def end_session(request: Request, response: Response) -> None:
    console = _console(request)
    if "signout_keeps_session" in console.faults:
        return
    token = request.cookies.get(SESSION_COOKIE)
    if token and "signout_leaves_server_session" not in console.faults:
        console.db.execute("DELETE FROM sessions WHERE token_hash = ?", (token_digest(token),))
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax")


@seam("auth.safe_next")
def safe_next(target: str | None, lenient: bool = False) -> str:
    """Only same-site paths are followed after sign-in, never another origin (OWASP, unvalidated redirects): a path
    that a browser would read as another host is refused, "//other-site.example", and "/\\other-site.example" too
    (browsers read a backslash as a slash, and drop tabs and line breaks). (`lenient` is the blind fault
    `login_next_open_redirect`: any path starting with a slash passes, "//other-site.example" too.)"""
    if not target or not target.startswith("/") or target.startswith("/login"):
        return "/status"
    if lenient:
        return target
    as_read = re.sub(r"[\t\n\r]", "", target).replace("\\", "/")
    return "/status" if as_read.startswith("//") else target


def login_redirect(request: Request) -> RedirectResponse:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    # A cookie the console no longer accepts means the session ended (expired, or signed out elsewhere).
    ended = "&expired=1" if request.cookies.get(SESSION_COOKIE) else ""
    return RedirectResponse(f"/login?next={quote(target)}{ended}", status.HTTP_303_SEE_OTHER)


router = APIRouter()


class Credentials(BaseModel):
    email: str
    password: str


@router.post("/api/auth/login")
async def api_login(credentials: Credentials, request: Request, response: Response) -> dict[str, Any]:
    try:
        user = authenticate(request, credentials.email, credentials.password)
    except Throttled as throttled:
        raise HTTPException(status.HTTP_429_TOO_MANY_REQUESTS, str(throttled),
                            headers={"Retry-After": str(throttled.retry_after_s)}) from None
    if user is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Invalid email or password")
    start_session(request, response, user)
    return {"user": user.public()}


@router.post("/api/auth/logout")
async def api_logout(request: Request, response: Response) -> dict[str, bool]:
    end_session(request, response)
    return {"signed_out": True}


@router.get("/api/me")
async def me(request: Request, user: CurrentUser) -> dict[str, Any]:
    console = _console(request)
    if "profile_reveals_password_hash" in console.faults:
        return {"user": dict(console.db.one("SELECT * FROM users WHERE id = ?", (user.id,)))}
    return {"user": user.public()}
