"""The colour an element is drawn in, as a person would name it: green, red, amber (from its computed style)."""
from __future__ import annotations

from playwright.sync_api import Error, Locator

# Names a computed colour by its hue, so that any console's green counts, not only the reference console's shade.
_NAME_OF_COLOUR = """
(element, property) => {
  const [r, g, b] = getComputedStyle(element)[property].match(/[\\d.]+/g).map(Number);
  const max = Math.max(r, g, b), min = Math.min(r, g, b);
  if (max - min < 40) return 'grey';
  let hue;
  if (max === r) hue = (60 * ((g - b) / (max - min)) + 360) % 360;
  else if (max === g) hue = 60 * ((b - r) / (max - min)) + 120;
  else hue = 60 * ((r - g) / (max - min)) + 240;
  if (hue < 20 || hue >= 330) return 'red';
  if (hue < 60) return 'amber';
  if (hue < 170) return 'green';
  return 'blue';
}
"""


def computed_colour(locator: Locator, css_property: str) -> str:
    """The colour's name (green, red, amber, blue, grey) for the element's computed `css_property`."""
    return locator.evaluate(_NAME_OF_COLOUR, css_property)


def wait_for_colour(locator: Locator, css_property: str, colour: str, timeout_ms: float = 5_000) -> bool:
    """Whether the element comes to be drawn in `colour` within the timeout (its colour may follow a push)."""
    handle = locator.element_handle(timeout=timeout_ms)
    try:
        handle.wait_for_element_state("visible", timeout=timeout_ms)
        locator.page.wait_for_function(f"([element, property, colour]) => ({_NAME_OF_COLOUR})(element, property) "
                                       f"=== colour", arg=[handle, css_property, colour], polling=100,
                                       timeout=timeout_ms)
    except Error:
        return False
    return True
