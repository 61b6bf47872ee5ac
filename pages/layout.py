"""How a screen sits on a phone or a tablet: whether the page is wider than the screen, what sticks out, and the
controls a trader taps (their size, and tapping them)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from playwright.sync_api import Error, Locator, Page

from pages.navigation import NavigationBar

# The page is wider than the screen when the document scrolls sideways; the elements that reach past the right edge
# (the innermost ones, whose children do not) say where.
_WIDTH = """() => {
  const past = [...document.body.querySelectorAll('*')].filter((element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.right + window.scrollX > document.documentElement.clientWidth + 1;
  });
  const innermost = past.filter((element) => !past.some((other) => other !== element && element.contains(other)));
  const describe = (element) => {
    const name = element.getAttribute('aria-label') || element.getAttribute('data-testid') || element.id
      || (element.textContent || '').trim().slice(0, 30);
    const right = Math.round(element.getBoundingClientRect().right);
    return `<${element.tagName.toLowerCase()}> "${name}" reaches ${right} px`;
  };
  return {scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
          overflowing: innermost.slice(0, 8).map(describe)};
}"""


@dataclass(frozen=True)
class PageWidth:
    """The document's scroll width against the screen's width (the device's viewport), in CSS pixels."""
    viewport_width: int
    scroll_width: int
    client_width: int
    overflowing: list[str] = field(default_factory=list)

    @property
    def fits(self) -> bool:
        return self.scroll_width <= self.viewport_width

    def report(self) -> str:
        lines = [f"viewport width {self.viewport_width} px, document scroll width {self.scroll_width} px "
                 f"(client width {self.client_width} px): {'fits' if self.fits else 'scrolls sideways'}"]
        lines += [f"  {line}" for line in self.overflowing]
        return "\n".join(lines)


class ScreenLayout:
    """The page as laid out on the device in front of the user."""

    def __init__(self, page: Page) -> None:
        self.page = page
        navigation = NavigationBar(page)
        self.navigation = navigation.sections
        self.section_links = [navigation.section(name) for name in NavigationBar.SECTIONS]
        self.sign_out_button = navigation.sign_out_button

    def width(self, settle_ms: float) -> PageWidth:
        """The page's width once it fits the viewport, or as it is after `settle_ms` (a screen still filling in may
        be wider for a moment)."""
        viewport = self.page.viewport_size
        if viewport is None:
            raise ValueError("the page has no fixed viewport: open the session with a device profile")
        try:
            self.page.wait_for_function("(width) => document.documentElement.scrollWidth <= width",
                                        arg=viewport["width"], polling=100, timeout=settle_ms)
        except Error:
            pass  # measured and reported below: the page never fitted within the time
        figures = self.page.evaluate(_WIDTH)
        return PageWidth(viewport["width"], figures["scrollWidth"], figures["clientWidth"], figures["overflowing"])


@dataclass(frozen=True)
class TargetSize:
    width: float
    height: float

    def at_least(self, width: float, height: float) -> bool:
        return self.width >= width and self.height >= height


class TouchTargets:
    """The controls a trader taps, by the names the features give them, and tapping them (needs a touch screen)."""

    def __init__(self, page: Page) -> None:
        self.page = page
        stop_dialog = page.get_by_role("dialog", name="Confirm Emergency Stop")
        positions = page.get_by_role("table", name="Positions")
        self._controls: dict[str, Locator] = {
            "New Order button": page.get_by_role("button", name="New Order", exact=True),
            "Submit Order button": page.get_by_role("form", name="Order ticket")
                                       .get_by_role("button", name="Submit Order", exact=True),
            "Emergency Stop button": page.get_by_role("button", name="Emergency Stop", exact=True),
            "Confirm Emergency Stop button": stop_dialog.get_by_role("button", name="Confirm Emergency Stop",
                                                                     exact=True),
            "Edit Limits button": page.get_by_role("button", name="Edit Limits", exact=True),
            "Create New Strategy button": page.get_by_role("button", name="Create New Strategy", exact=True),
            "Currency filter": page.get_by_label("Currency", exact=True),
            "Sign in button": page.get_by_role("button", name="Sign in", exact=True),
            # A position's own buttons, on the Portfolio screen of an account holding one position.
            "Modify position button": positions.get_by_role("button", name=re.compile(r"^Modify the \w+ position$")),
            "Close position button": positions.get_by_role("button", name=re.compile(r"^Close the \w+ position$")),
            "Position details button": positions.get_by_role("button", name=re.compile(r"^[A-Z]{6}$")),
            # The quotes board's column headings sort it.
            "Spread sort button": page.get_by_role("table", name="Quotes").get_by_role("button", name="Spread",
                                                                                       exact=True),
        }
        # What a tap on a control opens, by the names the features give them.
        self._opened: dict[str, Locator] = {
            "order ticket": page.get_by_role("form", name="Order ticket"),
            "New Strategy form": page.get_by_role("form", name="New Strategy"),
            "Edit Limits form": page.get_by_role("form", name="Edit Limits"),
            "Emergency Stop confirmation": stop_dialog,
            "Change position size dialog": page.get_by_role("dialog", name="Change position size"),
            "Close position dialog": page.get_by_role("dialog", name="Close position"),
            "Position details": page.get_by_role("region", name="Position details"),
        }
        self.quotes = page.get_by_role("table", name="Quotes").get_by_role("rowheader")

    def control(self, name: str) -> Locator:
        if name not in self._controls:
            raise KeyError(f"no control named {name!r}; the controls: {', '.join(self._controls)}")
        return self._controls[name]

    def opened(self, name: str) -> Locator:
        if name not in self._opened:
            raise KeyError(f"nothing named {name!r} opens by a tap; known: {', '.join(self._opened)}")
        return self._opened[name]

    def size(self, name: str) -> TargetSize:
        """The control's bounding box, in CSS pixels (none at all, 0 × 0, when it is not rendered)."""
        box = self.control(name).bounding_box()
        return TargetSize(box["width"], box["height"]) if box else TargetSize(0, 0)

    def tap(self, name: str) -> None:
        self.control(name).tap()

    def tap_and_choose(self, name: str, option: str) -> None:
        """Tap a drop-down list (a phone opens its picker), and choose one of its options."""
        control = self.control(name)
        control.tap()
        control.select_option(option)
