"""Accessibility of the page in front of the user: axe-core's WCAG rules (through axe-playwright-python, which injects
axe-core 4.12.1 into the page's main frame), and what the keyboard alone reaches and where the focus is."""
from __future__ import annotations

import json
from dataclasses import dataclass

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page

# WCAG 2.0, 2.1 and 2.2, levels A and AA, as axe-core tags its rules.
WCAG_22_AA = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")

# An element as a person hears it: its tag, and its accessible name or text.
_DESCRIBE = """(element) => {
  const name = element.getAttribute('aria-label') || (element.labels && element.labels[0]?.textContent)
    || element.textContent || element.getAttribute('name') || element.getAttribute('placeholder') || '';
  return `<${element.tagName.toLowerCase()}> "${name.trim().replace(/\\s+/g, ' ').slice(0, 40)}"`;
}"""

# What the focused element is, described.
_FOCUSED = f"""() => {{
  const element = document.activeElement;
  if (!element || element === document.body) return 'nothing (the page itself)';
  return ({_DESCRIBE})(element);
}}"""

# What shows that an element has the focus: its outline or its box shadow as drawn now, or "" if neither.
_FOCUS_INDICATOR = """(element) => {
  const style = getComputedStyle(element);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
    ? `outline ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` : '';
  const shadow = style.boxShadow !== 'none' ? `box-shadow ${style.boxShadow}` : '';
  return [outline, shadow].filter(Boolean).join('; ');
}"""

# A key that stays an element's while the page moves it about (rows re-sorted), kept by the page.
_KEY_OF = """(element) => {
  const keys = (window.__keyboardKeys ||= new WeakMap());
  if (!keys.has(element)) keys.set(element, (window.__keyboardNext = (window.__keyboardNext || 0) + 1));
  return keys.get(element);
}"""

# The element with the focus now, keyed and described, with its focus indicator; null while the page itself has it.
_FOCUS_STOP = f"""() => {{
  const element = document.activeElement;
  if (!element || element === document.body || element === document.documentElement) return null;
  return {{ key: ({_KEY_OF})(element), name: ({_DESCRIBE})(element), indicator: ({_FOCUS_INDICATOR})(element) }};
}}"""

# Every link, button and field a person sees on the page, whether or not Tab reaches it: shown (it has a box and is not
# hidden), enabled, and not in a closed dialog or an inert part; plus any other element put in the tab order.
_CONTROLS_SHOWN = f"""() => [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex^="-"])')]
  .filter((element) => !element.disabled && element.getClientRects().length > 0
    && getComputedStyle(element).visibility !== 'hidden' && !element.closest('[inert], dialog:not([open])'))
  .map((element) => ({{ key: ({_KEY_OF})(element), name: ({_DESCRIBE})(element) }}))"""


@dataclass(frozen=True)
class FocusStop:
    """An element the keyboard meets: who it is and, once Tab gave it the focus, what showed that it had it ("" if
    nothing, or not yet focused)."""
    key: float
    name: str
    indicator: str = ""


@dataclass(frozen=True)
class TabRound:
    """One round of Tab through a whole page: the controls shown when it began, and where the focus went, in order."""
    controls: list[FocusStop]
    stops: list[FocusStop]

    def unreached(self) -> list[str]:
        reached = {stop.key for stop in self.stops}
        return [control.name for control in self.controls if control.key not in reached]

    def without_indicator(self) -> list[str]:
        return [stop.name for stop in self.stops if not stop.indicator]

    def out_of_order(self) -> list[str]:
        """Where Tab jumped against the order of the page (a positive tabindex, a control moved about): each "A, then
        B" where B comes before A on the page. The round may begin anywhere (a field that has the focus on arrival),
        so one jump back to the page's beginning, and the one from the round's end to its start, are in order."""
        place = {control.key: index for index, control in enumerate(self.controls)}
        known = [stop for stop in self.stops if stop.key in place]
        pairs = list(zip(known, known[1:] + known[:1], strict=True))
        backwards = [(a, b) for a, b in pairs if place[b.key] < place[a.key]]
        return [] if len(backwards) <= 1 else [f"{a.name}, then {b.name}" for a, b in backwards]


