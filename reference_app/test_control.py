"""The test-control API, mounted only in test mode: isolated accounts, exact prices and feed outages on demand."""
from __future__ import annotations

import time
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, HTTPException, Request, status
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from reference_app.auth import create_session
from reference_app.context import Console
from reference_app.feed import BY_SYMBOL, INSTRUMENTS


def _console(request: Request) -> Console:
    return request.app.state.console


def require_token(request: Request, x_test_control_token: Annotated[str | None, Header()] = None) -> None:
    expected = _console(request).settings.test_control_token
    if expected and x_test_control_token != expected:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Test control needs the X-Test-Control-Token header")


router = APIRouter(prefix="/api/test", dependencies=[Depends(require_token)])


class NewUser(BaseModel):
    email: str = Field(min_length=3, max_length=254, pattern=r"^[^@\s]+@[^@\s]+$")
    password: str = Field(min_length=8, max_length=128)
    display_name: str = Field(min_length=1, max_length=80)
    role: Literal["trader", "risk_manager", "viewer"]


class NewAccount(BaseModel):
    name: str = Field(min_length=1, max_length=80)
    starting_cash: float = Field(default=1_000_000, gt=0)
    max_position_size: float = Field(default=100_000, gt=0)
    daily_loss_limit: float = Field(default=5_000, gt=0)
    users: list[NewUser] = Field(min_length=1)
    # Hand back a signed-in session per user, so a test suite need not sign every scenario in through the API.
    issue_sessions: bool = False


class PriceSetting(BaseModel):
    bid: float = Field(gt=0)
    ask: float = Field(gt=0)
    freeze: bool = True


class OpenSetting(BaseModel):
    open: float = Field(gt=0)


class FeedTarget(BaseModel):
    instrument: str | None = None


def _instrument(symbol: str | None) -> str | None:
    if symbol is not None and symbol not in BY_SYMBOL:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"Unknown instrument {symbol!r}")
    return symbol


@router.get("/health")
async def health(request: Request) -> dict[str, Any]:
    console = _console(request)
    return {"test_mode": True, "faults": console.faults.names, "instruments": [i.symbol for i in INSTRUMENTS]}


@router.post("/accounts", status_code=status.HTTP_201_CREATED)
async def create_account(spec: NewAccount, request: Request) -> dict[str, Any]:
    db = _console(request).db
    emails = [user.email for user in spec.users]
    taken = db.all(f"SELECT email FROM users WHERE email IN ({', '.join('?' for _ in emails)})", emails)
    if taken or len(set(e.lower() for e in emails)) != len(emails):
        clashing = ", ".join(row["email"] for row in taken) or "the same email twice"
        raise HTTPException(status.HTTP_409_CONFLICT, f"Email already in use: {clashing}")
    account_id = db.create_account(
        spec.name,
        starting_cash=spec.starting_cash,
        max_position_size=spec.max_position_size,
        daily_loss_limit=spec.daily_loss_limit,
    )
    users = []
    for user in spec.users:
        user_id = db.create_user(account_id, user.email, user.display_name, user.role, user.password)
        created = user.model_dump(exclude={"password"})
        if spec.issue_sessions:
            created["session_token"] = create_session(_console(request), user_id)
        users.append(created)
    return {"account_id": account_id, "users": users}


class LockoutSetting(BaseModel):
    lockout_s: float = Field(gt=0, le=24 * 3600)


class SessionTarget(BaseModel):
    email: str


@router.post("/login-lockout")
async def set_login_lockout(setting: LockoutSetting, request: Request) -> dict[str, float]:
    """Shorten (or restore) how long a lockout lasts, so a spec can see one end without waiting 15 minutes."""
    throttle = _console(request).throttle
    previous, throttle.lockout_s = throttle.lockout_s, setting.lockout_s
    return {"lockout_s": setting.lockout_s, "previous_lockout_s": previous}


@router.post("/sessions/expire")
async def expire_sessions(target: SessionTarget, request: Request) -> dict[str, int]:
    """Make every session of a user expire now, as if its lifetime had run out."""
    db = _console(request).db
    user = db.one("SELECT id FROM users WHERE email = ?", (target.email,))
    if user is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"No user with email {target.email!r}")
    count = len(db.all("SELECT token_hash FROM sessions WHERE user_id = ?", (user["id"],)))
    db.execute("UPDATE sessions SET expires_at = ? WHERE user_id = ?", (time.time() - 1, user["id"]))
    return {"expired_sessions": count}


class Rename(BaseModel):
    email: str
    display_name: str = Field(min_length=1, max_length=200)


@router.post("/users/rename")
async def rename_user(rename: Rename, request: Request) -> dict[str, str]:
    """Give a user another display name (specs use it for names with markup, quotes, non-Latin scripts)."""
    db = _console(request).db
    if db.one("SELECT 1 FROM users WHERE email = ?", (rename.email,)) is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"No user with email {rename.email!r}")
    db.execute("UPDATE users SET display_name = ? WHERE email = ?", (rename.display_name, rename.email))
    return {"email": rename.email, "display_name": rename.display_name}


