"""Accessibility of the page in front of the user: axe-core's WCAG rules (through axe-playwright-python, which injects
axe-core 4.12.1 into the page's main frame), and what the keyboard alone reaches and where the focus is."""
from __future__ import annotations

import json
from dataclasses import dataclass

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page

# WCAG 2.0, 2.1 and 2.2, levels A and AA, as axe-core tags its rules.
WCAG_22_AA = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")

# What the focused element is, as a person hears it: its tag, and its accessible name or text.
_FOCUSED = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return 'nothing (the page itself)';
  const name = element.getAttribute('aria-label') || (element.labels && element.labels[0]?.textContent)
    || element.textContent || element.getAttribute('name') || '';
  return `<${element.tagName.toLowerCase()}> "${name.trim().replace(/\\s+/g, ' ').slice(0, 40)}"`;
}"""


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
        return element.evaluate("""(element) => {
          const style = getComputedStyle(element);
          const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
            ? `outline ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` : '';
          const shadow = style.boxShadow !== 'none' ? `box-shadow ${style.boxShadow}` : '';
          return [outline, shadow].filter(Boolean).join('; ');
        }""")

    def tab_to(self, element: Locator, most: int = 60) -> int | None:
        """Press Tab from where the focus is until the element has it: how many presses, or None if it never did."""
        for presses in range(1, most + 1):
            self.page.keyboard.press("Tab")
            if self.has_focus(element):
                return presses
        return None

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)

    def tab_through(self, container: Locator, presses: int) -> list[tuple[str, bool]]:
        """Press Tab `presses` times; after each, what has the focus and whether it is inside the container."""
        trail = []
        for _ in range(presses):
            self.page.keyboard.press("Tab")
            inside = container.evaluate("(container) => container.contains(document.activeElement)")
            trail.append((self.focused(), inside))
        return trail
