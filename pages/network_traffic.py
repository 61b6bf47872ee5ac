"""What a page does on the network, as the browser reports it: every WebSocket it opens (frames and bytes received),
and the outcome of every request it makes (a page resource or a call). The test plan's "Network monitoring" in the
browser's developer tools (failed requests, WebSocket connections), recorded for a step to read.

Playwright reports a page's WebSockets and their frames on Chromium (`page.on("websocket")`); over WebDriver BiDi
(Firefox here) it reports none, so there the page's own WebSocket objects are counted instead, by an init script that
records each one the page creates, the messages it receives (and their bytes) and sends, and its closing."""
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


# Counts, in the page, every WebSocket it creates: what the page itself sees of its live connections.
_SOCKET_PROBE = """
(() => {
  if (window.__socketProbe) return;
  const probe = { sockets: [] };
  Object.defineProperty(window, '__socketProbe', { value: probe });
  const bytes = (data) => (typeof data === 'string' ? new TextEncoder().encode(data).length
    : data.byteLength ?? data.size ?? 0);
  window.WebSocket = class extends window.WebSocket {
    constructor(...args) {
      super(...args);
      const record = { url: String(args[0]), framesReceived: 0, bytesReceived: 0, framesSent: 0, closed: false };
      probe.sockets.push(record);
      this.__record = record;
      this.addEventListener('message', (event) => {
        record.framesReceived += 1;
        record.bytesReceived += bytes(event.data);
      });
      this.addEventListener('close', () => { record.closed = true; });
    }
    send(data) {
      this.__record.framesSent += 1;
      return super.send(data);
    }
  };
})();
"""


@dataclass
class NetworkTraffic:
    """Records a page's WebSockets and requests from `start()` on (start it before the page is opened)."""

    page: Page
    reported_sockets: list[SocketRecord] = field(default_factory=list)  # as the browser reported them
    requests: list[RequestRecord] = field(default_factory=list)
    started: float = 0.0  # time.monotonic() at start()

    @property
    def browser_reports_sockets(self) -> bool:
        return self.page.context.browser is None or self.page.context.browser.browser_type.name == "chromium"

    @property
    def sockets(self) -> list[SocketRecord]:
        """Every WebSocket the page opened, as the browser reported it, or as the page counted it (see above)."""
        if self.browser_reports_sockets:
            return self.reported_sockets
        counted = self.page.evaluate("() => window.__socketProbe ? window.__socketProbe.sockets : []")
        return [SocketRecord(s["url"], s["framesReceived"], s["bytesReceived"], s["framesSent"], s["closed"])
                for s in counted]

    def start(self) -> NetworkTraffic:
        """Start recording; the page's next document is counted from its first script on."""
        self.started = time.monotonic()
        if not self.browser_reports_sockets:
            self.page.add_init_script(_SOCKET_PROBE)
        self.page.on("websocket", self._on_websocket)
        self.page.on("response", self._on_response)
        self.page.on("requestfailed", self._on_request_failed)
        return self

    def _on_websocket(self, socket: WebSocket) -> None:
        record = SocketRecord(socket.url)
        self.reported_sockets.append(record)

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
        source = ("as the browser reported them" if self.browser_reports_sockets
                  else "as the page counted them (this engine reports no WebSocket to Playwright)")
        lines = [f"WebSockets {source}:"]
        lines += [f"WebSocket {s.url}: {s.frames_received} frames ({s.bytes_received:,} bytes) received, "
                  f"{s.frames_received / seconds:.1f} frames/s and {s.bytes_received / seconds / 1024:.1f} KiB/s over "
                  f"{seconds:.0f} s; {s.frames_sent} sent; {'closed' if s.closed else 'open'}" for s in self.sockets]
        lines += [f"{r.outcome:>5} {r.method} {r.url} ({r.resource_type})" for r in self.requests]
        return "\n".join(lines) or "no traffic"