@router.post("/market/{symbol}/price")
async def set_price(symbol: str, price: PriceSetting, request: Request) -> dict[str, Any]:
    if price.ask < price.bid:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "ask must not be below bid")
    quote = _console(request).feed.set_price(_instrument(symbol) or symbol, price.bid, price.ask, price.freeze)
    return quote.as_event()


@router.post("/market/{symbol}/open")
async def set_day_open(symbol: str, setting: OpenSetting, request: Request) -> dict[str, Any]:
    """The instrument's open for the current UTC day, against which the change is shown; answers the previous one."""
    previous = _console(request).feed.set_day_open(_instrument(symbol) or symbol, setting.open)
    return {"instrument": symbol, "open": setting.open, "previous_open": previous}


@router.post("/market/{symbol}/release")
async def release_price(symbol: str, request: Request) -> dict[str, Any]:
    _console(request).feed.release_price(_instrument(symbol) or symbol)
    return {"released": symbol}


@router.post("/market/pause")
async def pause_feed(target: FeedTarget, request: Request) -> dict[str, Any]:
    _console(request).feed.pause(_instrument(target.instrument))
    return {"paused": target.instrument or "all"}


@router.post("/market/resume")
async def resume_feed(target: FeedTarget, request: Request) -> dict[str, Any]:
    _console(request).feed.resume(_instrument(target.instrument))
    return {"resumed": target.instrument or "all"}


class EquityHistory(BaseModel):
    equity_usd: list[Annotated[float, Field(gt=0, allow_inf_nan=False)]] = Field(min_length=1, max_length=1000)
    interval_s: float = Field(default=1.0, gt=0, le=3600)


@router.post("/accounts/{account_id}/equity-samples")
async def record_equity_samples(account_id: int, history: EquityHistory, request: Request) -> dict[str, Any]:
    """Record an equity history as if the risk worker had sampled it, oldest first, the last sample now: drawdown
    and VaR can then be checked against a known series instead of waiting minutes for one."""
    console = _console(request)
    if console.db.one("SELECT 1 FROM accounts WHERE id = ?", (account_id,)) is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"Unknown account {account_id}")
    now = time.time()
    count = len(history.equity_usd)
    for index, equity in enumerate(history.equity_usd):
        console.risk.record_sample(account_id, equity, now - (count - 1 - index) * history.interval_s)
    return {"account_id": account_id, "recorded": count}


class SocketDrop(BaseModel):
    account_id: int | None = Field(default=None, gt=0)  # None: every account's connections
    refuse_for_s: float = Field(default=0.0, ge=0, le=60)  # how long reconnection attempts are turned away


@router.post("/sockets/drop")
async def drop_sockets(drop: SocketDrop, request: Request) -> dict[str, Any]:
    """Close WebSocket connections from the server side, as a network drop or a console restart would."""
    console = _console(request)
    unknown = drop.account_id is not None and console.db.one("SELECT 1 FROM accounts WHERE id = ?",
                                                             (drop.account_id,)) is None
    if unknown:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"Unknown account {drop.account_id}")
    dropped = console.hub.disconnect(drop.account_id, drop.refuse_for_s)
    return {"dropped": dropped, "account_id": drop.account_id, "refuse_for_s": drop.refuse_for_s}


# ---- Routes made to fail for a while: a back end that answers with a server error, then recovers --------------------

class RouteFailure(BaseModel):
    # An API route of the console (not of the test control itself), without its query string.
    path: str = Field(pattern=r"^/api/[A-Za-z0-9/_.-]*$", max_length=200)
    status: int = Field(default=503, ge=500, le=599)
    for_s: float = Field(ge=0, le=300)  # 0 ends an earlier failure at once


def _route_failures(request: Request) -> dict[str, tuple[int, float]]:
    """path -> (status, monotonic time until which it fails), kept on the application."""
    if not hasattr(request.app.state, "route_failures"):
        request.app.state.route_failures = {}
    return request.app.state.route_failures


@router.post("/routes/fail")
async def fail_route(spec: RouteFailure, request: Request) -> dict[str, Any]:
    if spec.path.startswith("/api/test/"):
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "The test-control API itself cannot be made to fail")
    failures = _route_failures(request)
    if spec.for_s == 0:
        failures.pop(spec.path, None)
    else:
        failures[spec.path] = (spec.status, time.monotonic() + spec.for_s)
    return {"path": spec.path, "status": spec.status, "for_s": spec.for_s}


async def fail_routes_on_demand(request: Request, call_next: Any) -> Any:
    """Answers a request for a route made to fail (`POST /api/test/routes/fail`) with that server error, whatever its
    method, until the failure is over; every other request goes through untouched."""
    failure = getattr(request.app.state, "route_failures", {}).get(request.url.path)
    if failure is not None:
        code, until = failure
        if time.monotonic() < until:
            return JSONResponse({"detail": "The service behind this route is unavailable (made to fail in test mode)"},
                                status_code=code)
        request.app.state.route_failures.pop(request.url.path, None)
    return await call_next(request)
