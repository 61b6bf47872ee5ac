"""The resources a page links to in its markup (its icon, stylesheets, preloads, manifest, scripts and images), as
addresses to fetch: Chromium does not report a favicon's fetch as a page request, so watching the page's requests
alone misses an icon that is not there."""
from __future__ import annotations

from playwright.sync_api import Page

# Every element whose address the browser fetches as a resource of the page (a data: URL is fetched from nowhere).
_LINKED = ", ".join((
    'link[rel~="icon" i][href]', 'link[rel~="apple-touch-icon" i][href]', 'link[rel~="stylesheet" i][href]',
    'link[rel~="preload" i][href]', 'link[rel~="modulepreload" i][href]', 'link[rel~="manifest" i][href]',
    "script[src]", "img[src]",
))


class LinkedResources:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.elements = page.locator(_LINKED)

    def addresses(self) -> list[str]:
        """The absolute address of every resource the page links to, once each, in document order, without data:
        URLs (nothing to fetch)."""
        urls = self.elements.evaluate_all("(elements) => elements.map((e) => e.href || e.src)")
        return [url for url in dict.fromkeys(urls) if url and not url.startswith(("data:", "blob:"))]