@dataclass(frozen=True)
class AxeFindings:
    """The violations axe-core found, as it reports them (rule id, impact, help, the nodes with their HTML)."""
    violations: list[dict]
    axe_version: str
    url: str

    def summary(self, violations: list[dict] | None = None) -> str:
        lines = []
        for violation in self.violations if violations is None else violations:
            lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} - {violation['helpUrl']}")
            for node in violation["nodes"]:
                lines.append(f"    {', '.join(map(str, node['target']))}: {node['html'][:160]}")
                if node.get("failureSummary"):
                    lines.append("      " + node["failureSummary"].replace("\n", "\n      "))
        return "\n".join(lines) or "no violation"

    def as_json(self) -> str:
        return json.dumps({"axe": self.axe_version, "url": self.url, "tags": WCAG_22_AA,
                           "violations": self.violations}, indent=2)


class AccessibilityScan:
    """axe-core run on the page as it is now, limited to the WCAG 2.2 A and AA rules."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self._axe = Axe()

    def run(self) -> AxeFindings:
        results = self._axe.run(self.page, options={"runOnly": {"type": "tag", "values": list(WCAG_22_AA)},
                                                    "resultTypes": ["violations"]})
        response = results.response
        return AxeFindings(response["violations"], response.get("testEngine", {}).get("version", "?"),
                           response.get("url", self.page.url))


class ShownOnRequest:
    """The parts of a screen shown only on request (a form, the order ticket), by the names the features give them,
    each with the control that shows it."""

    def __init__(self, page: Page) -> None:
        self._parts = {
            "new strategy form": (page.get_by_role("button", name="Create New Strategy", exact=True),
                                  page.get_by_role("form", name="New Strategy")),
            "order ticket": (page.get_by_role("button", name="New Order", exact=True),
                             page.get_by_role("form", name="Order ticket")),
            "limits editor": (page.get_by_role("button", name="Edit Limits", exact=True),
                              page.get_by_role("form", name="Edit Limits")),
        }
        self.names = tuple(self._parts)

    def show(self, name: str) -> None:
        opener, part = self._parts[name]
        opener.click()
        part.wait_for()


class KeyboardUser:
    """Someone at the page with the keyboard alone: Tab, Enter, Space, Escape; and where the focus is."""

    def __init__(self, page: Page) -> None:
        self.page = page
        # The dialog open now: a closed <dialog> is not in the accessibility tree.
        self.open_dialog = page.get_by_role("dialog")

    def button(self, name: str) -> Locator:
        return self.page.get_by_role("button", name=name, exact=True)

    def dialog(self, name: str) -> Locator:
        return self.page.get_by_role("dialog", name=name, exact=True)

    def has_focus(self, element: Locator) -> bool:
        return element.evaluate("(element) => element === document.activeElement")

    def focused(self) -> str:
        """The focused element, described."""
        return self.page.evaluate(_FOCUSED)

    def focus_indicator(self, element: Locator) -> str:
        """What shows that the element has the focus: its outline or its box shadow as drawn now, or "" if neither."""
        return element.evaluate(_FOCUS_INDICATOR)

    def tab_to(self, element: Locator, most: int = 60) -> int | None:
        """Press Tab from where the focus is until the element has it: how many presses, or None if it never did."""
        for presses in range(1, most + 1):
            self.page.keyboard.press("Tab")
            if self.has_focus(element):
                return presses
        return None

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)

    def tab_round(self, most: int = 150) -> TabRound:
        """Press Tab until the focus comes back to an element it had (once round the page), at most `most` times."""
        controls = [FocusStop(**control) for control in self.page.evaluate(_CONTROLS_SHOWN)]
        stops: list[FocusStop] = []
        seen: set[float] = set()
        for _ in range(most):
            self.page.keyboard.press("Tab")
            stop = self.page.evaluate(_FOCUS_STOP)
            if stop is None:  # between the last control and the first, the page itself has the focus
                continue
            if stop["key"] in seen:
                break
            seen.add(stop["key"])
            stops.append(FocusStop(**stop))
        return TabRound(controls, stops)

    def tab_through(self, container: Locator, presses: int) -> list[tuple[str, bool]]:
        """Press Tab `presses` times; after each, what has the focus and whether it is inside the container."""
        trail = []
        for _ in range(presses):
            self.page.keyboard.press("Tab")
            inside = container.evaluate("(container) => container.contains(document.activeElement)")
            trail.append((self.focused(), inside))
        return trail
