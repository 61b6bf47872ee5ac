"""The real-time probe's view of a page: an init script that records, in the page, every rendered live update with its
tick's server timestamp and sequence number, connection-state and freshness changes; and the reads of that record.

The elements it watches are those of docs/ui-contract.md, "Live elements": an element showing a live value names
itself with `data-instrument` (or `data-live-key`) and carries the `data-seq` and `data-ts` (server epoch ms) of the
event it currently shows; `data-freshness` ("live" | "stale") says whether the page presents it as live; `data-state`
on the `connection-state` element says whether the page's live connection is up. The statistics computed from these
records (update rate, last-update age, latency) are fixtures/realtime.py's.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

PROBE_SCRIPT = r"""
(() => {
  if (window.__realtimeProbe) return;
  const LIMIT = 100000; // records per list; far beyond a scenario, bounded for a page left open for hours
  const probe = {
    documentId: `${Date.now()}-${Math.random().toString(36).slice(2)}`,
    updates: [],    // {key, seq, ts, at, frameAt}: one per rendered update
    connection: [], // {state, at, live}: the connection state, and the keys shown live at that moment
    freshness: [],  // {key, freshness, at}
    overflow: 0,
  };
  Object.defineProperty(window, '__realtimeProbe', { value: probe });
  const keep = (list, entry) => (list.length < LIMIT ? list.push(entry) : (probe.overflow += 1));
  const keyOf = (el) => el.getAttribute('data-instrument') ?? el.getAttribute('data-live-key') ?? '';
  const shownLive = () => Array.from(document.querySelectorAll('[data-freshness="live"]'), keyOf);

  const observer = new MutationObserver((records) => {
    const at = Date.now();
    // Several changes of one attribute in one batch: each record's new value is the next record's old value.
    const changes = new Map(); // element -> {seq: [...], ts: [...]}
    const values = (record, later) => (later ? later.oldValue : record.target.getAttribute(record.attributeName));
    records.forEach((record, index) => {
      const name = record.attributeName;
      const later = records.slice(index + 1).find((r) => r.target === record.target && r.attributeName === name);
      const value = values(record, later);
      if (name === 'data-seq' || name === 'data-ts') {
        if (value === record.oldValue || value == null) return;
        const entry = changes.get(record.target) ?? { seq: [], ts: [] };
        entry[name === 'data-seq' ? 'seq' : 'ts'].push(value);
        changes.set(record.target, entry);
      } else if (name === 'data-freshness' && value !== record.oldValue) {
        keep(probe.freshness, { key: keyOf(record.target), freshness: value, at });
      } else if (name === 'data-state' && record.target.getAttribute('data-testid') === 'connection-state'
                 && value !== record.oldValue) {
        keep(probe.connection, { state: value, at, live: shownLive() });
      }
    });
    const timed = [];
    for (const [element, { seq, ts }] of changes) {
      seq.forEach((value, index) => {
        // The tick's timestamp: paired by position, or the element's current one for its latest update.
        const stamp = ts.length === seq.length ? ts[index]
          : index === seq.length - 1 ? element.getAttribute('data-ts') : null;
        const entry = { key: keyOf(element), seq: Number(value), ts: stamp == null ? null : Number(stamp), at,
                        frameAt: null };
        keep(probe.updates, entry);
        timed.push(entry);
      });
    }
    // When the frame that paints these updates starts: reported next to the DOM time, not asserted.
    if (timed.length) {
      requestAnimationFrame(() => { const frameAt = Date.now(); timed.forEach((e) => { e.frameAt = frameAt; }); });
    }
  });
  observer.observe(document, { subtree: true, attributes: true, attributeOldValue: true,
                               attributeFilter: ['data-seq', 'data-ts', 'data-freshness', 'data-state'] });
})();
"""

_READ = "([list, since]) => window.__realtimeProbe ? window.__realtimeProbe[list].filter((r) => r.at >= since) : null"
_UPDATED = """([keys, since, count]) => {
  const probe = window.__realtimeProbe;
  return !!probe && keys.every((key) => probe.updates.filter((u) => u.key === key && u.at >= since).length >= count);
}"""
_NOTHING_LIVE = "() => document.querySelectorAll('[data-freshness=\"live\"]').length === 0"
_SHOWN_LIVE = """() => Array.from(document.querySelectorAll('[data-freshness="live"]'),
  (el) => el.getAttribute('data-instrument') ?? el.getAttribute('data-live-key') ?? '')"""
_STATE_SEEN = """([state, since]) => {
  const probe = window.__realtimeProbe;
  return !!probe && probe.connection.some((c) => c.state === state && c.at >= since);
}"""


@dataclass(frozen=True)
class Mark:
    """A moment on the browser's clock, in one document: later reads can tell whether the page was reloaded."""

    document_id: str
    at_ms: float


@dataclass(frozen=True)
class RenderedUpdate:
    key: str
    seq: int
    ts: float | None  # the tick's server time, epoch ms
    at: float  # browser Date.now() when the page's DOM showed it
    frame_at: float | None  # browser Date.now() at the start of the next animation frame

    @property
    def latency_ms(self) -> float | None:
        return None if self.ts is None else self.at - self.ts


@dataclass(frozen=True)
class ConnectionChange:
    state: str
    at: float
    shown_live: tuple[str, ...]  # keys presented as live at that moment


