"""Faulty variants of the sign-in and session seams (reference_app/auth.py), one per named fault."""
from __future__ import annotations

from typing import Any

from fastapi import Request, Response

from reference_app.auth import User, clear_session_cookie
from reference_app.db import Database
from reference_app.seams import correct, replaces


@replaces("auth.controls_role", fault="read_only_controls_offered")
def every_control_offered(user: User) -> str:
    # The defect: the screens offer a risk manager's controls to everyone, and leave refusing them to the API.
    return "risk_manager"


@replaces("auth.sessions_valid_after", fault="expired_sessions_accepted")
def expiry_never_checked() -> float:
    # The defect: a session's expiry time is never checked: an expired session keeps working.
    return 0.0


@replaces("auth.user_from_cookie", fault="anonymous_access")
def first_user_for_anyone(request: Request) -> User | None:
    # The defect: a development fallback left on: a request without a session is served as the console's first user.
    user = correct("auth.user_from_cookie")(request)
    if user is not None:
        return user
    row = request.app.state.console.db.one("SELECT id, account_id, email, display_name, role FROM users"
                                           " ORDER BY id LIMIT 1")
    return User(**dict(row)) if row else None


@replaces("auth.session_cookie", fault="session_cookie_wrong_path")
def cookie_scoped_to_api(ttl_s: int) -> dict[str, Any]:
    # The defect: the session cookie is scoped to /api, so no page request carries it.
    return {**correct("auth.session_cookie")(ttl_s), "path": "/api"}


@replaces("auth.session_cookie", fault="session_cookie_readable_by_script")
def cookie_without_http_only(ttl_s: int) -> dict[str, Any]:
    # The defect: the session cookie is set without HttpOnly: any script in the page can read it.
    return {**correct("auth.session_cookie")(ttl_s), "httponly": False}


@replaces("auth.end_session", fault="signout_keeps_session")
def sign_out_does_nothing(request: Request, response: Response) -> None:
    # The defect: sign out neither clears the cookie nor ends the session on the server.
    return None


@replaces("auth.end_session", fault="signout_leaves_server_session")
def cookie_cleared_session_kept(request: Request, response: Response) -> None:
    # The defect: sign out clears the browser's cookie but leaves the session valid on the server.
    clear_session_cookie(response)


@replaces("auth.safe_next", fault="login_next_open_redirect")
def any_slash_path_followed(target: str | None) -> str:
    # The defect: any `next` that starts with a slash is followed, "//other-site.example" too (an open redirect).
    if target and target.startswith("/") and not target.startswith("/login"):
        return target
    return "/status"


@replaces("auth.profile", fault="profile_reveals_password_hash")
def whole_user_row(console: Any, user: User) -> dict[str, Any]:
    # The defect: GET /api/me returns the whole user row, the password hash included.
    return dict(console.db.one("SELECT * FROM users WHERE id = ?", (user.id,)))


@replaces("auth.safe_next", fault="deep_link_lost_at_sign_in")
def always_the_dashboard(target: str | None) -> str:
    # The defect: the sign-in ignores where the user was going and always lands on the System Status screen.
    return "/status"


@replaces("auth.user_by_email", fault="sign_in_email_case_sensitive")
def email_compared_with_its_case(db: Database, email: str) -> Any:
    # The defect: the lookup lowers the stored email but not the one typed, so an address typed with a capital (as a
    # phone's keyboard writes "Test@example.com") matches no user: "Invalid email or password.", and the attempt is
    # counted towards the email's lockout.
    return db.one("SELECT id, account_id, email, display_name, role, password_hash FROM users WHERE lower(email) = ?",
                  (email.strip(),))
