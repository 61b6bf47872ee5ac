"""What the browser itself measured of a screen: Navigation and Resource Timing, and (Chromium) its memory and CPU."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlparse

from playwright.sync_api import CDPSession, Page

# The document's Navigation Timing entry, in milliseconds since the navigation started (performance.timeOrigin).
_NAVIGATION = """
() => {
  const [entry] = performance.getEntriesByType('navigation');
  return entry ? { responseEnd: entry.responseEnd, domContentLoaded: entry.domContentLoadedEventEnd,
                   loaded: entry.loadEventEnd } : null;
}
"""
# Every call the page made with fetch or XMLHttpRequest and that has been answered (Resource Timing), in the order
# the calls started. Entries are only added once a call is answered: wait for the calls to settle first.
_CALLS = """
() => performance.getEntriesByType('resource')
  .filter((entry) => entry.initiatorType === 'fetch' || entry.initiatorType === 'xmlhttprequest')
  .map((entry) => ({ url: entry.name, started: entry.startTime, took: entry.responseEnd - entry.startTime }))
"""


@dataclass(frozen=True)
class LoadTiming:
    """How long a screen took to appear, in seconds from the start of its navigation, on the browser's clock."""

    response_end_s: float  # the page's HTML fully received
    dom_content_loaded_s: float  # its HTML parsed and its deferred scripts run
    loaded_s: float  # its load event done (stylesheets, scripts, images)
    data_shown_s: float  # the screen showing its data (its page object's readiness)

    @property
    def ready_s(self) -> float:
        """Loaded, and showing its data: the later of the two."""
        return max(self.loaded_s, self.data_shown_s)

    def report(self) -> str:
        return (f"HTML received {self.response_end_s:.3f} s, DOM content loaded {self.dom_content_loaded_s:.3f} s, "
                f"load event done {self.loaded_s:.3f} s, data shown {self.data_shown_s:.3f} s "
                f"(from the start of the navigation)")


@dataclass(frozen=True)
class ApiCall:
    path: str
    started_s: float  # after the start of the navigation
    took_s: float  # from its start to the end of its answer


@dataclass(frozen=True)
class MemoryReading:
    at_s: float  # the page's age when read (performance.now())
    dom_nodes: int
    js_heap_used_mb: float


class BrowserPerformance:
    """The page's own performance records; memory, garbage collection and CPU throttling need Chromium (CDP)."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self._cdp: CDPSession | None = None

    def seconds_since_navigation(self) -> float:
        """The page's age on its own clock: performance.now() counts from the start of its navigation."""
        return self.page.evaluate("performance.now()") / 1000

    def load_timing(self, data_shown_s: float | None = None) -> LoadTiming:
        """The Navigation Timing of the page shown now, with the moment its screen showed its data: `data_shown_s` if
        its page object measured it in the page, else now (called as soon as the page object saw it ready, this
        includes the few milliseconds the harness takes to notice and ask: never less than the truth).

        The load event may come after the screen's data (a late image): it is waited for, as a person sees a page
        still loading until then."""
        if data_shown_s is None:
            data_shown_s = self.seconds_since_navigation()
        self.page.wait_for_function("() => performance.getEntriesByType('navigation')[0]?.loadEventEnd > 0",
                                    polling=100)
        entry = self.page.evaluate(_NAVIGATION)
        return LoadTiming(entry["responseEnd"] / 1000, entry["domContentLoaded"] / 1000, entry["loaded"] / 1000,
                          data_shown_s)

    def api_calls(self) -> list[ApiCall]:
        """Every call of the page to the console's API, once the page's network has been quiet for half a second
        (each call answered; the live WebSocket does not count)."""
        self.page.wait_for_load_state("networkidle")
        calls = [ApiCall(urlparse(c["url"]).path, c["started"] / 1000, c["took"] / 1000)
                 for c in self.page.evaluate(_CALLS)]
        return [call for call in calls if call.path.startswith("/api/")]

    # ---- Chromium only (the DevTools protocol) -------------------------------------------------------------------

    def _devtools(self) -> CDPSession:
        if self._cdp is None:
            self._cdp = self.page.context.new_cdp_session(self.page)
            self._cdp.send("Performance.enable")
        return self._cdp

    def slow_down_cpu(self, rate: float) -> None:
        """Run the page's scripts, layout and painting `rate` times slower, as on a phone's processor; it holds for
        the page's later navigations."""
        self._devtools().send("Emulation.setCPUThrottlingRate", {"rate": rate})

    def memory_after_garbage_collection(self) -> MemoryReading:
        """Collect garbage, then read the page's live DOM node count and used JS heap."""
        devtools = self._devtools()
        devtools.send("HeapProfiler.collectGarbage")
        metrics = {m["name"]: m["value"] for m in devtools.send("Performance.getMetrics")["metrics"]}
        return MemoryReading(self.seconds_since_navigation(), int(metrics["Nodes"]),
                             metrics["JSHeapUsedSize"] / 2**20)

    def watch_memory(self, settle_s: float, watch_s: float) -> tuple[MemoryReading, MemoryReading]:
        """The page's memory once it is `settle_s` old (its first ticks drawn), and again `watch_s` later by its own
        clock; both after garbage collection. The page runs undisturbed in between."""
        self.wait_until_age(settle_s, timeout_s=settle_s + 10)
        start = self.memory_after_garbage_collection()
        self.wait_until_age(start.at_s + watch_s, timeout_s=watch_s + 10)
        return start, self.memory_after_garbage_collection()

    def wait_until_age(self, seconds: float, timeout_s: float) -> None:
        """Wait until the page is `seconds` old by its own clock (the page keeps running meanwhile)."""
        self.page.wait_for_function("(ms) => performance.now() >= ms", arg=seconds * 1000, polling=250,
                                    timeout=timeout_s * 1000)
