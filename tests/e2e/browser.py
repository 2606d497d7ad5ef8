"""Debian's chromium, driven by Playwright, for the viewer's end-to-end tests: nothing downloads a browser.

`.ci/run` installs chromium when it is absent; elsewhere a missing browser skips these tests, except under
CI=true, where it is a failure (CI must never go green without them).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("BRIEFBOT_CHROMIUM", "/usr/bin/chromium"))
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Module-scoped: Playwright's sync API keeps an event loop on the main thread while it runs, which would make
    `asyncio.run` in later test modules fail."""
    if not CHROMIUM.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true but no chromium at {CHROMIUM} (apt-get install chromium)", pytrace=False)
        pytest.skip(f"browser tests skipped: no chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield b
        b.close()
