"""Browser-side observation of live elements: when did an element's text change, measured in the page itself."""
from __future__ import annotations

from playwright.sync_api import Locator

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
    return [later - earlier for earlier, later in zip(marks, marks[1:])]
