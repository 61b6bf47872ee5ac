"""What a page does on the network, as the browser reports it: every WebSocket it opens (frames and bytes received),
and the outcome of every request it makes (a page resource or a call). The test plan's "Network monitoring" in the
browser's developer tools (failed requests, WebSocket connections), recorded for a step to read."""
from __future__ import annotations

import time
from dataclasses import dataclass, field

from playwright.sync_api import Page, Request, Response, WebSocket


@dataclass
class SocketRecord:
    url: str
    frames_received: int = 0
    bytes_received: int = 0
    frames_sent: int = 0
    closed: bool = False


@dataclass(frozen=True)
class RequestRecord:
    method: str
    url: str
    resource_type: str
    outcome: str  # the HTTP status, or why it did not load

    @property
    def failed(self) -> bool:
        return not self.outcome.isdigit() or int(self.outcome) >= 400


@dataclass
class NetworkTraffic:
    """Records a page's WebSockets and requests from `start()` on (start it before the page is opened)."""

    page: Page
    sockets: list[SocketRecord] = field(default_factory=list)
    requests: list[RequestRecord] = field(default_factory=list)
    started: float = 0.0  # time.monotonic() at start()

    def start(self) -> NetworkTraffic:
        self.started = time.monotonic()
        self.page.on("websocket", self._on_websocket)
        self.page.on("response", self._on_response)
        self.page.on("requestfailed", self._on_request_failed)
        return self

    def _on_websocket(self, socket: WebSocket) -> None:
        record = SocketRecord(socket.url)
        self.sockets.append(record)

        def received(payload: str | bytes) -> None:
            record.frames_received += 1
            record.bytes_received += len(payload.encode() if isinstance(payload, str) else payload)

        def sent(_: str | bytes) -> None:
            record.frames_sent += 1

        def closed(_: WebSocket) -> None:
            record.closed = True

        socket.on("framereceived", received)
        socket.on("framesent", sent)
        socket.on("close", closed)

    def _on_response(self, response: Response) -> None:
        request = response.request
        self.requests.append(RequestRecord(request.method, request.url, request.resource_type, str(response.status)))

    def _on_request_failed(self, request: Request) -> None:
        self.requests.append(RequestRecord(request.method, request.url, request.resource_type,
                                           request.failure or "failed"))

    def failed_requests(self) -> list[RequestRecord]:
        return [record for record in self.requests if record.failed]

    def describe(self) -> str:
        """The figures for the report: each WebSocket with its frames and bytes, then each request and its outcome."""
        seconds = time.monotonic() - self.started
        lines = [f"WebSocket {s.url}: {s.frames_received} frames ({s.bytes_received:,} bytes) received, "
                 f"{s.frames_received / seconds:.1f} frames/s and {s.bytes_received / seconds / 1024:.1f} KiB/s over "
                 f"{seconds:.0f} s; {s.frames_sent} sent; {'closed' if s.closed else 'open'}" for s in self.sockets]
        lines += [f"{r.outcome:>5} {r.method} {r.url} ({r.resource_type})" for r in self.requests]
        return "\n".join(lines) or "no traffic"