class RealtimeProbe:
    """Reads what the init script recorded in a page. Stateless: create one wherever a step needs it."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def mark(self) -> Mark:
        found = self.page.evaluate(
            "() => window.__realtimeProbe ? [window.__realtimeProbe.documentId, Date.now()] : null")
        if found is None:
            raise RuntimeError("the real-time probe is not installed in this page (fixtures.realtime registers its "
                               "script for every context the desk opens)")
        return Mark(found[0], found[1])

    def same_document(self, mark: Mark) -> bool:
        """False if the page was reloaded or navigated away since `mark`."""
        return self.mark().document_id == mark.document_id

    def _read(self, name: str, since_ms: float) -> list[dict]:
        records = self.page.evaluate(_READ, [name, since_ms])
        if records is None:
            raise RuntimeError("the real-time probe is not installed in this page")
        return records

    def freshness_changes(self, since: Mark | float = 0.0) -> list[dict]:
        """Each change of a live element's `data-freshness`: {key, freshness, at}."""
        return self._read("freshness", _at(since))

    def updates(self, since: Mark | float = 0.0) -> list[RenderedUpdate]:
        return [RenderedUpdate(r["key"], r["seq"], r["ts"], r["at"], r["frameAt"])
                for r in self._read("updates", _at(since))]

    def connection_changes(self, since: Mark | float = 0.0) -> list[ConnectionChange]:
        return [ConnectionChange(r["state"], r["at"], tuple(r["live"])) for r in self._read("connection", _at(since))]

    def updates_per_second(self, window_s: float) -> float:
        """How many live updates of any element the page rendered a second over the last `window_s` seconds."""
        now = self.mark().at_ms
        return len(self.updates(since=now - window_s * 1000)) / window_s

    def stale_after_last_update_ms(self, key: str) -> float | None:
        """How long after its last update the element was last flagged stale (None: never flagged). The last update is
        the last one rendered while the probe watched; if the element has shown none since the page loaded (its feed
        stopped first), the tick it has shown since then, by that tick's server timestamp (`data-ts`)."""
        stale = [r["at"] for r in self.freshness_changes() if r["key"] == key and r["freshness"] == "stale"]
        if not stale:
            return None
        before = [u.at for u in self.updates() if u.key == key and u.at <= stale[-1]]
        if before:
            return stale[-1] - before[-1]
        shown = self.page.locator(f'[data-instrument="{key}"][data-ts], [data-live-key="{key}"][data-ts]').first
        shown_ts = shown.get_attribute("data-ts")
        return stale[-1] - float(shown_ts) if shown_ts else None

    def wait_until(self, end_ms: float) -> None:
        """Wait until the page's clock reads `end_ms` (epoch ms)."""
        self.page.wait_for_function("end => Date.now() >= end", arg=end_ms, polling=250,
                                    timeout=max(0.0, end_ms - self.mark().at_ms) + 30_000)

    def wait_for_updates(self, keys: list[str], since: Mark | float, count: int = 1,
                         timeout_s: float = 5.0) -> list[str]:
        """Wait until every key has rendered `count` updates since `since`; returns the keys that did not."""
        try:
            self.page.wait_for_function(_UPDATED, arg=[keys, _at(since), count], polling=50, timeout=timeout_s * 1000)
        except PlaywrightTimeoutError:
            pass
        seen = self.updates(since)
        return [key for key in keys if sum(1 for u in seen if u.key == key) < count]

    def wait_for_connection_state(self, state: str, since: Mark | float, timeout_s: float = 5.0) -> bool:
        """Whether the page showed the connection `state` ("reconnecting", "live") since `since`, however briefly."""
        try:
            self.page.wait_for_function(_STATE_SEEN, arg=[state, _at(since)], polling=50, timeout=timeout_s * 1000)
        except PlaywrightTimeoutError:
            return False
        return True

    def state_shown_after_ms(self, state: str, since: Mark) -> float | None:
        """How long after `since` the page first showed the connection `state` (None: it has not)."""
        shown = [c.at for c in self.connection_changes(since) if c.state == state]
        return shown[0] - since.at_ms if shown else None

    def turned_live_after_ms(self, key: str, since: Mark) -> float | None:
        """How long after `since` the element `key` was last presented as live again (None: it was not)."""
        live = [r["at"] for r in self.freshness_changes(since) if r["key"] == key and r["freshness"] == "live"]
        return live[-1] - since.at_ms if live else None

    def shown_live(self, timeout_s: float = 0.0) -> list[str]:
        """What the page presents as live (`data-freshness="live"`), by key, once nothing is or `timeout_s` has
        passed: empty when the page presents nothing as live."""
        if timeout_s > 0:
            try:
                self.page.wait_for_function(_NOTHING_LIVE, polling=50, timeout=timeout_s * 1000)
            except PlaywrightTimeoutError:
                pass
        return self.page.evaluate(_SHOWN_LIVE)

    def reconnected_at(self, since: Mark | float) -> float:
        """When the connection last became live again after `since` (or `since` itself if it never dropped)."""
        back = [c.at for c in self.connection_changes(since) if c.state == "live"]
        return back[-1] if back else _at(since)

    def shown_live_while_disconnected(self, since: Mark | float) -> list[str]:
        """Keys the page presented as live while its connection was down (since `since`): at the moment the
        connection state left "live", or by turning live again before the connection was back."""
        changes = self.connection_changes(since)
        freshness = self.freshness_changes(since)
        offenders: set[str] = set()
        for index, change in enumerate(changes):
            if change.state == "live":
                continue
            offenders.update(change.shown_live)
            back = next((c.at for c in changes[index + 1:] if c.state == "live"), math.inf)
            offenders.update(r["key"] for r in freshness if r["freshness"] == "live" and change.at < r["at"] < back)
        return sorted(offenders)


def _at(since: Mark | float) -> float:
    return since.at_ms if isinstance(since, Mark) else since
