"""Browser-side observation of live elements: when did an element's text change, measured in the page itself."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from playwright.sync_api import JSHandle, Locator, Page

# Resolves with the performance.now() times of the first `changes` text changes of the element, or with what it
# has seen when `deadlineMs` passes; runs in the page's own document, so a reload in between fails the call.
_WATCH_TEXT_CHANGES = """
(element, [changes, deadlineMs]) => new Promise((resolve) => {
  const times = [];
  let last = element.textContent;
  const observer = new MutationObserver(() => {
    if (element.textContent === last) return;
    last = element.textContent;
    times.push(performance.now());
    if (times.length >= changes) { observer.disconnect(); resolve({ started, times }); }
  });
  const started = performance.now();
  observer.observe(element, { childList: true, characterData: true, subtree: true });
  setTimeout(() => { observer.disconnect(); resolve({ started, times }); }, deadlineMs);
})
"""


def text_change_intervals_ms(locator: Locator, changes: int, deadline_s: float) -> list[float]:
    """Watch `locator` until its text has changed `changes` times (or the deadline passes).

    Returns the intervals between the start of watching and each change, and between consecutive changes, in
    milliseconds of the page's own clock; fewer than `changes` intervals means the updates stopped coming.
    """
    seen = locator.evaluate(_WATCH_TEXT_CHANGES, [changes, deadline_s * 1000])
    marks = [seen["started"], *seen["times"]]
    return [later - earlier for earlier, later in pairwise(marks)]


# Installs a recorder on the element: every time its text changes, the new text (trimmed) and the
# performance.now() time of the change. Runs in the page, so no change is missed between two polls.
_RECORD_TEXT_VALUES = """
(element) => {
  const recording = { started: performance.now(), values: [], times: [], listeners: [] };
  let last = element.textContent.trim();
  recording.observer = new MutationObserver(() => {
    const text = element.textContent.trim();
    if (text === last) return;
    last = text;
    recording.values.push(text);
    recording.times.push(performance.now());
    recording.listeners.forEach((listener) => listener());
  });
  recording.observer.observe(element, { childList: true, characterData: true, subtree: true });
  return recording;
}
"""

# Resolves once the recorded text is one of `finals`, or when `deadlineMs` passes, with everything recorded.
_AWAIT_FINAL_TEXT = """
(recording, [finals, deadlineMs]) => new Promise((resolve) => {
  let timer;
  const finish = () => {
    clearTimeout(timer);
    recording.observer.disconnect();
    resolve({ started: recording.started, values: recording.values, times: recording.times });
  };
  const check = () => { if (finals.includes(recording.values.at(-1))) finish(); };
  timer = setTimeout(finish, deadlineMs);
  recording.listeners.push(check);
  check();
})
"""


@dataclass(frozen=True)
class TextHistory:
    """The successive texts an element showed, and when: milliseconds since recording started, page clock."""

    values: list[str]
    at_ms: list[float]

    def describe(self) -> str:
        lines = [f"{at:8.0f} ms  {value}" for value, at in zip(self.values, self.at_ms, strict=True)]
        return "\n".join(lines) or "no change"


class TextRecorder:
    """Records every text an element shows, in the page itself, from `start()` until a final text appears."""

    def __init__(self, locator: Locator) -> None:
        self._locator = locator
        self._recording: JSHandle | None = None

    def start(self) -> TextRecorder:
        self._recording = self._locator.evaluate_handle(_RECORD_TEXT_VALUES)
        return self

    def values_until(self, finals: Iterable[str], deadline_s: float) -> TextHistory:
        """Wait until the element shows one of `finals` (or the deadline passes); every text seen so far."""
        if self._recording is None:
            raise RuntimeError("start() the recorder before the element is expected to change")
        seen = self._recording.evaluate(_AWAIT_FINAL_TEXT, [list(finals), deadline_s * 1000])
        return TextHistory(seen["values"], [t - seen["started"] for t in seen["times"]])


# Installs a recorder on the element: the browser's Date.now() at the moment it first becomes visible (`hidden`
# removed, nothing hiding it), so that two pages, even in two browsers of the same host, can be compared.
_RECORD_APPEARANCE = """
(element) => {
  const shown = () => !element.hidden && element.checkVisibility();
  const recording = { shownAtStart: shown(), shownAt: null, listeners: [] };
  recording.observer = new MutationObserver(() => {
    if (recording.shownAt !== null || !shown()) return;
    recording.shownAt = Date.now();
    recording.listeners.forEach((listener) => listener());
  });
  recording.observer.observe(element, { attributes: true, childList: true, subtree: true, characterData: true });
  return recording;
}
"""

# Resolves once the element has appeared, or when `deadlineMs` passes, with what was recorded.
_AWAIT_APPEARANCE = """
(recording, deadlineMs) => new Promise((resolve) => {
  let timer;
  const finish = () => {
    clearTimeout(timer);
    recording.observer.disconnect();
    resolve({ shownAtStart: recording.shownAtStart, shownAt: recording.shownAt });
  };
  if (recording.shownAt !== null) { finish(); return; }
  timer = setTimeout(finish, deadlineMs);
  recording.listeners.push(finish);
})
"""


@dataclass(frozen=True)
class Appearance:
    shown_at_start: bool  # already visible when recording started: nothing to time
    shown_at_ms: float | None  # browser Date.now() (epoch ms) when it appeared; None if it never did


class AppearanceRecorder:
    """Records, in the page itself, when an element that is hidden now first becomes visible (epoch ms)."""

    def __init__(self, locator: Locator) -> None:
        self._locator = locator
        self._recording: JSHandle | None = None

    def start(self) -> AppearanceRecorder:
        self._recording = self._locator.evaluate_handle(_RECORD_APPEARANCE)
        return self

    def appearance(self, deadline_s: float) -> Appearance:
        """Wait until the element has appeared (or the deadline passes). Fails if the page was reloaded since
        `start()`: the recording lives in the document it was started in."""
        if self._recording is None:
            raise RuntimeError("start() the recorder before the element is expected to appear")
        seen = self._recording.evaluate(_AWAIT_APPEARANCE, deadline_s * 1000)
        return Appearance(seen["shownAtStart"], seen["shownAt"])


def browser_clock_ms(page: Page) -> float:
    """The page's Date.now(): epoch milliseconds on the clock of the host the browser runs on."""
    return page.evaluate("Date.now()")


def seconds_from_now(page: Page, time_of_day: str, utc: bool = False) -> float:
    """How far a time of day as a screen shows it ("14:03:01") is from the time of day now on the page's clock (its
    local time, as the screens show times; UTC where the screen says so), in seconds, either way, across midnight."""
    hours, minutes, seconds = (int(part) for part in time_of_day.split(":"))
    clock = "UTC" if utc else ""
    now = page.evaluate(f"(() => {{ const d = new Date(); return d.get{clock}Hours() * 3600"
                        f" + d.get{clock}Minutes() * 60 + d.get{clock}Seconds() + d.getMilliseconds() / 1000; }})()")
    apart = abs(now - (hours * 3600 + minutes * 60 + seconds)) % 86400
    return min(apart, 86400 - apart)
