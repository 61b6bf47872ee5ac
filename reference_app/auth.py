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

from reference_app.db import Database
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


@seam("auth.controls_role")
def controls_role(user: User) -> str:
    """The role whose controls the screens offer the user: their own."""
    return user.role


def _console(request: Request):  # -> Console; untyped here to keep auth free of an import cycle
    return request.app.state.console


@seam("auth.sessions_valid_after")
def sessions_valid_after() -> float:
    """A session is valid until its expiry time: only those expiring after now are accepted."""
    return time.time()


@seam("auth.user_from_cookie")
def user_from_cookie(request: Request) -> User | None:
    """The user of the request's session cookie; None without a cookie, or for a session ended or expired."""
    db = _console(request).db
    token = request.cookies.get(SESSION_COOKIE)
    row = token and db.one(
        "SELECT u.id, u.account_id, u.email, u.display_name, u.role FROM sessions s"
        " JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ?",
        (token_digest(token), sessions_valid_after()),
    )
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


@seam("auth.user_by_email")
def user_by_email(db: Database, email: str) -> Any:
    """The user row (with its password hash) of an email as typed: trimmed, and whatever its case, for an address is
    not case-sensitive (the column compares without case, NOCASE); None if no user has it."""
    return db.one("SELECT id, account_id, email, display_name, role, password_hash FROM users WHERE email = ?",
                  (email.strip(),))


def authenticate(request: Request, email: str, password: str) -> User | None:
    """The user with these credentials, None if they are wrong; raises Throttled while the email is locked out."""
    throttle = _console(request).throttle
    retry_after = throttle.retry_after_s(email)
    if retry_after is not None:
        raise Throttled(retry_after)
    row = user_by_email(_console(request).db, email)
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


@seam("auth.session_cookie")
def session_cookie(ttl_s: int) -> dict[str, Any]:
    """How the session cookie is set: for the whole site, out of reach of the page's scripts, sent on same-site
    requests only, for the session's lifetime."""
    return {"path": "/", "httponly": True, "samesite": "lax", "max_age": ttl_s}


def start_session(request: Request, response: Response, user: User) -> None:
    console = _console(request)
    token = create_session(console, user.id)
    response.set_cookie(SESSION_COOKIE, token, **session_cookie(console.settings.session_ttl_s))


def clear_session_cookie(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax")


@seam("auth.end_session")
def end_session(request: Request, response: Response) -> None:
    """Sign out: the session ends on the server (a copy of the cookie is worthless), and the cookie is cleared."""
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        _console(request).db.execute("DELETE FROM sessions WHERE token_hash = ?", (token_digest(token),))
    clear_session_cookie(response)


@seam("auth.safe_next")
def safe_next(target: str | None) -> str:
    """Only same-site paths are followed after sign-in, never another origin (OWASP, unvalidated redirects): a path
    that a browser would read as another host is refused, "//other-site.example", and "/\\other-site.example" too
    (browsers read a backslash as a slash, and drop tabs and line breaks)."""
    if not target or not target.startswith("/") or target.startswith("/login"):
        return "/status"
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


@seam("auth.profile")
def profile(console: Any, user: User) -> dict[str, Any]:  # console: Console (untyped to avoid an import cycle)
    """What GET /api/me tells about the signed-in user: who they are and their role, never a secret."""
    return user.public()


@router.get("/api/me")
async def me(request: Request, user: CurrentUser) -> dict[str, Any]:
    return {"user": profile(_console(request), user)}
